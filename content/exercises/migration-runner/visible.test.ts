import { MigrationError, migrate, plan, type Database, type HistoryRow, type Migration, type Transaction } from "./solution";

/**
 * An in-memory database with transactions: statements and history rows of a transaction become
 * visible only when it commits. Opening a transaction inside another throws; work done with a
 * transaction after it ended is not applied and is listed in `late`.
 */
class FakeDb implements Database {
  history: HistoryRow[] = [];
  statements: string[] = [];
  /** One entry per transaction: what it did and how it ended. */
  transactions: { ops: string[]; outcome: "committed" | "rolled back" | "open" }[] = [];
  reads = 0;
  /** Calls made on a transaction after it had ended (a missing await). */
  late: string[] = [];
  /** Versions whose history insert the database rejects (a constraint violation, say). */
  rejectHistoryOf = new Set<number>();
  private open = false;

  constructor(history: HistoryRow[] = []) {
    this.history = history.map((row) => ({ ...row }));
  }

  async readHistory(): Promise<HistoryRow[]> {
    this.reads++;
    return this.history.map((row) => ({ ...row }));
  }

  async transaction(work: (tx: Transaction) => Promise<void>): Promise<void> {
    if (this.open) throw new Error("a transaction is already open on this connection");
    this.open = true;
    const record = { ops: [] as string[], outcome: "open" as "committed" | "rolled back" | "open" };
    this.transactions.push(record);
    const staged = { statements: [] as string[], history: [] as HistoryRow[] };
    let active = true;
    const ended = (what: string) => {
      if (active) return false;
      this.late.push(what);
      return true;
    };
    const tx: Transaction = {
      exec: async (sql) => {
        if (ended(`exec ${sql}`)) return;
        record.ops.push(`exec ${sql}`);
        staged.statements.push(sql);
      },
      insertHistory: async (row) => {
        if (ended(`history ${row.version}`)) return;
        if (this.rejectHistoryOf.has(row.version)) throw new Error(`duplicate key in history: ${row.version}`);
        record.ops.push(`history ${row.version}`);
        staged.history.push({ ...row });
      },
    };
    try {
      await work(tx);
      this.statements.push(...staged.statements);
      this.history.push(...staged.history);
      record.outcome = "committed";
    } catch (error) {
      record.outcome = "rolled back";
      throw error;
    } finally {
      active = false;
      this.open = false;
    }
  }
}

const migration = (version: number, checksum = `c${version}`, up?: (tx: Transaction) => Promise<void> | void): Migration => ({
  version,
  name: `migration ${version}`,
  checksum,
  up: up ?? ((tx) => tx.exec(`step ${version}`)),
});
const row = (version: number, checksum = `c${version}`): HistoryRow => ({ version, name: `migration ${version}`, checksum, appliedAt: 0 });

/** The code and version of the MigrationError that fn throws. */
function refusal(fn: () => unknown): [string, number] {
  try {
    fn();
  } catch (e) {
    if (e instanceof MigrationError) return [e.code, e.version];
    throw e;
  }
  throw new Error("expected a MigrationError");
}

describe("migration runner", () => {
  it("plans the pending migrations in ascending version order", () => {
    expect(plan([migration(2), migration(10), migration(1)], [])).toEqual([1, 2, 10]);
    expect(plan([migration(2), migration(10), migration(1)], [row(1), row(2)])).toEqual([10]);
  });

  it("refuses an edited applied migration and one missing from disk", () => {
    expect(refusal(() => plan([migration(1, "edited"), migration(2)], [row(1)]))).toEqual(["CHECKSUM_MISMATCH", 1]);
    expect(refusal(() => plan([migration(2)], [row(1), row(2)]))).toEqual(["MISSING_MIGRATION", 1]);
  });

  it("refuses a pending migration older than the latest applied one unless allowed", () => {
    const disk = [migration(1), migration(2), migration(3)];
    expect(refusal(() => plan(disk, [row(1), row(3)]))).toEqual(["OUT_OF_ORDER", 2]);
    expect(plan(disk, [row(1), row(3)], { allowOutOfOrder: true })).toEqual([2]);
  });

  it("applies each migration in its own transaction, with its history row", async () => {
    const db = new FakeDb();
    const applied = await migrate(db, [migration(2), migration(1)], { now: () => 42 });
    expect(applied).toEqual([1, 2]);
    expect(db.transactions).toEqual([
      { ops: ["exec step 1", "history 1"], outcome: "committed" },
      { ops: ["exec step 2", "history 2"], outcome: "committed" },
    ]);
    expect(db.history).toEqual([{ ...row(1), appliedAt: 42 }, { ...row(2), appliedAt: 42 }]);
  });

  it("stops at a failing migration, keeping the ones applied before it", async () => {
    const db = new FakeDb();
    const boom = new Error("syntax error");
    const disk = [migration(1), migration(2, "c2", () => { throw boom; }), migration(3)];
    const error = await migrate(db, disk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect([(error as MigrationError).code, (error as MigrationError).version, (error as MigrationError).applied]).toEqual(["MIGRATION_FAILED", 2, [1]]);
    expect((error as MigrationError).cause).toBe(boom);
    expect(db.history.map((r) => r.version)).toEqual([1]);
    expect(db.transactions.map((t) => t.outcome)).toEqual(["committed", "rolled back"]);
  });
});
