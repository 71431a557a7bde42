import { db, resetDatabase } from "deepend:sql";
import { EventConflictError, recordEvent } from "./solution";

async function totals() {
  return (await db.query("SELECT user_id, event_count, total_cents FROM user_totals ORDER BY user_id")).rows;
}

beforeEach(() => resetDatabase());

it("records a new event for a new user and starts their totals", async () => {
  expect(await recordEvent(db, { key: "evt_c1", userId: 3, amount: 700 })).toBe(true);
  const stored = await db.query("SELECT key, user_id, amount_cents FROM events WHERE key = 'evt_c1'");
  expect(stored.rows).toEqual([{ key: "evt_c1", user_id: 3, amount_cents: 700 }]);
  expect(await totals()).toEqual([
    { user_id: 1, event_count: 2, total_cents: 1749 },
    { user_id: 2, event_count: 2, total_cents: 7500 },
    { user_id: 3, event_count: 1, total_cents: 700 },
  ]);
});

it("adds a new event to an existing user's totals", async () => {
  expect(await recordEvent(db, { key: "evt_a3", userId: 1, amount: 1 })).toBe(true);
  expect((await totals())[0]).toEqual({ user_id: 1, event_count: 3, total_cents: 1750 });
});

it("counts a retried event once and reports it as not new", async () => {
  const event = { key: "evt_c1", userId: 3, amount: 700 };
  expect(await recordEvent(db, event)).toBe(true);
  expect(await recordEvent(db, event)).toBe(false);
  expect(await recordEvent(db, { key: "evt_b2", userId: 2, amount: -2500 })).toBe(false);
  expect(await totals()).toEqual([
    { user_id: 1, event_count: 2, total_cents: 1749 },
    { user_id: 2, event_count: 2, total_cents: 7500 },
    { user_id: 3, event_count: 1, total_cents: 700 },
  ]);
});

it("rejects a key reused for a different amount with code key_reused", async () => {
  const error = await recordEvent(db, { key: "evt_a1", userId: 1, amount: 1300 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EventConflictError);
  expect(error).toMatchObject({ name: "EventConflictError", code: "key_reused", key: "evt_a1" });
  expect((await totals())[0]).toEqual({ user_id: 1, event_count: 2, total_cents: 1749 });
});
