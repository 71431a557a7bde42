// Mistake: Lets a retry overwrite the stored event instead of rejecting a different payload.
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

export async function recordEvent(db: Db, event: EventInput): Promise<boolean> {
  const { key, userId, amount } = event;
  if (typeof key !== "string" || key === "") throw new RangeError("key must be a non-empty string");
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new RangeError("userId must be a positive integer");
  if (!Number.isSafeInteger(amount)) throw new RangeError("amount must be a whole number of cents");

  // The retry's payload replaces the stored one; xmax = 0 tells a fresh insert from an update.
  const written = await db.query<{ inserted: boolean }>(
    `INSERT INTO events (key, user_id, amount_cents) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET user_id = EXCLUDED.user_id, amount_cents = EXCLUDED.amount_cents
     RETURNING (xmax = 0) AS inserted`,
    [key, userId, amount],
  );
  if (!written.rows[0]?.inserted) return false;
  await db.query(
    `INSERT INTO user_totals AS t (user_id, event_count, total_cents) VALUES ($1, 1, $2)
     ON CONFLICT (user_id) DO UPDATE SET event_count = t.event_count + 1, total_cents = t.total_cents + EXCLUDED.total_cents`,
    [userId, amount],
  );
  return true;
}
