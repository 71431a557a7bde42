/**
 * Generic Cell Rate Algorithm: a leaky bucket stored as one number per key, the theoretical
 * arrival time (TAT) at which the key would be caught up if its granted requests had arrived
 * exactly every T ms. A request may be early by at most `burst` intervals.
 */
export interface GcraOptions {
  limit: number;
  periodMs: number;
  burst: number;
  now: () => number;
}

export interface GcraResult {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
  resetAfterMs: number;
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

export class GcraLimiter {
  readonly #intervalMs: number;
  readonly #burst: number;
  readonly #now: () => number;
  readonly #tatByKey = new Map<string, number>();
  /** The largest time used so far: a clock that jumps back counts as no time passing. */
  #lastTime = -Infinity;

  constructor(opts: GcraOptions) {
    const { limit, periodMs, burst } = opts;
    if (!isPositiveInteger(limit)) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    if (!isPositiveInteger(periodMs)) throw new RangeError(`periodMs must be a positive integer, got ${periodMs}`);
    if (periodMs % limit !== 0) throw new RangeError(`periodMs (${periodMs}) must be divisible by limit (${limit})`);
    if (!isPositiveInteger(burst)) throw new RangeError(`burst must be a positive integer, got ${burst}`);
    this.#intervalMs = periodMs / limit;
    this.#burst = burst;
    this.#now = opts.now;
  }

  attempt(key: string, cost = 1): GcraResult {
    if (!Number.isInteger(cost) || cost < 1 || cost > this.#burst) {
      throw new RangeError(`cost must be an integer from 1 to ${this.#burst}, got ${cost}`);
    }
    const t = Math.max(this.#now(), this.#lastTime);
    this.#lastTime = t;
    const interval = this.#intervalMs;
    const horizon = t + this.#burst * interval; // a TAT beyond this would exceed the burst

    const base = Math.max(this.#tatByKey.get(key) ?? t, t);
    const newTat = base + cost * interval;
    const allowAt = newTat - this.#burst * interval;
    if (t < allowAt) {
      return { allowed: false, remaining: Math.floor((horizon - base) / interval), retryAfterMs: base + interval - this.#burst * interval - t, resetAfterMs: base - t };
    }
    this.#tatByKey.set(key, newTat);
    return { allowed: true, remaining: Math.floor((horizon - newTat) / interval), retryAfterMs: 0, resetAfterMs: newTat - t };
  }
}
