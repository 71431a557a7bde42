/**
 * A typed, in-process event bus.
 *
 * Listeners live in one array per event, as registration records (the same function may be
 * registered twice, and each registration is removed on its own). emit() walks a snapshot of the
 * array but skips records removed in the meantime, so an unsubscribe always takes effect at once.
 * A throwing listener never stops the others: its error is collected and reported.
 */
export type Listener<P> = (payload: P) => unknown;

export interface EventBusOptions {
  /** Registrations allowed per event (waitFor counts while pending). Positive integer or Infinity; default 10. */
  maxListeners?: number;
  /** Called with every error a listener throws (or its returned promise rejects with). */
  onListenerError?: (error: unknown, event: string) => void;
}

export interface EmitResult {
  /** Listeners called. */
  delivered: number;
  /** Errors thrown synchronously by those listeners, in call order. */
  errors: unknown[];
}

export class TimeoutError extends Error {
  override name = "TimeoutError";
}

interface Registration {
  listener: Listener<never>;
  once: boolean;
  active: boolean;
}

export class EventBus<Events extends Record<string, unknown>> {
  readonly #maxListeners: number;
  readonly #onListenerError: ((error: unknown, event: string) => void) | undefined;
  readonly #listeners = new Map<keyof Events, Registration[]>();

  constructor(options: EventBusOptions = {}) {
    const max = options.maxListeners ?? 10;
    if (max !== Infinity && (!Number.isInteger(max) || max < 1)) {
      throw new RangeError(`maxListeners must be a positive integer or Infinity, got ${max}`);
    }
    this.#maxListeners = max;
    this.#onListenerError = options.onListenerError;
  }

  on<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): () => void {
    return this.#add(event, listener, false);
  }

  once<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): () => void {
    return this.#add(event, listener, true);
  }

  /** Removes the most recent registration of `listener` for `event`. */
  off<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): boolean {
    const list = this.#listeners.get(event);
    if (list === undefined) return false; // no registrations for this event
    for (let i = list.length - 1; i >= 0; i--) {
      const registration = list[i] as Registration;
      if (registration.listener === listener) {
        this.#remove(event, registration);
        return true;
      }
    }
    return false;
  }

  emit<K extends keyof Events & string>(event: K, payload: Events[K]): EmitResult {
    const snapshot = [...(this.#listeners.get(event) ?? [])];
    const result: EmitResult = { delivered: 0, errors: [] };
    for (const registration of snapshot) {
      if (registration.once) this.#remove(event, registration);
      result.delivered++;
      try {
        const returned = (registration.listener as Listener<Events[K]>)(payload);
        if (isThenable(returned)) returned.then(undefined, (error: unknown) => this.#report(error, event));
      } catch (error) {
        result.errors.push(error);
        this.#report(error, event);
      }
    }
    return result;
  }

  listenerCount<K extends keyof Events & string>(event: K): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  waitFor<K extends keyof Events & string>(event: K, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Events[K]> {
    const { signal, timeoutMs } = options;
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
      return Promise.reject(new RangeError(`timeoutMs must be a finite number > 0, got ${timeoutMs}`));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Events[K]>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let unsubscribe: () => void = () => {};
      const onAbort = () => settle(() => reject(signal?.reason));
      const settle = (finish: () => void) => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        finish();
      };
      try {
        unsubscribe = this.once(event, (payload) => settle(() => resolve(payload)));
      } catch (error) {
        reject(error);
        return;
      }
      signal?.addEventListener("abort", onAbort);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => settle(() => reject(new TimeoutError(`no "${event}" within ${timeoutMs} ms`))), timeoutMs);
      }
    });
  }

  #add(event: keyof Events & string, listener: Listener<never>, once: boolean): () => void {
    if (typeof listener !== "function") throw new TypeError("listener must be a function");
    const list = this.#listeners.get(event) ?? [];
    if (list.length >= this.#maxListeners) {
      throw new RangeError(`"${event}" already has ${list.length} listeners (maxListeners ${this.#maxListeners})`);
    }
    const registration: Registration = { listener, once, active: true };
    list.push(registration);
    this.#listeners.set(event, list);
    return () => this.#remove(event, registration);
  }

  #remove(event: keyof Events, registration: Registration): void {
    if (!registration.active) return;
    registration.active = false;
    const list = this.#listeners.get(event) ?? [];
    list.splice(list.indexOf(registration), 1);
    if (list.length === 0) this.#listeners.delete(event);
  }

  #report(error: unknown, event: string): void {
    try {
      this.#onListenerError?.(error, event);
    } catch {
      // A failing error reporter must not break the emit either.
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
