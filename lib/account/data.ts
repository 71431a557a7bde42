import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { designSectionsSchema, readSections } from "../notes/design-notes.ts";
import { noteTextSchema } from "../notes/versioned.ts";
import { CONCEPT_STATUSES, conceptStatusOf } from "../checklist/progress.ts";
import { DESIGN_WEEKS, RETRO_WEEKS } from "../notes/weeks.ts";
import { daySchema, hoursSchema } from "../plan/progress.ts";
import { issueLines } from "../zod-issues.ts";

// "Your data is yours": everything a user has, as one JSON document, and back. The format keeps
// no database ids or bookkeeping columns, so export → wipe → import → export is identical.

const iso = z.iso.datetime({ offset: true });
const isoOrNull = iso.nullable();
const shortId = z.string().min(1).max(200);

export const exportSchema = z.strictObject({
  format: z.literal("deepend-export"),
  version: z.literal(1),
  exportedAt: iso,
  lessonProgress: z.array(z.strictObject({ lessonRef: shortId, readAt: iso })).max(10_000),
  exercises: z.array(z.strictObject({ exerciseId: shortId, draft: z.string().max(200_000).nullable(), draftUpdatedAt: isoOrNull, hintsRevealed: z.number().int().min(0).max(100), attemptedAt: isoOrNull, solvedAt: isoOrNull })).max(10_000),
  submissions: z.array(z.strictObject({ exerciseId: shortId, code: z.string().max(200_000), status: z.string().max(20), passed: z.number().int().min(0), total: z.number().int().min(0), durationMs: z.number().min(0), resultJson: z.string().max(500_000), createdAt: iso })).max(50_000),
  plan: z.strictObject({ startDate: iso, pausedAt: isoOrNull }).nullable(),
  planChecks: z.array(z.strictObject({ itemId: shortId, checkedAt: iso })).max(50_000),
  hours: z.array(z.strictObject({ day: daySchema, hours: hoursSchema })).max(50_000),
  retrospectives: z.array(z.strictObject({ week: z.number().int().min(RETRO_WEEKS.first).max(RETRO_WEEKS.last), body: noteTextSchema })).max(RETRO_WEEKS.last),
  designNotes: z.array(z.strictObject({ week: z.number().int().min(DESIGN_WEEKS.first).max(DESIGN_WEEKS.last), sections: designSectionsSchema, timerStartedAt: isoOrNull })).max(DESIGN_WEEKS.last),
  concepts: z.array(z.strictObject({ conceptId: shortId, status: z.enum(CONCEPT_STATUSES), doneAt: isoOrNull, notes: noteTextSchema })).max(10_000),
  lessonNotes: z.array(z.strictObject({ lessonRef: shortId, body: noteTextSchema })).max(10_000),
});

export type UserExport = z.infer<typeof exportSchema>;

const isoOf = (d: Date) => d.toISOString();
const isoOfNullable = (d: Date | null) => (d ? d.toISOString() : null);
const dateOf = (s: string | null) => (s ? new Date(s) : null);
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

