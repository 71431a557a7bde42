import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { designSectionsSchema, readSections, readTimer, storeTimer } from "../notes/design-notes.ts";
import { noteTextSchema } from "../notes/versioned.ts";
import { CONCEPT_STATUSES, conceptStatusOf } from "../checklist/progress.ts";
import { DESIGN_WEEKS, RETRO_WEEKS } from "../notes/weeks.ts";
import { daySchema, hoursSchema } from "../plan/progress.ts";
import { EDITOR_KEYMAPS, getPreferences, timeZoneSchema } from "./preferences.ts";

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
  exercises: z.array(z.strictObject({ exerciseId: shortId, draft: z.string().max(200_000).nullable(), draftUpdatedAt: isoOrNull, myTests: z.string().max(200_000).nullable().optional(), hintsRevealed: z.number().int().min(0).max(100), attemptedAt: isoOrNull, solvedAt: isoOrNull })).max(10_000),
  submissions: z.array(z.strictObject({ exerciseId: shortId, code: z.string().max(200_000), status: z.string().max(20), passed: z.number().int().min(0), total: z.number().int().min(0), durationMs: z.number().min(0), resultJson: z.string().max(500_000), createdAt: iso })).max(50_000),
  plan: z.strictObject({ startDate: iso, pausedAt: isoOrNull }).nullable(),
  planChecks: z.array(z.strictObject({ itemId: shortId, checkedAt: iso })).max(50_000),
  hours: z.array(z.strictObject({ day: daySchema, hours: hoursSchema })).max(50_000),
  retrospectives: z.array(z.strictObject({ week: z.number().int().min(RETRO_WEEKS.first).max(RETRO_WEEKS.last), body: noteTextSchema })).max(RETRO_WEEKS.last),
  designNotes: z.array(z.strictObject({ week: z.number().int().min(DESIGN_WEEKS.first).max(DESIGN_WEEKS.last), sections: designSectionsSchema, timerStartedAt: isoOrNull, timerPausedMs: z.number().int().min(0).max(2_000_000_000).nullable().optional() })).max(DESIGN_WEEKS.last),
  concepts: z.array(z.strictObject({ conceptId: shortId, status: z.enum(CONCEPT_STATUSES), doneAt: isoOrNull, notes: noteTextSchema })).max(10_000),
  lessonNotes: z.array(z.strictObject({ lessonRef: shortId, body: noteTextSchema })).max(10_000),
  // Added later: optional, so files exported before it still import.
  preferences: z.strictObject({ timeZone: timeZoneSchema.nullable(), editorKeymap: z.enum(EDITOR_KEYMAPS), editorWrap: z.boolean() }).optional(),
});

export type UserExport = z.infer<typeof exportSchema>;

const isoOf = (d: Date) => d.toISOString();
const isoOfNullable = (d: Date | null) => (d ? d.toISOString() : null);
const dateOf = (s: string | null) => (s ? new Date(s) : null);
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

