/**
 * A multi-version key-value store with snapshot isolation.
 *
 * Every commit gets the next commit timestamp and adds one version per key it wrote.
 * A transaction reads the newest version committed at or before its snapshot (the timestamp when
 * it began), on top of its own buffered writes. At commit, a key written by someone else after
 * the snapshot is a write-write conflict: first committer wins, the later one gets a
 * SerializationError. Reads are not checked, so write skew can happen (that is snapshot
 * isolation, not serializability).
 */
export class SerializationError extends Error {
  constructor(readonly key: string) {
    super(`could not serialize access: "${key}" was changed by a transaction that committed after this one began`);
    this.name = "SerializationError";
  }
}

export class TransactionClosedError extends Error {
  constructor(status: string) {
    super(`the transaction is ${status}`);
    this.name = "TransactionClosedError";
  }
}

export type TransactionStatus = "active" | "committed" | "aborted";

interface Version<V> {
  readonly commitTs: number;
  /** false: a tombstone (the key was deleted). */
  readonly exists: boolean;
  readonly value: V | undefined;
}

type Write<V> = { readonly exists: true; readonly value: V } | { readonly exists: false };

export interface Transaction<V> {
  readonly status: TransactionStatus;
  get(key: string): V | undefined;
  put(key: string, value: V): void;
  delete(key: string): void;
  commit(): void;
  abort(): void;
}

class Txn<V> implements Transaction<V> {
  #status: TransactionStatus = "active";
  /** Insertion-ordered: the order the transaction first wrote each key. */
  readonly #writes = new Map<string, Write<V>>();

  constructor(
    readonly snapshotTs: number,
    private readonly store: MvccStore<V>,
  ) {}

  get status(): TransactionStatus {
    return this.#status;
  }

  get(key: string): V | undefined {
    this.#ensureActive();
    const own = this.#writes.get(key);
    if (own) return own.exists ? own.value : undefined;
    return this.store.readAt(key, this.snapshotTs);
  }

  put(key: string, value: V): void {
    this.#ensureActive();
    this.#writes.set(key, { exists: true, value });
  }

  delete(key: string): void {
    this.#ensureActive();
    this.#writes.set(key, { exists: false });
  }

  commit(): void {
    this.#ensureActive();
    const conflict = this.store.firstConflict(this.#writes.keys(), this.snapshotTs);
    if (conflict !== undefined) {
      this.#close("aborted");
      throw new SerializationError(conflict);
    }
    this.store.install(this.#writes);
    this.#close("committed");
  }

  abort(): void {
    this.#ensureActive();
    this.#close("aborted");
  }

  #close(status: TransactionStatus): void {
    this.#status = status;
    this.#writes.clear();
    this.store.finished(this);
  }

  #ensureActive(): void {
    if (this.#status !== "active") throw new TransactionClosedError(this.#status);
  }
}

export class MvccStore<V> {
  /** Versions per key, oldest first (commit timestamps only grow). */
  readonly #versions = new Map<string, Version<V>[]>();
  readonly #active = new Set<Txn<V>>();
  #lastCommitTs = 0;

  begin(): Transaction<V> {
    const tx = new Txn<V>(this.#lastCommitTs, this);
    this.#active.add(tx);
    return tx;
  }

  /** How many versions of `key` are stored (tombstones included); 0 for an unknown key. */
  versionCount(key: string): number {
    return this.#versions.get(key)?.length ?? 0;
  }

  vacuum(): number {
    const snapshots = [...this.#active].map((tx) => tx.snapshotTs);
    const oldest = Math.min(...snapshots); // Infinity when nothing is active
    snapshots.push(this.#lastCommitTs); // every future transaction reads at the current timestamp
    let removed = 0;
    for (const [key, versions] of this.#versions) {
      const newest = versions[versions.length - 1] as Version<V>;
      // A delete that every active transaction already sees: the key reads as absent for all,
      // current and future, and no one can conflict with it.
      if (!newest.exists && newest.commitTs <= oldest) {
        removed += versions.length;
        this.#versions.delete(key);
        continue;
      }
      // Keep a version only if some snapshot reads it: commitTs <= s < the next version's commitTs.
      const kept = versions.filter((v, i) => {
        const next = versions[i + 1]?.commitTs ?? Infinity;
        return snapshots.some((s) => v.commitTs <= s && s < next);
      });
      removed += versions.length - kept.length;
      this.#versions.set(key, kept);
    }
    return removed;
  }

  /** @internal the value visible at snapshot `ts`. */
  readAt(key: string, ts: number): V | undefined {
    const versions = this.#versions.get(key);
    if (versions === undefined) return undefined;
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i] as Version<V>;
      if (v.commitTs < ts) return v.exists ? v.value : undefined;
    }
    return undefined;
  }

  /** @internal the first key (in the given order) with a version committed after `ts`. */
  firstConflict(keys: Iterable<string>, ts: number): string | undefined {
    for (const key of keys) {
      const versions = this.#versions.get(key);
      if (versions && (versions[versions.length - 1] as Version<V>).commitTs > ts) return key;
    }
    return undefined;
  }

  /** @internal installs a committed write set under the next commit timestamp. */
  install(writes: ReadonlyMap<string, Write<V>>): void {
    const commitTs = ++this.#lastCommitTs;
    for (const [key, w] of writes) {
      const versions = this.#versions.get(key) ?? [];
      versions.push({ commitTs, exists: w.exists, value: w.exists ? w.value : undefined });
      this.#versions.set(key, versions);
    }
  }

  /** @internal */
  finished(tx: Txn<V>): void {
    this.#active.delete(tx);
  }
}
