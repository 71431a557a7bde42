export interface RetryOptions {
  /** How many retries may follow the first attempt. An integer >= 0. */
  retries: number;
  /** Wait before the first retry, in ms. Finite, >= 0. Doubles for each further retry. */
  baseDelayMs: number;
  /** Upper bound for any single wait, in ms. >= 0 (Infinity = no cap). */
  maxDelayMs: number;
  /** Waits `ms` milliseconds. All waiting goes through it. */
  sleep: (ms: number) => Promise<void>;
  /** Whether a failure is worth retrying (default: always). */
  shouldRetry?: (error: unknown) => boolean;
}

/**
 * Calls `fn(1)`, `fn(2)`, ... until one succeeds, at most `retries + 1` times. Before retry n
 * awaits `sleep(min(maxDelayMs, baseDelayMs * 2 ** (n - 1)))`. Rejects with the last error, or at
 * once with an error for which `shouldRetry` returns false. Invalid options: rejects with RangeError.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  throw new Error("Not implemented");
}
