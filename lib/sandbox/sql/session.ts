// One run's conversation with the SQL engine: what the isolate's `deepend:sql` module asks for
// (queries, scripts, transactions, resets, the learner's SQL, plans), answered synchronously.
// Transaction control is emulated with savepoints of the run's own transaction, so BEGIN/COMMIT/
// ROLLBACK behave as a learner expects while the run as a whole is always rolled back.
import type { SqlField, SqlRunDetails, SqlStatementPreview, SqlValue, PlanNode } from "./types.ts";
import { SQL_PREVIEW_ROWS } from "./types.ts";
import { EngineBrokenError, type Description, type SqlEngine, type StatementOutcome } from "./engine.ts";
import type { BackendError } from "./protocol.ts";
import { bindParams, hasWord, leadingWords, scriptPosition, splitStatements, SqlSyntaxError, type SqlParam, type SqlStatement } from "./split.ts";

export interface SqlJobInput {
  /** The exercise's schema.sql. */
  fixture: string;
  /** sql exercises: the learner's SQL. */
  script?: string;
  /** Keep what Run shows: the first rows and the plan of each of the learner's statements. */
  preview?: boolean;
}

export interface WireError {
  message: string;
  code: string;
  detail?: string;
  hint?: string;
  position?: number;
  line?: number;
  column?: number;
}

export type WireResult = { ok: true; command: string; fields: SqlField[]; values: SqlValue[][]; rowCount: number } | { ok: false; error: WireError };

export class SqlTimeLimit extends Error {}

