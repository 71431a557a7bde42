import "server-only";
import { z } from "zod";
import { getExercise, type Exercise } from "../content/exercises.ts";
import { env } from "../env.ts";
import { RateLimiter } from "../rate-limit.ts";
import { MAX_CODE_BYTES } from "../sandbox/limits.ts";
import type { RunResult } from "../sandbox/types.ts";
import { checkSolution, type CheckMode } from "./check.ts";
import { checkPrediction } from "./predict.ts";
import { markAttempted, recordSubmission, type SubmissionSummary } from "./progress.ts";

export const codeSchema = z.string().refine((code) => Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES, `The code is larger than ${MAX_CODE_BYTES / 1024} KB.`);
export const runRequestSchema = z.object({ code: z.string(), mode: z.enum(["run", "submit"]), myTests: z.string().optional() });

const globalForLimiter = globalThis as unknown as { deependRunLimiter?: RateLimiter };
function limiter(): RateLimiter {
  globalForLimiter.deependRunLimiter ??= new RateLimiter({ limit: env().RUN_RATE_PER_MINUTE, windowMs: 60_000 });
  return globalForLimiter.deependRunLimiter;
}

export type RunOutcome =
  | { kind: "ok"; result: RunResult; submission?: SubmissionSummary }
  | { kind: "not-found" }
  | { kind: "too-large" }
  | { kind: "rate-limited"; retryAfterMs: number };

/** Run (visible tests) or Submit (visible + hidden, stored) a user's code. */
/** Run (visible tests, and the learner's own when given) or Submit (visible + hidden, stored; never the learner's tests). */
export async function runForUser(userId: string, slug: string, code: string, mode: CheckMode, myTests?: string): Promise<RunOutcome> {
  const exercise: Exercise | undefined = getExercise(slug);
  if (!exercise) return { kind: "not-found" };
  if (!codeSchema.safeParse(code).success || (myTests !== undefined && !codeSchema.safeParse(myTests).success)) return { kind: "too-large" };
  const allowed = limiter().hit(userId);
  if (!allowed.allowed) return { kind: "rate-limited", retryAfterMs: allowed.retryAfterMs };
  if (exercise.kind === "predict" && mode === "run") return { kind: "ok", result: { status: "error", tests: [], console: [], error: { message: "A predict exercise has no Run: Submit your answer." }, durationMs: 0 } };
  const ownTests = mode === "run" && myTests?.trim() ? myTests : undefined;
  const result = exercise.kind === "predict" ? await checkPrediction(exercise, code) : await checkSolution(exercise, code, mode, {}, ownTests);
  if (mode === "submit" && result.status !== "busy") {
    const submission = await recordSubmission(userId, exercise.id, code, result);
    return { kind: "ok", result, submission };
  }
  if (result.status !== "busy") await markAttempted(userId, exercise.id);
  return { kind: "ok", result };
}
