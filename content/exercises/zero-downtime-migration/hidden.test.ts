import { db, learner, resetDatabase } from "deepend:sql";

/** What the checker saw around one statement of the migration. */
interface Step {
  line: number;
  text: string;
  error?: string;
  /** The statement changed the table's definition (DDL). */
  ddl: boolean;
  /** It is `ALTER TABLE accounts VALIDATE CONSTRAINT <name>` and nothing else. */
  validate: boolean;
  /** relfilenode changed: the rows were written into a new file. */
  rewrote: boolean;
  /** Sequential and index scans of accounts during the statement. */
  scans: number;
  /** Rows of accounts inserted, updated or deleted by the statement. */
  changed: number;
  /** A user trigger on accounts existed when the statement started. */
  triggerBefore: boolean;
}

const PROBE = `SELECT c.relfilenode::bigint AS file,
       COALESCE(s.seq_scan, 0) + COALESCE(s.idx_scan, 0) AS scans,
       COALESCE(s.n_tup_ins, 0) + COALESCE(s.n_tup_upd, 0) + COALESCE(s.n_tup_del, 0) AS changed,
       (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers
FROM pg_class c
LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid
WHERE c.oid = 'public.accounts'::regclass`;

type Probe = { file: number; scans: number; changed: number; triggers: number };

/** A statement without comments, whitespace collapsed, without its final semicolon, in lower case. */
const normalise = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s*;\s*$/, "")
    .trim()
    .toLowerCase();

const TRANSACTION_CONTROL = /^(begin|start transaction|commit|end|rollback|abort|savepoint|release)\b/;
const DDL = /^(alter|create|drop|cluster|reindex|truncate|comment|lock|grant|revoke|security label)\b/;
const VALIDATE_ONLY = /^alter table (if exists )?(only )?(public\.)?"?accounts"? validate constraint "?[a-z_][a-z0-9_$]*"?$/;

/** Runs the learner's statements one by one, probing accounts around each. */
async function migrate(): Promise<Step[]> {
  const steps: Step[] = [];
  for (const statement of learner.statements) {
    const sql = normalise(statement.text);
    const step: Step = {
      line: statement.line,
      text: statement.text.trim().split("\n")[0]!,
      ddl: DDL.test(sql),
      validate: VALIDATE_ONLY.test(sql),
      rewrote: false,
      scans: 0,
      changed: 0,
      triggerBefore: false,
    };
    steps.push(step);
    if (TRANSACTION_CONTROL.test(sql)) {
      step.error = "transaction control: the checker runs each statement as its own transaction";
      continue;
    }
    const before = (await db.query<Probe>(PROBE)).rows[0]!;
    step.triggerBefore = before.triggers > 0;
    try {
      await db.query(statement.text);
    } catch (error) {
      step.error = (error as Error).message;
    }
    const after = (await db.query<Probe>(PROBE)).rows[0]!;
    step.rewrote = after.file !== before.file;
    step.scans = after.scans - before.scans;
    step.changed = after.changed - before.changed;
  }
  return steps;
}

/** Runs fn, then undoes whatever it changed (the migrated state stays for the next test). */
async function thenUndo(fn: () => Promise<void>): Promise<void> {
  const undo = new Error("undo");
  try {
    await db.transaction(async () => {
      await fn();
      throw undo;
    });
  } catch (error) {
    if (error !== undo) throw error;
  }
}

