export type TimerId = number;

export interface FakeClockOptions {
  /** The starting time in milliseconds (default 0). */
  now?: number;
  /** How many timers one runAll() may run before it gives up (default 1000). */
  loopLimit?: number;
}

/**
 * A clock for tests: timers run only when the test moves time with tick / next / runAll,
 * earliest due time first, smaller id first on a tie.
 */
export class FakeClock {
  constructor(options: FakeClockOptions = {}) {
    throw new Error("Not implemented");
  }

  now(): number {
    throw new Error("Not implemented");
  }

  setTimeout<A extends unknown[]>(callback: (...args: A) => void, delay?: number, ...args: A): TimerId {
    throw new Error("Not implemented");
  }

  setInterval<A extends unknown[]>(callback: (...args: A) => void, delay?: number, ...args: A): TimerId {
    throw new Error("Not implemented");
  }

  clearTimeout(id: TimerId | undefined): void {
    throw new Error("Not implemented");
  }

  clearInterval(id: TimerId | undefined): void {
    throw new Error("Not implemented");
  }

  /** Moves time forward by ms, running every timer due on the way; returns now(). */
  tick(ms: number): number {
    throw new Error("Not implemented");
  }

  /** Runs the one earliest timer (moving time to it); returns now(). */
  next(): number {
    throw new Error("Not implemented");
  }

  /** Runs timers until none is left (at most loopLimit of them); returns now(). */
  runAll(): number {
    throw new Error("Not implemented");
  }

  /** How many timers are pending. */
  countTimers(): number {
    throw new Error("Not implemented");
  }
}