/** Statements that read, or change rows only: they leave the catalog as it is. */
const QUERIES = new Set(["SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "SHOW"]);
const DML = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);
/** Utility statements, which never return rows (so need no description). */
const NO_ROWS = new Set(["CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "GRANT", "REVOKE", "SET", "RESET", "DO", "LOCK", "ANALYZE", "CLUSTER", "REINDEX", "REFRESH", "DISCARD", "LISTEN", "NOTIFY", "UNLISTEN", "PREPARE", "DEALLOCATE", "DECLARE", "CLOSE", "SECURITY", "IMPORT", "LOAD", "CHECKPOINT", "VACUUM", "REASSIGN"]);
/** Whose result depends on something other than the catalog (a prepared statement, a cursor, a procedure). */
const UNCACHED = new Set(["EXECUTE", "FETCH", "MOVE", "CALL"]);
/** Statements that create code the run could call later (which could change the catalog unseen). */
const ROUTINES = new Set(["FUNCTION", "PROCEDURE", "TRIGGER", "RULE", "DO", "CALL"]);
const NO_DATA: Description = { returnsRows: false, fields: [] };

const MODIFIERS = new Set(["OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED", "MATERIALIZED", "RECURSIVE", "GLOBAL", "LOCAL", "IF", "NOT", "EXISTS", "CONCURRENTLY"]);

/** The command tag's verb, from the statement's first words ("CREATE UNIQUE INDEX" -> "CREATE INDEX"). */
export function commandOf(text: string, returnsRows: boolean): string {
  const words = leadingWords(text, 6);
  const first = words[0] ?? "";
  if (returnsRows && ["WITH", "SELECT", "VALUES", "TABLE"].includes(first)) return "SELECT";
  if (["CREATE", "ALTER", "DROP", "COMMENT"].includes(first)) {
    const object = words.slice(1).find((w) => !MODIFIERS.has(w));
    return object ? `${first} ${object}` : first;
  }
  return first || "EMPTY";
}

export class SqlSession {
  private fixtureLoaded = false;
  /** Savepoints standing for open transactions (learner BEGIN or db.transaction), innermost last. */
  private transactions: Array<{ name: string; aborted: boolean }> = [];
  private transactionCount = 0;
  private readonly typeNames = new Map<string, string>();
  /**
   * Descriptions of statements (rows or not, columns), valid while the catalog is as it was: the
   * epoch changes with every statement that may change it, and is 0 again after each reset (the
   * fixture's state, identical every time). Saves a round trip per repeated statement.
   */
  private readonly descriptions = new Map<string, Description>();
  private epoch = -1;
  private epochs = 0;
  /** A function, trigger or rule of the run's own could change the catalog unseen: no cache until the next reset. */
  private uncacheable = false;
  private learnerStatements: SqlStatement[];
  private learnerError?: string;
  preview?: SqlRunDetails;

  private readonly engine: SqlEngine;
  private readonly job: SqlJobInput;
  private readonly deadline: number;

  constructor(engine: SqlEngine, job: SqlJobInput, deadline: number) {
    this.engine = engine;
    this.job = job;
    this.deadline = deadline;
    this.learnerStatements = [];
    if (job.script !== undefined) {
      try {
        this.learnerStatements = splitStatements(job.script);
      } catch (error) {
        this.learnerError = (error as Error).message;
      }
    }
  }

  private checkTime(): void {
    if (performance.now() > this.deadline) throw new SqlTimeLimit("The run's time limit was reached while it was using the database.");
  }

  /** One statement, with transaction control emulated. */
  statement(text: string): WireResult {
    this.checkTime();
    const words = leadingWords(text, 3);
    const control = this.transactionControl(words, text);
    if (control) return control;
    const open = this.transactions.at(-1);
    if (open?.aborted) return { ok: false, error: { code: "25P02", message: "current transaction is aborted, commands ignored until end of transaction block" } };
    const outcome = this.run(text, words);
    if (!outcome.ok && open) open.aborted = true;
    return this.toWire(outcome, text);
  }

  private run(text: string, words: string[]): StatementOutcome {
    const first = words[0] ?? "";
    const known = NO_ROWS.has(first) || (DML.has(first) && !hasWord(text, "RETURNING")) ? NO_DATA : this.cached(text);
    const outcome = this.engine.statement(text, undefined, known);
    if (!QUERIES.has(first) && !DML.has(first)) this.catalogMayHaveChanged(words, text);
    else if (hasWord(text, "set_config")) this.uncacheable = true;
    if (outcome.ok && outcome.description && !known && !UNCACHED.has(first) && !this.uncacheable) {
      if (this.descriptions.size > 1000) this.descriptions.clear();
      this.descriptions.set(`${this.epoch}\0${text}`, outcome.description);
    }
    return outcome;
  }

  private cached(text: string): Description | undefined {
    return this.uncacheable ? undefined : this.descriptions.get(`${this.epoch}\0${text}`);
  }

  private catalogMayHaveChanged(words: string[], text: string): void {
    this.epoch = ++this.epochs;
    if (words.some((w) => ROUTINES.has(w)) || hasWord(text, "FUNCTION") || hasWord(text, "PROCEDURE")) this.uncacheable = true;
  }

  private transactionControl(words: string[], text: string): WireResult | undefined {
    const [first = "", second = "", third = ""] = words;
    const done = (command: string): WireResult => ({ ok: true, command, fields: [], values: [], rowCount: 0 });
    if (first === "BEGIN" || (first === "START" && second === "TRANSACTION")) {
      // PostgreSQL only warns about a BEGIN inside a transaction.
      if (this.transactions.length > 0) return done("BEGIN");
      this.begin();
      return done("BEGIN");
    }
    if (first === "COMMIT" || first === "END") {
      if (second === "PREPARED") return unsupported("two-phase commit (COMMIT PREPARED)");
      const open = this.transactions.pop();
      if (!open) return done("COMMIT");
      if (open.aborted) {
        this.engine.control(`ROLLBACK TO SAVEPOINT ${open.name}; RELEASE SAVEPOINT ${open.name}`);
        this.epoch = ++this.epochs;
        return done("ROLLBACK");
      }
      this.engine.control(`RELEASE SAVEPOINT ${open.name}`);
      return done("COMMIT");
    }
    if ((first === "ROLLBACK" || first === "ABORT") && second !== "TO" && second !== "PREPARED") {
      const open = this.transactions.pop();
      if (open) this.engine.control(`ROLLBACK TO SAVEPOINT ${open.name}; RELEASE SAVEPOINT ${open.name}`);
      this.epoch = ++this.epochs;
      return done("ROLLBACK");
    }
    if (first === "PREPARE" && second === "TRANSACTION") return unsupported("two-phase commit (PREPARE TRANSACTION)");
    if (first === "ROLLBACK" && second === "PREPARED") return unsupported("two-phase commit (ROLLBACK PREPARED)");
    if (first === "SAVEPOINT" || first === "RELEASE" || (first === "ROLLBACK" && second === "TO")) {
      const name = /(?:SAVEPOINT|RELEASE|TO)\s+(?:SAVEPOINT\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*$/i.exec(text)?.[1];
      if (!name) return { ok: false, error: { code: "0A000", message: "savepoint names here must be plain identifiers" } };
      const open = this.transactions.at(-1);
      if (!open) return { ok: false, error: { code: "25P01", message: `${first === "SAVEPOINT" ? "SAVEPOINT" : first === "RELEASE" ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT"} can only be used in transaction blocks` } };
      const savepoint = `learner_${name.toLowerCase()}`;
      if (first === "SAVEPOINT") {
        if (open.aborted) return { ok: false, error: { code: "25P02", message: "current transaction is aborted, commands ignored until end of transaction block" } };
        this.engine.control(`SAVEPOINT ${savepoint}`);
        return done("SAVEPOINT");
      }
      const outcome = this.engine.statementControl(first === "RELEASE" ? `RELEASE SAVEPOINT ${savepoint}` : `ROLLBACK TO SAVEPOINT ${savepoint}`);
      if (outcome) return { ok: false, error: { code: outcome.code, message: outcome.message.replace(savepoint, name) } };
      if (first === "ROLLBACK") {
        open.aborted = false;
        this.epoch = ++this.epochs;
      }
      return done(first === "RELEASE" ? "RELEASE" : "ROLLBACK");
    }
    if (first === "SET" && second === "TRANSACTION" && third === "ISOLATION") return unsupported("isolation levels (there is one connection: nothing runs concurrently)");
    return undefined;
  }

  /** A transaction opens as a savepoint of the run's transaction; its number is its handle. */
  private begin(): number {
    const id = ++this.transactionCount;
    this.engine.control(`SAVEPOINT deepend_tx_${id}`);
    this.transactions.push({ name: `deepend_tx_${id}`, aborted: false });
    return id;
  }

  private toWire(outcome: StatementOutcome, text: string): WireResult {
    if (!outcome.ok) return { ok: false, error: wireError(outcome.error, text) };
    const fields = outcome.fields.map((f) => ({ name: f.name, type: this.typeName(f.typeOid, f.typeModifier) }));
    return { ok: true, command: commandOf(text, outcome.returnsRows), fields, values: outcome.values as SqlValue[][], rowCount: outcome.rowCount };
  }

  private typeName(oid: number, modifier: number): string {
    const key = `${oid}:${modifier}`;
    let name = this.typeNames.get(key);
    if (name === undefined) {
      name = this.engine.typeName(oid, modifier);
      this.typeNames.set(key, name);
    }
    return name;
  }

  query(text: string, params: readonly SqlParam[]): WireResult {
    let bound: string;
    try {
      const statements = splitStatements(text);
      if (statements.length !== 1) return { ok: false, error: { code: "42601", message: statements.length === 0 ? "the query is empty" : "db.query runs one statement: use db.exec for several (without parameters)" } };
      bound = bindParams(statements[0]!.text, params);
    } catch (error) {
      if (error instanceof SqlSyntaxError || error instanceof RangeError) return { ok: false, error: { code: error instanceof RangeError ? "22021" : "42601", message: error.message } };
      throw error;
    }
    return this.statement(bound);
  }

  /** A script in one call (db.exec): all of it or, on an error, none of it. */
  exec(script: string): WireResult {
    this.checkTime();
    const open = this.transactions.at(-1);
    if (open?.aborted) return { ok: false, error: { code: "25P02", message: "current transaction is aborted, commands ignored until end of transaction block" } };
    const failed = this.engine.script(script);
    this.catalogMayHaveChanged(["DO"], script);
    if (!failed) return { ok: true, command: "EXEC", fields: [], values: [], rowCount: 0 };
    if (open) open.aborted = true;
    const error = wireError(failed, script);
    const { position, ...rest } = error;
    return { ok: false, error: position ? { ...rest, ...scriptPosition(script, { text: script, offset: 0, line: 1, column: 1 }, position) } : rest };
  }

  /**
   * db.transaction: begin (a savepoint; the answer's rowCount is its handle), then commit or roll
   * back by handle. Transactions that overlap in time share the one session, as two BEGIN blocks
   * sent through one connection would: committing one releases its savepoint and keeps the work of
   * any begun after it; rolling one back undoes everything since it began. A handle already ended
   * by another's commit or rollback ends with nothing to do.
   */
  transaction(action: "begin" | "commit" | "rollback", handle: number): WireResult {
    this.checkTime();
    if (action === "begin") return { ok: true, command: "BEGIN", fields: [], values: [], rowCount: this.begin() };
    const index = this.transactions.findIndex((t) => t.name === `deepend_tx_${handle}`);
    if (index === -1) return { ok: true, command: action === "commit" ? "COMMIT" : "ROLLBACK", fields: [], values: [], rowCount: 0 };
    const own = this.transactions[index]!;
    // A failed statement anywhere above aborts the whole block, as in PostgreSQL.
    const aborted = this.transactions.slice(index).some((t) => t.aborted);
    this.transactions.length = index;
    if (action === "commit" && !aborted) {
      this.engine.control(`RELEASE SAVEPOINT ${own.name}`);
      return { ok: true, command: "COMMIT", fields: [], values: [], rowCount: 0 };
    }
    this.engine.control(`ROLLBACK TO SAVEPOINT ${own.name}; RELEASE SAVEPOINT ${own.name}`);
    this.epoch = ++this.epochs;
    return { ok: true, command: "ROLLBACK", fields: [], values: [], rowCount: 0 };
  }

  /** The fixture loaded (first call) and everything since undone. */
  reset(): WireResult {
    this.checkTime();
    this.transactions = [];
    if (this.fixtureLoaded) {
      this.engine.control("ROLLBACK TO SAVEPOINT deepend_fixture");
      this.epoch = 0;
      this.uncacheable = false;
      return { ok: true, command: "RESET", fields: [], values: [], rowCount: 0 };
    }
    const failed = this.engine.script(this.job.fixture);
    if (failed) return { ok: false, error: wireError(failed, this.job.fixture) };
    this.engine.control("SAVEPOINT deepend_fixture");
    this.fixtureLoaded = true;
    this.epoch = 0;
    this.uncacheable = false;
    return { ok: true, command: "RESET", fields: [], values: [], rowCount: 0 };
  }

  learnerInfo(): { statements: Array<{ text: string; line: number }>; error?: string } {
    return { statements: this.learnerStatements.map((s) => ({ text: s.text, line: s.line })), ...(this.learnerError ? { error: this.learnerError } : {}) };
  }

  /** The learner's statements, each in turn (an error does not stop the next, as in psql). */
  learnerRun(): WireResult[] {
    const script = this.job.script ?? "";
    if (this.learnerError) return [{ ok: false, error: { code: "42601", message: this.learnerError } }];
    const capture = this.job.preview && !this.preview;
    const previews: SqlStatementPreview[] = [];
    const results = this.learnerStatements.map((statement) => {
      const started = performance.now();
      const result = this.statement(statement.text);
      const wire = result.ok ? result : withPosition(result, script, statement);
      if (capture) previews.push(this.previewOf(statement, wire, performance.now() - started));
      return wire;
    });
    if (capture) this.preview = { statements: previews };
    return results;
  }

  private previewOf(statement: SqlStatement, result: WireResult, durationMs: number): SqlStatementPreview {
    const base = { text: statement.text, line: statement.line, durationMs: Math.round(durationMs * 100) / 100 };
    if (!result.ok) {
      const { message, code, detail, hint, line, column } = result.error;
      return { ...base, error: { message, code, ...(detail ? { detail } : {}), ...(hint ? { hint } : {}), ...(line ? { line, column } : {}) } };
    }
    const preview: SqlStatementPreview = { ...base, command: result.command, rowCount: result.rowCount };
    if (result.fields.length > 0) {
      preview.fields = result.fields;
      preview.rows = result.values.slice(0, SQL_PREVIEW_ROWS);
      if (result.values.length > SQL_PREVIEW_ROWS) preview.truncated = true;
    }
    if (result.command === "SELECT") {
      const plan = this.explain(statement.text, false, []);
      if (plan.ok) preview.plan = plan.plan.root;
    }
    return preview;
  }

  explain(sql: string, analyze: boolean, params: readonly SqlParam[]): { ok: true; plan: { root: PlanNode; totalCost: number; rowsExamined?: number } } | { ok: false; error: WireError } {
    let bound: string;
    try {
      const statements = splitStatements(sql);
      if (statements.length !== 1) return { ok: false, error: { code: "42601", message: "explain takes one statement" } };
      bound = bindParams(statements[0]!.text, params);
    } catch (error) {
      return { ok: false, error: { code: "42601", message: (error as Error).message } };
    }
    const text = `EXPLAIN (FORMAT JSON${analyze ? ", ANALYZE, TIMING OFF, BUFFERS OFF" : ""}) ${bound}`;
    // ANALYZE runs the statement: whatever it changes is undone.
    if (analyze) this.engine.control("SAVEPOINT deepend_explain");
    const result = this.statement(text);
    if (analyze) this.engine.control("ROLLBACK TO SAVEPOINT deepend_explain; RELEASE SAVEPOINT deepend_explain");
    if (!result.ok) return result;
    const document = result.values[0]?.[0] as Array<{ Plan: RawPlan }> | undefined;
    const raw = document?.[0]?.Plan;
    if (!raw) return { ok: false, error: { code: "XX000", message: "EXPLAIN returned no plan" } };
    const root = planNode(raw);
    return { ok: true, plan: { root, totalCost: root.totalCost, ...(analyze ? { rowsExamined: rowsExamined(root) } : {}) } };
  }
}

function unsupported(what: string): WireResult {
  return { ok: false, error: { code: "0A000", message: `${what} is not available here` } };
}

function wireError(error: BackendError, statement: string): WireError {
  // A position is the learner's only when it points into their statement (run by EXECUTE, or described).
  const position = error.internalQuery === statement ? error.internalPosition : error.internalQuery === undefined ? error.position : undefined;
  return {
    message: error.message,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.hint ? { hint: error.hint } : {}),
    ...(position ? { position } : {}),
  };
}

function withPosition(result: Extract<WireResult, { ok: false }>, script: string, statement: SqlStatement): WireResult {
  const { position, ...rest } = result.error;
  const at = position ? scriptPosition(script, statement, position) : { line: statement.line, column: statement.column };
  return { ok: false, error: { ...rest, ...at } };
}

type RawPlan = Record<string, unknown> & { Plans?: RawPlan[] };

function planNode(raw: RawPlan): PlanNode {
  const num = (key: string) => (typeof raw[key] === "number" ? (raw[key] as number) : undefined);
  const str = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]).map(String) : undefined);
  const node: PlanNode = {
    nodeType: str("Node Type") ?? "Unknown",
    startupCost: num("Startup Cost") ?? 0,
    totalCost: num("Total Cost") ?? 0,
    planRows: num("Plan Rows") ?? 0,
    planWidth: num("Plan Width") ?? 0,
    children: (raw.Plans ?? []).map(planNode),
  };
  const optional: Array<[keyof PlanNode, unknown]> = [
    ["relation", str("Relation Name")],
    ["alias", str("Alias") !== str("Relation Name") ? str("Alias") : undefined],
    ["index", str("Index Name")],
    ["joinType", str("Join Type")],
    ["strategy", str("Strategy")],
    ["actualRows", num("Actual Rows")],
    ["actualLoops", num("Actual Loops")],
    ["rowsRemovedByFilter", (num("Rows Removed by Filter") ?? 0) + (num("Rows Removed by Index Recheck") ?? 0) || undefined],
    ["filter", str("Filter")],
    ["indexCond", str("Index Cond")],
    ["recheckCond", str("Recheck Cond")],
    ["hashCond", str("Hash Cond")],
    ["joinFilter", str("Join Filter")],
    ["sortKey", list("Sort Key")],
    ["groupKey", list("Group Key")],
  ];
  for (const [key, value] of optional) if (value !== undefined) (node as unknown as Record<string, unknown>)[key] = value;
  return node;
}

/** Rows read from tables: for every node that scans a table, rows returned plus rows filtered out, times loops. */
function rowsExamined(root: PlanNode): number {
  let total = 0;
  const visit = (node: PlanNode) => {
    if (node.relation !== undefined && node.actualRows !== undefined) total += (node.actualRows + (node.rowsRemovedByFilter ?? 0)) * (node.actualLoops ?? 1);
    node.children.forEach(visit);
  };
  visit(root);
  return Math.round(total);
}

export { EngineBrokenError };
