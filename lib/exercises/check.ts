import "server-only";
import type { Exercise } from "../content/exercises.ts";
import { getSandbox } from "../sandbox/index.ts";
import { defaultLimits } from "../sandbox/limits.ts";
import type { RunResult, SandboxLimits, SourceFile } from "../sandbox/types.ts";

export type CheckMode = "run" | "submit";

/** The exercise's test files for a mode: "run" = visible tests, "submit" = visible + hidden. */
export function testFiles(exercise: Exercise, mode: CheckMode): SourceFile[] {
  const files = [{ name: "visible.test.ts", code: exercise.visibleTests }];
  if (mode === "submit") files.push({ name: "hidden.test.ts", code: exercise.hiddenTests });
  return files;
}

/**
 * Runs code against an exercise's tests in the sandbox: the one path used by the web app, the CLI
 * and the content verification.
 */
export function checkSolution(exercise: Exercise, code: string, mode: CheckMode, limits: Partial<SandboxLimits> = {}): Promise<RunResult> {
  return getSandbox().run({ solution: code, tests: testFiles(exercise, mode), limits: { ...defaultLimits(), ...limits }, runtime: exercise.kind === "node" ? "node" : "plain" });
}
