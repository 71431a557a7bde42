/** A simulated worker thread: runs one task at a time. */
export interface PoolWorker<T, R> {
  /** Runs one task; resolves with its result, rejects when the task throws (the worker survives). */
  run(task: T): Promise<R>;
  /** Kills the worker (like worker.terminate()). */
  terminate(): void;
  /** Registers the listener called when the worker dies on its own (a crash). */
  onExit(listener: (error: Error) => void): void;
}

export interface PoolOptions<T, R> {
  /** Number of workers, an integer >= 1. */
  size: number;
  /** Creates a worker; ids are 1, 2, 3, ... in creation order. */
  createWorker: (id: number) => PoolWorker<T, R>;
  /** How long one task may run on a worker (finite, > 0). */
  taskTimeoutMs: number;
}

export interface PoolStats {
  idle: number;
  busy: number;
  queued: number;
}

export class TaskTimeoutError extends Error {
  constructor(ms: number) {
    super(`task timed out after ${ms} ms`);
    this.name = "TaskTimeoutError";
  }
}

export class WorkerCrashedError extends Error {
  constructor(id: number, cause: Error) {
    super(`worker ${id} crashed: ${cause.message}`);
    this.name = "WorkerCrashedError";
  }
}

export class PoolClosedError extends Error {
  constructor() {
    super("pool is closed");
    this.name = "PoolClosedError";
  }
}

export class WorkerPool<T, R> {
  /** @throws {RangeError} for a bad size or taskTimeoutMs. Creates the workers at once. */
  constructor(options: PoolOptions<T, R>) {
    throw new Error("Not implemented");
  }

  /** Queues a task (higher priority first, FIFO within a priority); resolves with its result. */
  submit(task: T, options: { priority?: number } = {}): Promise<R> {
    throw new Error("Not implemented");
  }

  stats(): PoolStats {
    throw new Error("Not implemented");
  }

  /** Stops new submissions, lets queued and running tasks finish, then terminates every worker. */
  close(): Promise<void> {
    throw new Error("Not implemented");
  }
}
