import type { Db } from "deepend:sql";

export interface EventInput {
  /** The producer's idempotency key: the same key means the same event. */
  key: string;
  userId: number;
  /** In cents; may be zero or negative (a refund). */
  amount: number;
}

/** A key was sent again with a different userId or amount. */
export class EventConflictError extends Error {
  readonly name = "EventConflictError";
  readonly code = "key_reused";
  constructor(readonly key: string) {
    super(`idempotency key ${key} was already used for a different event`);
  }
}

/** Records the event once; resolves true if it was new, false if this key was already recorded. */
export async function recordEvent(db: Db, event: EventInput): Promise<boolean> {
  throw new Error("Not implemented");
}
