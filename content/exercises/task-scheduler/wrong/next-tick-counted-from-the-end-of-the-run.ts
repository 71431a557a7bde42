/**
 * A pull-based task scheduler with leases (at-least-once), retries with exponential backoff, a
 * dead-letter list, no overlapping runs of one task, and coalescing of missed ticks.
 *
 * Each task has at most one run in progress. Nothing happens on timers: every method first applies
 * the lease expirations that are due by `now()`, using the exact expiry times, so the result is the
 * same whether the scheduler is called every millisecond or once an hour.
 */
export type TaskSpec =
  | { readonly id: string; readonly at: number }
  | { readonly id: string; readonly firstAt: number; readonly everyMs: number };

export interface Lease {
  readonly leaseId: string;
  readonly taskId: string;
  readonly scheduledAt: number;
  readonly attempt: number;
  readonly expiresAt: number;
}

export interface DeadLetter {
  readonly taskId: string;
  readonly scheduledAt: number;
  readonly attempts: number;
  readonly failedAt: number;
}

export interface SchedulerOptions {
  now: () => number;
  leaseMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

interface Task {
  readonly id: string;
  /** Registration order: breaks ties between runs due at the same time. */
  readonly seq: number;
  readonly firstAt: number;
  /** undefined for a one-off task. */
  readonly everyMs: number | undefined;
  state: "waiting" | "leased" | "retrying" | "done";
  /** waiting: the first tick not yet run. */
  nextTick: number;
  /** waiting / retrying: since when the next run may start (its place in line). */
  dueAt: number;
  /** The current run (leased or retrying). */
  scheduledAt: number;
  attempt: number;
  lease: Lease | undefined;
}

export class TaskScheduler {
  readonly #now: () => number;
  readonly #leaseMs: number;
  readonly #maxAttempts: number;
  readonly #backoffBaseMs: number;
  readonly #backoffMaxMs: number;
  readonly #tasks = new Map<string, Task>();
  /** Current leases in the order they were granted, which is also expiry order (one leaseMs). */
  readonly #leases = new Map<string, Task>();
  readonly #dead: DeadLetter[] = [];
  #leaseCount = 0;

  constructor(options: SchedulerOptions) {
    const { now, leaseMs, maxAttempts, backoffBaseMs, backoffMaxMs } = options;
    if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new RangeError(`leaseMs must be a finite number > 0, got ${leaseMs}`);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
    if (!Number.isFinite(backoffBaseMs) || backoffBaseMs <= 0) {
      throw new RangeError(`backoffBaseMs must be a finite number > 0, got ${backoffBaseMs}`);
    }
    if (!Number.isFinite(backoffMaxMs) || backoffMaxMs < backoffBaseMs) {
      throw new RangeError(`backoffMaxMs must be finite and >= backoffBaseMs, got ${backoffMaxMs}`);
    }
    this.#now = now;
    this.#leaseMs = leaseMs;
    this.#maxAttempts = maxAttempts;
    this.#backoffBaseMs = backoffBaseMs;
    this.#backoffMaxMs = backoffMaxMs;
  }

  schedule(spec: TaskSpec): void {
    if (typeof spec.id !== "string" || spec.id === "") throw new TypeError("a task needs a non-empty id");
    if (this.#tasks.has(spec.id)) throw new Error(`task "${spec.id}" already exists`);
    let firstAt: number;
    let everyMs: number | undefined;
    if ("everyMs" in spec) {
      if (!Number.isFinite(spec.everyMs) || spec.everyMs <= 0) throw new RangeError(`everyMs must be a finite number > 0, got ${spec.everyMs}`);
      firstAt = spec.firstAt;
      everyMs = spec.everyMs;
    } else {
      firstAt = spec.at;
    }
    if (!Number.isFinite(firstAt)) throw new RangeError(`the first run time must be finite, got ${firstAt}`);
    this.#tasks.set(spec.id, {
      id: spec.id,
      seq: this.#tasks.size,
      firstAt,
      everyMs,
      state: "waiting",
      nextTick: firstAt,
      dueAt: firstAt,
      scheduledAt: firstAt,
      attempt: 0,
      lease: undefined,
    });
  }

  poll(): Lease | undefined {
    const now = this.#now();
    this.#expire(now);
    let best: Task | undefined;
    for (const task of this.#tasks.values()) {
      const ready = task.state === "waiting" ? task.nextTick <= now : task.state === "retrying" && task.dueAt <= now;
      if (!ready) continue;
      // Map iteration is registration order, so "<" keeps the earlier task on a tie.
      if (best === undefined || task.dueAt < best.dueAt) best = task;
    }
    if (best === undefined) return undefined;
    if (best.state === "waiting") {
      // A new run: for the latest tick that has passed, so missed ticks coalesce into one run.
      best.scheduledAt = best.everyMs === undefined ? best.firstAt : best.firstAt + Math.floor((now - best.firstAt) / best.everyMs) * best.everyMs;
      best.attempt = 0;
    }
    best.attempt++;
    best.state = "leased";
    const lease: Lease = {
      leaseId: `lease-${++this.#leaseCount}`,
      taskId: best.id,
      scheduledAt: best.scheduledAt,
      attempt: best.attempt,
      expiresAt: now + this.#leaseMs,
    };
    best.lease = lease;
    this.#leases.set(lease.leaseId, best);
    return lease;
  }

  ack(leaseId: string): boolean {
    const now = this.#now();
    this.#expire(now);
    const task = this.#leases.get(leaseId);
    if (task === undefined) return false;
    this.#leases.delete(leaseId);
    this.#finish(task, now);
    return true;
  }

  fail(leaseId: string): boolean {
    const now = this.#now();
    this.#expire(now);
    const task = this.#leases.get(leaseId);
    if (task === undefined) return false;
    this.#leases.delete(leaseId);
    this.#failed(task, now);
    return true;
  }

  get deadLetters(): readonly DeadLetter[] {
    this.#expire(this.#now());
    return this.#dead.slice();
  }

  /** Leases whose expiresAt <= now failed at expiresAt; they are in expiry order already. */
  #expire(now: number): void {
    for (const [leaseId, task] of this.#leases) {
      const expiresAt = (task.lease as Lease).expiresAt;
      if (expiresAt > now) break;
      this.#leases.delete(leaseId);
      this.#failed(task, expiresAt);
    }
  }

  #failed(task: Task, at: number): void {
    task.lease = undefined;
    if (task.attempt >= this.#maxAttempts) {
      this.#dead.push({ taskId: task.id, scheduledAt: task.scheduledAt, attempts: task.attempt, failedAt: at });
      this.#finish(task, at);
      return;
    }
    task.state = "retrying";
    task.dueAt = at + Math.min(this.#backoffMaxMs, this.#backoffBaseMs * 2 ** (task.attempt - 1));
  }

  /** The run is over (acked or dead-lettered) at time `at`. */
  #finish(task: Task, at: number): void {
    task.lease = undefined;
    if (task.everyMs === undefined) {
      task.state = "done";
      return;
    }
    task.state = "waiting";
    task.nextTick = at + task.everyMs;
    // Ticks that passed during the run were waiting since the run ended, not since the tick.
    task.dueAt = Math.max(task.nextTick, at);
  }
}
