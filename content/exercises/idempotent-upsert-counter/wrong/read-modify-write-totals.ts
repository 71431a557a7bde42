// Mistake: Computes the new totals in JavaScript: an increment committed in between is lost.
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

  const inserted = await db.query(
    "INSERT INTO events (key, user_id, amount_cents) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
    [key, userId, amount],
  );
  if (inserted.rowCount === 0) {
    const stored = await db.query<{ user_id: number; amount_cents: number }>("SELECT user_id, amount_cents FROM events WHERE key = $1", [key]);
    const row = stored.rows[0];
    if (!row || row.user_id !== userId || row.amount_cents !== amount) throw new EventConflictError(key);
    return false;
  }
  // Reads the totals, adds in JavaScript, writes back: an overlapping call's increment is lost.
  const current = await db.query<{ event_count: number; total_cents: number }>(
    "SELECT event_count, total_cents FROM user_totals WHERE user_id = $1",
    [userId],
  );
  const count = (current.rows[0]?.event_count ?? 0) + 1;
  const total = (current.rows[0]?.total_cents ?? 0) + amount;
  await db.query(
    `INSERT INTO user_totals (user_id, event_count, total_cents) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET event_count = EXCLUDED.event_count, total_cents = EXCLUDED.total_cents`,
    [userId, count, total],
  );
  return true;
}
