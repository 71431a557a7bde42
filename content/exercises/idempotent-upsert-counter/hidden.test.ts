import { db, resetDatabase, type Db, type SqlParam } from "deepend:sql";
import fc from "fast-check";
import { EventConflictError, type EventInput, recordEvent } from "./solution";

interface Tables {
  events: Array<{ key: string; user_id: number; amount_cents: number }>;
  totals: Array<{ user_id: number; event_count: number; total_cents: number }>;
}

async function tables(handle: Db = db): Promise<Tables> {
  const events = await handle.query<Tables["events"][number]>("SELECT key, user_id, amount_cents FROM events ORDER BY key COLLATE \"C\"");
  const totals = await handle.query<Tables["totals"][number]>("SELECT user_id, event_count, total_cents FROM user_totals ORDER BY user_id");
  return { events: events.rows, totals: totals.rows };
}

/** What a call did: "new", "retry", "conflict", or what it threw instead. */
async function outcome(handle: Db, event: EventInput): Promise<string> {
  try {
    const result = await recordEvent(handle, event);
    return result === true ? "new" : result === false ? "retry" : `resolved ${JSON.stringify(result)}`;
  } catch (error) {
    if (error instanceof EventConflictError && error.code === "key_reused") return "conflict";
    return `threw ${String(error)}`;
  }
}

/** The same connection, running `before(n, handle)` ahead of the learner's n-th statement (0-based). */
function interleaved(inner: Db, before: (n: number, handle: Db) => Promise<void>): Db {
  let n = 0;
  const wrap = (d: Db): Db => ({
    async query<Row>(text: string, params?: readonly SqlParam[]) {
      await before(n++, d);
      return d.query<Row>(text, params);
    },
    async exec(script: string) {
      await before(n++, d);
      return d.exec(script);
    },
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      return d.transaction((tx) => fn(wrap(tx)));
    },
  });
  return wrap(inner);
}

/** Another server recording an event correctly (its own statement on the shared database). */
async function otherServerRecords(handle: Db, event: EventInput): Promise<boolean> {
  const result = await handle.query<{ inserted: number }>(
    `WITH e AS (INSERT INTO events VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING user_id, amount_cents),
          t AS (INSERT INTO user_totals AS t SELECT user_id, 1, amount_cents FROM e
                ON CONFLICT (user_id) DO UPDATE SET event_count = t.event_count + 1, total_cents = t.total_cents + EXCLUDED.total_cents
                RETURNING 1)
     SELECT count(*)::int AS inserted FROM t`,
    [event.key, event.userId, event.amount],
  );
  return result.rows[0]?.inserted === 1;
}

const FIXTURE_TOTALS = [
  { user_id: 1, event_count: 2, total_cents: 1749 },
  { user_id: 2, event_count: 2, total_cents: 7500 },
];

beforeEach(() => resetDatabase());

describe("retries and conflicts", () => {
  it("treats the events already in the table as recorded: their retries return false and change nothing", async () => {
    const before = await tables();
    for (const [key, userId, amount] of [["evt_a1", 1, 1250], ["evt_a2", 1, 499], ["evt_b1", 2, 10000], ["evt_b2", 2, -2500]] as const) {
      expect(await outcome(db, { key, userId, amount }), key).toBe("retry");
    }
    expect(await tables()).toEqual(before);
  });

  it("rejects a reused key whose userId, amount or both differ, and changes neither table", async () => {
    const before = await tables();
    const attempts: EventInput[] = [
      { key: "evt_b1", userId: 1, amount: 10000 },
      { key: "evt_b1", userId: 2, amount: 10001 },
      { key: "evt_b1", userId: 3, amount: 1 },
      { key: "evt_b2", userId: 2, amount: 2500 },
    ];
    for (const attempt of attempts) expect(await outcome(db, attempt), JSON.stringify(attempt)).toBe("conflict");
    expect(await tables()).toEqual(before);
    const error = await recordEvent(db, { key: "evt_b1", userId: 1, amount: 10000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "EventConflictError", code: "key_reused", key: "evt_b1" });
  });

  it("rejects a new key's retry with a different payload, and keeps the first payload", async () => {
    expect(await outcome(db, { key: "evt_c1", userId: 3, amount: 100 })).toBe("new");
    expect(await outcome(db, { key: "evt_c1", userId: 3, amount: 200 })).toBe("conflict");
    expect(await outcome(db, { key: "evt_c1", userId: 4, amount: 100 })).toBe("conflict");
    expect(await outcome(db, { key: "evt_c1", userId: 3, amount: 100 })).toBe("retry");
    const { events, totals } = await tables();
    expect(events.filter((e) => e.key === "evt_c1")).toEqual([{ key: "evt_c1", user_id: 3, amount_cents: 100 }]);
    expect(totals).toEqual([...FIXTURE_TOTALS, { user_id: 3, event_count: 1, total_cents: 100 }]);
  });

  it("treats keys as exact strings: case and surrounding spaces make a different event", async () => {
    for (const key of ["EVT_A1", "evt_a1 ", " evt_a1", "evt_á1"]) expect(await outcome(db, { key, userId: 1, amount: 5 }), JSON.stringify(key)).toBe("new");
    expect((await tables()).totals[0]).toEqual({ user_id: 1, event_count: 6, total_cents: 1769 });
  });
});