/** The error a statement fails with, or null; a failure is rolled back and leaves the transaction usable. */
async function errorOf(sql: string): Promise<{ code?: string; message: string } | null> {
  try {
    await db.transaction((tx) => tx.query(sql));
    return null;
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

const ORIGINAL = "SELECT id, email, credit_cents, created_at FROM accounts ORDER BY id";
let original: unknown[] = [];
let steps: Step[] = [];

beforeAll(async () => {
  await resetDatabase();
  original = (await db.query(ORIGINAL)).rows;
  steps = await migrate();
});

describe("running the migration", () => {
  it("runs every statement without an error", () => {
    expect(steps.filter((s) => s.error).map((s) => `line ${s.line}: ${s.text} -> ${s.error}`)).toEqual([]);
  });

  it("has no BEGIN, COMMIT or ROLLBACK: each statement is its own transaction", () => {
    const grouped = learner.statements.filter((s) => TRANSACTION_CONTROL.test(normalise(s.text)));
    expect(grouped.map((s) => `line ${s.line}: ${s.text.trim()}`)).toEqual([]);
  });
});

describe("no downtime", () => {
  it("never rewrites accounts: its relfilenode stays the same after every statement", () => {
    expect(steps.filter((s) => s.rewrote).map((s) => `line ${s.line}: ${s.text}`)).toEqual([]);
  });

  it("no DDL statement reads the rows of accounts, except a VALIDATE CONSTRAINT of its own", () => {
    const offenders = steps.filter((s) => s.ddl && !s.validate && s.scans > 0);
    expect(offenders.map((s) => `line ${s.line}: ${s.text}`)).toEqual([]);
  });

  it("no statement changes more than 100 rows of accounts", () => {
    const offenders = steps.filter((s) => s.changed > 100);
    expect(offenders.map((s) => `line ${s.line}: ${s.text} changed ${s.changed} rows`)).toEqual([]);
  });

  it("the sync trigger exists before the first row is backfilled", () => {
    const first = steps.find((s) => s.changed > 0);
    expect(first ? `line ${first.line}: trigger in place: ${first.triggerBefore}` : "no statement changed a row").toBe(
      `line ${first?.line}: trigger in place: true`,
    );
  });

  it("the constraint is validated by an ALTER TABLE ... VALIDATE CONSTRAINT statement", () => {
    expect(steps.some((s) => s.validate && !s.error)).toBe(true);
  });
});

describe("the end state", () => {
  it("credit_cents_new is a plain bigint column with a validated NOT NULL", async () => {
    const { rows } = await db.query(`SELECT format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated,
        a.attnotnull AS not_null,
        (SELECT bool_and(c.convalidated) FROM pg_constraint c
          WHERE c.conrelid = a.attrelid AND c.contype = 'n' AND c.conkey = ARRAY[a.attnum]) AS not_null_validated
      FROM pg_attribute a
      WHERE a.attrelid = 'public.accounts'::regclass AND a.attname = 'credit_cents_new' AND NOT a.attisdropped`);
    expect(rows).toEqual([{ type: "bigint", generated: false, not_null: true, not_null_validated: true }]);
  });

  it("credit_cents_new defaults to 0 for a row that does not set it", async () => {
    await thenUndo(async () => {
      // Without the sync trigger, to see the column's own default.
      await db.query("ALTER TABLE accounts DISABLE TRIGGER USER");
      const inserted = await errorOf(`INSERT INTO accounts (id, email, credit_cents, created_at)
        VALUES (502, 'default@example.com', 900, '2026-03-01 09:00:00+00')`);
      expect(inserted).toBeNull();
      expect((await db.query("SELECT credit_cents_new FROM accounts WHERE id = 502")).rows).toEqual([{ credit_cents_new: 0 }]);
    });
  });

  it("every account has credit_cents_new = credit_cents, the batch edges and the largest balances included", async () => {
    const { rows } = await db.query(
      "SELECT id, credit_cents, credit_cents_new FROM accounts WHERE credit_cents_new IS DISTINCT FROM credit_cents ORDER BY id",
    );
    expect(rows).toEqual([]);
    expect((await db.query("SELECT count(*)::int AS n FROM accounts")).rows).toEqual([{ n: 500 }]);
    expect((await db.query("SELECT credit_cents_new FROM accounts WHERE id = 500")).rows).toEqual([{ credit_cents_new: 2147480500 }]);
  });

  it("leaves the existing columns and their values unchanged, credit_cents still an integer", async () => {
    expect((await db.query(ORIGINAL)).rows).toEqual(original);
    const { rows } = await db.query(`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = 'public.accounts'::regclass AND attname = 'credit_cents'`);
    expect(rows).toEqual([{ type: "integer" }]);
  });

  it("accounts_credit_cents_new_check exists and is validated", async () => {
    const { rows } = await db.query(`SELECT contype, convalidated FROM pg_constraint
      WHERE conrelid = 'public.accounts'::regclass AND conname = 'accounts_credit_cents_new_check'`);
    expect(rows).toEqual([{ contype: "c", convalidated: true }]);
  });

  it("accounts_credit_cents_new_check rejects a negative credit_cents_new and accepts zero", async () => {
    await thenUndo(async () => {
      // Without the sync trigger, to write the new column directly.
      await db.query("ALTER TABLE accounts DISABLE TRIGGER USER");
      const negative = await errorOf("UPDATE accounts SET credit_cents_new = -1 WHERE id = 7");
      expect(negative?.code).toBe("23514");
      expect(negative?.message).toContain("accounts_credit_cents_new_check");
      expect(await errorOf("UPDATE accounts SET credit_cents_new = 0 WHERE id = 7")).toBeNull();
    });
  });
});

describe("the old code during the rollout", () => {
  it("an account it inserts without credit_cents_new gets the copy", async () => {
    await thenUndo(async () => {
      await db.query(`INSERT INTO accounts (id, email, credit_cents, created_at)
        VALUES (501, 'new@example.com', 700, '2026-03-01 09:00:00+00')`);
      expect((await db.query("SELECT credit_cents_new FROM accounts WHERE id = 501")).rows).toEqual([{ credit_cents_new: 700 }]);
    });
  });

  it("a balance it changes is copied, up to the largest integer balance", async () => {
    await thenUndo(async () => {
      await db.query("UPDATE accounts SET credit_cents = credit_cents + 250 WHERE id = 42");
      await db.query("UPDATE accounts SET credit_cents = 2147483647 WHERE id = 450");
      const { rows } = await db.query("SELECT id, credit_cents, credit_cents_new FROM accounts WHERE id IN (42, 450) ORDER BY id");
      expect(rows.map((r) => r.credit_cents_new)).toEqual(rows.map((r) => r.credit_cents));
      expect(rows[1]).toEqual({ id: 450, credit_cents: 2147483647, credit_cents_new: 2147483647 });
    });
  });

  it("an update of other columns leaves the copy right", async () => {
    await thenUndo(async () => {
      await db.query("UPDATE accounts SET email = 'renamed@example.com' WHERE id = 100");
      expect((await db.query("SELECT credit_cents_new = credit_cents AS same FROM accounts WHERE id = 100")).rows).toEqual([{ same: true }]);
    });
  });
});
