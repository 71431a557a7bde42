import { db, expectPlan, learner, resetDatabase, type QueryResult, type SqlError } from "deepend:sql";

/** The query of the exercise, for any customer. */
const queryFor = (customerId: number) => `SELECT id, total_cents, created_at FROM shop.orders
WHERE customer_id = ${customerId} AND status = 'paid' ORDER BY created_at DESC LIMIT 3`;

/** A statement without comments, with runs of whitespace and the space around punctuation removed. */
const normalise = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s*([=,()])\s*/g, "$1")
    .replace(/\s*;\s*$/, "")
    .trim()
    .toLowerCase();

const isError = (result: QueryResult | SqlError): result is SqlError => (result as SqlError).name === "SqlError";

const lastStatement = () => learner.statements[learner.statements.length - 1]?.text ?? "";

/** Runs fn with extra rows in shop.orders, then removes them again (the learner's index stays). */
async function withOrders<T>(insert: string, fn: () => Promise<T>): Promise<T> {
  const undo = new Error("undo the test data");
  let value: T | undefined;
  try {
    await db.transaction(async (tx) => {
      await tx.query(insert);
      value = await fn();
      throw undo;
    });
  } catch (error) {
    if (error !== undo) throw error;
  }
  return value as T;
}

let results: Array<QueryResult | SqlError> = [];

// Creating an index on 300,000 rows takes a moment: the script runs once, the tests read plans and
// add their own rows inside a savepoint that they roll back.
beforeAll(async () => {
  await resetDatabase();
  results = await learner.run();
});

describe("the script", () => {
  it("runs without errors", () => {
    expect(results.filter(isError).map((error) => error.message)).toEqual([]);
  });

  it("is CREATE INDEX statements followed by the query, unchanged", () => {
    const statements = learner.statements.map((statement) => normalise(statement.text));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const statement of statements.slice(0, -1)) expect(statement).toMatch(/^create (unique )?index\b/);
    expect(statements[statements.length - 1]).toBe(normalise(queryFor(4244)));
  });
});

describe("the result", () => {
  it("is customer 4244's three latest paid orders, newest first", () => {
    const last = results[results.length - 1];
    expect(last && !isError(last) ? last.rows : last).toEqual([
      { id: 111997, total_cents: 5779, created_at: "2025-12-08T04:16:53+00:00" },
      { id: 251997, total_cents: 17279, created_at: "2025-11-12T22:43:33+00:00" },
      { id: 11997, total_cents: 18779, created_at: "2025-11-04T01:23:33+00:00" },
    ]);
  });

  it("still matches the original query when the customer places newer orders that are not paid", async () => {
    const insert = `INSERT INTO shop.orders (id, customer_id, status, total_cents, created_at) VALUES
      (1000001, 4244, 'refunded', 900, '2026-01-05 10:00:00+00'),
      (1000002, 4244, 'pending', 1200, '2026-01-04 10:00:00+00'),
      (1000003, 4244, 'paid', 4500, '2026-01-03 10:00:00+00'),
      (1000004, 4244, 'shipped', 700, '2026-01-02 10:00:00+00')`;
    const [learners, original] = await withOrders(insert, async () => [
      (await db.query(lastStatement())).rows,
      (await db.query(queryFor(4244))).rows,
    ]);
    expect(original.map((row) => row.id)).toEqual([1000003, 111997, 251997]);
    expect(learners).toEqual(original);
  });
});

describe("the plan for customer 4244", () => {
  it("finds the rows through an index on orders, not a Seq Scan", async () => {
    await expectPlan(queryFor(4244)).not.toContain("Seq Scan", { on: "orders" });
    await expectPlan(queryFor(4244)).toUseIndex(undefined, { on: "orders" });
  });

  it("has no Sort: the index hands the rows over in created_at order", async () => {
    await expectPlan(queryFor(4244)).not.toContain("Sort");
  });

  it("reads only the three rows it returns", async () => {
    await expectPlan(queryFor(4244), { analyze: true }).toExamineAtMost(3);
  });

  it("walks only this customer's index entries: estimated cost below 100", async () => {
    await expectPlan(queryFor(4244)).toCostLessThan(100);
  });

  it("is the plan of the query as the script wrote it too", async () => {
    await expectPlan(lastStatement(), { analyze: true }).not.toContain("Seq Scan", { on: "orders" });
    await expectPlan(lastStatement(), { analyze: true }).not.toContain("Sort");
  });
});

describe("every customer", () => {
  it.each([17, 9001, 20000])("customer %i: an index scan in created_at order reading three rows", async (customerId) => {
    await expectPlan(queryFor(customerId)).not.toContain("Seq Scan", { on: "orders" });
    await expectPlan(queryFor(customerId)).not.toContain("Sort");
    await expectPlan(queryFor(customerId), { analyze: true }).toExamineAtMost(3);
    await expectPlan(queryFor(customerId)).toCostLessThan(100);
  });

  it("a customer without paid orders (4242, all shipped): the scan reads no rows at all", async () => {
    await expectPlan(queryFor(4242)).not.toContain("Seq Scan", { on: "orders" });
    await expectPlan(queryFor(4242), { analyze: true }).toExamineAtMost(0);
    await expectPlan(queryFor(4242)).toCostLessThan(100);
  });

  it("a reseller with 500 more orders, the latest 50 refunded: no Sort, still three rows read", async () => {
    const insert = `INSERT INTO shop.orders (id, customer_id, status, total_cents, created_at)
      SELECT 1000000 + k, 17,
             CASE WHEN k > 450 THEN 'refunded' ELSE (ARRAY['paid', 'shipped', 'pending', 'paid'])[1 + k % 4] END,
             1000 + k, timestamptz '2026-01-01 00:00:00+00' + k * interval '1 minute'
      FROM generate_series(1, 500) AS k`;
    await withOrders(insert, async () => {
      const rows = (await db.query(queryFor(17))).rows;
      expect(rows.map((row) => row.id)).toEqual([1000448, 1000447, 1000444]);
      await expectPlan(queryFor(17)).not.toContain("Sort");
      await expectPlan(queryFor(17), { analyze: true }).toExamineAtMost(3);
    });
  });
});
