/**
 * Admission control for a server: a concurrency limit, a bounded queue whose requests carry
 * deadlines, two priority classes, and Facebook-style adaptive LIFO with a CoDel-like overload
 * detector (a queue that has not been empty for a while means we are behind: serve the newest
 * first and give new arrivals only a short wait).
 */
export type Priority = "critical" | "sheddable";

export interface Request {
  readonly id: string;
  readonly priority: Priority;
  /** Absolute time (same clock as `now`) after which starting the request is pointless. */
  readonly deadline: number;
}

export type ShedReason = "expired" | "queue-full" | "displaced";

export type ShedderEvent =
  | { readonly type: "start"; readonly id: string }
  | { readonly type: "queued"; readonly id: string }
  | { readonly type: "shed"; readonly id: string; readonly reason: ShedReason };

export interface ShedderOptions {
  /** Requests running at once (integer >= 1). */
  maxConcurrent: number;
  /** Requests waiting at once (integer >= 0). */
  maxQueue: number;
  /** The queue is overloaded once it has been non-empty for this long (finite, >= 0). */
  overloadAfterMs: number;
  /** While overloaded, a new arrival waits at most this long (finite, > 0). */
  overloadTimeoutMs: number;
  /** The clock. */
  now: () => number;
}

export interface ShedderStats {
  running: number;
  queued: number;
  overloaded: boolean;
  started: number;
  completed: number;
  shed: Record<ShedReason, number>;
}

/**
 * - Every method first sheds waiting requests whose (effective) deadline is <= now.
 * - submit: start if a slot is free, else queue if there is room, else a critical request displaces
 *   the newest waiting sheddable one, else it is refused.
 * - Overloaded = the queue has been non-empty for >= overloadAfterMs: new arrivals wait at most
 *   overloadTimeoutMs, and complete() starts the newest waiting request (LIFO) instead of the oldest.
 * - complete: critical requests start before sheddable ones.
 */
export class LoadShedder {
  /** @throws {RangeError} for an option out of range. */
  constructor(opts: ShedderOptions) {
    throw new Error("Not implemented");
  }

  submit(request: Request): ShedderEvent[] {
    throw new Error("Not implemented");
  }

  complete(id: string): ShedderEvent[] {
    throw new Error("Not implemented");
  }

  tick(): ShedderEvent[] {
    throw new Error("Not implemented");
  }

  stats(): ShedderStats {
    throw new Error("Not implemented");
  }
}
