import fc from "fast-check";
import { MigrationError, migrate, plan, type Database, type HistoryRow, type Migration, type MigrateOptions, type Transaction } from "./solution";

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

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk sequence and the wrong answer).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

const migration = (version: number, checksum = `c${version}`, up?: (tx: Transaction) => Promise<void> | void): Migration => ({
  version,
  name: `migration ${version}`,
  checksum,
  up: up ?? ((tx) => tx.exec(`step ${version}`)),
});
const row = (version: number, checksum = `c${version}`): HistoryRow => ({ version, name: `migration ${version}`, checksum, appliedAt: 0 });

/** What a call did, as text: its value, or the MigrationError's code, version and applied list. */
function outcome(fn: () => unknown): string {
  try {
    return `returned ${JSON.stringify(fn())}`;
  } catch (e) {
    if (e instanceof MigrationError) return `threw ${e.code} ${e.version} applied ${JSON.stringify(e.applied)}`;
    return `threw ${String(e)}`;
  }
}

async function outcomeAsync(fn: () => Promise<unknown>): Promise<string> {
  try {
    return `returned ${JSON.stringify(await fn())}`;
  } catch (e) {
    if (e instanceof MigrationError) return `threw ${e.code} ${e.version} applied ${JSON.stringify(e.applied)}`;
    return `threw ${String(e)}`;
  }
}

describe("migration runner: plan", () => {
  it("refuses duplicate versions first, naming the lowest, before looking at the history", () => {
    expect(outcome(() => plan([migration(7), migration(3), migration(7, "x"), migration(3, "y")], [row(99)]))).toBe("threw DUPLICATE_VERSION 3 applied []");
    expect(outcome(() => plan([migration(1), migration(1)], []))).toBe("threw DUPLICATE_VERSION 1 applied []");
  });

  it("checks history rows in ascending version order, whatever order they come in", () => {
    const disk = [migration(1), migration(2, "edited"), migration(4, "edited")];
    expect(outcome(() => plan(disk, [row(4), row(3), row(2), row(1)]))).toBe("threw CHECKSUM_MISMATCH 2 applied []");
    expect(outcome(() => plan(disk, [row(4), row(3), row(1)]))).toBe("threw MISSING_MIGRATION 3 applied []");
    expect(outcome(() => plan([migration(1), migration(3)], [row(3), row(2), row(1)]))).toBe("threw MISSING_MIGRATION 2 applied []");
  });

  it("compares checksums only: a renamed migration with the same checksum is fine", () => {
    const renamed = { ...migration(1), name: "create the users table" };
    expect(plan([renamed, migration(2)], [row(1)])).toEqual([2]);
  });

  it("names the lowest pending version below the highest applied one as out of order, after the history checks", () => {
    const disk = [1, 2, 3, 4, 6, 8].map((v) => migration(v));
    expect(outcome(() => plan(disk, [row(1), row(4), row(6)]))).toBe("threw OUT_OF_ORDER 2 applied []");
    expect(outcome(() => plan(disk, [row(1), row(6), row(4, "old")]))).toBe("threw CHECKSUM_MISMATCH 4 applied []");
    expect(plan(disk, [row(1), row(2), row(3)])).toEqual([4, 6, 8]);
    expect(plan(disk, [row(1), row(4), row(6)], { allowOutOfOrder: true })).toEqual([2, 3, 8]);
    expect(outcome(() => plan(disk, [row(1), row(4), row(6)], { allowOutOfOrder: false }))).toBe("threw OUT_OF_ORDER 2 applied []");
  });

  it("orders and compares versions as numbers, not strings (9 < 10 < 100)", () => {
    expect(plan([100, 9, 20, 10].map((v) => migration(v)), [])).toEqual([9, 10, 20, 100]);
    expect(outcome(() => plan([2, 5, 10].map((v) => migration(v)), [row(10), row(2)]))).toBe("threw OUT_OF_ORDER 5 applied []");
    expect(plan([2, 5, 10, 11].map((v) => migration(v)), [row(2), row(10), row(5)])).toEqual([11]);
  });

  it("plans nothing when everything is applied, and changes neither of its inputs", () => {
    const disk = [migration(3), migration(1), migration(2)];
    const history = [row(2), row(1), row(3)];
    expect(plan(disk, history)).toEqual([]);
    expect(plan(disk, [])).toEqual([1, 2, 3]);
    expect(disk.map((m) => m.version)).toEqual([3, 1, 2]);
    expect(history.map((r) => r.version)).toEqual([2, 1, 3]);
  });
});

