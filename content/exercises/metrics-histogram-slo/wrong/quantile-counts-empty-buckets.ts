export interface Bucket {
  /** Upper bound, inclusive ("less than or equal"); the last bucket's is Infinity. */
  readonly le: number;
  /** Observations <= le (cumulative). */
  readonly count: number;
}

export class Histogram {
  readonly #bounds: number[];
  /** Per-bucket (not cumulative) counts; the last slot is the +Inf bucket. */
  readonly #counts: number[];
  #sum = 0;

  constructor(bounds: number[]) {
    if (bounds.length === 0) throw new RangeError("a histogram needs at least one bucket bound");
    bounds.forEach((bound, i) => {
      if (!Number.isFinite(bound) || bound <= 0) throw new RangeError(`bucket bound ${bound} must be a finite number > 0`);
      if (i > 0 && bound <= (bounds[i - 1] as number)) throw new RangeError("bucket bounds must be strictly increasing");
    });
    this.#bounds = [...bounds];
    this.#counts = new Array<number>(bounds.length + 1).fill(0);
  }

  observe(value: number): void {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`observed value ${value} must be a finite number >= 0`);
    let index = this.#bounds.findIndex((bound) => value <= bound);
    if (index === -1) index = this.#bounds.length;
    this.#counts[index] = (this.#counts[index] as number) + 1;
    this.#sum += value;
  }

  buckets(): Bucket[] {
    let running = 0;
    return this.#counts.map((count, i) => {
      running += count;
      return { le: this.#bounds[i] ?? Infinity, count: running };
    });
  }

  count(): number {
    return this.#counts.reduce((total, count) => total + count, 0);
  }

  sum(): number {
    return this.#sum;
  }

  quantile(q: number): number | null {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} must be in [0, 1]`);
    const total = this.count();
    if (total === 0) return null;
    const rank = q * total;
    let below = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      const inBucket = this.#counts[i] as number;
      if (below + inBucket >= rank) {
        // The +Inf bucket has no upper bound to interpolate towards.
        if (i === this.#bounds.length) return this.#bounds[i - 1] as number;
        const lower = i === 0 ? 0 : (this.#bounds[i - 1] as number);
        const upper = this.#bounds[i] as number;
        return lower + ((upper - lower) * (rank - below)) / inBucket;
      }
      below += inBucket;
    }
    return this.#bounds[this.#bounds.length - 1] as number;
  }
}

export interface BurnRateRule {
  readonly name: string;
  readonly longWindowMs: number;
  readonly shortWindowMs: number;
  /** Fires when both windows' burn rates are strictly above this. */
  readonly threshold: number;
}

export interface BurnRateAlertOptions {
  /** The fraction of good events promised, e.g. 0.999; in (0, 1). */
  readonly objective: number;
  readonly rules: readonly BurnRateRule[];
}

export interface RuleStatus {
  readonly name: string;
  readonly longBurnRate: number;
  readonly shortBurnRate: number;
  readonly firing: boolean;
}

interface SliEvent {
  readonly at: number;
  readonly good: boolean;
}

export class BurnRateAlert {
  readonly #errorBudget: number;
  readonly #rules: BurnRateRule[];
  readonly #events: SliEvent[] = [];

  constructor(opts: BurnRateAlertOptions) {
    if (!(opts.objective > 0 && opts.objective < 1)) throw new RangeError(`objective ${opts.objective} must be in (0, 1)`);
    for (const rule of opts.rules) {
      for (const ms of [rule.longWindowMs, rule.shortWindowMs, rule.threshold]) {
        if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`rule "${rule.name}": windows and threshold must be finite numbers > 0`);
      }
      if (rule.shortWindowMs >= rule.longWindowMs) throw new RangeError(`rule "${rule.name}": the short window must be shorter than the long one`);
    }
    this.#errorBudget = 1 - opts.objective;
    this.#rules = [...opts.rules];
  }

  record(at: number, good: boolean): void {
    const last = this.#events[this.#events.length - 1];
    if (!Number.isFinite(at) || (last && at < last.at)) throw new RangeError(`event time ${at} must be finite and not before the previous event`);
    this.#events.push({ at, good });
  }

  evaluate(now: number): RuleStatus[] {
    return this.#rules.map((rule) => {
      const longBurnRate = this.#burnRate(now, rule.longWindowMs);
      const shortBurnRate = this.#burnRate(now, rule.shortWindowMs);
      return { name: rule.name, longBurnRate, shortBurnRate, firing: longBurnRate > rule.threshold && shortBurnRate > rule.threshold };
    });
  }

  /** Error rate over (now - windowMs, now], in units of the error budget. */
  #burnRate(now: number, windowMs: number): number {
    let total = 0;
    let bad = 0;
    for (const event of this.#events) {
      if (event.at > now - windowMs && event.at <= now) {
        total++;
        if (!event.good) bad++;
      }
    }
    return total === 0 ? 0 : bad / total / this.#errorBudget;
  }
}
