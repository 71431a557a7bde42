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
  /**
   * @throws {TypeError} an empty streamId.
   * @throws {RangeError} a bad expectedVersion, or no events.
   * @throws {ConcurrencyError} the stream is not at expectedVersion.
   */
  append(streamId: string, expectedVersion: number, events: readonly EventData[]): number {
    throw new Error("Not implemented");
  }

  version(streamId: string): number {
    throw new Error("Not implemented");
  }

  readStream(streamId: string, fromVersion = 1): RecordedEvent[] {
    throw new Error("Not implemented");
  }

  readAll(fromPosition = 1): RecordedEvent[] {
    throw new Error("Not implemented");
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
  /** @throws {RangeError} snapshotEvery is not a positive integer. */
  constructor(store: EventStore, type: AggregateType<S>, options: { snapshotEvery: number }) {
    throw new Error("Not implemented");
  }

  load(id: string): Snapshot<S> {
    throw new Error("Not implemented");
  }

  save(id: string, expectedVersion: number, events: readonly EventData[]): number {
    throw new Error("Not implemented");
  }

  snapshotOf(id: string): Snapshot<S> | undefined {
    throw new Error("Not implemented");
  }
}

export interface ProjectionHandler<R> {
  readonly initial: R;
  /** Pure: returns the next read model. */
  apply(readModel: R, event: RecordedEvent): R;
}

export class Projection<R> {
  constructor(store: EventStore, handler: ProjectionHandler<R>) {
    throw new Error("Not implemented");
  }

  /** The position of the last event applied; 0 before any. */
  get position(): number {
    throw new Error("Not implemented");
  }

  get state(): R {
    throw new Error("Not implemented");
  }

  catchUp(): number {
    throw new Error("Not implemented");
  }

  deliver(event: RecordedEvent): boolean {
    throw new Error("Not implemented");
  }
}
