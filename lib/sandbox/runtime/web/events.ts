import { DOMException } from "./dom-exception.ts";
import { getHost } from "./host.ts";

export interface EventInit {
  bubbles?: boolean;
  cancelable?: boolean;
  composed?: boolean;
}

let setDispatchState: (event: Event, target: EventTarget | null, currentTarget: EventTarget | null, phase: number) => void;
let isStopped: (event: Event) => boolean;
let markTrusted: (event: Event) => void;
let isDispatching: (event: Event) => boolean;
let setDispatching: (event: Event, value: boolean) => void;

export class Event {
  static readonly NONE = 0;
  static readonly CAPTURING_PHASE = 1;
  static readonly AT_TARGET = 2;
  static readonly BUBBLING_PHASE = 3;

  #type: string;
  #bubbles: boolean;
  #cancelable: boolean;
  #composed: boolean;
  #defaultPrevented = false;
  #target: EventTarget | null = null;
  #currentTarget: EventTarget | null = null;
  #phase = 0;
  #stopPropagation = false;
  #stopImmediate = false;
  #trusted = false;
  #dispatching = false;
  #timeStamp: number;

  static {
    setDispatchState = (event, target, currentTarget, phase) => {
      event.#target = target;
      event.#currentTarget = currentTarget;
      event.#phase = phase;
    };
    isStopped = (event) => event.#stopImmediate;
    markTrusted = (event) => {
      event.#trusted = true;
    };
    isDispatching = (event) => event.#dispatching;
    setDispatching = (event, value) => {
      event.#dispatching = value;
    };
  }

  constructor(type: string, options: EventInit = {}) {
    if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
    this.#type = String(type);
    this.#bubbles = Boolean(options?.bubbles);
    this.#cancelable = Boolean(options?.cancelable);
    this.#composed = Boolean(options?.composed);
    this.#timeStamp = getHost().now();
  }

  get type(): string {
    return this.#type;
  }
  get target(): EventTarget | null {
    return this.#target;
  }
  get srcElement(): EventTarget | null {
    return this.#target;
  }
  get currentTarget(): EventTarget | null {
    return this.#currentTarget;
  }
  get eventPhase(): number {
    return this.#phase;
  }
  get bubbles(): boolean {
    return this.#bubbles;
  }
  get cancelable(): boolean {
    return this.#cancelable;
  }
  get composed(): boolean {
    return this.#composed;
  }
  get defaultPrevented(): boolean {
    return this.#cancelable && this.#defaultPrevented;
  }
  get returnValue(): boolean {
    return !this.defaultPrevented;
  }
  get isTrusted(): boolean {
    return this.#trusted;
  }
  get timeStamp(): number {
    return this.#timeStamp;
  }
  get cancelBubble(): boolean {
    return this.#stopPropagation;
  }
  set cancelBubble(value: boolean) {
    if (value) this.#stopPropagation = true;
  }

  composedPath(): EventTarget[] {
    return this.#dispatching && this.#currentTarget !== null ? [this.#currentTarget] : [];
  }
  preventDefault(): void {
    this.#defaultPrevented = true;
  }
  stopPropagation(): void {
    this.#stopPropagation = true;
  }
  stopImmediatePropagation(): void {
    this.#stopPropagation = true;
    this.#stopImmediate = true;
  }
}
for (const [name, value] of [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]] as const) {
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: "Event", configurable: true });

export class CustomEvent<T = unknown> extends Event {
  #detail: T | null;

  constructor(type: string, options: EventInit & { detail?: T } = {}) {
    if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail(): T | null {
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: "CustomEvent", configurable: true });

type EventListenerLike = ((event: Event) => unknown) | { handleEvent(event: Event): unknown };

interface AddEventListenerOptions {
  capture?: boolean;
  once?: boolean;
  passive?: boolean;
  signal?: AbortSignalLike;
}

// Only what EventTarget needs from AbortSignal (which is defined on top of EventTarget).
interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: string, listener: EventListenerLike, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerLike): void;
}

interface Listener {
  callback: EventListenerLike;
  capture: boolean;
  once: boolean;
  passive: boolean;
  removed: boolean;
}

export class EventTarget {
  #listeners = new Map<string, Listener[]>();

  addEventListener(type: string, callback: EventListenerLike | null, options: boolean | AddEventListenerOptions = {}): void {
    if (arguments.length < 2) throw new TypeError('The "type" and "listener" arguments must be specified');
    if (callback === null || callback === undefined) return;
    const { capture, once, passive, signal } =
      typeof options === "boolean" ? { capture: options, once: false, passive: false, signal: undefined } : (options ?? {});
    if (signal?.aborted) return;
    const name = String(type);
    let list = this.#listeners.get(name);
    if (list === undefined) {
      list = [];
      this.#listeners.set(name, list);
    }
    if (!list.some((listener) => listener.callback === callback && listener.capture === Boolean(capture))) {
      list.push({ callback, capture: Boolean(capture), once: Boolean(once), passive: Boolean(passive), removed: false });
    }
    // As the DOM spec says (and Node does), the abort step is added even for a duplicate registration
    // and removes whichever listener matches at that time.
    if (signal !== undefined) {
      signal.addEventListener("abort", () => this.removeEventListener(name, callback, { capture: Boolean(capture) }), { once: true });
    }
  }

  removeEventListener(type: string, callback: EventListenerLike | null, options: boolean | { capture?: boolean } = {}): void {
    if (callback === null || callback === undefined) return;
    const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
    const name = String(type);
    const list = this.#listeners.get(name);
    if (list === undefined) return;
    const listener = list.find((candidate) => candidate.callback === callback && candidate.capture === capture);
    if (listener !== undefined) this.#removeListener(name, listener);
  }

  #removeListener(type: string, listener: Listener): void {
    const list = this.#listeners.get(type);
    const index = list === undefined ? -1 : list.indexOf(listener);
    if (list === undefined || index === -1) return;
    listener.removed = true;
    list.splice(index, 1);
    if (list.length === 0) this.#listeners.delete(type);
  }

  dispatchEvent(event: Event): boolean {
    if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event.');
    if (isDispatching(event)) throw new DOMException("The event is already being dispatched", "InvalidStateError");
    setDispatching(event, true);
    setDispatchState(event, this, this, Event.AT_TARGET);
    try {
      const snapshot = [...(this.#listeners.get(event.type) ?? [])];
      for (const listener of snapshot) {
        if (listener.removed) continue;
        if (listener.once) this.#removeListener(event.type, listener);
        try {
          const callback = listener.callback;
          if (typeof callback === "function") callback.call(this, event);
          else if (callback !== null && typeof callback.handleEvent === "function") callback.handleEvent(event);
        } catch (error) {
          // As in Node: a throwing listener does not stop the others; the error surfaces as uncaught.
          getHost().nextTick(() => {
            throw error;
          }, []);
        }
        if (isStopped(event)) break;
      }
    } finally {
      setDispatchState(event, this, null, Event.NONE);
      setDispatching(event, false);
    }
    return !event.defaultPrevented;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: "EventTarget", configurable: true });

export function dispatchTrustedEvent(target: EventTarget, event: Event): boolean {
  markTrusted(event);
  return target.dispatchEvent(event);
}
