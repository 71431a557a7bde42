export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
}

/**
 * Token bucket with lazy refill: instead of a timer, every call first adds the tokens earned since
 * the previous call. Two numbers of state, O(1) per call.
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #now: () => number;
  #tokens: number;
  #lastRefill: number;

  constructor(opts: TokenBucketOptions) {
    const { capacity, refillPerSecond, now = Date.now } = opts;
    if (!Number.isFinite(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a finite number > 0, got ${capacity}`);
    }
    if (!Number.isFinite(refillPerSecond) || refillPerSecond < 0) {
      throw new RangeError(`refillPerSecond must be a finite number >= 0, got ${refillPerSecond}`);
    }
    this.#capacity = capacity;
    this.#refillPerMs = refillPerSecond / 1000;
    this.#now = now;
    this.#tokens = capacity;
    this.#lastRefill = now();
  }

  tryRemove(tokens = 1): boolean {
    if (!Number.isFinite(tokens) || tokens <= 0) {
      throw new RangeError(`tokens must be a finite number > 0, got ${tokens}`);
    }
    this.#refill();
    if (this.#tokens < tokens) return false;
    this.#tokens -= tokens;
    this.#lastRefill = this.#now();
    return true;
  }

  available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Adds the tokens earned since the last refill, capped at capacity. */
  #refill(): void {
    const elapsed = this.#now() - this.#lastRefill;
    // Only move forward: if the clock ever steps back, earn nothing rather than earn twice.
    if (elapsed > 0) {
      this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#refillPerMs);
    }
  }
}
