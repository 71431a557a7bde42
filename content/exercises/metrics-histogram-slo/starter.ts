export interface Bucket {
  /** Upper bound, inclusive ("less than or equal"); the last bucket's is Infinity. */
  readonly le: number;
  /** Observations <= le (cumulative). */
  readonly count: number;
}

export class Histogram {
  /** @throws {RangeError} unless bounds is non-empty, finite, > 0 and strictly increasing. */
  constructor(bounds: number[]) {
    throw new Error("Not implemented");
  }

  /** @throws {RangeError} unless value is a finite number >= 0. */
  observe(value: number): void {
    throw new Error("Not implemented");
  }

  /** One entry per bound plus { le: Infinity }, with cumulative counts. */
  buckets(): Bucket[] {
    throw new Error("Not implemented");
  }

  count(): number {
    throw new Error("Not implemented");
  }

  sum(): number {
    throw new Error("Not implemented");
  }

  /** Linear interpolation inside the target bucket; null when empty. @throws {RangeError} unless 0 <= q <= 1. */
  quantile(q: number): number | null {
    throw new Error("Not implemented");
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

export class BurnRateAlert {
  /** @throws {RangeError} for a bad objective or rule. */
  constructor(opts: BurnRateAlertOptions) {
    throw new Error("Not implemented");
  }

  /** @throws {RangeError} if at is not finite or earlier than the previous event. */
  record(at: number, good: boolean): void {
    throw new Error("Not implemented");
  }

  /** One status per rule, in rule order; windows are (now - w, now]. */
  evaluate(now: number): RuleStatus[] {
    throw new Error("Not implemented");
  }
}
