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

/**
 * - call(): deposit into the budget; refuse at once if the first attempt's downstream timeout
 *   (deadline - now - marginMs) is below minAttemptMs; reject at the deadline if an attempt is late.
 * - Retry a failure only if: retryable code and attempts left, then the retry fits the deadline after
 *   its backoff, then the budget has a whole retry (withdraw it). Otherwise reject with the failure.
 * - The budget counts thousandths of a retry: starts at burst * 1000, + minPerSecond per ms,
 *   + percent * 10 per call, - 1000 per retry, never above burst * 1000.
 */
export class RetryingClient {
  /** @throws {RangeError} for an option out of range. */
  constructor(opts: ClientOptions) {
    throw new Error("Not implemented");
  }

  /** The budget's balance now, in thousandths of a retry. */
  get retryBudget(): number {
    throw new Error("Not implemented");
  }

  async call<T>(deadline: number, attempt: Attempt<T>): Promise<T> {
    throw new Error("Not implemented");
  }
}
