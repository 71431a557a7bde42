import fc from "fast-check";
import { db, learner, resetDatabase } from "deepend:sql";

beforeEach(() => resetDatabase());
// Some tests change the session's time zone; put it back for the next test.
afterEach(async () => {
  await db.query("RESET TIME ZONE");
});

let nextLoginId = 1000;

/** Creates the user if needed and adds logins at the given instants, in one script. */
async function addLogins(userId: number, instants: string[]) {
  const logins = instants.map((at) => `(${nextLoginId++}, ${userId}, '${at}')`).join(", ");
  await db.exec(`INSERT INTO users (id, name) VALUES (${userId}, 'user ${userId}') ON CONFLICT (id) DO NOTHING;
    INSERT INTO logins (id, user_id, logged_in_at) VALUES ${logins}`);
}

async function streakOf(userId: number) {
  const result = await learner.query();
  const row = result.rows.find((r) => r.user_id === userId);
  return row === undefined ? undefined : [row.streak_days, row.first_day, row.last_day];
}

const FIXTURE_RESULT = [
  [1, 4, "2026-01-30", "2026-02-02"],
  [2, 1, "2026-02-10", "2026-02-10"],
  [3, 3, "2026-02-01", "2026-02-03"],
  [5, 2, "2026-03-05", "2026-03-06"],
];

describe("days", () => {
  it("counts a day once however many logins it has, inside a streak as well as at its ends", async () => {
    await addLogins(10, [
      "2026-04-01 08:00:00+00",
      "2026-04-02 08:00:00+00",
      "2026-04-02 09:00:00+00",
      "2026-04-02 10:00:00+00",
      "2026-04-03 08:00:00+00",
      // a later 2-day streak with five logins must not beat the 3-day one
      "2026-04-10 01:00:00+00",
      "2026-04-10 02:00:00+00",
      "2026-04-10 03:00:00+00",
      "2026-04-11 01:00:00+00",
      "2026-04-11 02:00:00+00",
    ]);
    expect(await streakOf(10)).toEqual([3, "2026-04-01", "2026-04-03"]);
  });

  it("puts 23:59:59.999999 and the next 00:00:00 UTC on consecutive days", async () => {
    await addLogins(11, ["2026-05-01 23:59:59.999999+00", "2026-05-02 00:00:00+00", "2026-05-04 00:00:00+00"]);
    expect(await streakOf(11)).toEqual([2, "2026-05-01", "2026-05-02"]);
  });

  it.each(["America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata"])("gives the same answer when the session time zone is %s", async (zone) => {
    await addLogins(12, ["2026-06-01 23:30:00+00", "2026-06-02 00:30:00+00", "2026-06-03 23:59:00+00"]);
    await db.query(`SET TIME ZONE '${zone}'`);
    const result = await learner.query();
    expect(result.values).toEqual([...FIXTURE_RESULT, [12, 3, "2026-06-01", "2026-06-03"]]);
  });

  it("uses calendar dates, not 24-hour windows between logins", async () => {
    // 47 h apart on consecutive days; then 25 h apart with a missing day between
    await addLogins(13, ["2026-07-01 00:30:00+00", "2026-07-02 23:30:00+00", "2026-07-04 00:30:00+00", "2026-07-05 00:10:00+00", "2026-07-05 23:59:00+00"]);
    expect(await streakOf(13)).toEqual([2, "2026-07-01", "2026-07-02"]);
  });
});

