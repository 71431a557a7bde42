/**
 * A gRPC-style client call wrapper: a deadline that travels downstream (minus a margin), retries of
 * retryable status codes with exponential backoff that must fit inside that deadline, and a shared
 * retry budget (a token bucket fed by calls and by time) that stops retry storms.
 */
export type StatusCode =
  | "CANCELLED"
  | "UNKNOWN"
  | "INVALID_ARGUMENT"
  | "DEADLINE_EXCEEDED"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "PERMISSION_DENIED"
  | "RESOURCE_EXHAUSTED"
  | "FAILED_PRECONDITION"
  | "ABORTED"
  | "OUT_OF_RANGE"
  | "UNIMPLEMENTED"
  | "INTERNAL"
  | "UNAVAILABLE"
  | "DATA_LOSS"
  | "UNAUTHENTICATED";

export class RpcError extends Error {
  readonly code: StatusCode;
  constructor(code: StatusCode, message: string) {
    super(message);
    this.name = "RpcError";
    this.code = code;
  }
}

export interface RetryBudgetOptions {
  /** Each call deposits percent/100 of a retry (integer 0-100). */
  percent: number;
  /** Retries earned per second of time, whatever the traffic (integer >= 0). */
  minPerSecond: number;
  /** The most retries the budget holds; it starts full (integer >= 1). */
  burst: number;
}

export interface ClientOptions {
  /** Attempts per call, the first included (integer >= 1). */
  maxAttempts: number;
  /** Backoff before the first retry (integer >= 0). */
  initialBackoffMs: number;
  /** Cap on any backoff (integer >= initialBackoffMs). */
  maxBackoffMs: number;
  /** Growth of the backoff per retry (finite, >= 1). */
  backoffMultiplier: number;
  /** Codes worth another attempt. */
  retryableCodes: readonly StatusCode[];
  /** Kept back from the remaining time when passing it downstream (integer >= 0). */
  marginMs: number;
  /** No attempt starts with a downstream timeout below this (integer >= 1). */
  minAttemptMs: number;
  budget: RetryBudgetOptions;
}

/** One attempt: gets the downstream timeout (ms) and its number (1, 2, ...). */
export type Attempt<T> = (timeoutMs: number, attempt: number) => Promise<T>;

const MILLI = 1000; // the budget counts thousandths of a retry, so 10 x 10% is exactly 1 retry

function isInt(n: number, min: number): boolean {
  return Number.isInteger(n) && n >= min;
}

export class RetryingClient {
  readonly #o: ClientOptions;
  readonly #retryable: ReadonlySet<StatusCode>;
  #balance: number; // thousandths of a retry
  #refilledAt: number;

  constructor(opts: ClientOptions) {
    const { maxAttempts, initialBackoffMs, maxBackoffMs, backoffMultiplier, marginMs, minAttemptMs, budget } = opts;
    if (!isInt(maxAttempts, 1)) throw new RangeError("maxAttempts must be an integer >= 1");
    if (!isInt(initialBackoffMs, 0)) throw new RangeError("initialBackoffMs must be an integer >= 0");
    if (!isInt(maxBackoffMs, initialBackoffMs)) throw new RangeError("maxBackoffMs must be an integer >= initialBackoffMs");
    if (!Number.isFinite(backoffMultiplier) || backoffMultiplier < 1) throw new RangeError("backoffMultiplier must be finite and >= 1");
    if (!isInt(marginMs, 0)) throw new RangeError("marginMs must be an integer >= 0");
    if (!isInt(minAttemptMs, 1)) throw new RangeError("minAttemptMs must be an integer >= 1");
    if (!isInt(budget.percent, 0) || budget.percent > 100) throw new RangeError("budget.percent must be an integer from 0 to 100");
    if (!isInt(budget.minPerSecond, 0)) throw new RangeError("budget.minPerSecond must be an integer >= 0");
    if (!isInt(budget.burst, 1)) throw new RangeError("budget.burst must be an integer >= 1");
    this.#o = { ...opts, budget: { ...budget } };
    this.#retryable = new Set(opts.retryableCodes);
    this.#balance = budget.burst * MILLI;
    this.#refilledAt = Date.now();
  }

  /** The budget's balance now, in thousandths of a retry. */
  get retryBudget(): number {
    this.#refill();
    return this.#balance;
  }

  async call<T>(deadline: number, attempt: Attempt<T>): Promise<T> {
    if (!Number.isFinite(deadline)) throw new RangeError("deadline must be a finite number");
    this.#deposit(this.#o.budget.percent * (MILLI / 100));
    if (!this.#fits(Date.now(), deadline)) throw new RpcError("DEADLINE_EXCEEDED", "deadline exceeded");
    for (let n = 1; ; n++) {
      let error: unknown;
      try {
        return await this.#attempt(deadline, attempt, n);
      } catch (e) {
        error = e;
      }
      if (!(error instanceof RpcError) || !this.#retryable.has(error.code) || n >= this.#o.maxAttempts) throw error;
      const delay = Math.min(this.#o.maxBackoffMs, Math.floor(this.#o.initialBackoffMs * this.#o.backoffMultiplier ** n));
      // A retry that could not start with enough time is pointless: fail now, and spend nothing.
      if (!this.#fits(Date.now() + delay, deadline)) throw error;
      if (!this.#withdraw()) throw error;
      if (delay > 0) await new Promise<void>((resolve) => setTimeout(() => resolve(), delay));
    }
  }

  /** Can an attempt starting at `at` get a downstream timeout of at least minAttemptMs? */
  #fits(at: number, deadline: number): boolean {
    return deadline - at - this.#o.marginMs >= this.#o.minAttemptMs;
  }

  /** Runs one attempt; whatever happens, the call settles by its deadline. */
  #attempt<T>(deadline: number, attempt: Attempt<T>, n: number): Promise<T> {
    const now = Date.now();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RpcError("DEADLINE_EXCEEDED", "deadline exceeded")), deadline - now);
      let pending: Promise<T>;
      try {
        pending = attempt(deadline - now - this.#o.marginMs, n);
      } catch (e) {
        pending = Promise.reject(e);
      }
      pending.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  #refill(): void {
    const now = Date.now();
    const cap = this.#o.budget.burst * MILLI;
    this.#balance = Math.min(cap, this.#balance + (now - this.#refilledAt) * this.#o.budget.minPerSecond);
    this.#refilledAt = now;
  }

  #deposit(amount: number): void {
    this.#refill();
    this.#balance = Math.min(this.#o.budget.burst * MILLI, this.#balance + amount);
  }

  #withdraw(): boolean {
    this.#refill();
    if (this.#balance < MILLI) return false;
    this.#balance -= MILLI;
    return true;
  }
}
