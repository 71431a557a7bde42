// The SQL engine of a sandbox worker: PGlite (PostgreSQL 18 compiled to WebAssembly) on a private
// copy of a template data directory. Only ever loaded inside a worker process (decision 014).
//
// Isolation rests on PostgreSQL's own rules, not on inspecting SQL text:
//  - every statement of a run (the learner's and the tests') runs inside a SECURITY DEFINER
//    function owned by the unprivileged role `learner`. In such a function PostgreSQL refuses to
//    change `role` or `session_authorization` (RESET ROLE, SET ROLE, set_config('role'...)) and
//    refuses transaction control (COMMIT, ROLLBACK, SAVEPOINT, VACUUM, ...). The learner has no
//    USAGE on the schema holding those functions, so cannot alter or replace them;
//  - a run is one transaction, rolled back at its end, then DISCARD ALL (prepared statements,
//    advisory locks, LISTEN, temporary tables, settings);
//  - PGlite's WebAssembly memory is capped, so a huge value fails with "out of memory" inside
//    PostgreSQL instead of growing the worker without bound;
//  - a statement that never ends (PGlite cannot interrupt a query: statement_timeout needs signals)
//    blocks the worker, which the supervisor kills at the wall limit; the next run gets a new one.
import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeMessages, executeMessages, parseReply, simpleQueryMessages, type BackendError, type BackendField, type BackendReply } from "./protocol.ts";
import { ensureTemplate } from "./template.ts";

/** WebAssembly pages (64 KiB) PGlite's memory may grow to: 768 MiB. PGlite's own maximum is 2 GiB. */
const MAX_MEMORY_PAGES = 12_288;
/** Past this much WebAssembly memory after a run, the engine is replaced (its memory never shrinks). */
export const ENGINE_RECYCLE_BYTES = 384 * 2 ** 20;

export interface EngineLimits {
  /** Rows one statement may return. */
  maxRows: number;
  /** Bytes (as JSON) one statement may return. */
  maxBytes: number;
}

export const DEFAULT_ENGINE_LIMITS: EngineLimits = { maxRows: 10_000, maxBytes: 4 * 2 ** 20 };

/** What a statement returns: whether rows, and their columns. */
export interface Description {
  returnsRows: boolean;
  fields: BackendField[];
}

export type StatementOutcome =
  | { ok: true; fields: BackendField[]; returnsRows: boolean; values: unknown[][]; rowCount: number }
  | { ok: false; error: BackendError };

/**
 * Where each engine's private copy of the data directory lives: in memory (/dev/shm) where the
 * machine has it, since creating and dropping tables are file operations (a fixture with six tables
 * took 150-800 ms on disk, under load), else the temporary directory. DEEPEND_SQL_RUNS overrides.
 */
function runsDir(): string {
  if (process.env.DEEPEND_SQL_RUNS) return process.env.DEEPEND_SQL_RUNS;
  try {
    fs.accessSync("/dev/shm", fs.constants.W_OK);
    return path.join("/dev/shm", "deepend-sql-runs");
  } catch {
    return path.join(os.tmpdir(), "deepend-sql-runs");
  }
}
const RUNS_DIR = runsDir();

export class EngineBrokenError extends Error {}

export class SqlEngine {
  private readonly pg: PGlite;
  private readonly dataDir: string;
  /** Milliseconds the engine took to open (copy and start). */
  readonly openMs: number;
  /** The datasets' state when the engine opened (datasetFingerprint). */
  private baseline = "";

  private constructor(pg: PGlite, dataDir: string, openMs: number) {
    this.pg = pg;
    this.dataDir = dataDir;
    this.openMs = openMs;
  }

  /** Copies the template data directory (built once, cached on disk) and starts PostgreSQL on it. */
  static async open(): Promise<SqlEngine> {
    const started = performance.now();
    const template = await ensureTemplate();
    removeStaleCopies();
    const dataDir = path.join(RUNS_DIR, `${process.pid}-${Date.now()}`);
    fs.mkdirSync(RUNS_DIR, { recursive: true });
    fs.cpSync(template, dataDir, { recursive: true });
    const pg = await createCapped(dataDir);
    const engine = new SqlEngine(pg, dataDir, performance.now() - started);
    engine.baseline = engine.datasetFingerprint();
    process.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
    return engine;
  }

  private send(bytes: Uint8Array): BackendReply {
    return parseReply(this.pg.execProtocolRawSync(bytes));
  }

  /** A trusted control statement (BEGIN, SAVEPOINT, ROLLBACK...); throws if it fails: the engine is not in a state we know. */
  control(sql: string): void {
    const reply = this.send(simpleQueryMessages(sql));
    if (reply.error) throw new EngineBrokenError(`${sql}: ${reply.error.message}`);
  }

