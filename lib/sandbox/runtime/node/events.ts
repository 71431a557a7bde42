import { runtimeHost } from "./bindings.ts";
import { AbortError, invalidArgType, nodeError, outOfRange, validateAbortSignal, validateFunction } from "./errors.ts";

/*
 * Node's EventEmitter, written to its semantics (lib/events.js): the npm `events` port stops at
 * Node 14 (no captureRejections, errorMonitor, on(), once() with a signal). It is a plain
 * function so that old-style `EventEmitter.call(this)` subclasses, readable-stream's among them,
 * work as in Node.
 */

type Listener = (...args: never[]) => unknown;
type WrappedListener = Listener & { listener?: Listener };
type ListenerList = WrappedListener[] & { warned?: boolean };
type EventMap = Record<string | symbol, WrappedListener | ListenerList | undefined>;
type EventName = string | symbol;

export interface EventEmitterOptions {
  captureRejections?: boolean;
}

export interface EventEmitter {
  _events: EventMap | undefined;
  _eventsCount: number;
  _maxListeners: number | undefined;
  [kCapture]?: boolean;
  addListener(eventName: EventName, listener: Listener): this;
  on(eventName: EventName, listener: Listener): this;
  prependListener(eventName: EventName, listener: Listener): this;
  once(eventName: EventName, listener: Listener): this;
  prependOnceListener(eventName: EventName, listener: Listener): this;
  removeListener(eventName: EventName, listener: Listener): this;
  off(eventName: EventName, listener: Listener): this;
  removeAllListeners(eventName?: EventName): this;
  setMaxListeners(n: number): this;
  getMaxListeners(): number;
  listeners(eventName: EventName): Listener[];
  rawListeners(eventName: EventName): Listener[];
  listenerCount(eventName: EventName, listener?: Listener): number;
  eventNames(): EventName[];
  emit(eventName: EventName, ...args: unknown[]): boolean;
}

export interface EventEmitterConstructor {
  new (options?: EventEmitterOptions): EventEmitter;
  (this: EventEmitter, options?: EventEmitterOptions): void;
  prototype: EventEmitter;
}

const kCapture = Symbol("kCapture");
export const captureRejectionSymbol = Symbol.for("nodejs.rejection");
export const errorMonitor = Symbol("events.errorMonitor");
const SymbolDispose: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for("nodejs.dispose");

let defaultMaxListeners = 10;
let defaultCaptureRejections = false;

function emptyEventMap(): EventMap {
  return Object.create(null) as EventMap;
}

function checkListener(listener: unknown): asserts listener is Listener {
  validateFunction(listener, "listener");
}

function validateMaxListeners(n: unknown, name: string): asserts n is number {
  if (typeof n !== "number") throw invalidArgType(name, "number", n);
  if (n < 0 || Number.isNaN(n)) throw outOfRange(name, ">= 0", n);
}

export const EventEmitter = function EventEmitter(this: EventEmitter, options?: EventEmitterOptions) {
  initEmitter(this, options);
} as unknown as EventEmitterConstructor;

function initEmitter(emitter: EventEmitter, options?: EventEmitterOptions): void {
  if (emitter._events === undefined || emitter._events === Object.getPrototypeOf(emitter)._events) {
    emitter._events = emptyEventMap();
    emitter._eventsCount = 0;
  }
  emitter._maxListeners = emitter._maxListeners || undefined;
  if (options?.captureRejections !== undefined) {
    if (typeof options.captureRejections !== "boolean") {
      throw invalidArgType("options.captureRejections", "boolean", options.captureRejections);
    }
    emitter[kCapture] = options.captureRejections;
  } else {
    emitter[kCapture] = defaultCaptureRejections;
  }
}

