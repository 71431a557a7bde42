/**
 * Bounded concurrent map with the "worker pool" pattern.
 *
 * Instead of creating one promise per item up front, start `min(limit, items.length)` workers.
 * Each worker loops: claim the next index from a shared counter, await `fn` for it, store the
 * result at that index. JavaScript runs one callback at a time, so `next++` can never give the same
 * index to two workers, and a worker claims its next item in the very microtask in which its
 * previous call settled: the pool stays full until the input runs out.
 *
 * `Promise.all(workers)` rejects as soon as the first worker rejects; the `failed` flag stops the
 * other workers from claiming more items. Their in-flight calls finish on their own; the
 * rejections of other workers are absorbed by `Promise.all`, which only reports the first one.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  // Inside an async function a `throw` becomes a rejection, as the rules require.
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
    throw new RangeError(`limit must be a positive integer or Infinity, got ${limit}`);
  }

  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;

  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        // `await` also turns a synchronous throw of `fn` into a rejection of this worker.
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };

  const workerCount = Math.min(limit, items.length);
  const workers: Promise<void>[] = [];
  for (let w = 0; w < workerCount; w++) workers.push(worker());
  await Promise.all(workers);
  return results;
}
