// The test API available as globals inside the sandbox, for exercise tests and user code.
// Shared by the sandbox harness, the exercise type-check and the editor. Test files may also
// import it from "vitest" or "@jest/globals" (declared at the end), as in a real project.
// Like Jest's and Vitest's own types, mocks and table rows default to `any`, so tests written for
// them type-check unchanged.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Awaitable<T> = T | Promise<T>;

interface EachFn<R> {
  /**
   * One test (or block) per row. Titles take printf placeholders filled from array rows
   * (`%s` `%d` `%i` `%f` `%j` `%o` `%p`, `%#` the row index, `%%`) and `$name` / `$name.path`
   * (`$#` the index) from object rows.
   */
  <Row extends readonly [unknown, ...unknown[]]>(table: readonly Row[]): (name: string, body: (...args: Row) => R, timeout?: number) => void;
  /** Array rows are spread into the body's arguments. */
  <Row extends readonly unknown[]>(table: readonly Row[]): (name: string, body: (...args: Row) => R, timeout?: number) => void;
  /** Other rows (objects, single values) are passed whole. */
  <Row>(table: readonly Row[]): (name: string, body: (row: Row) => R, timeout?: number) => void;
  /** A tagged-template table: a header row of names, then `${value}` cells; each row is an object. */
  (strings: TemplateStringsArray, ...values: unknown[]): (name: string, body: (row: Record<string, any>) => R, timeout?: number) => void;
}

interface TestFnBase {
  (name: string, body: () => Awaitable<void>, timeout?: number): void;
  each: EachFn<Awaitable<void>>;
}
interface TestFn extends TestFnBase {
  /** Runs only the tests marked `only` (and those inside a `describe.only`) in this file. */
  only: TestFnBase;
  /** Registers the test without running it: it is left out of the results. */
  skip: TestFnBase;
  /** A test still to write: listed nowhere, runs nothing. */
  todo(name: string): void;
  /** Vitest: skipped when `condition` is truthy. */
  skipIf(condition: unknown): TestFnBase;
  /** Vitest: runs only when `condition` is truthy. */
  runIf(condition: unknown): TestFnBase;
}
interface DescribeFnBase {
  (name: string, body: () => void): void;
  each: EachFn<void>;
}
interface DescribeFn extends DescribeFnBase {
  only: DescribeFnBase;
  skip: DescribeFnBase;
  skipIf(condition: unknown): DescribeFnBase;
  runIf(condition: unknown): DescribeFnBase;
}
type HookFn = (body: () => Awaitable<void>, timeout?: number) => void;

/**
 * Groups tests; may be nested. The body runs when the test file registers its tests and must be
 * synchronous. It may use the solution (`const s = new Solution()`): the file is then registered
 * again once the solution has loaded, and a body that throws is reported as a failing test.
 */
declare const describe: DescribeFn;
/** Registers a test. Async tests are awaited; timers inside them run on the virtual clock. */
declare const it: TestFn;
/** Alias of `it`. */
declare const test: TestFn;
/** Runs before each test of the enclosing `describe` (and nested ones), or of the file at top level. */
declare const beforeEach: HookFn;
/** Runs after each test of the enclosing `describe` (and nested ones), even when the test failed. */
declare const afterEach: HookFn;
/**
 * Runs once, before the first test of the enclosing `describe` (or file) that runs. If it fails,
 * every test of the block fails with its message. Each test still starts with a fresh virtual
 * clock and no timers: timers set here do not carry over.
 */
declare const beforeAll: HookFn;
/** Runs once, after the last test of the enclosing `describe` (or file); a failure fails that test. */
declare const afterAll: HookFn;