  /** A control statement the learner chose (RELEASE or ROLLBACK TO one of their savepoints): its error is theirs, and leaves the run usable. */
  statementControl(sql: string): BackendError | undefined {
    const reply = this.send(simpleQueryMessages(`SAVEPOINT deepend_statement; ${sql}`));
    if (!reply.error) return undefined;
    this.control("ROLLBACK TO SAVEPOINT deepend_statement; RELEASE SAVEPOINT deepend_statement");
    return reply.error;
  }

  /** Starts a run: one transaction for all of it. */
  beginRun(): void {
    // Each its own message: DISCARD ALL cannot run inside the implicit transaction of a multi-statement query.
    this.send(simpleQueryMessages("ROLLBACK"));
    this.send(simpleQueryMessages("DISCARD ALL"));
    const reply = this.send(simpleQueryMessages("BEGIN"));
    if (reply.error || reply.status !== "T") throw new EngineBrokenError(`could not start a run: ${reply.error?.message ?? `status ${reply.status}`}`);
  }

  /** Ends a run: everything it did is undone, and the session is reset. */
  endRun(): void {
    const reply = this.send(simpleQueryMessages("ROLLBACK"));
    const discard = this.send(simpleQueryMessages("DISCARD ALL"));
    if (reply.error || discard.error || discard.status !== "I") throw new EngineBrokenError(`could not end a run: ${(reply.error ?? discard.error)?.message ?? `status ${discard.status}`}`);
  }

  /**
   * Runs one statement (no parameters left in it) as the learner role, inside its own savepoint:
   * an error undoes only this statement, as in autocommit.
   */
  statement(sql: string, limits: EngineLimits = DEFAULT_ENGINE_LIMITS, known?: Description): StatementOutcome & { description?: Description } {
    let description = known;
    // Without a known description, the statement is described first (in the savepoint's batch):
    // whether it returns rows, and their names and types.
    if (!description) {
      const described = this.send(concat(simpleQueryMessages("SAVEPOINT deepend_statement"), describeMessages(sql)));
      if (described.error) {
        this.control("ROLLBACK TO SAVEPOINT deepend_statement; RELEASE SAVEPOINT deepend_statement");
        return { ok: false, error: described.error };
      }
      const returnsRows = !described.noData && described.fields !== undefined;
      description = { returnsRows, fields: returnsRows ? (described.fields ?? []) : [] };
    }
    const call = description.returnsRows
      ? executeMessages("SELECT j FROM deepend.rows($1, $2, $3) AS j", [sql, String(limits.maxRows), String(limits.maxBytes)])
      : executeMessages("SELECT deepend.exec($1)", [sql]);
    // One batch: (the savepoint, when not sent with the description,) the call and the release. On
    // an error the release fails too (the transaction is aborted) and the savepoint is rolled back to.
    const reply = this.send(concat(...(known ? [simpleQueryMessages("SAVEPOINT deepend_statement")] : []), call, simpleQueryMessages("RELEASE SAVEPOINT deepend_statement")));
    const changed = this.guardClientSettings(reply);
    if (changed) return { ok: false, error: changed };
    if (reply.error) {
      this.control("ROLLBACK TO SAVEPOINT deepend_statement; RELEASE SAVEPOINT deepend_statement");
      return { ok: false, error: reply.error };
    }
    if (!description.returnsRows) return { ok: true, fields: [], returnsRows: false, values: [], rowCount: Number(reply.rows[0]?.[0] ?? 0), description };
    const values = reply.rows.map((row) => JSON.parse(row[0] ?? "[]") as unknown[]);
    // A description remembered from before a change it could not see: described again, now.
    const width = description.fields.length;
    if (known && values.some((row) => row.length !== width)) {
      const again = this.send(concat(simpleQueryMessages("SAVEPOINT deepend_describe"), describeMessages(sql)));
      this.control(again.error ? "ROLLBACK TO SAVEPOINT deepend_describe; RELEASE SAVEPOINT deepend_describe" : "RELEASE SAVEPOINT deepend_describe");
      if (!again.error && again.fields) description = { returnsRows: true, fields: again.fields };
    }
    return { ok: true, fields: description.fields, returnsRows: true, values, rowCount: values.length, description };
  }

  /**
   * Settings that change how this client reads what the server sends (the encoding of text, how
   * backslashes in literals are read) are put back at once, and the statement that changed them
   * fails: the bridge decodes UTF-8 and writes parameters as standard literals.
   */
  private guardClientSettings(reply: BackendReply): BackendError | undefined {
    const encoding = reply.parameters.client_encoding;
    const conforming = reply.parameters.standard_conforming_strings;
    if ((encoding === undefined || encoding === "UTF8") && (conforming === undefined || conforming === "on")) return undefined;
    this.control("SET client_encoding = 'UTF8'; SET standard_conforming_strings = on");
    return { code: "0A000", message: `${encoding !== undefined && encoding !== "UTF8" ? "client_encoding" : "standard_conforming_strings"} cannot be changed here: the sandbox reads results as UTF-8 and writes standard string literals` };
  }

