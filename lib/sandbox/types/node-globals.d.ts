// The timers, console and performance of `node` exercises (the Node runtime adds process, Buffer
// and the web globals: node-modules.d.ts, web-globals.d.ts). Timers run on the virtual clock.

/** What setTimeout and setInterval return, as in Node. */
declare class Timeout {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
  /** Starts the timer again from now, with its original delay. */
  refresh(): this;
  close(): this;
  [Symbol.toPrimitive](): number;
}
/** What setImmediate returns. */
declare class Immediate {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
}
declare function setTimeout<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): Timeout;
declare function setInterval<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): Timeout;
declare function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A): Immediate;
declare function clearTimeout(timeout: Timeout | string | number | undefined): void;
declare function clearInterval(timeout: Timeout | string | number | undefined): void;
declare function clearImmediate(immediate: Immediate | undefined): void;
declare function queueMicrotask(callback: () => void): void;
/** Milliseconds on the virtual clock since the test (or program) started. */
declare const performance: { now(): number; readonly timeOrigin: number };
declare const global: typeof globalThis;
