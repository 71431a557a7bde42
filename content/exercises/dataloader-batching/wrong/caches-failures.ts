/**
 * A DataLoader: collects the keys loaded during one turn of the event loop's microtask queue and
 * fetches them with one call of the batch function, so N resolvers asking for N authors cost one
 * query instead of N (the GraphQL N+1 problem).
 */
export type BatchFunction<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

export interface DataLoaderOptions {
  /** Largest number of keys per batchFn call (a positive integer or Infinity; default Infinity). */
  maxBatchSize?: number;
  /** Cache the promise of each key (default true). */
  cache?: boolean;
}

interface Deferred<V> {
  readonly promise: Promise<V>;
  resolve(value: V): void;
  reject(error: unknown): void;
}

function deferred<V>(): Deferred<V> {
  let resolve!: (value: V) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class DataLoader<K, V> {
  readonly #batchFn: BatchFunction<K, V>;
  readonly #maxBatchSize: number;
  readonly #cacheEnabled: boolean;
  readonly #cache = new Map<K, Promise<V>>();
  /** The batch being collected until its dispatch microtask runs; keys in order of first load. */
  #collecting: Map<K, Deferred<V>> | null = null;

  constructor(batchFn: BatchFunction<K, V>, options: DataLoaderOptions = {}) {
    if (typeof batchFn !== "function") throw new TypeError("batchFn must be a function");
    const maxBatchSize = options.maxBatchSize ?? Infinity;
    if (maxBatchSize !== Infinity && !(Number.isInteger(maxBatchSize) && maxBatchSize > 0)) {
      throw new RangeError(`maxBatchSize must be a positive integer or Infinity, got ${maxBatchSize}`);
    }
    this.#batchFn = batchFn;
    this.#maxBatchSize = maxBatchSize;
    this.#cacheEnabled = options.cache ?? true;
  }

  load(key: K): Promise<V> {
    if (this.#cacheEnabled) {
      const cached = this.#cache.get(key);
      if (cached) return cached;
    }
    const batch = this.#collecting ?? this.#startBatch();
    let entry = batch.get(key); // a key already waiting in this batch is fetched once
    if (!entry) {
      entry = deferred<V>();
      batch.set(key, entry);
    }
    if (this.#cacheEnabled) this.#cache.set(key, entry.promise);
    return entry.promise;
  }

  /** Like Promise.all of load(key) for each key, with each failure as an Error in its place. */
  loadMany(keys: readonly K[]): Promise<Array<V | Error>> {
    return Promise.all(keys.map((key) => this.load(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
  }

  clear(key: K): this {
    this.#cache.delete(key);
    return this;
  }

  clearAll(): this {
    this.#cache.clear();
    return this;
  }

  /** Caches a known value, unless the key is already cached. */
  prime(key: K, value: V): this {
    if (this.#cacheEnabled && !this.#cache.has(key)) this.#cache.set(key, Promise.resolve(value));
    return this;
  }

  #startBatch(): Map<K, Deferred<V>> {
    const batch = new Map<K, Deferred<V>>();
    this.#collecting = batch;
    queueMicrotask(() => {
      this.#collecting = null;
      const keys = [...batch.keys()];
      for (let start = 0; start < keys.length; start += this.#maxBatchSize) {
        this.#fetch(keys.slice(start, start + this.#maxBatchSize), batch);
      }
    });
    return batch;
  }

  #fetch(keys: K[], batch: Map<K, Deferred<V>>): void {
    const failAll = (error: unknown) => keys.forEach((key) => this.#settleFailure(key, batch.get(key), error));
    let result: Promise<ReadonlyArray<V | Error>>;
    try {
      result = this.#batchFn(keys);
    } catch (error) {
      failAll(error);
      return;
    }
    Promise.resolve(result).then((values) => {
      if (!Array.isArray(values) || values.length !== keys.length) {
        const got = Array.isArray(values) ? `${values.length} values` : typeof values;
        failAll(new TypeError(`batchFn must resolve to an array of ${keys.length} values (one per key, in key order), got ${got}`));
        return;
      }
      keys.forEach((key, i) => {
        const value = values[i] as V | Error;
        if (value instanceof Error) this.#settleFailure(key, batch.get(key), value);
        else batch.get(key)?.resolve(value);
      });
    }, failAll);
  }

  /** Rejects a key's promise and forgets it, so a later load retries (unless the entry was replaced). */
  #settleFailure(key: K, entry: Deferred<V> | undefined, error: unknown): void {
    if (!entry) return;
    entry.reject(error);
  }
}
