/**
 * Keeps the running calls in a set and awaits Promise.race over it: whenever one settles, start the
 * next item.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
    throw new RangeError(`limit must be a positive integer or Infinity, got ${limit}`);
  }
  const results = new Array<R>(items.length);
  const running = new Set<Promise<void>>();
  let next = 0;

  const start = (): void => {
    const index = next++;
    const call: Promise<void> = (async () => {
      results[index] = await fn(items[index] as T, index);
    })().finally(() => running.delete(call));
    running.add(call);
  };

  while (next < items.length && running.size < limit) start();
  while (running.size > 0) {
    await Promise.race(running);
    // One call has finished: its slot goes to the next item.
    if (next < items.length) start();
  }
  return results;
}