describe("amounts", () => {
  it("counts zero and negative amounts as events, and lets a total go below zero", async () => {
    expect(await outcome(db, { key: "zero", userId: 7, amount: 0 })).toBe("new");
    expect(await outcome(db, { key: "refund", userId: 7, amount: -1500 })).toBe("new");
    expect(await outcome(db, { key: "refund-2", userId: 2, amount: -9000 })).toBe("new");
    expect((await tables()).totals).toEqual([
      FIXTURE_TOTALS[0],
      { user_id: 2, event_count: 3, total_cents: -1500 },
      { user_id: 7, event_count: 2, total_cents: -1500 },
    ]);
  });

  it("keeps amounts and totals exact beyond 32-bit integers", async () => {
    expect(await outcome(db, { key: "big-1", userId: 5, amount: 2_000_000_000 })).toBe("new");
    expect(await outcome(db, { key: "big-2", userId: 5, amount: 2_000_000_000 })).toBe("new");
    expect(await outcome(db, { key: "huge", userId: 6, amount: 9_000_000_000_123 })).toBe("new");
    expect(await outcome(db, { key: "huge", userId: 6, amount: 9_000_000_000_123 })).toBe("retry");
    expect(await outcome(db, { key: "huge", userId: 6, amount: 9_000_000_000_124 })).toBe("conflict");
    const { totals } = await tables();
    expect(totals.slice(2)).toEqual([
      { user_id: 5, event_count: 2, total_cents: 4_000_000_000 },
      { user_id: 6, event_count: 1, total_cents: 9_000_000_000_123 },
    ]);
  });

  it("rejects a malformed event with a RangeError before writing anything", async () => {
    const before = await tables();
    const bad: EventInput[] = [
      { key: "x1", userId: 1, amount: 12.5 },
      { key: "x2", userId: 1, amount: Number.NaN },
      { key: "x3", userId: 1, amount: Number.POSITIVE_INFINITY },
      { key: "x4", userId: 1, amount: 2 ** 53 },
      { key: "x5", userId: 1, amount: "100" as unknown as number },
      { key: "", userId: 1, amount: 100 },
      { key: 42 as unknown as string, userId: 1, amount: 100 },
      { key: ["evt_c1"] as unknown as string, userId: 1, amount: 100 },
      { key: null as unknown as string, userId: 1, amount: 100 },
      { key: undefined as unknown as string, userId: 1, amount: 100 },
      { key: "x6", userId: 0, amount: 100 },
      { key: "x7", userId: 1.5, amount: 100 },
    ];
    for (const event of bad) {
      const error = await recordEvent(db, event).then(() => "no error", (e: unknown) => e);
      expect(error, JSON.stringify(event)).toBeInstanceOf(RangeError);
    }
    expect(await tables()).toEqual(before);
  });
});

describe("overlapping calls", () => {
  // Another server shares the database: its statements can commit between any two of yours. The
  // tests run its statement on the same connection just before your n-th statement, for every n.
  it("counts once when another server commits the same event between your statements", async () => {
    const event = { key: "evt_race", userId: 4, amount: 900 };
    for (let at = 0; at < 8; at++) {
      await resetDatabase();
      let otherInserted: boolean | undefined;
      const handle = interleaved(db, async (n, d) => {
        if (n === at) otherInserted = await otherServerRecords(d, event);
      });
      const result = await outcome(handle, event);
      if (otherInserted === undefined) break; // your code sent fewer statements than that
      const label = `other server's insert before your statement #${at + 1}`;
      expect(result, label).toBe(otherInserted ? "retry" : "new");
      expect((await tables()).totals, label).toEqual([...FIXTURE_TOTALS, { user_id: 4, event_count: 1, total_cents: 900 }]);
    }
  });

  it("loses no increment when another event of the same user commits between your statements", async () => {
    const mine = { key: "evt_mine", userId: 2, amount: 300 };
    const theirs = { key: "evt_theirs", userId: 2, amount: 40 };
    for (let at = 0; at < 8; at++) {
      await resetDatabase();
      let injected = false;
      // Only between statements that commit on their own: inside your transaction, the other
      // server's update of the same totals row would wait for your commit.
      const handle = interleaved(db, async (n, d) => {
        if (n === at && d === db) injected = await otherServerRecords(d, theirs);
      });
      const result = await outcome(handle, mine);
      if (!injected) continue;
      const label = `other server's event before your statement #${at + 1}`;
      expect(result, label).toBe("new");
      expect((await tables()).totals[1], label).toEqual({ user_id: 2, event_count: 4, total_cents: 7840 });
    }
  });

  it("works inside the caller's transaction: undone when it rolls back, counted once when it commits", async () => {
    const event = { key: "evt_tx", userId: 1, amount: 10 };
    const before = await tables();
    const rolledBack = await db
      .transaction(async (tx) => {
        expect([await outcome(tx, event), await outcome(tx, event)]).toEqual(["new", "retry"]);
        expect((await tables(tx)).totals[0]).toEqual({ user_id: 1, event_count: 3, total_cents: 1759 });
        throw new Error("caller gives up");
      })
      .catch((e: unknown) => (e as Error).message);
    expect(rolledBack).toBe("caller gives up");
    expect(await tables()).toEqual(before);
    await db.transaction(async (tx) => {
      expect([await outcome(tx, event), await outcome(tx, { ...event, amount: 11 }), await outcome(tx, event)]).toEqual(["new", "conflict", "retry"]);
    });
    expect((await tables()).totals[0]).toEqual({ user_id: 1, event_count: 3, total_cents: 1759 });
  });
});

