export interface Payment {
  amount: number;
  currency: string;
}

export interface Charge {
  id: string;
  amount: number;
  currency: string;
  status: "succeeded";
}

export interface HandlerOptions {
  /** Performs the payment; may reject. */
  charge: (payment: Payment) => Promise<Charge>;
  /** How long a completed response is kept, in ms (finite, > 0). Default 24 h. */
  ttlMs?: number;
}

/**
 * POST /payments with idempotency keys:
 * 404/405 route checks, 400 bad key or body, 409 key in flight, replay (with
 * Idempotent-Replayed: true) for the same key and JSON body, 422 same key with another body,
 * 201 after a successful charge (stored for ttlMs), 502 after a failed one (key forgotten).
 *
 * @throws {RangeError} for a bad ttlMs.
 */
export function createHandler(options: HandlerOptions): { fetch(request: Request): Promise<Response> } {
  throw new Error("Not implemented");
}
