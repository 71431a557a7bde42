export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  shouldRetry?: (error: unknown) => boolean;
}

/** The wait before retry number `n` (1-based): base, 2 x base, 4 x base, ... capped at maxDelayMs. */
function backoff(n: number, baseDelayMs: number, maxDelayMs: number): number {
  // Compare before multiplying: 2 ** (n - 1) overflows to Infinity for large n, and 0 * Infinity is NaN.
  const uncapped = baseDelayMs === 0 ? 0 : baseDelayMs * 2 ** (n - 1);
  return Math.min(maxDelayMs, uncapped);
}

/**
 * Calls `fn(1)`; on failure waits and calls `fn(2)`, ... up to `retries` retries. Resolves with the
 * first success; rejects with the last error when every attempt failed, or at once with the error
 * that `shouldRetry` refused to retry.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const { retries, baseDelayMs, maxDelayMs, sleep, shouldRetry = () => true } = opts;
  if (!Number.isInteger(retries) || retries < 0) {
    throw new RangeError(`retries must be an integer >= 0, got ${retries}`);
  }
  if (!Number.isFinite(baseDelayMs) || baseDelayMs < 0) {
    throw new RangeError(`baseDelayMs must be a finite number >= 0, got ${baseDelayMs}`);
  }
  if (Number.isNaN(maxDelayMs) || maxDelayMs < 0) {
    throw new RangeError(`maxDelayMs must be a number >= 0, got ${maxDelayMs}`);
  }

  for (let attempt = 1; ; attempt++) {
    try {
      // `await` inside `try`: a synchronous throw from fn is handled like a rejection.
      return await fn(attempt);
    } catch (error) {
      const retryNumber = attempt; // the retry that would follow this failed attempt
      if (!shouldRetry(error)) throw error;
      await sleep(backoff(retryNumber, baseDelayMs, maxDelayMs));
      if (retryNumber > retries) throw error;
    }
  }
}