export async function exportUserData(userId: string, now = new Date()): Promise<UserExport> {
  const where = { where: { userId } };
  const [lessonProgress, exercises, submissions, plan, planChecks, hours, retros, designNotes, concepts, lessonNotes] = await Promise.all([
    db.lessonProgress.findMany(where),
    db.exerciseProgress.findMany(where),
    db.submission.findMany(where),
    db.planSettings.findUnique(where),
    db.planCheck.findMany(where),
    db.hoursLog.findMany(where),
    db.retrospective.findMany(where),
    db.designNote.findMany(where),
    db.conceptStatus.findMany(where),
    db.lessonNote.findMany(where),
  ]);
  return {
    format: "deepend-export",
    version: 1,
    exportedAt: isoOf(now),
    lessonProgress: lessonProgress.map((r) => ({ lessonRef: r.lessonRef, readAt: isoOf(r.readAt) })).sort(byKey((r) => r.lessonRef)),
    exercises: exercises
      .map((r) => ({ exerciseId: r.exerciseId, draft: r.draft, draftUpdatedAt: isoOfNullable(r.draftUpdatedAt), hintsRevealed: r.hintsRevealed, attemptedAt: isoOfNullable(r.attemptedAt), solvedAt: isoOfNullable(r.solvedAt) }))
      .sort(byKey((r) => r.exerciseId)),
    submissions: submissions
      .map((r) => ({ exerciseId: r.exerciseId, code: r.code, status: r.status, passed: r.passed, total: r.total, durationMs: r.durationMs, resultJson: r.resultJson, createdAt: isoOf(r.createdAt) }))
      .sort(byKey((r) => `${r.createdAt}|${r.exerciseId}`)),
    plan: plan ? { startDate: isoOf(plan.startDate), pausedAt: isoOfNullable(plan.pausedAt) } : null,
    planChecks: planChecks.map((r) => ({ itemId: r.itemId, checkedAt: isoOf(r.checkedAt) })).sort(byKey((r) => r.itemId)),
    hours: hours.map((r) => ({ day: r.day, hours: r.hours })).sort(byKey((r) => r.day)),
    retrospectives: retros.map((r) => ({ week: r.week, body: r.body })).sort((a, b) => a.week - b.week),
    designNotes: designNotes
      .map((r) => ({ week: r.week, sections: readSections(r.sectionsJson), timerStartedAt: isoOfNullable(r.timerStartedAt) }))
      .sort((a, b) => a.week - b.week),
    concepts: concepts
      .map((r) => ({ conceptId: r.conceptId, status: conceptStatusOf(r.status), doneAt: isoOfNullable(r.doneAt), notes: r.notes }))
      .sort(byKey((r) => r.conceptId)),
    lessonNotes: lessonNotes.map((r) => ({ lessonRef: r.lessonRef, body: r.body })).sort(byKey((r) => r.lessonRef)),
  };
}

export type ImportResult = { ok: true; counts: Record<string, number> } | { ok: false; error: string };

/**
 * A full export can hold tens of thousands of rows: Prisma's default 5-second transaction limit
 * would roll a large import back. SQLite has one writer, so others' writes wait meanwhile.
 */
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/**
 * Rows with a natural key: the file's rows replace stored rows with the same key (the last one
 * wins if the file repeats a key). Two statements per 500 rows instead of one upsert per row:
 * 10,000 upserts took ~5 s.
 */
