// Wrong: a tick started while another runs fetches the same rows and publishes them a second time.
export interface OutboxMessage<T> {
  readonly id: string;
  readonly payload: T;
}

interface Row<T> extends OutboxMessage<T> {
  published: boolean;
}

export class Outbox<T> {
  #rows: Row<T>[] = [];
  /** Index of the oldest row that may still be unpublished (rows before it are all published). */
  #firstPending = 0;
  readonly #byId = new Map<string, Row<T>>();
  #pending = 0;
  #nextId = 1;

  append(payload: T): string {
    const row: Row<T> = { id: `evt-${this.#nextId++}`, payload, published: false };
    this.#rows.push(row);
    this.#byId.set(row.id, row);
    this.#pending++;
    return row.id;
  }

  unpublished(limit: number): OutboxMessage<T>[] {
    while (this.#firstPending < this.#rows.length && this.#rows[this.#firstPending]?.published) this.#firstPending++;
    const batch: OutboxMessage<T>[] = [];
    for (let i = this.#firstPending; i < this.#rows.length && batch.length < limit; i++) {
      const row = this.#rows[i] as Row<T>;
      if (!row.published) batch.push({ id: row.id, payload: row.payload });
    }
    return batch;
  }

  markPublished(id: string): boolean {
    const row = this.#byId.get(id);
    if (!row || row.published) return false;
    row.published = true;
    this.#pending--;
    return true;
  }

  get pending(): number {
    return this.#pending;
  }
}

export interface RelayOptions<T> {
  outbox: Outbox<T>;
  publish: (message: OutboxMessage<T>) => Promise<void>;
  batchSize: number;
  publishTimeoutMs: number;
}

const TIMED_OUT = Symbol("timed out");

export class OutboxRelay<T> {
  readonly #options: RelayOptions<T>;

  constructor(options: RelayOptions<T>) {
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${options.batchSize}`);
    if (!(options.publishTimeoutMs > 0) || !Number.isFinite(options.publishTimeoutMs)) {
      throw new RangeError(`publishTimeoutMs must be a finite number > 0, got ${options.publishTimeoutMs}`);
    }
    this.#options = options;
  }

  tick(): Promise<number> {
    // One tick at a time: two overlapping ticks would publish the same rows twice.
    return this.#publishBatch();
  }

  async #publishBatch(): Promise<number> {
    const { outbox, batchSize } = this.#options;
    let published = 0;
    for (const message of outbox.unpublished(batchSize)) {
      if (!(await this.#publishInTime(message))) break; // keep the order: nothing overtakes a failed row
      outbox.markPublished(message.id);
      published++;
    }
    return published;
  }

  /** true only if the broker confirmed in time; a failure or timeout leaves the row for a later tick. */
  async #publishInTime(message: OutboxMessage<T>): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), this.#options.publishTimeoutMs);
    });
    try {
      const publishing = Promise.resolve().then(() => this.#options.publish(message));
      return (await Promise.race([publishing, timeout])) !== TIMED_OUT;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface ConsumerOptions<T> {
  handle: (message: OutboxMessage<T>) => void;
  windowSize: number;
}

export class IdempotentConsumer<T> {
  readonly #handle: (message: OutboxMessage<T>) => void;
  readonly #windowSize: number;
  /** Ids of handled messages, oldest first (a Set keeps insertion order). */
  readonly #seen = new Set<string>();

  constructor(options: ConsumerOptions<T>) {
    if (!Number.isInteger(options.windowSize) || options.windowSize < 1) throw new RangeError(`windowSize must be a positive integer, got ${options.windowSize}`);
    this.#handle = options.handle;
    this.#windowSize = options.windowSize;
  }

  receive(message: OutboxMessage<T>): boolean {
    if (this.#seen.has(message.id)) return false;
    this.#handle(message); // if it throws, the id is not remembered: the redelivery retries it
    this.#seen.add(message.id);
    if (this.#seen.size > this.#windowSize) {
      const oldest = this.#seen.values().next().value as string;
      this.#seen.delete(oldest);
    }
    return true;
  }
}
