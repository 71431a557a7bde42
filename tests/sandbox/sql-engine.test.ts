// SQL exercises end to end through the supervisor: the deepend:sql module, per-run isolation,
// emulated transactions, plans, and the Run preview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import type { RunJob, RunResult, SandboxLimits } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 2000, wallMs: 10_000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };
const FIXTURE = `CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(8,2), added timestamptz);
INSERT INTO items VALUES (1, 'pen', 1.50, '2026-01-01T10:00:00Z'), (2, 'ink', NULL, NULL), (3, 'pad', 3.00, '2026-01-02T00:00:00Z');`;

let sandbox: SandboxSupervisor;
beforeAll(async () => {
  sandbox = new SandboxSupervisor({ workers: 1, queueLimit: 10 });
  await sandbox.ready();
}, 120_000);
afterAll(() => sandbox.close());

function sqlRun(script: string, tests: string, extra: Partial<RunJob> = {}): Promise<RunResult> {
  return sandbox.run({ solution: script, tests: [{ name: "visible.test.ts", code: tests }], limits: LIMITS, sql: { fixture: FIXTURE, script, preview: true }, ...extra });
}

const expectPassed = (result: RunResult) => expect(result.tests.filter((t) => t.status !== "passed").map((t) => `${t.name}: ${t.message}`), JSON.stringify(result.error)).toEqual([]);

