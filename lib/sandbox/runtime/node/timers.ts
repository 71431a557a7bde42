import { runtimeHost } from "./bindings.ts";
import { AbortError, invalidArgType, validateAbortSignal, validateFunction } from "./errors.ts";
import type { ImmediateHandle, TimerHandle } from "./host.ts";
import { promisifyCustom } from "./util.ts";

/*
 * timers and timers/promises over the host's (virtual-time) timers. The promise forms follow
 * Node's lib/timers/promises.js: options are validated, an aborted signal rejects with an
 * AbortError whose cause is the signal's reason, and { ref: false } unrefs the timer.
 */

type Callback = (...args: unknown[]) => void;

function validateCallback(callback: unknown): asserts callback is Callback {
  validateFunction(callback, "callback");
}

const TIMEOUT_MAX = 2 ** 31 - 1;

/** Node's rule: anything that is not a number in [1, TIMEOUT_MAX] becomes 1 ms. */
function delayOf(delay: unknown): number {
  const ms = Number(delay);
  return ms >= 1 && ms <= TIMEOUT_MAX ? ms : 1;
}

function setTimeout(callback: unknown, delay?: number, ...args: unknown[]): TimerHandle {
  validateCallback(callback);
  return runtimeHost().setTimeout(callback, delayOf(delay), args);
}

function setInterval(callback: unknown, delay?: number, ...args: unknown[]): TimerHandle {
  validateCallback(callback);
  return runtimeHost().setInterval(callback, delayOf(delay), args);
}

function setImmediate(callback: unknown, ...args: unknown[]): ImmediateHandle {
  validateCallback(callback);
  return runtimeHost().setImmediate(callback, args);
}

function clearTimeout(handle: unknown): void {
  if (handle !== undefined && handle !== null) runtimeHost().clearTimeout(handle);
}

function clearImmediate(handle: unknown): void {
  if (handle !== undefined && handle !== null) runtimeHost().clearImmediate(handle);
}

interface TimerOptions {
  signal?: AbortSignal;
  ref?: boolean;
}

function validateTimerOptions(options: unknown): asserts options is TimerOptions {
  if (options === null || typeof options !== "object") throw invalidArgType("options", "object", options);
  const { signal, ref } = options as TimerOptions;
  validateAbortSignal(signal, "options.signal");
  if (ref !== undefined && typeof ref !== "boolean") throw invalidArgType("options.ref", "boolean", ref);
}

const abortErrorFor = (signal: AbortSignal | undefined) => new AbortError(undefined, { cause: signal?.reason });

function settleWhenDue<T>(
  schedule: (done: () => void) => TimerHandle | ImmediateHandle,
  cancel: (handle: unknown) => void,
  value: T,
  options: TimerOptions,
): Promise<T> {
  const { signal, ref = true } = options;
  if (signal?.aborted) return Promise.reject(abortErrorFor(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel(handle);
      reject(abortErrorFor(signal));
    };
    const handle = schedule(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(value);
    });
    if (!ref) handle.unref();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function setTimeoutPromise<T = void>(delay?: number, value?: T, options: TimerOptions = {}): Promise<T> {
  try {
    validateTimerOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const host = runtimeHost();
  return settleWhenDue((done) => host.setTimeout(done, delayOf(delay), []), host.clearTimeout, value as T, options);
}

function setImmediatePromise<T = void>(value?: T, options: TimerOptions = {}): Promise<T> {
  try {
    validateTimerOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const host = runtimeHost();
  return settleWhenDue((done) => host.setImmediate(done, []), host.clearImmediate, value as T, options);
}

async function* setIntervalPromise<T = void>(delay?: number, value?: T, options: TimerOptions = {}): AsyncGenerator<T> {
  validateTimerOptions(options);
  const { signal, ref = true } = options;
  if (signal?.aborted) throw abortErrorFor(signal);
  const host = runtimeHost();
  let onAbort: (() => void) | undefined;
  let interval: TimerHandle | undefined;
  try {
    let notYielded = 0;
    let wake: ((next?: Promise<never>) => void) | undefined;
    interval = host.setInterval(
      () => {
        notYielded++;
        wake?.();
        wake = undefined;
      },
      delayOf(delay),
      [],
    );
    if (!ref) interval.unref();
    if (signal) {
      onAbort = () => {
        host.clearTimeout(interval);
        wake?.(Promise.reject(abortErrorFor(signal)));
        wake = undefined;
      };
      signal.addEventListener("abort", onAbort, { once: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) await new Promise<void>((resolve) => (wake = resolve as (next?: Promise<never>) => void));
      for (; notYielded > 0; notYielded--) yield value as T;
    }
    throw abortErrorFor(signal);
  } finally {
    host.clearTimeout(interval);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

export const timersPromisesModule = {
  setTimeout: setTimeoutPromise,
  setImmediate: setImmediatePromise,
  setInterval: setIntervalPromise,
  scheduler: {
    wait: (delay: number, options?: TimerOptions) => setTimeoutPromise(delay, undefined, options),
    yield: () => setImmediatePromise(),
  },
};

// util.promisify(setTimeout) is timers/promises.setTimeout in Node.
Object.defineProperty(setTimeout, promisifyCustom, { value: setTimeoutPromise });
Object.defineProperty(setImmediate, promisifyCustom, { value: setImmediatePromise });

export const timersModule = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
  promises: timersPromisesModule,
};
