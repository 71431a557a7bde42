export interface TokenBucketOptions {
  /** Maximum number of tokens (the burst size). Finite, > 0. */
  capacity: number;
  /** Tokens added per second, continuously. Finite, >= 0. */
  refillPerSecond: number;
  /** Current time in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Token bucket rate limiter: starts full, refills continuously (fractional tokens),
 * never holds more than `capacity`.
 */
export class TokenBucket {
  /** @throws {RangeError} for an invalid capacity or refill rate. */
  constructor(opts: TokenBucketOptions) {
    throw new Error("Not implemented");
  }

  /**
   * Removes `tokens` (default 1) and returns true if enough are available; otherwise removes
   * nothing and returns false.
   * @throws {RangeError} unless `tokens` is a finite number > 0.
   */
  tryRemove(tokens = 1): boolean {
    throw new Error("Not implemented");
  }

  /** Tokens available right now, after refill (may be fractional). */
  available(): number {
    throw new Error("Not implemented");
  }
}
