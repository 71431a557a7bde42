// The globals of `code` exercises: the language, the test API (test-api.d.ts) and these.
// Timers run on the virtual clock; ids are numbers. There is no Node.js API and no DOM.

declare function setTimeout<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): number;
declare function setInterval<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): number;
declare function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A): number;
declare function clearTimeout(id: number | undefined): void;
declare function clearInterval(id: number | undefined): void;
declare function clearImmediate(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
/** Milliseconds on the virtual clock since the test started. */
declare const performance: { now(): number };
