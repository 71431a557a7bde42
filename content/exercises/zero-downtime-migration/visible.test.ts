import { db, learner, resetDatabase } from "deepend:sql";

// The table's file, and the rows changed so far in this transaction, read before and after each statement.
const PROBE = `SELECT c.relfilenode::bigint AS file,
       COALESCE(s.n_tup_ins, 0) + COALESCE(s.n_tup_upd, 0) + COALESCE(s.n_tup_del, 0) AS changed
FROM pg_class c LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid
WHERE c.oid = 'public.accounts'::regclass`;

interface Step {
  line: number;
  error?: string;
  rewrote: boolean;
  changed: number;
}

let steps: Step[] = [];

// The migration runs once, statement by statement, as a migration tool would run it.
beforeAll(async () => {
  await resetDatabase();
  for (const statement of learner.statements) {
    const before = (await db.query<{ file: number; changed: number }>(PROBE)).rows[0]!;
    let error: string | undefined;
    try {
      await db.query(statement.text);
    } catch (caught) {
      error = (caught as Error).message;
    }
    const after = (await db.query<{ file: number; changed: number }>(PROBE)).rows[0]!;
    steps.push({ line: statement.line, error, rewrote: after.file !== before.file, changed: after.changed - before.changed });
  }
});

describe("the migration", () => {
  it("runs every statement without an error", () => {
    expect(steps.filter((s) => s.error).map((s) => `line ${s.line}: ${s.error}`)).toEqual([]);
  });

  it("never rewrites the table (pg_class.relfilenode stays the same)", () => {
    expect(steps.filter((s) => s.rewrote).map((s) => `line ${s.line}`)).toEqual([]);
  });

  it("changes at most 100 rows per statement", () => {
    expect(steps.filter((s) => s.changed > 100).map((s) => `line ${s.line}: ${s.changed} rows`)).toEqual([]);
  });

  it("copies credit_cents into credit_cents_new for every account", async () => {
    const { rows } = await db.query("SELECT id FROM accounts WHERE credit_cents_new IS DISTINCT FROM credit_cents ORDER BY id");
    expect(rows).toEqual([]);
  });

  it("leaves accounts_credit_cents_new_check validated", async () => {
    const { rows } = await db.query(`SELECT convalidated FROM pg_constraint
      WHERE conrelid = 'public.accounts'::regclass AND conname = 'accounts_credit_cents_new_check'`);
    expect(rows).toEqual([{ convalidated: true }]);
  });
});
