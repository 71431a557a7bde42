/**
 * A schema migration runner: checks the migrations on disk against the history table, then applies
 * the pending ones in version order, each in its own transaction. See the instructions for every rule.
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

/** The versions that `migrate` would apply, in order; throws a MigrationError if it would refuse to run. */
export function plan(migrations: readonly Migration[], history: readonly HistoryRow[], options: MigrateOptions = {}): number[] {
  throw new Error("Not implemented");
}

/** Applies the pending migrations, each in its own transaction; returns the versions it applied. */
export async function migrate(db: Database, migrations: readonly Migration[], options: MigrateOptions = {}): Promise<number[]> {
  throw new Error("Not implemented");
}
