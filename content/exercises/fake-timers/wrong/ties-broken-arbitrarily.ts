export type TimerId = number;

export interface FakeClockOptions {
  /** The starting time in milliseconds (default 0). */
  now?: number;
  /** How many timers one runAll() may run before it gives up (default 1000). */
  loopLimit?: number;
}

interface Timer {
  readonly id: TimerId;
  /** The time it is due next. */
  callAt: number;
  /** The period of an interval; undefined for a timeout. */
  readonly period: number | undefined;
  /** Calls the callback with its extra arguments. */
  readonly call: () => void;
}

/** True when timer a must run before timer b: earlier due time, then smaller id. */
function before(a: Timer, b: Timer): boolean {
  return a.callAt < b.callAt;
}

/**
 * A fake clock for tests, in the manner of @sinonjs/fake-timers (what Jest's and Vitest's fake
 * timers use). Pending timers live in a Map by id and in a binary min-heap ordered by (callAt, id).
 * Clearing only deletes from the Map; the heap drops entries whose timer is gone when they reach
 * the top (lazy deletion), so every operation is O(log n).
 */
export class FakeClock {
  private time: number;
  private readonly loopLimit: number;
  private nextId = 1;
  private readonly timers = new Map<TimerId, Timer>();
  private readonly heap: Timer[] = [];

  constructor(options: FakeClockOptions = {}) {
    const { now = 0, loopLimit = 1000 } = options;
    if (!Number.isFinite(now)) throw new RangeError(`now must be a finite number, got ${String(now)}`);
    if (!Number.isInteger(loopLimit) || loopLimit < 1) throw new RangeError(`loopLimit must be a positive integer, got ${String(loopLimit)}`);
    this.time = now;
    this.loopLimit = loopLimit;
  }

  now(): number {
    return this.time;
  }

  setTimeout<A extends unknown[]>(callback: (...args: A) => void, delay?: number, ...args: A): TimerId {
    return this.add(callback, normalise(delay), undefined, args);
  }

  setInterval<A extends unknown[]>(callback: (...args: A) => void, delay?: number, ...args: A): TimerId {
    // A zero period would fire forever without time passing: intervals repeat at least every 1 ms.
    const period = Math.max(1, normalise(delay));
    return this.add(callback, period, period, args);
  }

  clearTimeout(id: TimerId | undefined): void {
    if (id !== undefined) this.timers.delete(id);
  }

  clearInterval(id: TimerId | undefined): void {
    this.clearTimeout(id);
  }

  tick(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`tick needs a finite number of milliseconds >= 0, got ${String(ms)}`);
    const target = this.time + ms;
    for (let timer = this.peek(); timer !== undefined && timer.callAt <= target; timer = this.peek()) {
      this.run(timer);
    }
    this.time = target;
    return this.time;
  }

  next(): number {
    const timer = this.peek();
    if (timer !== undefined) this.run(timer);
    return this.time;
  }

  runAll(): number {
    for (let ran = 0; this.peek() !== undefined; ran++) {
      if (ran === this.loopLimit) {
        throw new Error(`Aborting after running ${this.loopLimit} timers, assuming an infinite loop!`);
      }
      this.next();
    }
    return this.time;
  }

  countTimers(): number {
    return this.timers.size;
  }

  private add<A extends unknown[]>(callback: (...args: A) => void, delay: number, period: number | undefined, args: A): TimerId {
    if (typeof callback !== "function") throw new TypeError("callback must be a function");
    const timer: Timer = { id: this.nextId++, callAt: this.time + delay, period, call: () => callback(...args) };
    this.timers.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  /** Moves the clock to the timer, reschedules or removes it, then calls it. */
  private run(timer: Timer): void {
    this.pop();
    this.time = timer.callAt;
    if (timer.period === undefined) {
      this.timers.delete(timer.id);
    } else {
      // Rescheduled before the callback runs, so a callback that clears its own interval stops it
      // and one that throws does not.
      timer.callAt += timer.period;
      this.push(timer);
    }
    timer.call();
  }

  /** The earliest live timer, after dropping heap entries of cleared timers. */
  private peek(): Timer | undefined {
    for (let top = this.heap[0]; top !== undefined; top = this.heap[0]) {
      if (this.timers.get(top.id) === top) return top;
      this.pop();
    }
    return undefined;
  }

  /** Adds to the heap: moves the hole up from the end while the parent must run later. */
  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer); // grows the array by one (a store past the end would be slower)
    let i = heap.length - 1; // the hole
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Timer;
      if (!before(timer, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = timer;
  }

  /** Removes the top: moves the hole down from the top, then fills it with the last entry. */
  private pop(): void {
    const heap = this.heap;
    const last = heap.pop() as Timer; // only called on a non-empty heap
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      let child = left;
      let next = heap[left] as Timer;
      const right = heap[left + 1];
      if (right !== undefined && before(right, next)) {
        child = left + 1;
        next = right;
      }
      if (!before(next, last)) break;
      heap[i] = next;
      i = child;
    }
    heap[i] = last;
  }
}

/** undefined, NaN, infinite and negative delays count as 0; fractions are cut down to whole ms. */
function normalise(delay: number | undefined): number {
  const d = delay ?? 0;
  return Number.isFinite(d) ? Math.max(0, Math.floor(d)) : 0;
}
