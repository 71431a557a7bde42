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

interface Lookup<V> {
  result: Promise<V | undefined>;
  /** Cleared by invalidate: the lookup still answers its callers but writes nothing more. */
  attached: boolean;
}

export class MultiLevelCache<V> {
  readonly #opts: MultiLevelCacheOptions<V>;
  /** Map order is recency order: the first key is the least recently used. */
  readonly #l1 = new Map<string, StoredEntry<V>>();
  readonly #inFlight = new Map<string, Lookup<V>>();

  constructor(opts: MultiLevelCacheOptions<V>) {
    const { maxEntries } = opts.l1;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`l1.maxEntries must be an integer >= 1, got ${maxEntries}`);
    for (const [name, ms] of [["l1.ttlMs", opts.l1.ttlMs], ["l2.ttlMs", opts.l2.ttlMs], ["negativeTtlMs", opts.negativeTtlMs]] as const) {
      if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`${name} must be a finite number > 0, got ${ms}`);
    }
    this.#opts = opts;
  }

  get(key: string): Promise<V | undefined> {
    const cached = this.#l1.get(key);
    if (cached) {
      this.#l1.delete(key);
      if (this.#opts.now() < cached.expiresAt) {
        this.#l1.set(key, cached); // most recently used
        return Promise.resolve(valueOf(cached.entry));
      }
    }
    const pending = this.#inFlight.get(key);
    if (pending) return pending.result;
    const lookup: Lookup<V> = { result: Promise.resolve(undefined), attached: true };
    lookup.result = this.#lookUp(key, lookup).finally(() => {
      if (this.#inFlight.get(key) === lookup) this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, lookup);
    return lookup.result;
  }

  async invalidate(key: string): Promise<void> {
    this.#l1.delete(key);
    const pending = this.#inFlight.get(key);
    if (pending) {
      pending.attached = false;
      this.#inFlight.delete(key);
    }
    await this.#opts.l2.store.delete(key);
  }

  async #lookUp(key: string, lookup: { attached: boolean }): Promise<V | undefined> {
    const { store } = this.#opts.l2;
    const stored = await store.get(key);
    if (stored && this.#opts.now() < stored.expiresAt) {
      if (lookup.attached) this.#remember(key, stored.entry, stored.expiresAt);
      return valueOf(stored.entry);
    }
    const value = await this.#opts.load(key);
    const entry: Entry<V> = value === undefined ? { found: false } : { found: true, value };
    const l2ExpiresAt = this.#opts.now() + (entry.found ? this.#opts.l2.ttlMs : this.#opts.negativeTtlMs);
    if (lookup.attached) await store.set(key, entry, l2ExpiresAt);
    if (lookup.attached) this.#remember(key, entry, l2ExpiresAt);
    return value;
  }

  /**
   * Puts an entry in L1, never outliving its L2 copy. The key is never in L1 here: `get` removed it
   * before starting the lookup, and only the one attached lookup per key writes to L1.
   */
  #remember(key: string, entry: Entry<V>, l2ExpiresAt: number): void {
    const expiresAt = this.#opts.now() + this.#opts.l1.ttlMs;
    if (this.#l1.size >= this.#opts.l1.maxEntries) {
      // Full (so not empty): the first key in Map order is the least recently used.
      this.#l1.delete(this.#l1.keys().next().value as string);
    }
    this.#l1.set(key, { entry, expiresAt });
  }
}

function valueOf<V>(entry: Entry<V>): V | undefined {
  return entry.found ? entry.value : undefined;
}
