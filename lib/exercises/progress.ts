import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import type { RunResult, TestResult } from "../sandbox/types.ts";

// Every function takes the user id and scopes its query by it.

export type ExerciseStatus = "not-started" | "attempted" | "solved";

export interface ExerciseState {
  draft: string | null;
  draftUpdatedAt: Date | null;
  myTests: string | null;
  hintsRevealed: number;
  solvedAt: Date | null;
  status: ExerciseStatus;
}

const EMPTY: ExerciseState = { draft: null, draftUpdatedAt: null, myTests: null, hintsRevealed: 0, solvedAt: null, status: "not-started" };

function statusOf(row: { solvedAt: Date | null; attemptedAt: Date | null; draft: string | null }): ExerciseStatus {
  if (row.solvedAt) return "solved";
  return row.attemptedAt || row.draft ? "attempted" : "not-started";
}

export async function getExerciseState(userId: string, exerciseId: string): Promise<ExerciseState> {
  const row = await db.exerciseProgress.findUnique({ where: { userId_exerciseId: { userId, exerciseId } } });
  if (!row) return EMPTY;
  return { draft: row.draft, draftUpdatedAt: row.draftUpdatedAt, myTests: row.myTests, hintsRevealed: row.hintsRevealed, solvedAt: row.solvedAt, status: statusOf(row) };
}

/** Status of every exercise the user has touched, keyed by exercise id. */
export async function getExerciseStatuses(userId: string): Promise<Map<string, ExerciseStatus>> {
  const rows = await db.exerciseProgress.findMany({ where: { userId }, select: { exerciseId: true, solvedAt: true, attemptedAt: true, draft: true } });
  return new Map(rows.map((r) => [r.exerciseId, statusOf(r)]));
}

export async function saveDraft(userId: string, exerciseId: string, code: string): Promise<Date> {
  const now = new Date();
  await db.exerciseProgress.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, draft: code, draftUpdatedAt: now },
    update: { draft: code, draftUpdatedAt: now },
  });
  return now;
}

/** The learner's own tests ("My tests"), kept beside the draft. */
export async function saveMyTests(userId: string, exerciseId: string, myTests: string): Promise<void> {
  await db.exerciseProgress.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, myTests },
    update: { myTests },
  });
}

/** Reveals the next hint (up to `available`); returns how many are revealed now. */
export async function revealNextHint(userId: string, exerciseId: string, available: number): Promise<number> {
  const row = await db.exerciseProgress.findUnique({ where: { userId_exerciseId: { userId, exerciseId } }, select: { hintsRevealed: true } });
  const next = Math.min(available, (row?.hintsRevealed ?? 0) + 1);
  await db.exerciseProgress.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, hintsRevealed: next },
    update: { hintsRevealed: next },
  });
  return next;
}

export async function markAttempted(userId: string, exerciseId: string): Promise<void> {
  const now = new Date();
  await db.exerciseProgress.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, attemptedAt: now },
    update: { attemptedAt: now },
  });
}

const storedTestSchema = z.array(
  z.object({
    name: z.string(),
    status: z.enum(["passed", "failed"]),
    hidden: z.boolean(),
    message: z.string().optional(),
    durationMs: z.number(),
  }),
);
export type StoredTest = z.infer<typeof storedTestSchema>[number];

export interface SubmissionSummary {
  id: string;
  status: string;
  passed: number;
  total: number;
  durationMs: number;
  createdAt: Date;
}

export interface SubmissionDetail extends SubmissionSummary {
  code: string;
  tests: StoredTest[];
}

/** Stores a Submit and, when it passed, marks the exercise solved (the first time). */
export async function recordSubmission(userId: string, exerciseId: string, code: string, result: RunResult): Promise<SubmissionSummary> {
  const tests: StoredTest[] = result.tests.map((t: TestResult) => ({ name: t.name, status: t.status, hidden: t.hidden, message: t.message?.slice(0, 500), durationMs: t.durationMs }));
  const now = new Date();
  // One transaction: a passing submission is never stored without the exercise marked solved.
  return db.$transaction(async (tx) => {
    const submission = await tx.submission.create({
      data: {
        userId,
        exerciseId,
        code,
        status: result.status,
        // A prediction counts its lines: how many leading lines were right, of how many.
        passed: result.predict ? result.predict.matched : tests.filter((t) => t.status === "passed").length,
        total: result.predict ? result.predict.expectedLines : tests.length,
        durationMs: result.durationMs,
        resultJson: JSON.stringify(tests),
      },
      select: { id: true, status: true, passed: true, total: true, durationMs: true, createdAt: true },
    });
    await tx.exerciseProgress.upsert({ where: { userId_exerciseId: { userId, exerciseId } }, create: { userId, exerciseId, attemptedAt: now }, update: { attemptedAt: now } });
    // Solved the first time it passes: a later pass keeps the original date.
    if (result.status === "passed") await tx.exerciseProgress.updateMany({ where: { userId, exerciseId, solvedAt: null }, data: { solvedAt: now } });
    return submission;
  });
}

export async function listSubmissions(userId: string, exerciseId: string): Promise<SubmissionSummary[]> {
  return db.submission.findMany({
    where: { userId, exerciseId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, status: true, passed: true, total: true, durationMs: true, createdAt: true },
  });
}

export async function getSubmission(userId: string, exerciseId: string, id: string): Promise<SubmissionDetail | null> {
  const row = await db.submission.findFirst({ where: { id, userId, exerciseId } });
  if (!row) return null;
  const tests = storedTestSchema.safeParse(parseJsonOrNull(row.resultJson));
  return { id: row.id, status: row.status, passed: row.passed, total: row.total, durationMs: row.durationMs, createdAt: row.createdAt, code: row.code, tests: tests.success ? tests.data : [] };
}

/** Stored results come from imports too: text that is not JSON reads as no results, not a 500. */
function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
