/**
 * A schema migration runner in the style of Flyway, Liquibase and golang-migrate: compare the
 * migrations on disk with the history table, refuse anything suspicious, then apply the pending
 * migrations in version order, each with its history row in one transaction.
 */
export interface HistoryRow {
  version: number;
  name: string;
  checksum: string;
  appliedAt: number;
}

export interface Transaction {
  exec(sql: string): Promise<void>;
  insertHistory(row: HistoryRow): Promise<void>;
}

export interface Database {
  readHistory(): Promise<HistoryRow[]>;
  transaction(work: (tx: Transaction) => Promise<void>): Promise<void>;
}

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  up(tx: Transaction): Promise<void> | void;
}

export interface MigrateOptions {
  allowOutOfOrder?: boolean;
  dryRun?: boolean;
  now?: () => number;
}

export type MigrationErrorCode = "DUPLICATE_VERSION" | "MISSING_MIGRATION" | "CHECKSUM_MISMATCH" | "OUT_OF_ORDER" | "MIGRATION_FAILED";

export class MigrationError extends Error {
  override readonly name = "MigrationError";
  readonly code: MigrationErrorCode;
  readonly version: number;
  readonly applied: number[];

  constructor(code: MigrationErrorCode, version: number, applied: number[] = [], cause?: unknown) {
    super(`${code}: migration ${version}`, { cause });
    this.code = code;
    this.version = version;
    this.applied = applied;
  }
}

const byVersion = (a: { version: number }, b: { version: number }) => a.version - b.version;

/** The versions that `migrate` would apply, in order; throws a MigrationError if it would refuse to run. */
export function plan(migrations: readonly Migration[], history: readonly HistoryRow[], options: MigrateOptions = {}): number[] {
  const onDisk = new Map<number, Migration>();
  for (const m of [...migrations].sort(byVersion)) {
    if (onDisk.has(m.version)) throw new MigrationError("DUPLICATE_VERSION", m.version);
    onDisk.set(m.version, m);
  }
  // History first, lowest version first: an applied migration that vanished or changed means the
  // database no longer matches the code, and nothing should run on top of it.
  for (const row of [...history].sort(byVersion)) {
    const m = onDisk.get(row.version);
    if (m === undefined) throw new MigrationError("MISSING_MIGRATION", row.version);
    if (m.checksum !== row.checksum) throw new MigrationError("CHECKSUM_MISMATCH", row.version);
  }
  const applied = new Set(history.map((row) => row.version));
  const latest = Math.max(0, ...applied);
  const pending = [...onDisk.keys()].filter((v) => !applied.has(v));
  const late = pending.find((v) => v < latest);
  if (late !== undefined && !options.allowOutOfOrder) throw new MigrationError("OUT_OF_ORDER", late);
  return pending;
}

/** Applies the pending migrations, each in its own transaction; returns the versions it applied. */
export async function migrate(db: Database, migrations: readonly Migration[], options: MigrateOptions = {}): Promise<number[]> {
  const pending = plan(migrations, await db.readHistory(), options);
  if (options.dryRun) return pending;
  const now = options.now ?? (() => Date.now());
  const byVersionOnDisk = new Map(migrations.map((m) => [m.version, m]));
  const done: number[] = [];
  for (const version of pending) {
    const m = byVersionOnDisk.get(version) as Migration;
    try {
      // The history row is written in the same transaction as the change: both commit or neither.
      await db.transaction(async (tx) => {
        await m.up(tx);
        await tx.insertHistory({ version: m.version, name: m.name, checksum: m.checksum, appliedAt: now() });
      });
    } catch (cause) {
      throw new MigrationError("MIGRATION_FAILED", version, [...done], cause);
    }
    done.push(version);
  }
  return done;
}
