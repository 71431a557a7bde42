import { DOMException } from "./dom-exception.ts";
import { Event, EventTarget, dispatchTrustedEvent } from "./events.ts";
import { getHost } from "./host.ts";

const CONSTRUCT = Symbol("AbortSignal construction");
let signalAbort: (signal: AbortSignal, reason: unknown) => void;

type AbortAlgorithm = (reason: unknown) => void;
let addAbortAlgorithm: (signal: AbortSignal, algorithm: AbortAlgorithm) => void;
let addDependent: (source: AbortSignal, dependent: AbortSignal) => void;

export class AbortSignal extends EventTarget {
  #aborted = false;
  #reason: unknown = undefined;
  #onabort: ((this: AbortSignal, event: Event) => unknown) | null = null;
  #algorithms: AbortAlgorithm[] = [];
  #dependents: AbortSignal[] = [];

  static {
    signalAbort = (signal, reason) => {
      if (signal.#aborted) return;
      signal.#aborted = true;
      signal.#reason = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
      const algorithms = signal.#algorithms;
      signal.#algorithms = [];
      for (const algorithm of algorithms) algorithm(signal.#reason);
      dispatchTrustedEvent(signal, new Event("abort"));
      const dependents = signal.#dependents;
      signal.#dependents = [];
      for (const dependent of dependents) signalAbort(dependent, signal.#reason);
    };
    addDependent = (source, dependent) => {
      if (!source.#aborted) source.#dependents.push(dependent);
    };
    addAbortAlgorithm = (signal, algorithm) => {
      if (!signal.#aborted) signal.#algorithms.push(algorithm);
    };
  }

  constructor(key?: symbol) {
    if (key !== CONSTRUCT) throw new TypeError("Illegal constructor");
    super();
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  get onabort(): ((this: AbortSignal, event: Event) => unknown) | null {
    return this.#onabort;
  }

  set onabort(handler: ((this: AbortSignal, event: Event) => unknown) | null) {
    const first = this.#onabort === null;
    this.#onabort = typeof handler === "function" ? handler : null;
    // The handler keeps the position of its first registration, as event handler attributes do.
    if (first && this.#onabort !== null) {
      this.addEventListener("abort", (event) => this.#onabort?.call(this, event));
    }
  }

  throwIfAborted(): void {
    if (this.#aborted) throw this.#reason;
  }

  static abort(reason?: unknown): AbortSignal {
    const signal = new AbortSignal(CONSTRUCT);
    signalAbort(signal, reason);
    return signal;
  }

  static timeout(ms: number): AbortSignal {
    const delay = Number(ms);
    if (!Number.isFinite(delay) || delay < 0 || delay > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`The value of "delay" is out of range. It must be >= 0 && <= ${Number.MAX_SAFE_INTEGER}. Received ${String(ms)}`);
    }
    const signal = new AbortSignal(CONSTRUCT);
    const handle = getHost().setTimeout(
      () => signalAbort(signal, new DOMException("The operation was aborted due to timeout", "TimeoutError")),
      Math.trunc(delay),
      [],
    );
    // As in Node, a pending timeout signal does not keep the program alive.
    (handle as { unref?: () => void } | null)?.unref?.();
    return signal;
  }

  static any(signals: Iterable<AbortSignal>): AbortSignal {
    const list = [...signals];
    for (const source of list) {
      if (!(source instanceof AbortSignal)) throw new TypeError('The "signals" argument must be an array of AbortSignal');
    }
    const signal = new AbortSignal(CONSTRUCT);
    const already = list.find((source) => source.aborted);
    if (already !== undefined) {
      signalAbort(signal, already.reason);
      return signal;
    }
    for (const source of list) addDependent(source, signal);
    return signal;
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: "AbortSignal", configurable: true });

export class AbortController {
  #signal = new AbortSignal(CONSTRUCT);

  get signal(): AbortSignal {
    return this.#signal;
  }

  abort(reason?: unknown): void {
    signalAbort(this.#signal, reason);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: "AbortController", configurable: true });

// For Request and other internals that follow a signal.
export function followSignal(signal: AbortSignal, algorithm: AbortAlgorithm): void {
  addAbortAlgorithm(signal, algorithm);
}
