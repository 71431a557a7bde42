/** Rejection reason of `fire()` while the circuit does not let calls through. */
export class CircuitOpenError extends Error {}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. A positive integer. */
  failureThreshold: number;
  /** How long the circuit stays open before allowing one trial call, in ms. Finite, >= 0. */
  resetTimeoutMs: number;
  /** Current time in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * closed --(failureThreshold consecutive failures)--> open
 * open --(resetTimeoutMs elapsed)--> half-open: exactly one trial call goes through
 * half-open --(trial succeeds)--> closed; half-open --(trial fails)--> open again
 */
export class CircuitBreaker<T> {
  /** @throws {RangeError} for an invalid failureThreshold or resetTimeoutMs. */
  constructor(action: () => Promise<T>, opts: CircuitBreakerOptions) {
    throw new Error("Not implemented");
  }

  /**
   * Calls the action (if the state allows it) and settles like it: same value, same error.
   * Rejects with CircuitOpenError, without calling the action, when the circuit is open or a
   * half-open trial is already in flight.
   */
  fire(): Promise<T> {
    throw new Error("Not implemented");
  }

  /** The state right now (reads the clock: "half-open" as soon as the timeout has passed). */
  get state(): "closed" | "open" | "half-open" {
    throw new Error("Not implemented");
  }
}