describe("streaks", () => {
  it("continues a streak across the end of a month and of a year", async () => {
    await addLogins(14, ["2025-12-30 12:00:00+00", "2025-12-31 12:00:00+00", "2026-01-01 12:00:00+00", "2026-01-02 12:00:00+00", "2026-01-31 12:00:00+00", "2026-02-01 12:00:00+00"]);
    expect(await streakOf(14)).toEqual([4, "2025-12-30", "2026-01-02"]);
  });

  it("knows 29 February exists in 2028 and not in 2027", async () => {
    await addLogins(15, ["2027-02-27 10:00:00+00", "2027-02-28 10:00:00+00", "2027-03-01 10:00:00+00"]);
    await addLogins(16, ["2028-02-28 10:00:00+00", "2028-03-01 10:00:00+00", "2028-03-02 10:00:00+00"]);
    expect(await streakOf(15)).toEqual([3, "2027-02-27", "2027-03-01"]);
    expect(await streakOf(16)).toEqual([2, "2028-03-01", "2028-03-02"]);
  });

  it("breaks a streak at a single missing day", async () => {
    await addLogins(17, ["2026-08-03 10:00:00+00", "2026-08-05 10:00:00+00", "2026-08-07 10:00:00+00"]);
    expect(await streakOf(17)).toEqual([1, "2026-08-03", "2026-08-03"]);
  });

  it("picks the earliest of equally long streaks whatever order the logins were inserted in", async () => {
    await addLogins(18, ["2026-09-20 10:00:00+00", "2026-09-21 10:00:00+00", "2026-09-10 10:00:00+00", "2026-09-11 10:00:00+00", "2026-09-01 10:00:00+00"]);
    expect(await streakOf(18)).toEqual([2, "2026-09-10", "2026-09-11"]);
  });

  it("prefers a longer later streak to a shorter earlier one", async () => {
    await addLogins(19, ["2026-10-01 10:00:00+00", "2026-10-02 10:00:00+00", "2026-10-20 10:00:00+00", "2026-10-21 10:00:00+00", "2026-10-22 10:00:00+00"]);
    expect(await streakOf(19)).toEqual([3, "2026-10-20", "2026-10-22"]);
  });

  it("gives a user with a single login a 1-day streak on that day, ordered by user id among the others", async () => {
    await addLogins(20, ["2026-11-11 11:11:00+00"]);
    await addLogins(0, ["2026-11-12 23:59:59+00"]);
    await db.query("INSERT INTO users (id, name) VALUES (21, 'no logins')");
    const result = await learner.query();
    expect(result.values).toEqual([[0, 1, "2026-11-12", "2026-11-12"], ...FIXTURE_RESULT, [20, 1, "2026-11-11", "2026-11-11"]]);
  });

  it("returns no rows when nobody has logged in", async () => {
    await db.query("DELETE FROM logins");
    const result = await learner.query();
    expect(result.rows).toEqual([]);
  });
});

// --- Property: the result equals a model of the spec on random logins. ---

const DAY_MS = 86_400_000;
// The ten days of a run start on one of these: they cross the end of a year, or February in a leap year.
const STARTS = [Date.UTC(2025, 11, 27), Date.UTC(2028, 1, 24)];
const ZONES = ["UTC", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"];

interface Login {
  user: number;
  day: number; // days after the run's start
  second: number; // second of that UTC day
}

function model(start: number, logins: Login[]) {
  const days = new Map<number, Set<number>>();
  for (const l of logins) {
    if (!days.has(l.user)) days.set(l.user, new Set());
    days.get(l.user)!.add(l.day);
  }
  const iso = (day: number) => new Date(start + day * DAY_MS).toISOString().slice(0, 10);
  return [...days.keys()]
    .sort((a, b) => a - b)
    .map((user) => {
      const sorted = [...days.get(user)!].sort((a, b) => a - b);
      let best = { length: 0, first: 0, last: 0 };
      let first = sorted[0]!;
      sorted.forEach((day, i) => {
        if (i > 0 && day !== sorted[i - 1]! + 1) first = day;
        if (day - first + 1 > best.length) best = { length: day - first + 1, first, last: day };
      });
      return [user, best.length, iso(best.first), iso(best.last)];
    });
}

describe("property", () => {
  it("matches a model of the spec on random logins, in random session time zones (seeded)", async () => {
    const loginArb = fc.record({ user: fc.integer({ min: 1, max: 5 }), day: fc.integer({ min: 0, max: 9 }), second: fc.constantFrom(0, 1, 3_600, 43_200, 82_800, 86_399) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STARTS), fc.array(loginArb, { maxLength: 30 }), fc.constantFrom(...ZONES), async (start, logins, zone) => {
        const script = ["DELETE FROM logins"];
        if (logins.length > 0) {
          const values = logins.map((l, i) => `(${i + 1}, ${l.user}, '${new Date(start + l.day * DAY_MS + l.second * 1000).toISOString()}')`);
          script.push(`INSERT INTO logins (id, user_id, logged_in_at) VALUES ${values.join(", ")}`);
        }
        script.push(`SET TIME ZONE '${zone}'`);
        await db.exec(script.join(";\n"));
        const result = await learner.query();
        expect(result.values).toEqual(model(start, logins));
      }),
      { seed: 20260225, numRuns: 30 },
    );
  });
});
