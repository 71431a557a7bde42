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

export interface Transaction<V> {
  readonly status: TransactionStatus;
  /** Own writes first, else the newest version committed at or before the snapshot. */
  get(key: string): V | undefined;
  put(key: string, value: V): void;
  delete(key: string): void;
  /** @throws {SerializationError} a key it wrote was committed by someone else after it began. */
  commit(): void;
  abort(): void;
}

/**
 * Snapshot isolation over versioned keys: reads see the snapshot taken at begin() plus the
 * transaction's own writes; first committer wins on write-write conflicts; vacuum() drops the
 * versions no active or future transaction can read.
 */
export class MvccStore<V> {
  begin(): Transaction<V> {
    throw new Error("Not implemented");
  }

  vacuum(): number {
    throw new Error("Not implemented");
  }

  versionCount(key: string): number {
    throw new Error("Not implemented");
  }
}
