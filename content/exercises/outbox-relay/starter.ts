export interface OutboxMessage<T> {
  readonly id: string;
  readonly payload: T;
}

/** The outbox table: rows appended in the business transaction, published later by the relay. */
export class Outbox<T> {
  /** Stores an unpublished row; returns its unique id. */
  append(payload: T): string {
    throw new Error("Not implemented");
  }

  /** Up to `limit` unpublished rows, oldest first. */
  unpublished(limit: number): OutboxMessage<T>[] {
    throw new Error("Not implemented");
  }

  /** false for an unknown id or a row already published. */
  markPublished(id: string): boolean {
    throw new Error("Not implemented");
  }

  get pending(): number {
    throw new Error("Not implemented");
  }
}

export interface RelayOptions<T> {
  outbox: Outbox<T>;
  publish: (message: OutboxMessage<T>) => Promise<void>;
  /** Rows per tick (positive integer). */
  batchSize: number;
  /** How long to wait for each publish (finite, > 0). */
  publishTimeoutMs: number;
}

/**
 * tick(): publish unpublished rows one at a time, in order; mark each after its publish resolved in
 * time; stop at the first rejection, throw or timeout. Overlapping ticks share one run.
 */
export class OutboxRelay<T> {
  /** @throws {RangeError} for a bad batchSize or publishTimeoutMs. */
  constructor(options: RelayOptions<T>) {
    throw new Error("Not implemented");
  }

  /** Resolves the number of rows marked published by this tick. */
  tick(): Promise<number> {
    throw new Error("Not implemented");
  }
}

export interface ConsumerOptions<T> {
  handle: (message: OutboxMessage<T>) => void;
  /** How many handled ids to remember (positive integer). */
  windowSize: number;
}

/** Drops messages whose id is among the last `windowSize` handled ids (first in, first out). */
export class IdempotentConsumer<T> {
  /** @throws {RangeError} for a bad windowSize. */
  constructor(options: ConsumerOptions<T>) {
    throw new Error("Not implemented");
  }

  /** true if handled now, false if dropped as a duplicate; rethrows handle's error (id not remembered). */
  receive(message: OutboxMessage<T>): boolean {
    throw new Error("Not implemented");
  }
}
