import fc from "fast-check";
import { db, learner, resetDatabase } from "deepend:sql";

beforeEach(() => resetDatabase());
// Some tests change the session's time zone; put it back for the next test.
afterEach(async () => {
  await db.query("RESET TIME ZONE");
});

/** Replaces all the data: users as [id, signed_up_at], events as [user_id, occurred_at]. */
async function replaceData(users: Array<[number, string]>, events: Array<[number, string]>) {
  const script = ["DELETE FROM events", "DELETE FROM users"];
  if (users.length > 0) script.push(`INSERT INTO users (id, signed_up_at) VALUES ${users.map(([id, at]) => `(${id}, '${at}')`).join(", ")}`);
  if (events.length > 0) {
    script.push(`INSERT INTO events (id, user_id, occurred_at) VALUES ${events.map(([user, at], i) => `(${i + 1}, ${user}, '${at}')`).join(", ")}`);
  }
  await db.exec(script.join(";\n"));
}

/** n users signing up at `at`, with ids from `firstId`. */
const many = (n: number, firstId: number, at: string): Array<[number, string]> => Array.from({ length: n }, (_, i) => [firstId + i, at]);

const FIXTURE_RESULT = [
  ["2025-10-01", 4, 50, 50, 25, 25],
  ["2025-11-01", 3, 66.7, 33.3, 33.3, 0],
  ["2025-12-01", 2, 50, 0, 0, null],
  ["2026-01-01", 1, 0, 0, null, null],
  ["2026-02-01", 1, 0, null, null, null],
];

describe("cohorts and sizes", () => {
  it("keeps a cohort none of whose users ever had an event, at 0.0", async () => {
    await replaceData(
      [
        [1, "2026-03-05 10:00:00+00"],
        [2, "2026-03-20 10:00:00+00"],
        [3, "2026-04-02 10:00:00+00"],
      ],
      [[3, "2026-05-01 10:00:00+00"]],
    );
    const result = await learner.query();
    expect(result.values).toEqual([
      ["2026-03-01", 2, 0, 0, 0, null],
      ["2026-04-01", 1, 0, 100, null, null],
    ]);
  });

  it("has no row for a month without sign-ups, even when there was activity in it", async () => {
    await replaceData(
      [
        [1, "2026-01-10 10:00:00+00"],
        [2, "2026-03-10 10:00:00+00"],
      ],
      [
        [1, "2026-02-10 10:00:00+00"],
        [2, "2026-03-11 10:00:00+00"],
      ],
    );
    const result = await learner.query();
    expect(result.values).toEqual([
      ["2026-01-01", 1, 0, 100, 0, null],
      ["2026-03-01", 1, 100, null, null, null],
    ]);
  });

  it("counts active users, not events: one busy user of four is 25.0", async () => {
    await replaceData(many(4, 1, "2026-06-01 09:00:00+00"), [
      [1, "2026-06-01 10:00:00+00"],
      [1, "2026-06-02 10:00:00+00"],
      [1, "2026-06-03 10:00:00+00"],
      [1, "2026-06-04 10:00:00+00"],
      [1, "2026-06-05 10:00:00+00"],
    ]);
    const result = await learner.query();
    expect(result.values).toEqual([["2026-06-01", 4, 25, null, null, null]]);
  });
});

