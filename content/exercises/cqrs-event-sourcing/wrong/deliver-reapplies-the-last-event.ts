/**
 * Event sourcing with CQRS: an append-only event store with optimistic concurrency per stream, a
 * repository that rehydrates aggregates from a snapshot plus the events after it, and a projection
 * (read model) that follows the store's global order with a checkpoint, so that replays and
 * duplicate deliveries change nothing.
 */
export interface EventData {
  readonly type: string;
  readonly data: unknown;
}

export interface RecordedEvent extends EventData {
  readonly streamId: string;
  /** 1 for a stream's first event, 2 for its second, ... */
  readonly version: number;
  /** 1 for the store's first event, 2 for its second, ... across all streams. */
  readonly position: number;
}

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`stream "${streamId}" is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = "ConcurrencyError";
  }
}

export class EventStore {
  readonly #all: RecordedEvent[] = [];
  readonly #streams = new Map<string, RecordedEvent[]>();

  append(streamId: string, expectedVersion: number, events: readonly EventData[]): number {
    if (typeof streamId !== "string" || streamId === "") throw new TypeError("streamId must be a non-empty string");
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new RangeError(`expectedVersion must be a non-negative integer, got ${expectedVersion}`);
    }
    if (events.length === 0) throw new RangeError("append needs at least one event");
    const stream = this.#streams.get(streamId) ?? [];
    if (stream.length !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, stream.length);
    for (const e of events) {
      const recorded: RecordedEvent = Object.freeze({
        type: e.type,
        data: e.data,
        streamId,
        version: stream.length + 1,
        position: this.#all.length + 1,
      });
      stream.push(recorded);
      this.#all.push(recorded);
    }
    this.#streams.set(streamId, stream);
    return stream.length;
  }

  version(streamId: string): number {
    return this.#streams.get(streamId)?.length ?? 0;
  }

  readStream(streamId: string, fromVersion = 1): RecordedEvent[] {
    // Versions are 1-based and dense, so version v sits at index v - 1.
    return (this.#streams.get(streamId) ?? []).slice(Math.max(0, fromVersion - 1));
  }

  readAll(fromPosition = 1): RecordedEvent[] {
    return this.#all.slice(Math.max(0, fromPosition - 1));
  }
}

export interface AggregateType<S> {
  readonly initial: S;
  /** Pure: returns the next state, never changes `state`. */
  apply(state: S, event: RecordedEvent): S;
}

export interface Snapshot<S> {
  readonly state: S;
  readonly version: number;
}

export class Repository<S> {
  readonly #store: EventStore;
  readonly #type: AggregateType<S>;
  readonly #every: number;
  readonly #snapshots = new Map<string, Snapshot<S>>();

  constructor(store: EventStore, type: AggregateType<S>, options: { snapshotEvery: number }) {
    if (!Number.isInteger(options.snapshotEvery) || options.snapshotEvery < 1) {
      throw new RangeError(`snapshotEvery must be a positive integer, got ${options.snapshotEvery}`);
    }
    this.#store = store;
    this.#type = type;
    this.#every = options.snapshotEvery;
  }

  load(id: string): Snapshot<S> {
    const snap = this.#snapshots.get(id);
    let state = snap ? snap.state : this.#type.initial;
    let version = snap ? snap.version : 0;
    // Only the events after the snapshot: that is the whole point of taking it.
    for (const event of this.#store.readStream(id, version + 1)) {
      state = this.#type.apply(state, event);
      version = event.version;
    }
    return { state, version };
  }

  save(id: string, expectedVersion: number, events: readonly EventData[]): number {
    const version = this.#store.append(id, expectedVersion, events);
    // Snapshot when this batch reached or crossed a multiple of snapshotEvery.
    if (Math.floor(version / this.#every) > Math.floor(expectedVersion / this.#every)) {
      this.#snapshots.set(id, this.load(id));
    }
    return version;
  }

  snapshotOf(id: string): Snapshot<S> | undefined {
    return this.#snapshots.get(id);
  }
}

export interface ProjectionHandler<R> {
  readonly initial: R;
  /** Pure: returns the next read model. */
  apply(readModel: R, event: RecordedEvent): R;
}

export class Projection<R> {
  readonly #store: EventStore;
  readonly #handler: ProjectionHandler<R>;
  #state: R;
  #position = 0;

  constructor(store: EventStore, handler: ProjectionHandler<R>) {
    this.#store = store;
    this.#handler = handler;
    this.#state = handler.initial;
  }

  get position(): number {
    return this.#position;
  }

  get state(): R {
    return this.#state;
  }

  catchUp(): number {
    const events = this.#store.readAll(this.#position + 1);
    for (const event of events) this.#apply(event);
    return events.length;
  }

  deliver(event: RecordedEvent): boolean {
    if (event.position < this.#position) return false; // already seen: at-least-once delivery
    // Read from the store rather than trusting the delivery: if events were skipped (a gap), this
    // applies them too, in order, up to and including the delivered one.
    for (const next of this.#store.readAll(this.#position + 1)) {
      if (next.position > event.position) break;
      this.#apply(next);
    }
    return true;
  }

  #apply(event: RecordedEvent): void {
    this.#state = this.#handler.apply(this.#state, event);
    this.#position = event.position;
  }
}