interface Matchers<R> {
  /** `Object.is` equality. */
  toBe(expected: unknown): R;
  /** Recursive equality of own enumerable properties; `undefined` properties are ignored. Asymmetric matchers (`expect.any(Number)`) may appear anywhere in `expected`. */
  toEqual(expected: unknown): R;
  /** Like `toEqual`, but also compares `undefined` properties, array holes and classes. */
  toStrictEqual(expected: unknown): R;
  /**
   * The function throws (sync). With a string: the message includes it; a RegExp: the message
   * matches; a class: the error is an instance; an error object: the messages are equal (as in
   * Jest); an asymmetric matcher: the error matches it.
   */
  toThrow(expected?: string | RegExp | Error | AsymmetricMatcher | (abstract new (...args: never[]) => unknown)): R;
  /** Alias of `toThrow`. */
  toThrowError(expected?: string | RegExp | Error | AsymmetricMatcher | (abstract new (...args: never[]) => unknown)): R;
  /** |actual - expected| < 10^-digits / 2 (default digits = 2). */
  toBeCloseTo(expected: number, digits?: number): R;
  /** Array, string or Set contains the item / substring (`===`). */
  toContain(item: unknown): R;
  /** The array has an item equal (`toEqual`) to `item`. */
  toContainEqual(item: unknown): R;
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
  /** `typeof actual === type` (Vitest). */
  toBeTypeOf(type: "bigint" | "boolean" | "function" | "number" | "object" | "string" | "symbol" | "undefined"): R;
  /** String matches a RegExp or contains a substring. */
  toMatch(expected: string | RegExp): R;
  /** Every property of `expected` is in the value and matches, recursively (other properties are ignored); arrays match item by item. */
  toMatchObject(expected: object): R;
  /** The value has the property at `path` ("a.b[0].c" or a list of keys); with `value`, it also equals it. */
  toHaveProperty(path: string | ReadonlyArray<string | number>, value?: unknown): R;
  /** `predicate(actual)` is truthy (Vitest). */
  toSatisfy(predicate: (value: any) => unknown): R;
  /** A mock function (`fn()`, `vi.fn()`, `jest.fn()`, a spy) was called at least once / exactly n times / once / with these arguments. */
  toHaveBeenCalled(): R;
  toHaveBeenCalledTimes(n: number): R;
  toHaveBeenCalledOnce(): R;
  toHaveBeenCalledWith(...args: unknown[]): R;
  /** The last call had these arguments. */
  toHaveBeenLastCalledWith(...args: unknown[]): R;
  /** Call number `n` (counted from 1) had these arguments. */
  toHaveBeenNthCalledWith(n: number, ...args: unknown[]): R;
  /** The mock returned (without throwing) at least once / exactly n times / this value at least once / this value on its last call. */
  toHaveReturned(): R;
  toHaveReturnedTimes(n: number): R;
  toHaveReturnedWith(value: unknown): R;
  toHaveLastReturnedWith(value: unknown): R;
  /** Jest's older names. */
  toBeCalled(): R;
  toBeCalledTimes(n: number): R;
  toBeCalledWith(...args: unknown[]): R;
  lastCalledWith(...args: unknown[]): R;
  nthCalledWith(n: number, ...args: unknown[]): R;
  toReturn(): R;
  toReturnTimes(n: number): R;
  toReturnWith(value: unknown): R;
  lastReturnedWith(value: unknown): R;
}

/** Matchers added with `expect.extend` (declare them by merging into this interface). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
interface CustomMatchers<R> {}

interface Assertion extends Matchers<void>, CustomMatchers<void> {
  readonly not: Matchers<void> & CustomMatchers<void>;
  /** Awaits a promise and asserts on its value. */
  readonly resolves: Matchers<Promise<void>> & CustomMatchers<Promise<void>> & { readonly not: Matchers<Promise<void>> & CustomMatchers<Promise<void>> };
  /** Awaits a promise that must reject and asserts on the reason (`toThrow` checks the error). */
  readonly rejects: Matchers<Promise<void>> & CustomMatchers<Promise<void>> & { readonly not: Matchers<Promise<void>> & CustomMatchers<Promise<void>> };
}

/** A value that stands for "any value like this" inside toEqual, toMatchObject, toHaveBeenCalledWith... */
interface AsymmetricMatcher {
  readonly sample?: unknown;
}

