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

interface Job<T, R> {
  task: T;
  priority: number;
  resolve: (value: R) => void;
  reject: (error: Error) => void;
}

interface Slot<T, R> {
  id: number;
  worker: PoolWorker<T, R>;
  /** The job it is running, if any. */
  job?: Job<T, R>;
  timer?: ReturnType<typeof setTimeout>;
  /** False once the worker crashed or was terminated: late results from it are ignored. */
  alive: boolean;
}

export class WorkerPool<T, R> {
  private readonly createWorker: (id: number) => PoolWorker<T, R>;
  private readonly taskTimeoutMs: number;
  private readonly slots = new Map<number, Slot<T, R>>();
  /** Idle workers, the one idle the longest first. */
  private idleSlots: Slot<T, R>[] = [];
  /** Waiting jobs, kept sorted: higher priority first, then submission order. */
  private queue: Job<T, R>[] = [];
  private nextId = 1;
  private closing?: Promise<void>;
  private finishClose?: () => void;

  constructor(options: PoolOptions<T, R>) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`size must be an integer >= 1, got ${options.size}`);
    if (!Number.isFinite(options.taskTimeoutMs) || options.taskTimeoutMs <= 0) {
      throw new RangeError(`taskTimeoutMs must be a finite number > 0, got ${options.taskTimeoutMs}`);
    }
    this.createWorker = options.createWorker;
    this.taskTimeoutMs = options.taskTimeoutMs;
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  submit(task: T, options: { priority?: number } = {}): Promise<R> {
    if (this.closing) return Promise.reject(new PoolClosedError());
    const priority = options.priority ?? 0;
    if (!Number.isInteger(priority)) return Promise.reject(new RangeError(`priority must be an integer, got ${priority}`));
    return new Promise<R>((resolve, reject) => {
      const job: Job<T, R> = { task, priority, resolve, reject };
      // Insert after every job of the same or higher priority: FIFO within a priority.
      let at = this.queue.length;
      while (at > 0 && this.queue[at - 1]!.priority < priority) at--;
      this.queue.splice(at, 0, job);
      this.dispatch();
    });
  }

  stats(): PoolStats {
    return { idle: this.idleSlots.length, busy: this.slots.size - this.idleSlots.length, queued: this.queue.length };
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => (this.finishClose = resolve));
      this.maybeFinishClose();
    }
    return this.closing;
  }

  private spawn(): void {
    const id = this.nextId++;
    const slot: Slot<T, R> = { id, worker: this.createWorker(id), alive: true };
    this.slots.set(id, slot);
    this.idleSlots.push(slot);
    slot.worker.onExit((error) => this.onCrash(slot, error));
  }

  /** Hands queued jobs to idle workers, longest-idle worker first. */
  private dispatch(): void {
    while (this.queue.length > 0 && this.idleSlots.length > 0) {
      const slot = this.idleSlots.shift()!;
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
    this.maybeFinishClose();
  }

  private start(slot: Slot<T, R>, job: Job<T, R>): void {
    slot.job = job;
    slot.timer = setTimeout(() => this.onTimeout(slot, job), this.taskTimeoutMs);
    let running: Promise<R>;
    try {
      running = slot.worker.run(job.task);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => this.onSettled(slot, job, () => job.resolve(value)),
      (error: unknown) => this.onSettled(slot, job, () => job.reject(error instanceof Error ? error : new Error(String(error)))),
    );
  }

  private onSettled(slot: Slot<T, R>, job: Job<T, R>, settle: () => void): void {
    // Ignore results from a worker that timed out or crashed: its job was already failed.
    if (!slot.alive) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    settle();
    this.idleSlots.push(slot);
    this.dispatch();
  }

  // The timer is cleared whenever the job settles or the worker is lost, so it only fires for a
  // job that is still running.
  private onTimeout(slot: Slot<T, R>, job: Job<T, R>): void {
    // A task that never returns usually means a wedged worker (an infinite loop): kill and replace it.
    this.retire(slot);
    job.reject(new TaskTimeoutError(this.taskTimeoutMs));
    slot.worker.terminate();
    this.replace();
  }

  private onCrash(slot: Slot<T, R>, error: Error): void {
    if (!slot.alive) return;
    const job = slot.job;
    this.retire(slot);
    // The task may have had side effects before the crash: fail it rather than run it twice.
    if (job) job.reject(new WorkerCrashedError(slot.id, error));
    slot.worker.terminate();
    this.replace();
  }

  /** Starts a new worker for a lost one, unless the pool is closing with nothing left to queue. */
  private replace(): void {
    if (!this.closing || this.queue.length > 0) this.spawn();
    this.dispatch();
  }

  /** Forgets a worker that is dead or about to be killed. */
  private retire(slot: Slot<T, R>): void {
    slot.alive = false;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    this.slots.delete(slot.id);
    this.idleSlots = this.idleSlots.filter((s) => s !== slot);
  }

  private maybeFinishClose(): void {
    if (!this.finishClose || this.queue.length > 0) return;
    for (const slot of this.slots.values()) if (slot.job) return;
    const finish = this.finishClose;
    this.finishClose = undefined;
    // Terminate in id order (Map iteration order is insertion order, and ids only grow).
    for (const slot of [...this.slots.values()]) {
      this.retire(slot);
      slot.worker.terminate();
    }
    finish();
  }
}