// ---- Model-based check: random sequences of events, retries and overlapping bursts ----

interface Model {
  events: Map<string, { userId: number; amount: number }>;
  totals: Map<number, { count: number; sum: number }>;
}

function expected(model: Model, event: EventInput): string {
  const stored = model.events.get(event.key);
  if (stored) return stored.userId === event.userId && stored.amount === event.amount ? "retry" : "conflict";
  model.events.set(event.key, { userId: event.userId, amount: event.amount });
  const total = model.totals.get(event.userId) ?? { count: 0, sum: 0 };
  model.totals.set(event.userId, { count: total.count + 1, sum: total.sum + event.amount });
  return "new";
}

function modelTables(model: Model): Tables {
  return {
    events: [...model.events]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, e]) => ({ key, user_id: e.userId, amount_cents: e.amount })),
    totals: [...model.totals].sort(([a], [b]) => a - b).map(([user_id, t]) => ({ user_id, event_count: t.count, total_cents: t.sum })),
  };
}

async function sameTables(step: string, model: Model): Promise<void> {
  const snapshot = await db.query<{ tables: Tables }>(
    `SELECT json_build_object(
       'events', (SELECT coalesce(json_agg(json_build_object('key', key, 'user_id', user_id, 'amount_cents', amount_cents) ORDER BY key COLLATE "C"), '[]') FROM events),
       'totals', (SELECT coalesce(json_agg(json_build_object('user_id', user_id, 'event_count', event_count, 'total_cents', total_cents) ORDER BY user_id), '[]') FROM user_totals)
     ) AS tables`,
  );
  const got = JSON.stringify(snapshot.rows[0]?.tables);
  const want = JSON.stringify(modelTables(model));
  if (got !== want) throw new Error(`after ${step}:\n  tables ${got}\n  model  ${want}`);
}

class RecordCommand implements fc.AsyncCommand<Model, Db> {
  constructor(
    readonly event: EventInput,
    readonly copies: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Db): Promise<void> {
    const want: string[] = [];
    const got: string[] = [];
    for (let i = 0; i < this.copies; i++) {
      want.push(expected(model, this.event));
      got.push(await outcome(real, this.event));
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${this}: got ${got.join(", ")}, model ${want.join(", ")}`);
    await sameTables(this.toString(), model);
  }
  toString(): string {
    const call = `recordEvent(db, ${JSON.stringify(this.event)})`;
    return this.copies === 1 ? call : `${call} ${this.copies} times`;
  }
}

describe("model check", () => {
  it("matches a model of the rules over random sequences of new, retried and conflicting events", async () => {
    const event = fc.record({
      key: fc.constantFrom("evt_a1", "evt_b2", "k1", "k2", "k3"),
      userId: fc.constantFrom(1, 2, 3),
      amount: fc.constantFrom(0, 1, 499, -2500, 1250, 3_000_000_000),
    });
    const commands = fc.commands([fc.tuple(event, fc.constantFrom(1, 1, 2)).map(([e, copies]) => new RecordCommand(e, copies))], {
      maxCommands: 12,
    });
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const setup = async () => {
          await resetDatabase();
          const model: Model = {
            events: new Map([
              ["evt_a1", { userId: 1, amount: 1250 }],
              ["evt_a2", { userId: 1, amount: 499 }],
              ["evt_b1", { userId: 2, amount: 10000 }],
              ["evt_b2", { userId: 2, amount: -2500 }],
            ]),
            totals: new Map([
              [1, { count: 2, sum: 1749 }],
              [2, { count: 2, sum: 7500 }],
            ]),
          };
          return { model, real: db };
        };
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns: 25, seed: 20260512, includeErrorInReport: true },
    );
  });
});