/** What a custom matcher returns: `message` is shown when the assertion fails. */
interface CustomMatcherResult {
  pass: boolean;
  message: string | (() => string);
}
/** `this` inside a custom matcher. */
interface MatcherContext {
  /** True for `expect(x).not.matcher()`. */
  readonly isNot: boolean;
  /** "", "resolves" or "rejects". */
  readonly promise: "" | "resolves" | "rejects";
  /** The `toEqual` comparison. */
  equals(a: unknown, b: unknown): boolean;
  readonly utils: {
    printReceived(value: unknown): string;
    printExpected(value: unknown): string;
    stringify(value: unknown): string;
    matcherHint(matcherName: string, received?: string, expected?: string): string;
  };
}
type CustomMatcher = (this: MatcherContext, received: any, ...expected: any[]) => CustomMatcherResult | Promise<CustomMatcherResult>;

interface ExpectStatic extends CustomMatchers<AsymmetricMatcher> {
  /** `label` (Vitest's custom message) starts the failure message: `expect(x, "after reset").toBe(0)`. */
  (actual: unknown, label?: string): Assertion;
  /**
   * Adds matchers for the tests of this run: call it at the top of a test file (it is refused
   * once the tests run). Each matcher is also usable as an asymmetric one: `expect.toBeEven()`.
   */
  extend(matchers: Record<string, CustomMatcher>): void;
  /** Any value made by `cls` (for Number, String, Boolean, BigInt, Symbol, Function: any value of that type; Object: any non-null object). */
  any(cls: abstract new (...args: never[]) => unknown): AsymmetricMatcher;
  any(cls: NumberConstructor | StringConstructor | BooleanConstructor | BigIntConstructor | SymbolConstructor | FunctionConstructor | ObjectConstructor): AsymmetricMatcher;
  /** Anything but `null` and `undefined`. */
  anything(): AsymmetricMatcher;
  /** An object with at least these properties (each compared like toEqual). */
  objectContaining(sample: object): AsymmetricMatcher;
  /** An array with at least these items, in any order. */
  arrayContaining(sample: readonly unknown[]): AsymmetricMatcher;
  /** A string that includes `sample`. */
  stringContaining(sample: string): AsymmetricMatcher;
  /** A string that matches `sample`. */
  stringMatching(sample: string | RegExp): AsymmetricMatcher;
  /** A number within 10^-digits / 2 of `sample` (default digits = 2). */
  closeTo(sample: number, digits?: number): AsymmetricMatcher;
  readonly not: {
    objectContaining(sample: object): AsymmetricMatcher;
    arrayContaining(sample: readonly unknown[]): AsymmetricMatcher;
    stringContaining(sample: string): AsymmetricMatcher;
    stringMatching(sample: string | RegExp): AsymmetricMatcher;
  };
  /** The test fails unless exactly `n` assertions run in it (useful for callbacks and async code). */
  assertions(n: number): void;
  /** The test fails unless at least one assertion runs in it. */
  hasAssertions(): void;
}

declare const expect: ExpectStatic;

/** What one call of a mock did. */
type MockResult<R> = { readonly type: "return"; readonly value: R } | { readonly type: "throw"; readonly value: unknown } | { readonly type: "incomplete"; readonly value: undefined };

interface MockFunction<A extends unknown[] = any[], R = any> {
  (...args: A): R;
  /** Arguments of every call so far (a frozen copy: typed as an array, like Jest's, but not writable). */
  readonly calls: A[];
  /** What the mock recorded (frozen copies): calls, results, `this` values, instances made with `new`, the last call's arguments. */
  readonly mock: {
    readonly calls: A[];
    readonly results: Array<MockResult<R>>;
    readonly contexts: unknown[];
    readonly instances: unknown[];
    readonly lastCall: A | undefined;
  };
  /** Replace the implementation. */
  mockImplementation(impl: (...args: A) => R): this;
  /** Use `impl` for the next call only (queued: several calls queue several). */
  mockImplementationOnce(impl: (...args: A) => R): this;
  mockReturnValue(value: R): this;
  mockReturnValueOnce(value: R): this;
  /** Calls return a promise resolved with `value`. */
  mockResolvedValue(value: Awaited<R>): this;
  mockResolvedValueOnce(value: Awaited<R>): this;
  /** Calls return a promise rejected with `reason`. */
  mockRejectedValue(reason: unknown): this;
  mockRejectedValueOnce(reason: unknown): this;
  mockReturnThis(): this;
  mockName(name: string): this;
  getMockName(): string;
  getMockImplementation(): ((...args: A) => R) | undefined;
  /** Forgets the calls; keeps the implementation. */
  mockClear(): this;
  /** Forgets the calls and the implementation (a spy calls the original again). */
  mockReset(): this;
  /** A spy puts the original method back; any mock is reset. */
  mockRestore(): this;
}

