import { env } from "../env.ts";
import type { SandboxLimits } from "./types.ts";

export const MAX_CODE_BYTES = 64 * 1024;

export function defaultLimits(): SandboxLimits {
  const e = env();
  return {
    memoryMb: e.SANDBOX_MEMORY_MB,
    cpuMs: e.SANDBOX_CPU_MS,
    wallMs: e.SANDBOX_WALL_MS,
    consoleLines: 200,
    consoleBytes: 16 * 1024,
    codeBytes: MAX_CODE_BYTES,
    resultBytes: 256 * 1024,
  };
}

/** The wall limit of an SQL run: the longer of the two, so a raised SANDBOX_WALL_MS also raises it. */
export function sqlWallMs(): number {
  const e = env();
  return Math.max(e.SANDBOX_SQL_WALL_MS, e.SANDBOX_WALL_MS);
}
