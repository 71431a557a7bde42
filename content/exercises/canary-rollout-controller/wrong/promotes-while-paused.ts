/**
 * A canary rollout controller in the style of Argo Rollouts and Flagger: the canary's traffic weight
 * goes up in steps, each step bakes for a while, and metrics of canary vs baseline decide whether to
 * promote to the next step or roll back.
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

/** FNV-1a, 32 bits, over the UTF-16 code units of the string. */
export function bucketOf(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}

export class CanaryRollout {
  private readonly config: Required<CanaryConfig>;
  private current: RolloutState = "running";
  private index = 0;
  private stepStartedAt: number;
  private pausedAt = 0;
  private pausedTotal = 0;

  constructor(config: CanaryConfig) {
    const { steps, bakeTimeMs, minRequests, maxErrorRateIncrease, maxP99Ratio } = config;
    if (steps.length === 0 || !steps.every((s, i) => Number.isInteger(s) && s >= 1 && s <= 99 && (i === 0 || s > (steps[i - 1] as number)))) {
      throw new RangeError("invalid config: steps");
    }
    if (!Number.isFinite(bakeTimeMs) || bakeTimeMs < 0) throw new RangeError("invalid config: bakeTimeMs");
    if (!Number.isInteger(minRequests) || minRequests < 1) throw new RangeError("invalid config: minRequests");
    if (!Number.isFinite(maxErrorRateIncrease) || maxErrorRateIncrease < 0) throw new RangeError("invalid config: maxErrorRateIncrease");
    if (!Number.isFinite(maxP99Ratio) || maxP99Ratio < 1) throw new RangeError("invalid config: maxP99Ratio");
    this.config = { ...config, steps: [...steps], now: config.now ?? (() => Date.now()) };
    this.stepStartedAt = this.config.now();
  }

  get state(): RolloutState {
    return this.current;
  }

  get stepIndex(): number {
    return this.index;
  }

  get weight(): number {
    if (this.current === "completed") return 100;
    if (this.current === "rolled_back") return 0;
    return this.config.steps[this.index] as number;
  }

  assign(userId: string): "canary" | "baseline" {
    // A user's bucket never changes, so raising the weight only ever moves users into the canary.
    return bucketOf(userId) < this.weight ? "canary" : "baseline";
  }

  evaluate(canary: WindowStats, baseline: WindowStats): Verdict {
    if (this.current === "completed" || this.current === "rolled_back") return { action: "done" };
    const { minRequests, maxErrorRateIncrease, maxP99Ratio, bakeTimeMs, steps, now } = this.config;
    if (canary.requests < minRequests || baseline.requests < minRequests) return { action: "wait", reason: "insufficient-data" };
    // A breach rolls back even while paused: a human looking at the canary is no reason to keep hurting users.
    if (canary.errors / canary.requests - baseline.errors / baseline.requests > maxErrorRateIncrease) {
      return this.abort("error-rate");
    }
    if (canary.p99Ms > baseline.p99Ms * maxP99Ratio) return this.abort("latency");
    if (now() - this.stepStartedAt - this.pausedTotal < bakeTimeMs) return { action: "wait", reason: "baking" };
    if (this.index === steps.length - 1) {
      this.current = "completed";
    } else {
      this.index++;
      this.stepStartedAt = now();
      this.pausedTotal = 0;
    }
    return { action: "promote", weight: this.weight };
  }

  pause(): boolean {
    if (this.current !== "running") return false;
    this.current = "paused";
    this.pausedAt = this.config.now();
    return true;
  }

  resume(): boolean {
    if (this.current !== "paused") return false;
    this.current = "running";
    // Time spent paused does not count towards the step's bake time.
    this.pausedTotal += this.config.now() - this.pausedAt;
    return true;
  }

  rollback(): boolean {
    if (this.current !== "running" && this.current !== "paused") return false;
    this.current = "rolled_back";
    return true;
  }

  private abort(reason: "error-rate" | "latency"): Verdict {
    this.current = "rolled_back";
    return { action: "rollback", reason };
  }
}
