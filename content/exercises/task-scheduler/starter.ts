export type TaskSpec =
  | { readonly id: string; readonly at: number }
  | { readonly id: string; readonly firstAt: number; readonly everyMs: number };

export interface Lease {
  readonly leaseId: string;
  readonly taskId: string;
  /** The time this run is for (a tick, or `at`). */
  readonly scheduledAt: number;
  /** 1 for the first attempt of this run, 2 for its first retry, ... */
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
  /** The current time in ms; never goes backwards. */
  now: () => number;
  leaseMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/**
 * Pull-based scheduler: one-off and recurring tasks, leases (an expired lease is a failed attempt
 * at its expiresAt), retries after min(backoffMaxMs, backoffBaseMs * 2^(attempt-1)), dead letters
 * after maxAttempts, at most one run per task at a time, missed ticks coalesced into one run.
 */
export class TaskScheduler {
  /** @throws {RangeError} for a bad option. */
  constructor(options: SchedulerOptions) {
    throw new Error("Not implemented");
  }

  /**
   * @throws {TypeError} an empty id.
   * @throws {Error} an id already scheduled.
   * @throws {RangeError} a bad everyMs, at or firstAt.
   */
  schedule(spec: TaskSpec): void {
    throw new Error("Not implemented");
  }

  poll(): Lease | undefined {
    throw new Error("Not implemented");
  }

  ack(leaseId: string): boolean {
    throw new Error("Not implemented");
  }

  fail(leaseId: string): boolean {
    throw new Error("Not implemented");
  }

  get deadLetters(): readonly DeadLetter[] {
    throw new Error("Not implemented");
  }
}
