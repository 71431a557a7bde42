export type BatchFunction<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

export interface DataLoaderOptions {
  /** Largest number of keys per batchFn call: a positive integer or Infinity (the default). */
  maxBatchSize?: number;
  /** Cache the promise of each key (default true). */
  cache?: boolean;
}

/**
 * Batches the load(key) calls of one tick into one batchFn call, dispatched in ONE microtask
 * (queueMicrotask) after the first load that needs a fetch; caches promises per key.
 */
export class DataLoader<K, V> {
  /** @throws {TypeError} if batchFn is not a function; {RangeError} for a bad maxBatchSize. */
  constructor(batchFn: BatchFunction<K, V>, options: DataLoaderOptions = {}) {
    throw new Error("Not implemented");
  }

  load(key: K): Promise<V> {
    throw new Error("Not implemented");
  }

  /** Values or Errors, in the order of keys; never rejects. */
  loadMany(keys: readonly K[]): Promise<Array<V | Error>> {
    throw new Error("Not implemented");
  }

  clear(key: K): this {
    throw new Error("Not implemented");
  }

  clearAll(): this {
    throw new Error("Not implemented");
  }

  /** Caches a resolved value unless the key is already cached. */
  prime(key: K, value: V): this {
    throw new Error("Not implemented");
  }
}