function maxListenersOf(emitter: EventEmitter): number {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

/** What Node's inspect(emitter, { depth: -1 }) prints: the class name in brackets. */
function bracketName(emitter: EventEmitter): string {
  const constructor = (Object.getPrototypeOf(emitter) as { constructor?: { name?: unknown } } | null)?.constructor;
  const name = typeof constructor?.name === "string" && constructor.name !== "" ? constructor.name : "Object";
  return `[${name}]`;
}

function warnMaxListeners(emitter: EventEmitter, type: EventName, count: number): void {
  const warning = new Error(
    `Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners added to ` +
      `${bracketName(emitter)}. MaxListeners is ${maxListenersOf(emitter)}. ` +
      "Use emitter.setMaxListeners() to increase limit",
  );
  Object.assign(warning, { name: "MaxListenersExceededWarning", emitter, type, count });
  // Reached through a sink rather than an import: process is itself an EventEmitter.
  warningSink.emitWarning(warning);
}

/** process.emitWarning, registered by process.ts once process exists. */
export const warningSink: { emitWarning: (warning: Error) => void } = {
  emitWarning: () => undefined,
};

function addListener(target: EventEmitter, type: EventName, listener: unknown, prepend: boolean): EventEmitter {
  checkListener(listener);
  let events = target._events;
  let existing: WrappedListener | ListenerList | undefined;
  if (events === undefined) {
    events = target._events = emptyEventMap();
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit("newListener", type, (listener as WrappedListener).listener ?? listener);
      events = target._events as EventMap;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  let list: ListenerList;
  if (typeof existing === "function") {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else {
    list = existing;
    if (prepend) list.unshift(listener);
    else list.push(listener);
  }
  const max = maxListenersOf(target);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true;
    warnMaxListeners(target, type, list.length);
  }
  return target;
}

interface OnceState {
  fired: boolean;
  wrapFn: WrappedListener | undefined;
  target: EventEmitter;
  type: EventName;
  listener: Listener;
}

function onceWrapper(this: OnceState, ...args: unknown[]): unknown {
  if (this.fired) return undefined;
  this.target.removeListener(this.type, this.wrapFn as Listener);
  this.fired = true;
  return Reflect.apply(this.listener, this.target, args);
}

function wrapOnce(target: EventEmitter, type: EventName, listener: Listener): WrappedListener {
  const state: OnceState = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped: WrappedListener = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

function emitRejection(emitter: EventEmitter, error: unknown, type: EventName, args: unknown[]): void {
  const handler = (emitter as unknown as Record<symbol, unknown>)[captureRejectionSymbol];
  if (typeof handler === "function") {
    handler.call(emitter, error, type, ...args);
    return;
  }
  const previous = emitter[kCapture];
  // An 'error' listener that rejects again must not loop.
  try {
    emitter[kCapture] = false;
    emitter.emit("error", error);
  } finally {
    emitter[kCapture] = previous;
  }
}

function captureRejection(emitter: EventEmitter, result: unknown, type: EventName, args: unknown[]): void {
  if (!emitter[kCapture]) return;
  try {
    const then = (result as { then?: unknown }).then;
    if (typeof then === "function") {
      then.call(result, undefined, (error: unknown) => {
        runtimeHost().nextTick(() => emitRejection(emitter, error, type, args), []);
      });
    }
  } catch (error) {
    emitter.emit("error", error);
  }
}

function unwrapListeners(list: ListenerList): Listener[] {
  return list.map((listener) => listener.listener ?? listener);
}

const prototype: Omit<EventEmitter, "_events" | "_eventsCount" | "_maxListeners" | typeof kCapture> &
  Record<string, unknown> = {
  setMaxListeners(this: EventEmitter, n: number) {
    validateMaxListeners(n, "setMaxListeners");
    this._maxListeners = n;
    return this;
  },

  getMaxListeners(this: EventEmitter) {
    return maxListenersOf(this);
  },

  emit(this: EventEmitter, type: EventName, ...args: unknown[]) {
    let doError = type === "error";
    const events = this._events;
    if (events !== undefined) {
      if (doError && events[errorMonitor] !== undefined) this.emit(errorMonitor, ...args);
      doError = doError && events.error === undefined;
    } else if (!doError) {
      return false;
    }

    if (doError) {
      const error = args[0];
      if (error instanceof Error) throw error;
      let shown: string;
      try {
        shown = runtimeHost().inspect(error);
      } catch {
        shown = String(error);
      }
      const unhandled = nodeError(Error, "ERR_UNHANDLED_ERROR", `Unhandled error. (${shown})`);
      Object.assign(unhandled, { context: error });
      throw unhandled;
    }

    const handler = (events as EventMap)[type];
    if (handler === undefined) return false;
    if (typeof handler === "function") {
      const result = Reflect.apply(handler, this, args);
      if (result !== undefined && result !== null) captureRejection(this, result, type, args);
    } else {
      for (const listener of [...handler]) {
        const result = Reflect.apply(listener, this, args);
        if (result !== undefined && result !== null) captureRejection(this, result, type, args);
      }
    }
    return true;
  },

  addListener(this: EventEmitter, type: EventName, listener: Listener) {
    return addListener(this, type, listener, false);
  },

  on(this: EventEmitter, type: EventName, listener: Listener) {
    return addListener(this, type, listener, false);
  },

  prependListener(this: EventEmitter, type: EventName, listener: Listener) {
    return addListener(this, type, listener, true);
  },

  once(this: EventEmitter, type: EventName, listener: Listener) {
    checkListener(listener);
    this.on(type, wrapOnce(this, type, listener));
    return this;
  },

  prependOnceListener(this: EventEmitter, type: EventName, listener: Listener) {
    checkListener(listener);
    this.prependListener(type, wrapOnce(this, type, listener));
    return this;
  },

  removeListener(this: EventEmitter, type: EventName, listener: Listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;

    if (list === listener || (list as WrappedListener).listener === listener) {
      this._eventsCount -= 1;
      if (this._eventsCount === 0) {
        this._events = emptyEventMap();
      } else {
        delete events[type];
        if (events.removeListener) this.emit("removeListener", type, (list as WrappedListener).listener ?? listener);
      }
    } else if (typeof list !== "function") {
      let position = -1;
      for (let index = list.length - 1; index >= 0; index--) {
        if (list[index] === listener || list[index]?.listener === listener) {
          position = index;
          break;
        }
      }
      if (position < 0) return this;
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit("removeListener", type, listener);
    }
    return this;
  },

  off(this: EventEmitter, type: EventName, listener: Listener) {
    return this.removeListener(type, listener);
  },

  removeAllListeners(this: EventEmitter, ...typeArgument: [EventName?]) {
    const events = this._events;
    if (events === undefined) return this;
    const [type] = typeArgument;

    if (events.removeListener === undefined) {
      if (typeArgument.length === 0) {
        this._events = emptyEventMap();
        this._eventsCount = 0;
      } else if (events[type as EventName] !== undefined) {
        if (--this._eventsCount === 0) this._events = emptyEventMap();
        else delete events[type as EventName];
      }
      return this;
    }

    if (typeArgument.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key !== "removeListener") this.removeAllListeners(key);
      }
      this.removeAllListeners("removeListener");
      this._events = emptyEventMap();
      this._eventsCount = 0;
      return this;
    }

    const listeners = events[type as EventName];
    if (typeof listeners === "function") {
      this.removeListener(type as EventName, listeners);
    } else if (listeners !== undefined) {
      for (let index = listeners.length - 1; index >= 0; index--) {
        this.removeListener(type as EventName, listeners[index] as Listener);
      }
    }
    return this;
  },

  listeners(this: EventEmitter, type: EventName) {
    const list = this._events?.[type];
    if (list === undefined) return [];
    if (typeof list === "function") return [list.listener ?? list];
    return unwrapListeners(list);
  },

  rawListeners(this: EventEmitter, type: EventName) {
    const list = this._events?.[type];
    if (list === undefined) return [];
    if (typeof list === "function") return [list];
    return [...list];
  },

  listenerCount(this: EventEmitter, type: EventName, listener?: Listener) {
    const list = this._events?.[type];
    if (list === undefined) return 0;
    if (typeof list === "function") {
      if (listener !== undefined && listener !== null) return listener === list || listener === list.listener ? 1 : 0;
      return 1;
    }
    if (listener === undefined || listener === null) return list.length;
    return list.filter((candidate) => candidate === listener || candidate.listener === listener).length;
  },

  eventNames(this: EventEmitter) {
    return this._eventsCount > 0 && this._events !== undefined ? Reflect.ownKeys(this._events) : [];
  },
};

// Node assigns its methods and the instance defaults to the prototype (all enumerable).
Object.assign(EventEmitter.prototype, prototype, { _events: undefined, _eventsCount: 0, _maxListeners: undefined });

/** Listens on an EventEmitter or an EventTarget, as Node's helpers do. */
type AgnosticTarget = {
  on?: (name: EventName, listener: Listener) => unknown;
  once?: (name: EventName, listener: Listener) => unknown;
  removeListener?: (name: EventName, listener: Listener) => unknown;
  addEventListener?: (name: string, listener: Listener, options?: { once?: boolean }) => unknown;
  removeEventListener?: (name: string, listener: Listener) => unknown;
};

function agnosticAdd(target: AgnosticTarget, name: EventName, listener: Listener, once: boolean): void {
  if (typeof target.on === "function") {
    if (once) target.once?.(name, listener);
    else target.on(name, listener);
  } else if (typeof target.addEventListener === "function") {
    target.addEventListener(name as string, listener, { once });
  } else {
    throw invalidArgType("emitter", "EventEmitter", target);
  }
}

function agnosticRemove(target: AgnosticTarget, name: EventName, listener: Listener): void {
  if (typeof target.removeListener === "function") target.removeListener(name, listener);
  else if (typeof target.removeEventListener === "function") target.removeEventListener(name as string, listener);
}

function validateOptionsObject(options: unknown): asserts options is Record<string, unknown> {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw invalidArgType("options", "object", options);
  }
}