describe("migration runner: migrate", () => {
  it("refuses before opening any transaction, reading the history once", async () => {
    const db = new FakeDb([row(1), row(3)]);
    expect(await outcomeAsync(() => migrate(db, [1, 2, 3].map((v) => migration(v))))).toBe("threw OUT_OF_ORDER 2 applied []");
    expect([db.reads, db.transactions.length]).toEqual([1, 0]);
  });

  it("returns the plan on a dry run without opening a transaction, and still refuses what it would refuse", async () => {
    const db = new FakeDb([row(1)]);
    expect(await migrate(db, [3, 1, 2].map((v) => migration(v)), { dryRun: true })).toEqual([2, 3]);
    expect([db.transactions.length, db.history.length, db.statements.length]).toEqual([0, 1, 0]);
    expect(await outcomeAsync(() => migrate(db, [migration(1, "edited")], { dryRun: true }))).toBe("threw CHECKSUM_MISMATCH 1 applied []");
    const ahead = new FakeDb([row(1), row(3)]);
    expect(await outcomeAsync(() => migrate(ahead, [1, 2, 3].map((v) => migration(v)), { dryRun: true }))).toBe("threw OUT_OF_ORDER 2 applied []");
    expect(await migrate(ahead, [1, 2, 3].map((v) => migration(v)), { dryRun: true, allowOutOfOrder: true })).toEqual([2]);
    expect(ahead.transactions.length).toBe(0);
    expect(await migrate(db, [3, 1, 2].map((v) => migration(v)), { dryRun: false })).toEqual([2, 3]);
  });

  it("awaits an asynchronous up before writing the history row, inside the same transaction", async () => {
    const db = new FakeDb();
    const slow = migration(1, "c1", async (tx) => {
      await Promise.resolve();
      await tx.exec("backfill part 1");
      await new Promise<void>((resolve) => setTimeout(resolve, 10));
      await tx.exec("backfill part 2");
    });
    expect(await migrate(db, [slow, migration(2)], { now: () => 5 })).toEqual([1, 2]);
    expect(db.late).toEqual([]);
    expect(db.transactions).toEqual([
      { ops: ["exec backfill part 1", "exec backfill part 2", "history 1"], outcome: "committed" },
      { ops: ["exec step 2", "history 2"], outcome: "committed" },
    ]);
  });

  it("stamps each history row with now() at the time it is written, using the migration's own values", async () => {
    let t = 1000;
    const db = new FakeDb();
    const disk = [1, 2, 3].map((v) => migration(v, `sum-${v}`, (tx) => { t += 100; return tx.exec(`step ${v}`); }));
    await migrate(db, disk, { now: () => t });
    expect(db.history).toEqual([
      { version: 1, name: "migration 1", checksum: "sum-1", appliedAt: 1100 },
      { version: 2, name: "migration 2", checksum: "sum-2", appliedAt: 1200 },
      { version: 3, name: "migration 3", checksum: "sum-3", appliedAt: 1300 },
    ]);
    clock.advance(5000);
    const db2 = new FakeDb();
    await migrate(db2, [migration(1)]);
    expect(db2.history[0]?.appliedAt).toBe(Date.now());
  });

  it("fails on a rejected promise or a failed history insert, stopping with the versions applied so far", async () => {
    const db = new FakeDb();
    const cause = new Error("lock timeout");
    const disk = [migration(1), migration(2), migration(3, "c3", async () => { await Promise.resolve(); throw cause; }), migration(4)];
    const error = await migrate(db, disk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toBeInstanceOf(Error);
    expect((error as MigrationError).name).toBe("MigrationError");
    expect([(error as MigrationError).code, (error as MigrationError).version, (error as MigrationError).applied]).toEqual(["MIGRATION_FAILED", 3, [1, 2]]);
    expect((error as MigrationError).cause).toBe(cause);
    expect(db.transactions.map((t) => t.outcome)).toEqual(["committed", "committed", "rolled back"]);

    const db2 = new FakeDb();
    db2.rejectHistoryOf.add(1);
    expect(await outcomeAsync(() => migrate(db2, [migration(1), migration(2)]))).toBe("threw MIGRATION_FAILED 1 applied []");
    expect([db2.statements, db2.history, db2.transactions.length]).toEqual([[], [], 1]);
  });

  it("picks up after the failed migration once it is fixed, and has nothing to do after that", async () => {
    const db = new FakeDb();
    let broken = true;
    const disk = [1, 2, 3].map((v) =>
      migration(v, `c${v}`, (tx) => {
        if (v === 2 && broken) throw new Error("bad column");
        return tx.exec(`step ${v}`);
      }),
    );
    expect(await outcomeAsync(() => migrate(db, disk))).toBe("threw MIGRATION_FAILED 2 applied [1]");
    broken = false;
    expect(await migrate(db, disk)).toEqual([2, 3]);
    expect(await migrate(db, disk)).toEqual([]);
    expect(db.statements).toEqual(["step 1", "step 2", "step 3"]);
    expect(db.transactions.length).toBe(4);
  });

  it("runs allowed out-of-order migrations in ascending order among the new ones", async () => {
    const db = new FakeDb([row(1), row(5)]);
    const disk = [6, 3, 1, 5, 2].map((v) => migration(v));
    expect(await migrate(db, disk, { allowOutOfOrder: true })).toEqual([2, 3, 6]);
    expect(db.statements).toEqual(["step 2", "step 3", "step 6"]);
  });
});

// ---- Model-based test: deploys of changing code against one database ----

interface World {
  /** The code on disk: version -> checksum, and the versions whose up() currently throws. */
  disk: Map<number, string>;
  broken: Set<number>;
  /** The model's view of the history table: version -> checksum. */
  applied: Map<number, string>;
}

/** The rules, written as plainly as possible. */
function expected(w: World, options: MigrateOptions): { result: string; applies: number[] } {
  const versions = [...w.disk.keys()].sort((a, b) => a - b);
  for (const v of [...w.applied.keys()].sort((a, b) => a - b)) {
    if (!w.disk.has(v)) return { result: `threw MISSING_MIGRATION ${v} applied []`, applies: [] };
    if (w.disk.get(v) !== w.applied.get(v)) return { result: `threw CHECKSUM_MISMATCH ${v} applied []`, applies: [] };
  }
  const pending = versions.filter((v) => !w.applied.has(v));
  const highest = Math.max(0, ...w.applied.keys());
  const late = pending.filter((v) => v < highest);
  if (late.length > 0 && !options.allowOutOfOrder) return { result: `threw OUT_OF_ORDER ${late[0]} applied []`, applies: [] };
  if (options.dryRun) return { result: `returned ${JSON.stringify(pending)}`, applies: [] };
  const done: number[] = [];
  for (const v of pending) {
    if (w.broken.has(v)) return { result: `threw MIGRATION_FAILED ${v} applied ${JSON.stringify(done)}`, applies: done };
    done.push(v);
  }
  return { result: `returned ${JSON.stringify(done)}`, applies: done };
}

type Cmd = fc.AsyncCommand<World, FakeDb>;

function change(text: string, act: (w: World) => void): Cmd {
  return { check: () => true, run: async (w) => act(w), toString: () => text };
}

const VERSION = fc.constantFrom(1, 2, 3, 9, 10, 11);
const commands = fc.commands(
  [
    VERSION.map((v) => change(`add migration ${v}`, (w) => void w.disk.set(v, w.disk.get(v) ?? `c${v}`))),
    VERSION.map((v) => change(`add migration ${v}`, (w) => void w.disk.set(v, w.disk.get(v) ?? `c${v}`))),
    VERSION.map((v) => change(`edit migration ${v}`, (w) => { if (w.disk.has(v)) w.disk.set(v, `${w.disk.get(v)}'`); })),
    VERSION.map((v) => change(`delete migration ${v} from disk`, (w) => void w.disk.delete(v))),
    VERSION.map((v) => change(`break migration ${v}`, (w) => void w.broken.add(v))),
    VERSION.map((v) => change(`fix migration ${v}`, (w) => void w.broken.delete(v))),
    fc.record({ allowOutOfOrder: fc.boolean(), dryRun: fc.boolean() }).map((options): Cmd => ({
      check: () => true,
      async run(w, db) {
        const disk = [...w.disk.entries()].map(([v, sum]) =>
          migration(v, sum, (tx) => {
            if (w.broken.has(v)) throw new Error(`migration ${v} is broken`);
            return tx.exec(`step ${v}`);
          }),
        );
        const want = expected(w, options);
        const got = await outcomeAsync(() => migrate(db, disk, options));
        for (const v of want.applies) w.applied.set(v, w.disk.get(v) ?? "");
        const call = `migrate(${JSON.stringify(options)}) with ${disk.length === 0 ? "no migrations" : `migrations ${disk.map((m) => `${m.version}${w.broken.has(m.version) ? " (broken)" : ""}`).join(", ")}`} on disk`;
        if (got !== want.result) throw new Error(`${call} ${got}, the rules give: ${want.result}`);
        const history = [...db.history].sort((a, b) => a.version - b.version).map((r) => `${r.version}:${r.checksum}`);
        const model = [...w.applied.entries()].sort((a, b) => a[0] - b[0]).map(([v, sum]) => `${v}:${sum}`);
        if (JSON.stringify(history) !== JSON.stringify(model)) throw new Error(`after ${call} the history table holds ${history.join(", ")}, the rules give ${model.join(", ")}`);
        if (db.late.length > 0) throw new Error(`after ${call}: ${db.late.join(", ")} ran after its transaction ended`);
      },
      toString: () => `migrate(${JSON.stringify(options)})`,
    })),
  ],
  { size: "+1", maxCommands: 30 },
);

describe("migration runner: any sequence of code changes and deploys", () => {
  it("agrees with a simple model on every result, error and history row as migrations are added, edited, deleted, broken and fixed", async () => {
    const report = await fc.check(
      fc.asyncProperty(commands, async (cmds) => {
        await fc.asyncModelRun(() => ({ model: { disk: new Map(), broken: new Set(), applied: new Map() }, real: new FakeDb() }), cmds);
      }),
      { numRuns: 120 },
    );
    failOnCounterexample(report);
  });
});
