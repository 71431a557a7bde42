/**
 * Maps `items` through the async `fn`, running at most `limit` calls at the same time.
 *
 * - Resolves with the results in input order (element i is the result of fn(items[i], i)).
 * - Starts calls in input order; keeps exactly `limit` calls in flight while items remain
 *   (start the next one as soon as one settles, not in batches).
 * - On the first rejection (or synchronous throw) of `fn`: reject with that error immediately and
 *   start no further calls.
 * - `limit` must be a positive integer or `Infinity`; otherwise the returned promise rejects with a
 *   `RangeError` (never a synchronous throw) and `fn` is not called.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  throw new Error("Not implemented");
}
