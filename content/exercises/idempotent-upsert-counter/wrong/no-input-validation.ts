// Mistake: Sends malformed input to PostgreSQL instead of throwing a RangeError first.
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

// One statement: the event insert and the totals upsert commit together or not at all, and the
// totals row only moves when the event row was really inserted (new_event is empty on a retry).
// The increments are done by PostgreSQL on the locked row, so overlapping calls cannot lose one.
const RECORD = `
  WITH new_event AS (
    INSERT INTO events (key, user_id, amount_cents)
    VALUES ($1, $2, $3)
    ON CONFLICT (key) DO NOTHING
    RETURNING user_id, amount_cents
  ), counted AS (
    INSERT INTO user_totals AS t (user_id, event_count, total_cents)
    SELECT user_id, 1, amount_cents FROM new_event
    ON CONFLICT (user_id) DO UPDATE
      SET event_count = t.event_count + 1,
          total_cents = t.total_cents + EXCLUDED.total_cents
    RETURNING user_id
  )
  SELECT count(*)::int AS inserted FROM counted`;

export async function recordEvent(db: Db, event: EventInput): Promise<boolean> {
  const { key, userId, amount } = event;

  const written = await db.query<{ inserted: number }>(RECORD, [key, userId, amount]);
  if (written.rows[0]?.inserted === 1) return true;

  // A retry: it is the same event only if the stored payload matches. (The row is there: the
  // conflict that stopped the insert was with it, and events are never deleted.)
  const stored = await db.query<{ user_id: number; amount_cents: number }>(
    "SELECT user_id, amount_cents FROM events WHERE key = $1",
    [key],
  );
  const row = stored.rows[0];
  if (!row || row.user_id !== userId || row.amount_cents !== amount) throw new EventConflictError(key);
  return false;
}
