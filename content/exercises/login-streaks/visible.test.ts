import { db, learner, resetDatabase } from "deepend:sql";

beforeEach(() => resetDatabase());

describe("longest login streak per user", () => {
  it("returns the example result for the schema's data", async () => {
    const result = await learner.query();
    expect(result.values).toEqual([
      [1, 4, "2026-01-30", "2026-02-02"],
      [2, 1, "2026-02-10", "2026-02-10"],
      [3, 3, "2026-02-01", "2026-02-03"],
      [5, 2, "2026-03-05", "2026-03-06"],
    ]);
  });

  it("returns the columns user_id, streak_days, first_day, last_day, with dates as date", async () => {
    const result = await learner.query();
    expect(result.fields.map((field) => field.name)).toEqual(["user_id", "streak_days", "first_day", "last_day"]);
    const [userId, streakDays, firstDay, lastDay] = result.fields.map((field) => field.type);
    expect(userId).toBe("integer");
    expect(["integer", "bigint"]).toContain(streakDays);
    expect(firstDay).toBe("date");
    expect(lastDay).toBe("date");
  });

  it("counts several logins on one day as one day", async () => {
    await db.query("INSERT INTO logins (id, user_id, logged_in_at) VALUES (100, 2, '2026-02-10 16:00:00+00'), (101, 2, '2026-02-10 17:00:00+00'), (102, 2, '2026-02-11 08:00:00+00')");
    const result = await learner.query();
    expect(result.rows.find((row) => row.user_id === 2)).toEqual({ user_id: 2, streak_days: 2, first_day: "2026-02-10", last_day: "2026-02-11" });
  });

  it("leaves out users who never logged in", async () => {
    const result = await learner.query();
    expect(result.rows.map((row) => row.user_id)).not.toContain(4);
  });
});
