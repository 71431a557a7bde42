export interface SlidingWindowOptions {
  /** Maximum allowed hits per key inside any window. A positive integer. */
  limit: number;
  /** Window length in milliseconds. Finite, > 0. */
  windowMs: number;
  /** Current time in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

export interface HitResult {
  /** Whether this hit is allowed (and recorded). */
  allowed: boolean;
  /** Hits of this key still allowed in the current window after this one; 0 when rejected. */
  remaining: number;
  /** 0 when allowed; otherwise ms until the oldest counted hit leaves the window. */
  retryAfterMs: number;
}

export interface SlidingWindowLimiter {
  hit(key: string): HitResult;
}

/**
 * Sliding-log rate limiter: a hit at time t is allowed when fewer than `limit` allowed hits of the
 * same key lie in (t - windowMs, t]. Rejected hits are not recorded. Idle keys must not keep memory.
 *
 * @throws {RangeError} unless `limit` is a positive integer and `windowMs` a finite number > 0.
 */
export function createSlidingWindowLimiter(opts: SlidingWindowOptions): SlidingWindowLimiter {
  throw new Error("Not implemented");
}