  /**
   * What a run could leave behind outside its transaction in the shared datasets: PostgreSQL
   * updates a table's row and page estimates in place (ANALYZE, CREATE INDEX) and keeps rolled-back
   * row versions in the files until a VACUUM. Compared after every run with the engine's first.
   */
  datasetFingerprint(): string {
    const reply = this.send(
      simpleQueryMessages(
        `SELECT pg_catalog.string_agg(c.oid::text || ':' || c.relfilenode::text || ':' || c.reltuples::text || ':' || c.relpages::text || ':' || c.relallvisible::text || ':' || pg_catalog.pg_relation_size(c.oid)::text, ',' ORDER BY c.oid)
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'deepend', 'public') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'`,
      ),
    );
    if (reply.error) throw new EngineBrokenError(`could not read the datasets' state: ${reply.error.message}`);
    return reply.rows[0]?.[0] ?? "";
  }

  /**
   * Whether the datasets are as the engine found them (call between runs). A run that wrote to them
   * leaves rolled-back row versions and changed estimates: a VACUUM of the datasets (outside any
   * transaction; no ANALYZE, whose random sample would change the statistics) usually puts them
   * back as built; if not, the engine must be replaced.
   */
  isPristine(): boolean {
    if (this.datasetFingerprint() === this.baseline) return true;
    const reply = this.send(simpleQueryMessages(`VACUUM ${this.datasetTables().join(", ")}`));
    return !reply.error && this.datasetFingerprint() === this.baseline;
  }

  private datasetTables(): string[] {
    const reply = this.send(
      simpleQueryMessages(
        `SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'deepend', 'public') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%' ORDER BY 1`,
      ),
    );
    return reply.rows.map((row) => row[0] ?? "").filter(Boolean);
  }

  /** A trusted script (an exercise's schema.sql), all statements in one call, as the learner role. */
  script(sql: string): BackendError | undefined {
    const reply = this.send(concat(simpleQueryMessages("SAVEPOINT deepend_statement"), executeMessages("SELECT deepend.exec($1)", [sql]), simpleQueryMessages("RELEASE SAVEPOINT deepend_statement")));
    const changed = this.guardClientSettings(reply);
    if (changed) return changed;
    if (!reply.error) return undefined;
    this.control("ROLLBACK TO SAVEPOINT deepend_statement; RELEASE SAVEPOINT deepend_statement");
    return reply.error;
  }

  /** Type names for result columns, as PostgreSQL prints them (format_type). */
  typeName(oid: number, modifier: number): string {
    const known = modifier === -1 ? COMMON_TYPES[oid] : undefined;
    if (known) return known;
    const reply = this.send(executeMessages("SELECT pg_catalog.format_type($1::pg_catalog.oid, $2::pg_catalog.int4)", [String(oid), String(modifier)]));
    return reply.rows[0]?.[0] ?? `oid ${oid}`;
  }

  /** Bytes of WebAssembly memory PGlite holds (it only grows). */
  memoryBytes(): number {
    const mod = (this.pg as unknown as { mod?: { HEAPU8?: Uint8Array; wasmMemory?: WebAssembly.Memory } }).mod;
    return mod?.wasmMemory?.buffer.byteLength ?? mod?.HEAPU8?.byteLength ?? 0;
  }

  async close(): Promise<void> {
    try {
      await this.pg.close();
    } finally {
      fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const all = Buffer.concat(parts);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/** PGlite with its WebAssembly memory's maximum lowered (PGlite creates the Memory itself; a smaller maximum satisfies the module's import). */
async function createCapped(dataDir: string): Promise<PGlite> {
  const Original = WebAssembly.Memory;
  const Capped = function (descriptor: WebAssembly.MemoryDescriptor) {
    return new Original({ ...descriptor, maximum: Math.min(descriptor.maximum ?? MAX_MEMORY_PAGES, MAX_MEMORY_PAGES) });
  } as unknown as typeof WebAssembly.Memory;
  Capped.prototype = Original.prototype;
  WebAssembly.Memory = Capped;
  try {
    return await PGlite.create(dataDir);
  } finally {
    WebAssembly.Memory = Original;
  }
}

/** Copies left by workers that were killed (SIGKILL skips their exit handler). */
function removeStaleCopies(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(RUNS_DIR);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry.split("-")[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(path.join(RUNS_DIR, entry), { recursive: true, force: true });
    }
  }
}

const COMMON_TYPES: Record<number, string> = {
  16: "boolean",
  17: "bytea",
  18: '"char"',
  19: "name",
  20: "bigint",
  21: "smallint",
  23: "integer",
  25: "text",
  26: "oid",
  114: "json",
  700: "real",
  701: "double precision",
  1000: "boolean[]",
  1005: "smallint[]",
  1007: "integer[]",
  1009: "text[]",
  1016: "bigint[]",
  1042: "character",
  1043: "character varying",
  1082: "date",
  1083: "time without time zone",
  1114: "timestamp without time zone",
  1184: "timestamp with time zone",
  1186: "interval",
  1700: "numeric",
  2950: "uuid",
  3802: "jsonb",
};