describe("sql exercises", () => {
  it("runs the learner's SQL against the fixture and returns typed rows", async () => {
    const result = await sqlRun(
      "SELECT id, name, price, added FROM items ORDER BY id;",
      `import { learner, resetDatabase } from "deepend:sql";
       beforeEach(() => resetDatabase());
       it("rows", async () => {
         const r = await learner.query();
         expect(r.command).toBe("SELECT");
         expect(r.fields).toEqual([{ name: "id", type: "integer" }, { name: "name", type: "text" }, { name: "price", type: "numeric(8,2)" }, { name: "added", type: "timestamp with time zone" }]);
         expect(r.rows[0]).toEqual({ id: 1, name: "pen", price: 1.5, added: "2026-01-01T10:00:00+00:00" });
         expect(r.rows[1]).toEqual({ id: 2, name: "ink", price: null, added: null });
         expect(r.rowCount).toBe(3);
       });`,
    );
    expectPassed(result);
    expect(result.status, JSON.stringify(result.error)).toBe("passed");
    expect(result.sql?.statements[0]?.rows?.length).toBe(3);
    expect(result.sql?.statements[0]?.plan?.nodeType).toBe("Index Scan");
  }, 60_000);

  it("undoes each test's changes and every run's", async () => {
    const tests = `import { db, resetDatabase } from "deepend:sql";
       beforeEach(() => resetDatabase());
       it("deletes", async () => { expect((await db.query("DELETE FROM items WHERE id > $1", [1])).rowCount).toBe(2); });
       it("sees them again", async () => { expect((await db.query("SELECT count(*)::int AS n FROM items")).rows).toEqual([{ n: 3 }]); });
       it("drops the shared dataset", async () => { await db.query("DROP TABLE shop.orders CASCADE"); await db.query("SET work_mem = '64MB'"); await db.query("PREPARE p AS SELECT 1"); });`;
    expectPassed(await sqlRun("SELECT 1;", tests));
    const after = await sqlRun(
      "SELECT 1;",
      `import { db } from "deepend:sql";
       it("pristine", async () => {
         expect((await db.query("SELECT count(*)::int AS n FROM shop.orders")).rows).toEqual([{ n: 300000 }]);
         expect((await db.query("SHOW work_mem")).rows).toEqual([{ work_mem: "4MB" }]);
         expect((await db.query("SELECT count(*)::int AS n FROM pg_prepared_statements")).rows).toEqual([{ n: 0 }]);
         expect((await db.query("SELECT to_regclass('public.items') AS t")).rows).toEqual([{ t: null }]);
       });`,
    );
    expectPassed(after);
  }, 60_000);

  it("emulates transactions and keeps the role", async () => {
    const result = await sqlRun(
      "BEGIN; UPDATE items SET name = 'x'; ROLLBACK; BEGIN; UPDATE items SET name = 'y' WHERE id = 1; COMMIT; RESET ROLE; SELECT name FROM items ORDER BY id;",
      `import { learner, resetDatabase, db } from "deepend:sql";
       beforeEach(() => resetDatabase());
       it("rolls back and commits", async () => {
         const results = await learner.run();
         expect(results.map((r) => r instanceof Error ? "error: " + r.message : r.command)).toEqual(["BEGIN", "UPDATE", "ROLLBACK", "BEGIN", "UPDATE", "COMMIT", expect.stringContaining("cannot set parameter"), "SELECT"]);
         expect((results[7] as any).rows.map((r: any) => r.name)).toEqual(["y", "ink", "pad"]);
         expect((await db.query("SELECT current_user AS u")).rows).toEqual([{ u: "learner" }]);
       });
       it("db.transaction commits or rolls back", async () => {
         await db.transaction(async (tx) => { await tx.query("DELETE FROM items WHERE id = 1"); });
         await expect(db.transaction(async (tx) => { await tx.query("DELETE FROM items"); throw new Error("boom"); })).rejects.toThrow("boom");
         expect((await db.query("SELECT id FROM items ORDER BY id")).values).toEqual([[2], [3]]);
       });
       it("keeps the work of overlapping transactions that commit (they share the one session)", async () => {
         await Promise.all([
           db.transaction(async (tx) => { await tx.query("UPDATE items SET name = 'a' WHERE id = 1"); await new Promise((r) => setTimeout(r, 10)); await tx.query("UPDATE items SET price = 9 WHERE id = 1"); }),
           db.transaction(async (tx) => { await tx.query("UPDATE items SET name = 'b' WHERE id = 2"); await new Promise((r) => setTimeout(r, 20)); }),
           db.query("UPDATE items SET name = 'c' WHERE id = 3"),
         ]);
         expect((await db.query("SELECT name, price::int AS price FROM items ORDER BY id")).values).toEqual([["a", 9], ["b", null], ["c", 3]]);
       });
       it("does not deadlock when a transaction's callback uses db instead of tx", async () => {
         await db.transaction(async () => { await db.query("DELETE FROM items WHERE id = 3"); });
         expect((await db.query("SELECT count(*)::int AS n FROM items")).rows).toEqual([{ n: 2 }]);
       });
       it("runs a script in one call, all or nothing", async () => {
         await db.exec("INSERT INTO items VALUES (10, 'ten', 1, NULL); INSERT INTO items VALUES (11, 'eleven', 1, NULL)");
         await expect(db.exec("INSERT INTO items VALUES (12, 'twelve', 1, NULL);\nINSERT INTO items VALUES (10, 'dup', 1, NULL)")).rejects.toMatchObject({ code: "23505" });
         expect((await db.query("SELECT count(*)::int AS n FROM items")).rows).toEqual([{ n: 5 }]);
       });`,
    );
    expectPassed(result);
  }, 60_000);

  it("asserts on plans", async () => {
    const result = await sqlRun(
      "CREATE INDEX orders_customer_idx ON shop.orders (customer_id); SELECT id FROM shop.orders WHERE customer_id = 42;",
      `import { learner, expectPlan, explain } from "deepend:sql";
       it("seq scan before, index after", async () => {
         expectPlan("SELECT id FROM shop.orders WHERE customer_id = 42").toContain("Seq Scan", { on: "orders" });
         await learner.run();
         expectPlan(learner.statements[1].text).not.toContain("Seq Scan", { on: "orders" });
         expectPlan(learner.statements[1].text).toUseIndex("orders_customer_idx");
         const plan = explain(learner.statements[1].text, { analyze: true });
         expect(plan.rowsExamined).toBe(15);
         expectPlan(plan).toExamineAtMost(15);
       });`,
    );
    expectPassed(result);
  }, 60_000);

  it("reports a learner error with its line and column", async () => {
    const result = await sqlRun(
      "SELECT 1;\nSELECT nme\n  FROM items;",
      `import { learner, resetDatabase } from "deepend:sql";
       beforeEach(() => resetDatabase());
       it("errors", async () => {
         await expect(learner.query()).rejects.toMatchObject({ code: "42703", line: 2, column: 8 });
       });`,
    );
    expectPassed(result);
    expect(result.sql?.statements[1]?.error, JSON.stringify(result.sql)).toMatchObject({ code: "42703", line: 2 });
  }, 60_000);
});
