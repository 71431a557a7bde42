// The test API available as globals inside the sandbox, for exercise tests and user code.
// Shared by the sandbox harness, the exercise type-check and the editor.

type Awaitable<T> = T | Promise<T>;

/** Groups tests; may be nested. The callback runs at registration time and must be synchronous. */
declare function describe(name: string, body: () => void): void;
/** Registers a test. Async tests are awaited; timers inside them run on the virtual clock. */
declare function it(name: string, body: () => Awaitable<void>): void;
/** Alias of `it`. */
declare function test(name: string, body: () => Awaitable<void>): void;
/** Runs before each test of the enclosing `describe` (and nested ones). */
declare function beforeEach(body: () => Awaitable<void>): void;
/** Runs after each test of the enclosing `describe` (and nested ones). */
declare function afterEach(body: () => Awaitable<void>): void;

interface Matchers<R> {
  /** `Object.is` equality. */
  toBe(expected: unknown): R;
  /** Recursive equality of own enumerable properties; `undefined` properties are ignored. */
  toEqual(expected: unknown): R;
  /** Like `toEqual`, but also compares `undefined` properties, array holes and classes. */
  toStrictEqual(expected: unknown): R;
  /** The function throws (sync). With a string: message includes it; RegExp: message matches; class: instanceof. */
  toThrow(expected?: string | RegExp | (abstract new (...args: never[]) => unknown)): R;
  /** |actual - expected| < 10^-digits / 2 (default digits = 2). */
  toBeCloseTo(expected: number, digits?: number): R;
  /** Array or string contains the item / substring (`===`). */
  toContain(item: unknown): R;
  toHaveLength(length: number): R;
  toBeGreaterThan(n: number | bigint): R;
  toBeGreaterThanOrEqual(n: number | bigint): R;
  toBeLessThan(n: number | bigint): R;
  toBeLessThanOrEqual(n: number | bigint): R;
  toBeTruthy(): R;
  toBeFalsy(): R;
  toBeNull(): R;
  toBeUndefined(): R;
  toBeDefined(): R;
  toBeNaN(): R;
  toBeInstanceOf(cls: abstract new (...args: never[]) => unknown): R;
  /** String matches a RegExp or contains a substring. */
  toMatch(expected: string | RegExp): R;
  /** A mock function (from `fn()`) was called at least once / exactly n times / with these arguments. */
  toHaveBeenCalled(): R;
  toHaveBeenCalledTimes(n: number): R;
  toHaveBeenCalledWith(...args: unknown[]): R;
}

interface Assertion extends Matchers<void> {
  readonly not: Matchers<void>;
  /** Awaits a promise and asserts on its value. */
  readonly resolves: Matchers<Promise<void>> & { readonly not: Matchers<Promise<void>> };
  /** Awaits a promise that must reject and asserts on the reason (`toThrow` checks the error). */
  readonly rejects: Matchers<Promise<void>> & { readonly not: Matchers<Promise<void>> };
}

declare function expect(actual: unknown): Assertion;

interface MockFunction<A extends unknown[] = unknown[], R = unknown> {
  (...args: A): R;
  /** Arguments of every call so far. */
  readonly calls: A[];
  /** Replace the implementation. */
  mockImplementation(impl: (...args: A) => R): MockFunction<A, R>;
}

/** Creates a mock function that records its calls; with `impl`, calls are forwarded to it. */
declare function fn<A extends unknown[] = unknown[], R = undefined>(impl?: (...args: A) => R): MockFunction<A, R>;

/**
 * The virtual clock. Inside the sandbox `Date.now()`, `new Date()`, `setTimeout`, `setInterval`,
 * `clearTimeout` and `clearInterval` all run on it: time only moves when a test moves it, or
 * automatically when an async test is waiting and nothing but a timer could wake it (the clock then
 * jumps to the next timer). Each test starts at `clock.now() === 1_700_000_000_000` with no timers.
 */
declare const clock: {
  /** Current virtual time in ms (same as `Date.now()`). */
  now(): number;
  /** Moves time forward by `ms`, firing due timers in order (synchronously, no microtasks between). */
  advance(ms: number): void;
  /** Lets the event loop run (process.nextTick, promises, setImmediate, I/O and timers, in Node's order) until `ms` have passed. */
  advanceAsync(ms: number): Promise<void>;
  /** Lets the event loop run until nothing else is pending (at most 10,000 callbacks: an interval never ends). */
  runAllAsync(): Promise<void>;
  /** Number of pending timers. */
  pending(): number;
  /** Simulated I/O: `callback` runs in the poll phase of the event loop once `latencyMs` (default 0) of virtual time has passed. */
  io(callback: () => void, latencyMs?: number): void;
};
