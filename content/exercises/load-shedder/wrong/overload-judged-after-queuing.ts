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

interface Waiting {
  readonly id: string;
  readonly priority: Priority;
  /** The request's deadline, shortened if it arrived during overload. */
  readonly deadline: number;
}

export class LoadShedder {
  readonly #o: ShedderOptions;
  readonly #running = new Set<string>();
  /** Every id ever submitted: ids are single-use. */
  readonly #ids = new Set<string>();
  #queue: Waiting[] = [];
  /** When the queue last went from empty to non-empty; undefined while it is empty. */
  #nonEmptySince: number | undefined;
  #started = 0;
  #completed = 0;
  readonly #shed: Record<ShedReason, number> = { expired: 0, "queue-full": 0, displaced: 0 };

  constructor(opts: ShedderOptions) {
    const { maxConcurrent, maxQueue, overloadAfterMs, overloadTimeoutMs } = opts;
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) throw new RangeError("maxConcurrent must be an integer >= 1");
    if (!Number.isInteger(maxQueue) || maxQueue < 0) throw new RangeError("maxQueue must be an integer >= 0");
    if (!Number.isFinite(overloadAfterMs) || overloadAfterMs < 0) throw new RangeError("overloadAfterMs must be finite and >= 0");
    if (!Number.isFinite(overloadTimeoutMs) || overloadTimeoutMs <= 0) throw new RangeError("overloadTimeoutMs must be finite and > 0");
    this.#o = { ...opts };
  }

  submit(request: Request): ShedderEvent[] {
    const { id, priority, deadline } = request;
    // Validate before anything changes, so that a throw never loses events.
    if (typeof deadline !== "number" || Number.isNaN(deadline)) throw new RangeError("deadline must be a number");
    if (this.#ids.has(id)) throw new Error(`duplicate id ${id}`);
    this.#ids.add(id);
    const now = this.#o.now();
    const events = this.#expire(now);
    if (deadline <= now) {
      events.push(this.#shedEvent(id, "expired"));
    } else if (this.#running.size < this.#o.maxConcurrent) {
      // A free slot means an empty queue: slots are only freed by complete(), which refills them.
      events.push(this.#start(id));
    } else if (this.#queue.length < this.#o.maxQueue) {
      events.push(this.#enqueue(request, now));
    } else {
      const victim = priority === "critical" ? this.#newest("sheddable") : undefined;
      if (victim) {
        this.#queue.splice(this.#queue.indexOf(victim), 1);
        events.push(this.#shedEvent(victim.id, "displaced"));
        events.push(this.#enqueue(request, now));
      } else {
        events.push(this.#shedEvent(id, "queue-full"));
      }
    }
    return events;
  }

  complete(id: string): ShedderEvent[] {
    if (!this.#running.has(id)) throw new Error(`not running ${id}`);
    const now = this.#o.now();
    const events = this.#expire(now);
    this.#running.delete(id);
    this.#completed++;
    if (this.#queue.length > 0) {
      // The mode is decided by the state before the dequeue.
      const lifo = this.#overloaded(now);
      const cls: Priority = this.#queue.some((w) => w.priority === "critical") ? "critical" : "sheddable";
      const next = (lifo ? this.#newest(cls) : this.#oldest(cls)) as Waiting;
      this.#remove(next);
      events.push(this.#start(next.id));
    }
    return events;
  }

  /** Sheds the queued requests whose deadline has come. */
  tick(): ShedderEvent[] {
    return this.#expire(this.#o.now());
  }

  stats(): ShedderStats {
    const now = this.#o.now();
    this.#expire(now);
    return {
      running: this.#running.size,
      queued: this.#queue.length,
      overloaded: this.#overloaded(now),
      started: this.#started,
      completed: this.#completed,
      shed: { ...this.#shed },
    };
  }

  #overloaded(now: number): boolean {
    return this.#nonEmptySince !== undefined && now - this.#nonEmptySince >= this.#o.overloadAfterMs;
  }

  #enqueue(request: Request, now: number): ShedderEvent {
    // Under overload a new arrival gets only a short wait: if it is not served quickly it will
    // not be served at all, and failing it fast frees the client to go elsewhere.
    // A displacement swaps one waiting request for another: the queue was never empty.
    if (this.#nonEmptySince === undefined) this.#nonEmptySince = now;
    const deadline = this.#overloaded(now) ? Math.min(request.deadline, now + this.#o.overloadTimeoutMs) : request.deadline;
    this.#queue.push({ id: request.id, priority: request.priority, deadline });
    return { type: "queued", id: request.id };
  }

  #expire(now: number): ShedderEvent[] {
    // The queue is in arrival order and sort is stable: equal deadlines keep their arrival order.
    const due = this.#queue.filter((w) => w.deadline <= now).sort((a, b) => a.deadline - b.deadline);
    for (const w of due) this.#remove(w);
    return due.map((w) => this.#shedEvent(w.id, "expired"));
  }

  #remove(w: Waiting): void {
    this.#queue.splice(this.#queue.indexOf(w), 1);
    if (this.#queue.length === 0) this.#nonEmptySince = undefined;
  }

  #start(id: string): ShedderEvent {
    this.#running.add(id);
    this.#started++;
    return { type: "start", id };
  }

  #shedEvent(id: string, reason: ShedReason): ShedderEvent {
    this.#shed[reason]++;
    return { type: "shed", id, reason };
  }

  #oldest(cls: Priority): Waiting | undefined {
    return this.#queue.find((w) => w.priority === cls);
  }

  #newest(cls: Priority): Waiting | undefined {
    return this.#queue.findLast((w) => w.priority === cls);
  }
}