/** Creates a mock function that records its calls; with `impl`, calls are forwarded to it. */
declare function fn<A extends unknown[] = any[], R = any>(impl?: (...args: A) => R): MockFunction<A, R>;

type MethodKeys<T> = { [K in keyof T]-?: T[K] extends (...args: any[]) => any ? K : never }[keyof T];

/** Vitest's `vi` and Jest's `jest`: mocks, and timers on the sandbox's virtual clock. */
interface MockAndTimerApi<Self> {
  fn<A extends unknown[] = any[], R = any>(impl?: (...args: A) => R): MockFunction<A, R>;
  /** Replaces `object[method]` by a mock that calls the original until told otherwise; `mockRestore()` puts it back. */
  spyOn<T extends object, K extends MethodKeys<T>>(object: T, method: K): T[K] extends (...args: infer A) => infer R ? MockFunction<A, R> : never;
  isMockFunction(value: unknown): value is MockFunction;
  clearAllMocks(): Self;
  resetAllMocks(): Self;
  restoreAllMocks(): Self;
  /** Timers are always fake in the sandbox (the virtual clock): this changes nothing. */
  useFakeTimers(): Self;
  /** Timers stay on the virtual clock: this changes nothing. */
  useRealTimers(): Self;
  /** `clock.advance(ms)`: fires due timers synchronously, in order. */
  advanceTimersByTime(ms: number): Self;
  /** `clock.advanceAsync(ms)`: lets the event loop run until `ms` have passed. */
  advanceTimersByTimeAsync(ms: number): Promise<Self>;
  /** `clock.runAllAsync()`: lets the event loop run until nothing is pending. */
  runAllTimersAsync(): Promise<Self>;
  runOnlyPendingTimersAsync(): Promise<Self>;
  /** Number of pending timers. */
  getTimerCount(): number;
  /** The virtual time (ms). */
  now(): number;
  /** Sets the virtual clock's time without firing timers. */
  setSystemTime(time: number | Date): Self;
  getRealSystemTime(): number;
}
interface ViApi extends MockAndTimerApi<ViApi> {
  /** Vitest's type helper: returns its argument. */
  mocked<T>(value: T): T extends (...args: infer A) => infer R ? MockFunction<A, R> & T : T;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface JestApi extends MockAndTimerApi<JestApi> {}
declare const vi: ViApi;
declare const jest: JestApi;

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

/** The same API as the globals, for test files written against Vitest. */
declare module "vitest" {
  export const describe: DescribeFn;
  export const it: TestFn;
  export const test: TestFn;
  export const expect: ExpectStatic;
  export const beforeEach: HookFn;
  export const afterEach: HookFn;
  export const beforeAll: HookFn;
  export const afterAll: HookFn;
  export const vi: ViApi;
  export type Mock<A extends unknown[] = any[], R = any> = MockFunction<A, R>;
}
/** The same API as the globals, for test files written against Jest. */
declare module "@jest/globals" {
  export const describe: DescribeFn;
  export const it: TestFn;
  export const test: TestFn;
  export const expect: ExpectStatic;
  export const beforeEach: HookFn;
  export const afterEach: HookFn;
  export const beforeAll: HookFn;
  export const afterAll: HookFn;
  export const jest: JestApi;
}
