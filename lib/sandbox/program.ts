import "server-only";
// Runs a program as Node's main module in the sandbox's event-loop model: the answer key of
// predict exercises and the model side of the event-loop corpus.
import { getSandbox } from "./index.ts";
import { defaultLimits } from "./limits.ts";
import type { LoopPhase, RunStatus, SandboxLimits } from "./types.ts";

export interface ProgramLine {
  stream: "stdout" | "stderr";
  text: string;
  phase: LoopPhase;
  detail?: string;
}

export interface ProgramRun {
  status: "ok" | "timeout" | "memory" | "error";
  /** 0 when the program ended normally; null when a limit or an error ended it. */
  exitCode: number | null;
  output: ProgramLine[];
  error?: string;
}

const STATUS: Partial<Record<RunStatus, ProgramRun["status"]>> = { timeout: "timeout", memory: "memory", error: "error", busy: "error" };

export async function runProgram(source: string, limits: Partial<SandboxLimits> = {}): Promise<ProgramRun> {
  const result = await getSandbox().run({ solution: source, tests: [], limits: { ...defaultLimits(), ...limits }, runtime: "node", mode: "program" });
  const output = result.console.map(
    (line): ProgramLine => ({
      stream: line.level === "error" || line.level === "warn" ? "stderr" : "stdout",
      text: line.text,
      phase: line.phase ?? "main",
      ...(line.detail ? { detail: line.detail } : {}),
    }),
  );
  const status = STATUS[result.status] ?? "ok";
  const errorMessage = result.error?.message ?? (result.compileErrors?.length ? result.compileErrors.map((e) => `${e.line}:${e.column} ${e.message}`).join("; ") : undefined);
  return { status, exitCode: status === "ok" ? (result.exitCode ?? null) : null, output, ...(errorMessage ? { error: errorMessage } : {}) };
}