async function once(
  emitter: AgnosticTarget,
  name: EventName,
  options: { signal?: AbortSignal } = {},
): Promise<unknown[]> {
  validateOptionsObject(options);
  const signal = options.signal;
  validateAbortSignal(signal, "options.signal");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  return new Promise((resolve, reject) => {
    const errorListener = (error: unknown) => {
      agnosticRemove(emitter, name, resolver);
      if (signal !== undefined) signal.removeEventListener("abort", abortListener);
      reject(error);
    };
    const resolver = (...args: unknown[]) => {
      if (typeof emitter.removeListener === "function") emitter.removeListener("error", errorListener);
      if (signal !== undefined) signal.removeEventListener("abort", abortListener);
      resolve(args);
    };
    const abortListener = () => {
      agnosticRemove(emitter, name, resolver);
      agnosticRemove(emitter, "error", errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    agnosticAdd(emitter, name, resolver, true);
    if (name !== "error" && typeof emitter.once === "function") emitter.once("error", errorListener);
    if (signal !== undefined) signal.addEventListener("abort", abortListener, { once: true });
  });
}

interface OnOptions {
  signal?: AbortSignal;
  close?: EventName[];
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function on(emitter: AgnosticTarget, event: EventName, options: OnOptions = {}): AsyncIterableIterator<unknown[]> {
  validateOptionsObject(options as unknown);
  const signal = options.signal;
  validateAbortSignal(signal, "options.signal");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  const closeEvents: EventName[] = options.close ?? [];
  const unconsumedEvents: unknown[][] = [];
  const unconsumedPromises: { resolve: (result: IteratorResult<unknown[]>) => void; reject: (error: unknown) => void }[] =
    [];
  let error: unknown = null;
  let finished = false;

  const eventHandler = (...args: unknown[]) => {
    const waiting = unconsumedPromises.shift();
    if (waiting) waiting.resolve({ value: args, done: false });
    else unconsumedEvents.push(args);
  };
  const errorHandler = (reason: unknown) => {
    const waiting = unconsumedPromises.shift();
    if (waiting) waiting.reject(reason);
    else error = reason;
    void closeHandler();
  };
  const abortListener = () => errorHandler(new AbortError(undefined, { cause: signal?.reason }));
  const closeHandler = (): Promise<IteratorResult<unknown[]>> => {
    agnosticRemove(emitter, event, eventHandler);
    if (event !== "error") agnosticRemove(emitter, "error", errorHandler);
    for (const closeEvent of closeEvents) agnosticRemove(emitter, closeEvent, closeListener);
    if (signal !== undefined) signal.removeEventListener("abort", abortListener);
    finished = true;
    const done: IteratorResult<unknown[]> = { value: undefined, done: true };
    for (const waiting of unconsumedPromises.splice(0)) waiting.resolve(done);
    return Promise.resolve(done);
  };
  const closeListener = () => void closeHandler();

  const iterator = Object.setPrototypeOf(
    {
      next(): Promise<IteratorResult<unknown[]>> {
        const value = unconsumedEvents.shift();
        if (value) return Promise.resolve({ value, done: false });
        if (error) {
          const rejection = Promise.reject(error);
          error = null;
          return rejection;
        }
        if (finished) return closeHandler();
        return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
      },
      return(): Promise<IteratorResult<unknown[]>> {
        return closeHandler();
      },
      throw(reason: unknown): void {
        if (!(reason instanceof Error)) throw invalidArgType("EventEmitter.AsyncIterator", "Error", reason);
        errorHandler(reason);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    },
    AsyncIteratorPrototype,
  ) as AsyncIterableIterator<unknown[]>;

  agnosticAdd(emitter, event, eventHandler, false);
  if (event !== "error") agnosticAdd(emitter, "error", errorHandler, false);
  for (const closeEvent of closeEvents) agnosticAdd(emitter, closeEvent, closeListener, false);
  if (signal !== undefined) signal.addEventListener("abort", abortListener, { once: true });
  return iterator;
}

function isEventEmitter(value: unknown): value is EventEmitter {
  return typeof value === "object" && value !== null && typeof (value as EventEmitter).listeners === "function";
}

function getEventListeners(emitter: unknown, name: EventName): Listener[] {
  // The web EventTarget keeps its listeners private; only EventEmitters are supported here.
  if (!isEventEmitter(emitter)) throw invalidArgType("emitter", ["EventEmitter"], emitter);
  return emitter.listeners(name);
}

function getMaxListeners(emitter: unknown): number {
  if (!isEventEmitter(emitter)) throw invalidArgType("emitter", ["EventEmitter"], emitter);
  return emitter.getMaxListeners();
}

function setMaxListeners(n: number = defaultMaxListeners, ...emitters: unknown[]): void {
  validateMaxListeners(n, "setMaxListeners");
  if (emitters.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const emitter of emitters) {
    if (!isEventEmitter(emitter)) throw invalidArgType("eventTargets", ["EventEmitter"], emitter);
    emitter.setMaxListeners(n);
  }
}

function listenerCount(emitter: EventEmitter, type: EventName): number {
  return EventEmitter.prototype.listenerCount.call(emitter, type);
}

function addAbortListener(signal: AbortSignal, listener: () => void): { [key: symbol]: () => void } {
  if (signal === undefined) throw invalidArgType("signal", "AbortSignal", signal);
  validateAbortSignal(signal, "signal");
  validateFunction(listener, "listener");
  let remove: (() => void) | undefined;
  if (signal.aborted) {
    runtimeHost().queueMicrotask(() => listener());
  } else {
    signal.addEventListener("abort", listener, { once: true });
    remove = () => signal.removeEventListener("abort", listener);
  }
  return { [SymbolDispose]: () => remove?.() };
}

Object.defineProperties(EventEmitter, {
  defaultMaxListeners: {
    enumerable: true,
    get: () => defaultMaxListeners,
    set: (value: unknown) => {
      if (typeof value !== "number" || value < 0 || Number.isNaN(value)) {
        throw outOfRange("defaultMaxListeners", "a non-negative number", value);
      }
      defaultMaxListeners = value;
    },
  },
  captureRejections: {
    enumerable: true,
    get: () => defaultCaptureRejections,
    set: (value: unknown) => {
      if (typeof value !== "boolean") throw invalidArgType("EventEmitter.captureRejections", "boolean", value);
      defaultCaptureRejections = value;
    },
  },
});

export const eventsModule = Object.assign(EventEmitter, {
  EventEmitter,
  once,
  on,
  getEventListeners,
  getMaxListeners,
  setMaxListeners,
  listenerCount,
  addAbortListener,
  errorMonitor,
  captureRejectionSymbol,
});
