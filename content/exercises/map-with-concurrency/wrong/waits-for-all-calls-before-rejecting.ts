/** Worker pool that lets every worker finish, then reports the first error it saw. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
    throw new RangeError(`limit must be a positive integer or Infinity, got ${limit}`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  let firstError: { error: unknown } | undefined;

  const worker = async (): Promise<void> => {
    while (firstError === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        firstError ??= { error };
      }
    }
  };

  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(limit, items.length); w++) workers.push(worker());
  await Promise.all(workers);
  if (firstError !== undefined) throw firstError.error;
  return results;
}
