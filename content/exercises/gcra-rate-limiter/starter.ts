export interface GcraOptions {
  /** Requests per period: a positive integer. */
  limit: number;
  /** A positive integer, divisible by `limit` (T = periodMs / limit). */
  periodMs: number;
  /** Requests an idle key may make at once: a positive integer. */
  burst: number;
  /** The clock, in integer milliseconds. Called once per attempt. */
  now: () => number;
}

export interface GcraResult {
  allowed: boolean;
  /** Cost-1 requests that would still be allowed right now. */
  remaining: number;
  /** 0 if allowed; else how long until this same request would be allowed. */
  retryAfterMs: number;
  /** How long until the key is fully idle again. */
  resetAfterMs: number;
}

/**
 * Per-key GCRA limiter: one theoretical arrival time (TAT) per key.
 * t = max(now(), last t); base = max(tat, t); newTat = base + cost*T; allowAt = newTat - burst*T;
 * allowed iff t >= allowAt (then tat = newTat; a rejection changes nothing).
 */
export class GcraLimiter {
  /** @throws {RangeError} for a bad limit, periodMs or burst. */
  constructor(opts: GcraOptions) {
    throw new Error("Not implemented");
  }

  /** @throws {RangeError} unless cost is an integer from 1 to burst. */
  attempt(key: string, cost = 1): GcraResult {
    throw new Error("Not implemented");
  }
}
