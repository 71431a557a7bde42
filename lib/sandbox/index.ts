import "server-only";
import { sandboxWorkerCount, env } from "../env.ts";
import { SandboxSupervisor } from "./supervisor.ts";

const globalForSandbox = globalThis as unknown as { deependSandbox?: SandboxSupervisor };

/** The process-wide sandbox: worker processes are started on first use and kept. */
export function getSandbox(): SandboxSupervisor {
  globalForSandbox.deependSandbox ??= new SandboxSupervisor({ workers: sandboxWorkerCount(), queueLimit: env().SANDBOX_QUEUE });
  return globalForSandbox.deependSandbox;
}

export { defaultLimits, MAX_CODE_BYTES } from "./limits.ts";
export type { RunResult, TestResult, RunStatus } from "./types.ts";
