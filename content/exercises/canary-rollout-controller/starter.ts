/**
 * A canary rollout controller: weights in steps, bake time per step, canary vs baseline analysis,
 * automatic rollback, pause/resume and a sticky traffic split. See the instructions for every rule.
 */
export interface CanaryConfig {
  steps: readonly number[];
  bakeTimeMs: number;
  minRequests: number;
  maxErrorRateIncrease: number;
  maxP99Ratio: number;
  now?: () => number;
}

export interface WindowStats {
  requests: number;
  errors: number;
  p99Ms: number;
}

export type RolloutState = "running" | "paused" | "completed" | "rolled_back";

export type Verdict =
  | { action: "wait"; reason: "insufficient-data" | "paused" | "baking" }
  | { action: "promote"; weight: number }
  | { action: "rollback"; reason: "error-rate" | "latency" }
  | { action: "done" };

/** FNV-1a, 32 bits, over the UTF-16 code units of the string, modulo 100. */
export function bucketOf(userId: string): number {
  throw new Error("Not implemented");
}

export class CanaryRollout {
  constructor(config: CanaryConfig) {
    throw new Error("Not implemented");
  }

  get state(): RolloutState {
    throw new Error("Not implemented");
  }

  get stepIndex(): number {
    throw new Error("Not implemented");
  }

  get weight(): number {
    throw new Error("Not implemented");
  }

  assign(userId: string): "canary" | "baseline" {
    throw new Error("Not implemented");
  }

  evaluate(canary: WindowStats, baseline: WindowStats): Verdict {
    throw new Error("Not implemented");
  }

  pause(): boolean {
    throw new Error("Not implemented");
  }

  resume(): boolean {
    throw new Error("Not implemented");
  }

  rollback(): boolean {
    throw new Error("Not implemented");
  }
}