describe("percentages", () => {
  it("divides as numeric and rounds to one decimal, halves away from zero", async () => {
    // cohorts of 3, 6 and 16 users in March, April and May; the data ends in June
    const users = [...many(3, 1, "2026-03-10 00:00:00+00"), ...many(6, 11, "2026-04-10 00:00:00+00"), ...many(16, 21, "2026-05-10 00:00:00+00")];
    const events: Array<[number, string]> = [
      [1, "2026-03-11 00:00:00+00"], // March: 1 of 3 in month 0
      [1, "2026-04-11 00:00:00+00"], // March: 2 of 3 in month 1
      [2, "2026-04-12 00:00:00+00"],
      [11, "2026-04-11 00:00:00+00"], // April: 1 of 6 in month 0
      [11, "2026-05-11 00:00:00+00"], // April: 5 of 6 in month 1
      [12, "2026-05-11 00:00:00+00"],
      [13, "2026-05-11 00:00:00+00"],
      [14, "2026-05-11 00:00:00+00"],
      [15, "2026-05-11 00:00:00+00"],
      [21, "2026-05-11 00:00:00+00"], // May: 1 of 16 in month 0
      [21, "2026-06-11 00:00:00+00"], // May: 3 of 16 in month 1
      [22, "2026-06-11 00:00:00+00"],
      [23, "2026-06-11 00:00:00+00"],
    ];
    await replaceData(users, events);
    const result = await learner.query();
    expect(result.values).toEqual([
      ["2026-03-01", 3, 33.3, 66.7, 0, 0],
      ["2026-04-01", 6, 16.7, 83.3, 0, null],
      ["2026-05-01", 16, 6.3, 18.8, null, null],
    ]);
  });
});

describe("months", () => {
  it("uses calendar months: the first of the next month is month 1, the 31st of the same month is month 0", async () => {
    await replaceData(
      [
        [1, "2026-01-31 23:00:00+00"],
        [2, "2026-01-01 00:00:00+00"],
        [3, "2026-01-15 12:00:00+00"],
      ],
      [
        [1, "2026-02-01 00:00:00+00"], // an hour after signing up: month 1
        [2, "2026-01-31 23:59:59.999999+00"], // almost 31 days after: still month 0
        [2, "2026-03-30 12:00:00+00"],
        [2, "2026-04-30 12:00:00+00"],
        [3, "2026-02-10 12:00:00+00"], // 26 days after: month 1
      ],
    );
    const result = await learner.query();
    expect(result.values).toEqual([["2026-01-01", 3, 33.3, 66.7, 33.3, 33.3]]);
  });

  it("counts months across New Year: a November cohort's months 2 and 3 are January and February", async () => {
    await replaceData(
      [
        [1, "2025-11-05 10:00:00+00"],
        [2, "2025-11-06 10:00:00+00"],
      ],
      [
        [1, "2026-01-05 10:00:00+00"],
        [2, "2026-02-05 10:00:00+00"],
        [2, "2026-03-05 10:00:00+00"],
      ],
    );
    const result = await learner.query();
    expect(result.values).toEqual([["2025-11-01", 2, 0, 0, 50, 50]]);
  });

  it("ignores activity four or more months after the cohort", async () => {
    await replaceData([[1, "2026-01-15 10:00:00+00"]], [[1, "2026-05-01 00:00:00+00"]]);
    const result = await learner.query();
    expect(result.values).toEqual([["2026-01-01", 1, 0, 0, 0, 0]]);
  });

  it.each(["America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata"])("gives the same answer when the session time zone is %s", async (zone) => {
    await db.query(`SET TIME ZONE '${zone}'`);
    const result = await learner.query();
    expect(result.values).toEqual(FIXTURE_RESULT);
  });
});

