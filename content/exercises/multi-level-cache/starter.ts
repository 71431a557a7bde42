/** What the cache stores: a value, or the fact that the key does not exist (negative caching). */
export type Entry<V> = { readonly found: true; readonly value: V } | { readonly found: false };

export interface StoredEntry<V> {
  readonly entry: Entry<V>;
  readonly expiresAt: number;
}

/** The shared second level (Redis in production). It may return entries past their expiresAt. */
export interface L2Store<V> {
  get(key: string): Promise<StoredEntry<V> | undefined>;
  set(key: string, entry: Entry<V>, expiresAt: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MultiLevelCacheOptions<V> {
  l1: { maxEntries: number; ttlMs: number };
  l2: { store: L2Store<V>; ttlMs: number };
  /** How long "not found" is remembered, in L2 (and in L1, capped as usual). */
  negativeTtlMs: number;
  /** The source of truth; undefined means "not found". */
  load: (key: string) => Promise<V | undefined>;
  now: () => number;
}

export class MultiLevelCache<V> {
  /** @throws {RangeError} for a bad maxEntries or TTL. */
  constructor(opts: MultiLevelCacheOptions<V>) {
    throw new Error("Not implemented");
  }

  /** L1 → (join a lookup in flight) → L2 → loader; fills both levels on the way back. */
  get(key: string): Promise<V | undefined> {
    throw new Error("Not implemented");
  }

  /** Removes the key from both levels; a lookup in flight for it writes nothing more. */
  invalidate(key: string): Promise<void> {
    throw new Error("Not implemented");
  }
}
