// Mistake: Dedupes the event row but bumps the totals on every delivery.
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

  const stored = await db.query<{ user_id: number; amount_cents: number }>("SELECT user_id, amount_cents FROM events WHERE key = $1", [key]);
  const row = stored.rows[0];
  if (row && (row.user_id !== userId || row.amount_cents !== amount)) throw new EventConflictError(key);
  const inserted = await db.query(
    "INSERT INTO events (key, user_id, amount_cents) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
    [key, userId, amount],
  );
  // The totals are bumped whether or not the event row was new.
  await db.query(
    `INSERT INTO user_totals AS t (user_id, event_count, total_cents) VALUES ($1, 1, $2)
     ON CONFLICT (user_id) DO UPDATE SET event_count = t.event_count + 1, total_cents = t.total_cents + EXCLUDED.total_cents`,
    [userId, amount],
  );
  return inserted.rowCount === 1;
}
