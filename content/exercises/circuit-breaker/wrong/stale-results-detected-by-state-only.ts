export class CircuitOpenError extends Error {
  constructor(message = "Circuit is open: the call was not attempted") {
    super(message);
    this.name = "CircuitOpenError";
  }
}

export interface CircuitBreakerOptions {
  failureThreshold: number;
  resetTimeoutMs: number;
  now?: () => number;
}

export type CircuitState = "closed" | "open" | "half-open";

/**
 * Circuit breaker with three states:
 *
 *   closed --(failureThreshold consecutive failures)--> open
 *   open --(resetTimeoutMs elapsed)--> half-open (derived from the clock, no timer)
 *   half-open --(trial succeeds)--> closed      half-open --(trial fails)--> open (timer restarts)
 *
 * `#generation` changes every time the circuit opens or closes. A call remembers the generation it
 * started in; when it settles in a different one, its outcome is stale and must not move the state
 * (in the same generation the circuit is still closed, so no separate state check is needed).
 */
export class CircuitBreaker<T> {
  readonly #action: () => Promise<T>;
  readonly #threshold: number;
  readonly #resetTimeoutMs: number;
  readonly #now: () => number;

  #failures = 0;
  #openedAt: number | null = null; // null while closed
  #trialInFlight = false;
  #generation = 0;

  constructor(action: () => Promise<T>, opts: CircuitBreakerOptions) {
    const { failureThreshold, resetTimeoutMs, now = Date.now } = opts;
    if (!Number.isInteger(failureThreshold) || failureThreshold <= 0) {
      throw new RangeError(`failureThreshold must be a positive integer, got ${failureThreshold}`);
    }
    if (!Number.isFinite(resetTimeoutMs) || resetTimeoutMs < 0) {
      throw new RangeError(`resetTimeoutMs must be a finite number >= 0, got ${resetTimeoutMs}`);
    }
    this.#action = action;
    this.#threshold = failureThreshold;
    this.#resetTimeoutMs = resetTimeoutMs;
    this.#now = now;
  }

  get state(): CircuitState {
    if (this.#openedAt === null) return "closed";
    if (this.#trialInFlight) return "half-open";
    return this.#now() - this.#openedAt >= this.#resetTimeoutMs ? "half-open" : "open";
  }

  async fire(): Promise<T> {
    const state = this.state;
    if (state === "open" || this.#trialInFlight) {
      throw new CircuitOpenError();
    }
    const isTrial = state === "half-open";
    const generation = this.#generation;
    if (isTrial) this.#trialInFlight = true;

    let result: T;
    try {
      // `await` inside try: a synchronous throw from the action counts as a failure too.
      result = await this.#action();
    } catch (error) {
      if (isTrial) {
        this.#trialInFlight = false;
        this.#open();
      } else if (this.#openedAt === null) {
        this.#failures++;
        if (this.#failures >= this.#threshold) this.#open();
      }
      throw error;
    }

    if (isTrial) {
      this.#trialInFlight = false;
      this.#close();
    } else if (this.#openedAt === null) {
      this.#failures = 0;
    }
    return result;
  }

  #open(): void {
    this.#openedAt = this.#now();
    this.#generation++;
  }

  #close(): void {
    this.#openedAt = null;
    this.#failures = 0;
    this.#generation++;
  }
}