async function replaceByKey<Row>(rows: Row[], keyOf: (row: Row) => string, remove: (keys: string[]) => Promise<unknown>, insert: (rows: Row[]) => Promise<unknown>): Promise<void> {
  const unique = [...new Map(rows.map((row) => [keyOf(row), row])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    await remove(chunk.map(keyOf));
    await insert(chunk);
  }
}

/**
 * Imports an export into the user's account, all or nothing (one transaction). Records are
 * matched by their natural keys and overwritten with the file's values, and a submission already
 * present (same exercise, time and code) is not added again, so importing twice changes nothing.
 */
export async function importUserData(userId: string, input: unknown): Promise<ImportResult> {
  const parsed = exportSchema.safeParse(input);
  if (!parsed.success) {
    const first = issueLines(parsed.error.issues.slice(0, 5), "file");
    return { ok: false, error: `This is not a valid Deepend export. ${first.join("; ")}` };
  }
  const data = parsed.data;
  await db.$transaction(async (tx) => {
    await replaceByKey(
      data.lessonProgress.map((r) => ({ userId, lessonRef: r.lessonRef, readAt: new Date(r.readAt) })),
      (r) => r.lessonRef,
      (keys) => tx.lessonProgress.deleteMany({ where: { userId, lessonRef: { in: keys } } }),
      (rows) => tx.lessonProgress.createMany({ data: rows }),
    );
    await replaceByKey(
      data.exercises.map((r) => ({ userId, exerciseId: r.exerciseId, draft: r.draft, draftUpdatedAt: dateOf(r.draftUpdatedAt), hintsRevealed: r.hintsRevealed, attemptedAt: dateOf(r.attemptedAt), solvedAt: dateOf(r.solvedAt) })),
      (r) => r.exerciseId,
      (keys) => tx.exerciseProgress.deleteMany({ where: { userId, exerciseId: { in: keys } } }),
      (rows) => tx.exerciseProgress.createMany({ data: rows }),
    );
    // Submissions have no natural key: one already present has the same exercise, time and code.
    const submissionKey = (s: { exerciseId: string; createdAt: Date; code: string }) => `${s.exerciseId}\0${s.createdAt.getTime()}\0${s.code}`;
    const present = new Set((await tx.submission.findMany({ where: { userId }, select: { exerciseId: true, createdAt: true, code: true } })).map(submissionKey));
    const fresh = data.submissions.map((r) => ({ userId, ...r, createdAt: new Date(r.createdAt) })).filter((r) => !present.has(submissionKey(r)));
    if (fresh.length > 0) await tx.submission.createMany({ data: fresh });
    if (data.plan) {
      const values = { startDate: new Date(data.plan.startDate), pausedAt: dateOf(data.plan.pausedAt) };
      await tx.planSettings.upsert({ where: { userId }, create: { userId, ...values }, update: values });
    }
    await replaceByKey(
      data.planChecks.map((r) => ({ userId, itemId: r.itemId, checkedAt: new Date(r.checkedAt) })),
      (r) => r.itemId,
      (keys) => tx.planCheck.deleteMany({ where: { userId, itemId: { in: keys } } }),
      (rows) => tx.planCheck.createMany({ data: rows }),
    );
    await replaceByKey(
      data.hours.map((r) => ({ userId, day: r.day, hours: r.hours })),
      (r) => r.day,
      (keys) => tx.hoursLog.deleteMany({ where: { userId, day: { in: keys } } }),
      (rows) => tx.hoursLog.createMany({ data: rows }),
    );
    for (const r of data.retrospectives) {
      const existing = await tx.retrospective.findUnique({ where: { userId_week: { userId, week: r.week } } });
      if (!existing) await tx.retrospective.create({ data: { userId, week: r.week, body: r.body } });
      else if (existing.body !== r.body) await tx.retrospective.update({ where: { id: existing.id }, data: { body: r.body, version: { increment: 1 } } });
    }
    for (const r of data.designNotes) {
      const sectionsJson = JSON.stringify(r.sections);
      const existing = await tx.designNote.findUnique({ where: { userId_week: { userId, week: r.week } } });
      const timerStartedAt = dateOf(r.timerStartedAt);
      if (!existing) await tx.designNote.create({ data: { userId, week: r.week, sectionsJson, timerStartedAt } });
      else if (existing.sectionsJson !== sectionsJson || existing.timerStartedAt?.getTime() !== timerStartedAt?.getTime()) {
        await tx.designNote.update({ where: { id: existing.id }, data: { sectionsJson, timerStartedAt, version: { increment: 1 } } });
      }
    }
    await replaceByKey(
      data.concepts.map((r) => ({ userId, conceptId: r.conceptId, status: r.status, doneAt: dateOf(r.doneAt), notes: r.notes })),
      (r) => r.conceptId,
      (keys) => tx.conceptStatus.deleteMany({ where: { userId, conceptId: { in: keys } } }),
      (rows) => tx.conceptStatus.createMany({ data: rows }),
    );
    for (const r of data.lessonNotes) {
      const existing = await tx.lessonNote.findUnique({ where: { userId_lessonRef: { userId, lessonRef: r.lessonRef } } });
      if (!existing) await tx.lessonNote.create({ data: { userId, lessonRef: r.lessonRef, body: r.body } });
      else if (existing.body !== r.body) await tx.lessonNote.update({ where: { id: existing.id }, data: { body: r.body, version: { increment: 1 } } });
    }
  }, IMPORT_TRANSACTION);
  const counts = Object.fromEntries(Object.entries(data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
  return { ok: true, counts };
}
