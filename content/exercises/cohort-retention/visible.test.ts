import { db, learner, resetDatabase } from "deepend:sql";

beforeEach(() => resetDatabase());

describe("monthly cohort retention", () => {
  it("returns the example result for the schema's data", async () => {
    const result = await learner.query();
    expect(result.values).toEqual([
      ["2025-10-01", 4, 50, 50, 25, 25],
      ["2025-11-01", 3, 66.7, 33.3, 33.3, 0],
      ["2025-12-01", 2, 50, 0, 0, null],
      ["2026-01-01", 1, 0, 0, null, null],
      ["2026-02-01", 1, 0, null, null, null],
    ]);
  });

  it("returns the columns cohort (date), cohort_size (bigint), month_0 to month_3 (numeric)", async () => {
    const result = await learner.query();
    expect(result.fields).toEqual([
      { name: "cohort", type: "date" },
      { name: "cohort_size", type: "bigint" },
      { name: "month_0", type: "numeric" },
      { name: "month_1", type: "numeric" },
      { name: "month_2", type: "numeric" },
      { name: "month_3", type: "numeric" },
    ]);
  });

  it("counts a user who never had an event in the cohort's size", async () => {
    await db.query("INSERT INTO users (id, signed_up_at) VALUES (100, '2025-10-10 10:00:00+00')");
    const result = await learner.query();
    expect(result.values[0]).toEqual(["2025-10-01", 5, 40, 40, 20, 20]);
  });

  it("counts a user with many events in a month once", async () => {
    await db.query(
      "INSERT INTO events (id, user_id, occurred_at) VALUES (100, 8, '2025-12-04 08:00:00+00'), (101, 8, '2025-12-05 08:00:00+00'), (102, 8, '2025-12-06 08:00:00+00')",
    );
    const result = await learner.query();
    expect(result.values[2]).toEqual(["2025-12-01", 2, 50, 0, 0, null]);
  });
});