export async function exportUserData(userId: string, now = new Date()): Promise<UserExport> {
  const where = { where: { userId } };
  const [lessonProgress, exercises, submissions, plan, planChecks, hours, retros, designNotes, concepts, lessonNotes, preferences] = await Promise.all([
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
    getPreferences(userId),
  ]);
  return {
    format: "deepend-export",
    version: 1,
    exportedAt: isoOf(now),
    lessonProgress: lessonProgress.map((r) => ({ lessonRef: r.lessonRef, readAt: isoOf(r.readAt) })).sort(byKey((r) => r.lessonRef)),
    exercises: exercises
      .map((r) => ({ exerciseId: r.exerciseId, draft: r.draft, draftUpdatedAt: isoOfNullable(r.draftUpdatedAt), myTests: r.myTests, hintsRevealed: r.hintsRevealed, attemptedAt: isoOfNullable(r.attemptedAt), solvedAt: isoOfNullable(r.solvedAt) }))
      .sort(byKey((r) => r.exerciseId)),
    submissions: submissions
      .map((r) => ({ exerciseId: r.exerciseId, code: r.code, status: r.status, passed: r.passed, total: r.total, durationMs: r.durationMs, resultJson: r.resultJson, createdAt: isoOf(r.createdAt) }))
      .sort(byKey((r) => `${r.createdAt}|${r.exerciseId}`)),
    plan: plan ? { startDate: isoOf(plan.startDate), pausedAt: isoOfNullable(plan.pausedAt) } : null,
    planChecks: planChecks.map((r) => ({ itemId: r.itemId, checkedAt: isoOf(r.checkedAt) })).sort(byKey((r) => r.itemId)),
    hours: hours.map((r) => ({ day: r.day, hours: r.hours })).sort(byKey((r) => r.day)),
    retrospectives: retros.map((r) => ({ week: r.week, body: r.body })).sort((a, b) => a.week - b.week),
    designNotes: designNotes
      .map((r) => ({ week: r.week, sections: readSections(r.sectionsJson), timerStartedAt: isoOfNullable(r.timerStartedAt), timerPausedMs: r.timerPausedMs }))
      .sort((a, b) => a.week - b.week),
    concepts: concepts
      .map((r) => ({ conceptId: r.conceptId, status: conceptStatusOf(r.status), doneAt: isoOfNullable(r.doneAt), notes: r.notes }))
      .sort(byKey((r) => r.conceptId)),
    lessonNotes: lessonNotes.map((r) => ({ lessonRef: r.lessonRef, body: r.body })).sort(byKey((r) => r.lessonRef)),
    preferences,
  };
}

// ---- import -----------------------------------------------------------------------------------

/** The file's sections as a person would name them. */
export const SECTION_LABELS: Record<string, string> = {
  lessonProgress: "Lessons read",
  exercises: "Exercise progress",
  submissions: "Submissions",
  plan: "Plan start and pause",
  planChecks: "Ticked plan items",
  hours: "Hours logged",
  retrospectives: "Retrospectives",
  designNotes: "Design notes",
  concepts: "Checklist concepts",
  lessonNotes: "Lesson notes",
  preferences: "Preferences",
};

/** What an import did to one kind of record. */
export interface ImportTally {
  added: number;
  updated: number;
  unchanged: number;
}

export type ImportResult = { ok: true; summary: Record<string, ImportTally> } | { ok: false; error: string; problems: string[] };

type ZodIssue = z.core.$ZodIssue;

const typeName = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value === "string" ? "text" : `a ${typeof value}`);
const expectedName: Record<string, string> = { string: "text", number: "a number", boolean: "true or false", array: "a list", object: "an object", null: "null" };

