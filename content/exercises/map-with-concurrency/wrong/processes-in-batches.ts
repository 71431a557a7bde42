/** Splits the input into chunks of `limit` and maps each chunk with Promise.all. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
    throw new RangeError(`limit must be a positive integer or Infinity, got ${limit}`);
  }
  const size = Math.min(limit, items.length);
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    results.push(...(await Promise.all(chunk.map(async (item, offset) => fn(item, start + offset)))));
  }
  return results;
}
