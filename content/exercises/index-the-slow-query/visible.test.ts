import { expectPlan, learner, type QueryResult, resetDatabase, type SqlError } from "deepend:sql";

const QUERY = `SELECT id, total_cents, created_at FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid' ORDER BY created_at DESC LIMIT 3`;

let results: Array<QueryResult | SqlError> = [];

// Creating an index on 300,000 rows takes a moment: the script runs once, and the tests read plans.
beforeAll(async () => {
  await resetDatabase();
  results = await learner.run();
});

describe("customer 4244's latest paid orders", () => {
  it("returns the three latest paid orders, newest first", async () => {
    const result = results[results.length - 1];
    if (!result || result instanceof Error) throw result ?? new Error("The script has no statements");
    expect(result.fields.map((f) => f.name)).toEqual(["id", "total_cents", "created_at"]);
    expect(result.rows).toEqual([
      { id: 111997, total_cents: 5779, created_at: "2025-12-08T04:16:53+00:00" },
      { id: 251997, total_cents: 17279, created_at: "2025-11-12T22:43:33+00:00" },
      { id: 11997, total_cents: 18779, created_at: "2025-11-04T01:23:33+00:00" },
    ]);
  });

  it("finds the rows through an index: no Seq Scan on orders", async () => {
    await expectPlan(QUERY).not.toContain("Seq Scan", { on: "orders" });
  });

  it("takes the rows from the index already in created_at order: no Sort", async () => {
    await expectPlan(QUERY).not.toContain("Sort");
  });

  it("walks only this customer's entries in the index: estimated cost below 100", async () => {
    await expectPlan(QUERY).toCostLessThan(100);
  });

  it("reads only the three rows it returns", async () => {
    await expectPlan(QUERY, { analyze: true }).toExamineAtMost(3);
  });
});