/** One problem in words: where it is (section, record number, field) and what is wrong. */
export function describeImportIssue(issue: ZodIssue, file: unknown): string {
  const [section, index, ...rest] = issue.path;
  const where: string[] = [];
  if (typeof section === "string") where.push(SECTION_LABELS[section] ?? `“${section}”`);
  if (typeof index === "number") where.push(`record ${index + 1}`);
  else if (index !== undefined) rest.unshift(index);
  const field = rest.filter((p) => typeof p === "string").join(".");
  if (field) where.push(`“${field}”`);
  const at = issue.path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), file);
  let what: string;
  switch (issue.code) {
    case "invalid_type":
      what = at === undefined ? "is missing" : `should be ${expectedName[issue.expected] ?? issue.expected}, but is ${typeName(at)}`;
      break;
    case "unrecognized_keys":
      what = `has ${issue.keys.length === 1 ? "a field" : "fields"} a Deepend export does not have: ${issue.keys.map((k) => `“${k}”`).join(", ")}`;
      break;
    case "invalid_format":
      what = issue.format === "datetime" ? "should be a date and time like 2026-11-23T09:30:00.000Z" : `is not in the expected format (${issue.format})`;
      break;
    case "invalid_value":
      what = `should be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
      break;
    case "too_big":
      what = issue.message.startsWith("Too big") ? `is too ${issue.origin === "array" ? "long a list" : issue.origin === "string" ? "long" : "large"} (at most ${issue.maximum})` : issue.message;
      break;
    case "too_small":
      what = issue.message.startsWith("Too small") ? `is too ${issue.origin === "string" || issue.origin === "array" ? "short" : "small"} (at least ${issue.minimum})` : issue.message;
      break;
    default:
      what = issue.message;
  }
  // Our own messages are sentences; the generic ones read after the place.
  const sentence = /^[A-Z]/.test(what) ? what : `${what}.`;
  return where.length ? `${where.join(", ")}: ${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const MAX_PROBLEMS = 5;

/** Why a file cannot be imported, in words: at most five problems, and how many more there are. */
export function explainInvalidImport(file: unknown, issues: readonly ZodIssue[]): { error: string; problems: string[] } {
  if (file === null || typeof file !== "object" || Array.isArray(file) || (file as { format?: unknown }).format !== "deepend-export") {
    return { error: "This is not a valid Deepend export: choose a file made with “Export everything”. Nothing was imported.", problems: [] };
  }
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) => describeImportIssue(issue, file));
  if (issues.length > MAX_PROBLEMS) problems.push(`…and ${issues.length - MAX_PROBLEMS} more.`);
  return { error: `This is not a valid Deepend export: ${issues.length === 1 ? "one record has a problem" : `${issues.length} problems`}. Nothing was imported.`, problems };
}

/**
 * A full export can hold tens of thousands of rows: Prisma's default 5-second transaction limit
 * would roll a large import back. SQLite has one writer, so others' writes wait meanwhile.
 */
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

const sameValue = (fields: readonly string[]) => (row: Record<string, unknown>) => JSON.stringify(fields.map((f) => (row[f] instanceof Date ? (row[f] as Date).getTime() : row[f])));

/**
 * Rows with a natural key: the file's rows replace stored rows with the same key (the last one
 * wins if the file repeats a key); rows already stored as they are in the file are left alone.
 * Two statements per 500 changed rows instead of one upsert per row: 10,000 upserts took ~5 s.
 */
async function replaceByKey<Row extends Record<string, unknown>>(
  rows: Row[],
  keyOf: (row: Row) => string,
  fields: readonly string[],
  stored: Array<Record<string, unknown>>,
  remove: (keys: string[]) => Promise<unknown>,
  insert: (rows: Row[]) => Promise<unknown>,
): Promise<ImportTally> {
  const valueOf = sameValue(fields);
  const before = new Map(stored.map((row) => [keyOf(row as Row), valueOf(row)]));
  const unique = [...new Map(rows.map((row) => [keyOf(row), row])).values()];
  const tally: ImportTally = { added: 0, updated: 0, unchanged: 0 };
  const changed = unique.filter((row) => {
    const was = before.get(keyOf(row));
    if (was === undefined) tally.added++;
    else if (was === valueOf(row)) tally.unchanged++;
    else tally.updated++;
    return was !== valueOf(row);
  });
  for (let i = 0; i < changed.length; i += 500) {
    const chunk = changed.slice(i, i + 500);
    await remove(chunk.map(keyOf));
    await insert(chunk);
  }
  return tally;
}

/**
 * Imports an export into the user's account, all or nothing (one transaction). Records are
 * matched by their natural keys and overwritten with the file's values, and a submission already
 * present (same exercise, time and code) is not added again, so importing twice changes nothing.
 * The summary says, per kind of record, how many were added, updated, or already there.
 */
