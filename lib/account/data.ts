import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { designSectionsSchema } from "../notes/design-notes.ts";
import { noteTextSchema } from "../notes/versioned.ts";
import { CONCEPT_STATUSES } from "../checklist/progress.ts";
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
  retrospectives: z.array(z.strictObject({ week: z.number().int().min(1).max(20), body: noteTextSchema })).max(20),
  designNotes: z.array(z.strictObject({ week: z.number().int().min(6).max(20), sections: designSectionsSchema, timerStartedAt: isoOrNull })).max(20),
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
      .map((r) => ({ week: r.week, sections: designSectionsSchema.catch({}).parse(JSON.parse(r.sectionsJson)), timerStartedAt: isoOfNullable(r.timerStartedAt) }))
      .sort((a, b) => a.week - b.week),
    concepts: concepts
      .map((r) => ({ conceptId: r.conceptId, status: (CONCEPT_STATUSES as readonly string[]).includes(r.status) ? (r.status as (typeof CONCEPT_STATUSES)[number]) : "not-started", doneAt: isoOfNullable(r.doneAt), notes: r.notes }))
      .sort(byKey((r) => r.conceptId)),
    lessonNotes: lessonNotes.map((r) => ({ lessonRef: r.lessonRef, body: r.body })).sort(byKey((r) => r.lessonRef)),
  };
}

export type ImportResult = { ok: true; counts: Record<string, number> } | { ok: false; error: string };

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
    for (const r of data.lessonProgress) {
      await tx.lessonProgress.upsert({ where: { userId_lessonRef: { userId, lessonRef: r.lessonRef } }, create: { userId, lessonRef: r.lessonRef, readAt: new Date(r.readAt) }, update: { readAt: new Date(r.readAt) } });
    }
    for (const r of data.exercises) {
      const values = { draft: r.draft, draftUpdatedAt: dateOf(r.draftUpdatedAt), hintsRevealed: r.hintsRevealed, attemptedAt: dateOf(r.attemptedAt), solvedAt: dateOf(r.solvedAt) };
      await tx.exerciseProgress.upsert({ where: { userId_exerciseId: { userId, exerciseId: r.exerciseId } }, create: { userId, exerciseId: r.exerciseId, ...values }, update: values });
    }
    for (const r of data.submissions) {
      const createdAt = new Date(r.createdAt);
      const exists = await tx.submission.findFirst({ where: { userId, exerciseId: r.exerciseId, createdAt, code: r.code }, select: { id: true } });
      if (!exists) await tx.submission.create({ data: { userId, ...r, createdAt } });
    }
    if (data.plan) {
      const values = { startDate: new Date(data.plan.startDate), pausedAt: dateOf(data.plan.pausedAt) };
      await tx.planSettings.upsert({ where: { userId }, create: { userId, ...values }, update: values });
    }
    for (const r of data.planChecks) {
      await tx.planCheck.upsert({ where: { userId_itemId: { userId, itemId: r.itemId } }, create: { userId, itemId: r.itemId, checkedAt: new Date(r.checkedAt) }, update: { checkedAt: new Date(r.checkedAt) } });
    }
    for (const r of data.hours) {
      await tx.hoursLog.upsert({ where: { userId_day: { userId, day: r.day } }, create: { userId, day: r.day, hours: r.hours }, update: { hours: r.hours } });
    }
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
    for (const r of data.concepts) {
      const values = { status: r.status, doneAt: dateOf(r.doneAt), notes: r.notes };
      await tx.conceptStatus.upsert({ where: { userId_conceptId: { userId, conceptId: r.conceptId } }, create: { userId, conceptId: r.conceptId, ...values }, update: values });
    }
    for (const r of data.lessonNotes) {
      const existing = await tx.lessonNote.findUnique({ where: { userId_lessonRef: { userId, lessonRef: r.lessonRef } } });
      if (!existing) await tx.lessonNote.create({ data: { userId, lessonRef: r.lessonRef, body: r.body } });
      else if (existing.body !== r.body) await tx.lessonNote.update({ where: { id: existing.id }, data: { body: r.body, version: { increment: 1 } } });
    }
  });
  const counts = Object.fromEntries(Object.entries(data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
  return { ok: true, counts };
}
