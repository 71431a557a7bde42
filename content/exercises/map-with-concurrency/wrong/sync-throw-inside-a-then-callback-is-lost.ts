/** Callback-style scheduler: each settled call launches the next item from its `then` handler. */
export function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return new Promise<R[]>((resolve, reject) => {
    if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
      reject(new RangeError(`limit must be a positive integer or Infinity, got ${limit}`));
      return;
    }
    if (items.length === 0) {
      resolve([]);
      return;
    }
    const results = new Array<R>(items.length);
    let next = 0;
    let done = 0;
    let failed = false;

    const launch = (): void => {
      const index = next++;
      fn(items[index] as T, index).then(
        (value) => {
          results[index] = value;
          done++;
          if (done === items.length) resolve(results);
          else if (!failed && next < items.length) launch();
        },
        (error: unknown) => {
          failed = true;
          reject(error);
        },
      );
    };

    try {
      for (let w = 0; w < Math.min(limit, items.length); w++) launch();
    } catch (error) {
      failed = true;
      reject(error);
    }
  });
}
