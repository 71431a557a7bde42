export type Listener<P> = (payload: P) => unknown;

export interface EventBusOptions {
  /** Registrations allowed per event (a pending waitFor counts). Positive integer or Infinity; default 10. */
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

export class EventBus<Events extends Record<string, unknown>> {
  /** @throws {RangeError} for a bad maxListeners. */
  constructor(options: EventBusOptions = {}) {
    throw new Error("Not implemented");
  }

  /** Adds a registration; returns its unsubscribe function. @throws {RangeError} at the limit. */
  on<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): () => void {
    throw new Error("Not implemented");
  }

  /** Like on(), but the registration is removed just before its first call. */
  once<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): () => void {
    throw new Error("Not implemented");
  }

  /** Removes the most recent registration of `listener` for `event`. */
  off<K extends keyof Events & string>(event: K, listener: Listener<Events[K]>): boolean {
    throw new Error("Not implemented");
  }

  /** Calls the listeners synchronously, in order; never throws. */
  emit<K extends keyof Events & string>(event: K, payload: Events[K]): EmitResult {
    throw new Error("Not implemented");
  }

  listenerCount<K extends keyof Events & string>(event: K): number {
    throw new Error("Not implemented");
  }

  /** The payload of the next emit of `event`; rejects on abort, timeout or at the limit, and cleans up. */
  waitFor<K extends keyof Events & string>(event: K, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Events[K]> {
    throw new Error("Not implemented");
  }
}
