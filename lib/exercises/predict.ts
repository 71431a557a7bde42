import "server-only";
// Predict exercises: the learner types the lines a program prints; the answer key is the
// program's output in the sandbox's event-loop model (cross-checked against real Node in CI).
import type { Exercise } from "../content/exercises.ts";
import { runProgram, type ProgramRun } from "../sandbox/program.ts";
import type { PredictOutcome, PredictStep, RunResult } from "../sandbox/types.ts";

export interface AnswerKey {
  lines: string[];
  walkthrough: PredictStep[];
}

const keys = new Map<string, Promise<AnswerKey>>();

/** The lines of a program's output as a learner would type them. */
export function keyFromRun(run: ProgramRun): AnswerKey {
  if (run.status !== "ok") throw new Error(`the program did not run to its end in the sandbox (${run.status}${run.error ? `: ${run.error}` : ""})`);
  // One console.log of a large object prints several lines; the learner types each.
  const walkthrough = run.output.flatMap((line) => line.text.split("\n").map((text): PredictStep => ({ line: text, phase: line.phase, ...(line.detail ? { detail: line.detail } : {}) })));
  return { lines: walkthrough.map((step) => step.line), walkthrough };
}

/** Computed once per program text: the model is deterministic. */
export function answerKey(exercise: Pick<Exercise, "slug" | "program">): Promise<AnswerKey> {
  const program = exercise.program ?? "";
  const cacheKey = `${exercise.slug}\0${program}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = runProgram(program).then(keyFromRun);
    // A failure (a busy sandbox) is not remembered.
    key.catch(() => keys.delete(cacheKey));
    if (keys.size > 100) keys.clear();
    keys.set(cacheKey, key);
  }
  return key;
}

/** One printed line per line; trailing spaces, Windows line ends and blank lines at the end do not count. */
export function normaliseAnswer(answer: string): string[] {
  const lines = answer.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function compareAnswer(answer: string, expected: string[]): Omit<PredictOutcome, "walkthrough" | "notes"> {
  const given = normaliseAnswer(answer);
  let matched = 0;
  while (matched < expected.length && matched < given.length && given[matched] === expected[matched]) matched++;
  const complete = matched === expected.length && given.length === expected.length;
  return {
    expectedLines: expected.length,
    matched,
    firstDifference: complete ? null : { line: matched + 1, expected: expected[matched] ?? null, actual: given[matched] ?? null },
  };
}

/** Submit of a predict exercise, as a RunResult (no tests; the outcome says which line diverged). */
export async function checkPrediction(exercise: Exercise, answer: string): Promise<RunResult> {
  const started = performance.now();
  let key: AnswerKey;
  try {
    key = await answerKey(exercise);
  } catch (error) {
    return { status: "error", tests: [], console: [], error: { message: `The program could not be run: ${(error as Error).message}` }, durationMs: 0 };
  }
  const outcome = compareAnswer(answer, key.lines);
  const passed = outcome.firstDifference === null;
  // The expected text of a wrong line stays hidden until solved: submitting guesses must not reveal the answer.
  const predict: PredictOutcome = passed
    ? { ...outcome, walkthrough: key.walkthrough, ...(exercise.walkthrough ? { notes: exercise.walkthrough } : {}) }
    : { ...outcome, firstDifference: outcome.firstDifference ? { ...outcome.firstDifference, expected: null } : null };
  return { status: passed ? "passed" : "failed", tests: [], console: [], predict, durationMs: Math.round((performance.now() - started) * 100) / 100 };
}

/** What "give up" (or the solution after solving) shows: the output with its walkthrough. */
export async function revealPrediction(exercise: Exercise): Promise<{ solution: string; walkthrough: PredictStep[]; notes?: string }> {
  const key = await answerKey(exercise);
  return { solution: key.lines.join("\n"), walkthrough: key.walkthrough, ...(exercise.walkthrough ? { notes: exercise.walkthrough } : {}) };
}