export async function importUserData(userId: string, input: unknown): Promise<ImportResult> {
  const parsed = exportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, ...explainInvalidImport(input, parsed.error.issues) };
  const data = parsed.data;
  const summary: Record<string, ImportTally> = {};
  const where = { where: { userId } };
  await db.$transaction(async (tx) => {
    summary.lessonProgress = await replaceByKey(
      data.lessonProgress.map((r) => ({ userId, lessonRef: r.lessonRef, readAt: new Date(r.readAt) })),
      (r) => r.lessonRef,
      ["readAt"],
      await tx.lessonProgress.findMany(where),
      (keys) => tx.lessonProgress.deleteMany({ where: { userId, lessonRef: { in: keys } } }),
      (rows) => tx.lessonProgress.createMany({ data: rows }),
    );
    summary.exercises = await replaceByKey(
      data.exercises.map((r) => ({ userId, exerciseId: r.exerciseId, draft: r.draft, draftUpdatedAt: dateOf(r.draftUpdatedAt), myTests: r.myTests ?? null, hintsRevealed: r.hintsRevealed, attemptedAt: dateOf(r.attemptedAt), solvedAt: dateOf(r.solvedAt) })),
      (r) => r.exerciseId,
      ["draft", "draftUpdatedAt", "myTests", "hintsRevealed", "attemptedAt", "solvedAt"],
      await tx.exerciseProgress.findMany(where),
      (keys) => tx.exerciseProgress.deleteMany({ where: { userId, exerciseId: { in: keys } } }),
      (rows) => tx.exerciseProgress.createMany({ data: rows }),
    );
    // Submissions have no natural key: one already present has the same exercise, time and code.
    const submissionKey = (s: { exerciseId: string; createdAt: Date; code: string }) => `${s.exerciseId}\0${s.createdAt.getTime()}\0${s.code}`;
    const present = new Set((await tx.submission.findMany({ where: { userId }, select: { exerciseId: true, createdAt: true, code: true } })).map(submissionKey));
    const fileSubmissions = [...new Map(data.submissions.map((r) => ({ userId, ...r, createdAt: new Date(r.createdAt) })).map((r) => [submissionKey(r), r])).values()];
    const fresh = fileSubmissions.filter((r) => !present.has(submissionKey(r)));
    if (fresh.length > 0) await tx.submission.createMany({ data: fresh });
    summary.submissions = { added: fresh.length, updated: 0, unchanged: fileSubmissions.length - fresh.length };
    if (data.plan) {
      const values = { startDate: new Date(data.plan.startDate), pausedAt: dateOf(data.plan.pausedAt) };
      const existing = await tx.planSettings.findUnique(where);
      const same = existing && existing.startDate.getTime() === values.startDate.getTime() && existing.pausedAt?.getTime() === values.pausedAt?.getTime();
      if (!same) await tx.planSettings.upsert({ where: { userId }, create: { userId, ...values }, update: values });
      summary.plan = { added: existing ? 0 : 1, updated: existing && !same ? 1 : 0, unchanged: same ? 1 : 0 };
    }
    summary.planChecks = await replaceByKey(
      data.planChecks.map((r) => ({ userId, itemId: r.itemId, checkedAt: new Date(r.checkedAt) })),
      (r) => r.itemId,
      ["checkedAt"],
      await tx.planCheck.findMany(where),
      (keys) => tx.planCheck.deleteMany({ where: { userId, itemId: { in: keys } } }),
      (rows) => tx.planCheck.createMany({ data: rows }),
    );
    summary.hours = await replaceByKey(
      data.hours.map((r) => ({ userId, day: r.day, hours: r.hours })),
      (r) => r.day,
      ["hours"],
      await tx.hoursLog.findMany(where),
      (keys) => tx.hoursLog.deleteMany({ where: { userId, day: { in: keys } } }),
      (rows) => tx.hoursLog.createMany({ data: rows }),
    );
    const retros: ImportTally = { added: 0, updated: 0, unchanged: 0 };
    for (const r of data.retrospectives) {
      const existing = await tx.retrospective.findUnique({ where: { userId_week: { userId, week: r.week } } });
      if (!existing) {
        await tx.retrospective.create({ data: { userId, week: r.week, body: r.body } });
        retros.added++;
      } else if (existing.body !== r.body) {
        await tx.retrospective.update({ where: { id: existing.id }, data: { body: r.body, version: { increment: 1 } } });
        retros.updated++;
      } else retros.unchanged++;
    }
    summary.retrospectives = retros;
    const designs: ImportTally = { added: 0, updated: 0, unchanged: 0 };
    for (const r of data.designNotes) {
      const sectionsJson = JSON.stringify(r.sections);
      const existing = await tx.designNote.findUnique({ where: { userId_week: { userId, week: r.week } } });
      // Files from before the pause column carry only timerStartedAt.
      const timer = storeTimer(readTimer({ timerStartedAt: dateOf(r.timerStartedAt), timerPausedMs: r.timerPausedMs ?? null }));
      if (!existing) {
        await tx.designNote.create({ data: { userId, week: r.week, sectionsJson, ...timer } });
        designs.added++;
      } else if (existing.sectionsJson !== sectionsJson || existing.timerStartedAt?.getTime() !== timer.timerStartedAt?.getTime() || existing.timerPausedMs !== timer.timerPausedMs) {
        await tx.designNote.update({ where: { id: existing.id }, data: { sectionsJson, ...timer, version: { increment: 1 } } });
        designs.updated++;
      } else designs.unchanged++;
    }
    summary.designNotes = designs;
    summary.concepts = await replaceByKey(
      data.concepts.map((r) => ({ userId, conceptId: r.conceptId, status: r.status, doneAt: dateOf(r.doneAt), notes: r.notes })),
      (r) => r.conceptId,
      ["status", "doneAt", "notes"],
      await tx.conceptStatus.findMany(where),
      (keys) => tx.conceptStatus.deleteMany({ where: { userId, conceptId: { in: keys } } }),
      (rows) => tx.conceptStatus.createMany({ data: rows }),
    );
    const notes: ImportTally = { added: 0, updated: 0, unchanged: 0 };
    for (const r of data.lessonNotes) {
      const existing = await tx.lessonNote.findUnique({ where: { userId_lessonRef: { userId, lessonRef: r.lessonRef } } });
      if (!existing) {
        await tx.lessonNote.create({ data: { userId, lessonRef: r.lessonRef, body: r.body } });
        notes.added++;
      } else if (existing.body !== r.body) {
        await tx.lessonNote.update({ where: { id: existing.id }, data: { body: r.body, version: { increment: 1 } } });
        notes.updated++;
      } else notes.unchanged++;
    }
    summary.lessonNotes = notes;
    if (data.preferences) {
      const current = await tx.user.findUnique({ where: { id: userId }, select: { timeZone: true, editorKeymap: true, editorWrap: true } });
      const same = current && current.timeZone === data.preferences.timeZone && current.editorKeymap === data.preferences.editorKeymap && current.editorWrap === data.preferences.editorWrap;
      if (!same) await tx.user.update({ where: { id: userId }, data: data.preferences });
      summary.preferences = { added: 0, updated: same ? 0 : 1, unchanged: same ? 1 : 0 };
    }
  }, IMPORT_TRANSACTION);
  // Kinds the file had nothing of are left out of the summary.
  return { ok: true, summary: Object.fromEntries(Object.entries(summary).filter(([, t]) => t.added + t.updated + t.unchanged > 0)) };
}

/** The summary in the file's order, each kind with its label, for showing. */
export function labelledSummary(summary: Record<string, ImportTally>): Array<ImportTally & { kind: string; label: string }> {
  return Object.keys(SECTION_LABELS)
    .filter((kind) => summary[kind])
    .map((kind) => ({ kind, label: SECTION_LABELS[kind]!, ...summary[kind]! }));
}
