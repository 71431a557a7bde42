import "server-only";
import type { Exercise } from "../content/exercises.ts";
import { getSandbox } from "../sandbox/index.ts";
import { defaultLimits, sqlWallMs } from "../sandbox/limits.ts";
import type { RunResult, SandboxLimits, SourceFile } from "../sandbox/types.ts";

export type CheckMode = "run" | "submit";

/** The name of the learner's own test file ("My tests"). */
export const MY_TESTS_FILE = "my.test.ts";

/** The exercise's test files for a mode: "run" = visible tests (and the learner's own), "submit" = visible + hidden. */
export function testFiles(exercise: Exercise, mode: CheckMode, myTests?: string): SourceFile[] {
  const files = [{ name: "visible.test.ts", code: exercise.visibleTests }];
  if (mode === "submit") files.push({ name: "hidden.test.ts", code: exercise.hiddenTests });
  else if (myTests !== undefined) files.push({ name: MY_TESTS_FILE, code: myTests });
  return files;
}

/**
 * Runs code against an exercise's tests in the sandbox: the one path used by the web app, the CLI
 * and the content verification.
 */
export function checkSolution(exercise: Exercise, code: string, mode: CheckMode, limits: Partial<SandboxLimits> = {}, myTests?: string): Promise<RunResult> {
  const sql = exercise.kind === "sql" || exercise.kind === "sql-code" ? { fixture: exercise.fixture ?? "", ...(exercise.kind === "sql" ? { script: code } : {}), preview: mode === "run" && exercise.kind === "sql" } : undefined;
  const base = { ...defaultLimits(), ...(sql ? { wallMs: sqlWallMs() } : {}) };
  return getSandbox().run({ solution: code, tests: testFiles(exercise, mode, myTests), limits: { ...base, ...limits }, runtime: exercise.kind === "node" ? "node" : "plain", ...(sql ? { sql } : {}) });
}