describe("the end of the data", () => {
  it("is NULL after the latest month with a sign-up or an event, and a number up to it", async () => {
    const result = await learner.query();
    const nulls = result.values.map((row) => row.slice(2).map((cell) => cell === null));
    expect(nulls).toEqual([
      [false, false, false, false],
      [false, false, false, false],
      [false, false, false, true],
      [false, false, true, true],
      [false, true, true, true],
    ]);
  });

  it("moves with a later event: an event in April 2026 makes March and April observed", async () => {
    await db.query("INSERT INTO events (id, user_id, occurred_at) VALUES (100, 11, '2026-04-01 00:00:00+00')");
    const result = await learner.query();
    expect(result.values).toEqual([
      ["2025-10-01", 4, 50, 50, 25, 25],
      ["2025-11-01", 3, 66.7, 33.3, 33.3, 0],
      ["2025-12-01", 2, 50, 0, 0, 0],
      ["2026-01-01", 1, 0, 0, 0, 0],
      ["2026-02-01", 1, 0, 0, 100, null],
    ]);
  });

  it("is the latest sign-up month when there are no events at all", async () => {
    await db.query("DELETE FROM events");
    const result = await learner.query();
    expect(result.values).toEqual([
      ["2025-10-01", 4, 0, 0, 0, 0],
      ["2025-11-01", 3, 0, 0, 0, 0],
      ["2025-12-01", 2, 0, 0, 0, null],
      ["2026-01-01", 1, 0, 0, null, null],
      ["2026-02-01", 1, 0, null, null, null],
    ]);
  });

  it("returns no rows when there are no users", async () => {
    await replaceData([], []);
    const result = await learner.query();
    expect(result.rows).toEqual([]);
  });
});

// --- Property: the result equals a model of the spec on random data. ---

/** Months are counted from November 2025 (index 0); three instants per month: its first, its middle, its last second. */
const monthStart = (index: number) => Date.UTC(2025, 10 + index, 1);
const instant = (month: number, position: number) => (position === 0 ? monthStart(month) : position === 1 ? monthStart(month) + 14.5 * 86_400_000 : monthStart(month + 1) - 1000);
const ZONES = ["UTC", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"];

interface Person {
  month: number;
  position: number;
  events: Array<{ after: number; position: number }>; // months after the sign-up month
}

function model(people: Person[]) {
  const signUp = (p: Person) => instant(p.month, p.position);
  const eventAt = (p: Person, e: Person["events"][number]) => Math.max(signUp(p), instant(p.month + e.after, e.position));
  const monthOf = (t: number) => {
    const d = new Date(t);
    return (d.getUTCFullYear() - 2025) * 12 + d.getUTCMonth() - 10;
  };
  let last = -1;
  for (const p of people) {
    last = Math.max(last, monthOf(signUp(p)));
    for (const e of p.events) last = Math.max(last, monthOf(eventAt(p, e)));
  }
  const cohorts = [...new Set(people.map((p) => monthOf(signUp(p))))].sort((a, b) => a - b);
  return cohorts.map((cohort) => {
    const members = people.filter((p) => monthOf(signUp(p)) === cohort);
    const cells = [0, 1, 2, 3].map((k) => {
      if (cohort + k > last) return null;
      const active = members.filter((p) => p.events.some((e) => monthOf(eventAt(p, e)) === cohort + k)).length;
      return Math.floor((2000 * active + members.length) / (2 * members.length)) / 10; // half up, in tenths
    });
    return [new Date(monthStart(cohort)).toISOString().slice(0, 10), members.length, ...cells];
  });
}

describe("property", () => {
  it("matches a model of the spec on random users and events, in random session time zones (seeded)", async () => {
    const eventArb = fc.record({ after: fc.integer({ min: 0, max: 4 }), position: fc.integer({ min: 0, max: 2 }) });
    const personArb = fc.record({ month: fc.integer({ min: 0, max: 4 }), position: fc.integer({ min: 0, max: 2 }), events: fc.array(eventArb, { maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(personArb, { maxLength: 12 }), fc.constantFrom(...ZONES), async (people, zone) => {
        const iso = (t: number) => new Date(t).toISOString();
        const users = people.map((p, i): [number, string] => [i + 1, iso(instant(p.month, p.position))]);
        const events = people.flatMap((p, i) => p.events.map((e): [number, string] => [i + 1, iso(Math.max(instant(p.month, p.position), instant(p.month + e.after, e.position)))]));
        await replaceData(users, events);
        await db.query(`SET TIME ZONE '${zone}'`);
        const result = await learner.query();
        expect(result.values).toEqual(model(people));
      }),
      { seed: 20251101, numRuns: 30 },
    );
  });
});
