// The `deepend:sql` module tests import (lib/sandbox/types/sql-client.d.ts): evaluated in isolates
// of SQL exercises, before lockdown. It talks to the run's SQL session through one host function,
// which it takes off the global object so that the solution cannot reach it except through `db`.
/* eslint-disable @typescript-eslint/no-explicit-any */

declare const __deependHarness: { registerTestModule(name: string, exports: unknown): void };

const globalObject = globalThis as any;
const host: (request: string) => string = globalObject.__deependSqlHost;
delete globalObject.__deependSqlHost;
const { parse, stringify } = JSON;
const freeze = Object.freeze;
const isArray = Array.isArray;
const ErrorBase = Error;

function call(request: Record<string, unknown>): any {
  return parse(host(stringify(request)));
}

class SqlError extends ErrorBase {
  code: string;
  detail?: string;
  hint?: string;
  position?: number;
  line?: number;
  column?: number;
  constructor(error: { message: string; code: string; detail?: string; hint?: string; position?: number; line?: number; column?: number }) {
    super(error.line !== undefined ? `${error.message} (line ${error.line}, column ${error.column})` : error.message);
    this.name = "SqlError";
    this.code = error.code;
    if (error.detail !== undefined) this.detail = error.detail;
    if (error.hint !== undefined) this.hint = error.hint;
    if (error.position !== undefined) this.position = error.position;
    if (error.line !== undefined) this.line = error.line;
    if (error.column !== undefined) this.column = error.column;
  }
}
freeze(SqlError);
freeze(SqlError.prototype);

function resultOf(wire: any) {
  const fields = wire.fields.map((f: any) => freeze({ name: f.name, type: f.type }));
  const rows = wire.values.map((values: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) row[fields[i].name] = values[i];
    return row;
  });
  return { command: wire.command, rows, values: wire.values, fields, rowCount: wire.rowCount };
}

function settle<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      resolve(fn());
    } catch (error) {
      reject(error);
    }
  });
}

function checkParams(params: unknown): unknown[] {
  if (params === undefined) return [];
  if (!isArray(params)) throw new TypeError("query parameters must be an array");
  const check = (value: unknown, where: string): unknown => {
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    if (value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    if (isArray(value)) return value.map((v, i) => check(v, `${where}[${i}]`));
    throw new TypeError(`parameter ${where} must be a string, number, boolean, null, Date or an array of those (got ${typeof value})`);
  };
  return params.map((value, i) => check(value, `$${i + 1}`));
}

function makeDb(): any {
  return freeze({
    query(text: unknown, params?: unknown) {
      return settle(() => {
        if (typeof text !== "string") throw new TypeError("db.query(text, params): text must be a string");
        const wire = call({ op: "query", text, params: checkParams(params) });
        if (!wire.ok) throw new SqlError(wire.error);
        return resultOf(wire);
      });
    },
    exec(script: unknown) {
      return settle(() => {
        if (typeof script !== "string") throw new TypeError("db.exec(script): script must be a string");
        const wire = call({ op: "exec", script });
        if (!wire.ok) throw new SqlError(wire.error);
      });
    },
    async transaction(fn: unknown) {
      if (typeof fn !== "function") throw new TypeError("db.transaction(fn): fn must be a function");
      const begun = call({ op: "transaction", action: "begin", handle: 0 });
      if (!begun.ok) throw new SqlError(begun.error);
      const handle = begun.rowCount as number;
      let value;
      try {
        value = await fn(db);
      } catch (error) {
        call({ op: "transaction", action: "rollback", handle });
        throw error;
      }
      call({ op: "transaction", action: "commit", handle });
      return value;
    },
  });
}

const db = makeDb();

let learnerInfo: { statements: ReadonlyArray<{ text: string; line: number }>; error?: string } | undefined;
function learnerStatements() {
  if (!learnerInfo) {
    const info = call({ op: "learner" });
    learnerInfo = freeze({ statements: freeze(info.statements.map((s: any) => freeze({ text: s.text, line: s.line }))), error: info.error });
  }
  return learnerInfo;
}

const learner = freeze({
  get statements() {
    return learnerStatements().statements;
  },
  run() {
    return settle(() => call({ op: "learnerRun" }).results.map((r: any) => (r.ok ? resultOf(r) : new SqlError(r.error))));
  },
  query() {
    return settle(() => {
      const results = call({ op: "learnerRun" }).results;
      if (results.length === 0) throw new SqlError({ code: "42601", message: "your SQL has no statement" });
      for (const r of results) if (!r.ok) throw new SqlError(r.error);
      return resultOf(results[results.length - 1]);
    });
  },
});

let fixtureText: string | undefined;

function resetDatabase() {
  return settle(() => {
    const wire = call({ op: "reset" });
    if (!wire.ok) throw new SqlError({ ...wire.error, message: `the exercise's schema.sql failed: ${wire.error.message}` });
  });
}

interface PlanNodeLike {
  nodeType: string;
  relation?: string;
  alias?: string;
  index?: string;
  totalCost: number;
  children: PlanNodeLike[];
}

function explain(sql: unknown, options?: { analyze?: boolean; params?: unknown }) {
  if (typeof sql !== "string") throw new TypeError("explain(sql): sql must be a string");
  const wire = call({ op: "explain", sql, analyze: options?.analyze === true, params: checkParams(options?.params) });
  if (!wire.ok) throw new SqlError(wire.error);
  const nodes: PlanNodeLike[] = [];
  const walk = (node: PlanNodeLike) => {
    nodes.push(node);
    node.children.forEach(walk);
  };
  walk(wire.plan.root);
  return freeze({ root: wire.plan.root, nodes, totalCost: wire.plan.totalCost, rowsExamined: wire.plan.rowsExamined });
}

function label(node: PlanNodeLike): string {
  const using = node.index ? ` using ${node.index}` : "";
  return node.relation ? `${node.nodeType}${using} on ${node.relation}` : `${node.nodeType}${using}`;
}

function describePlan(plan: { root: PlanNodeLike }): string {
  const text = (node: PlanNodeLike): string => {
    if (node.children.length === 0) return label(node);
    if (node.children.length === 1) return `${label(node)} > ${text(node.children[0]!)}`;
    return `${label(node)} (${node.children.map(text).join(", ")})`;
  };
  return text(plan.root);
}

const bare = (name: string) => name.slice(name.lastIndexOf(".") + 1).replace(/"/g, "");

/** Nodes with the table they read: a Bitmap Index Scan reads for the Bitmap Heap Scan above it. */
function withTables(root: PlanNodeLike): Array<{ node: PlanNodeLike; table?: string }> {
  const out: Array<{ node: PlanNodeLike; table?: string }> = [];
  const walk = (node: PlanNodeLike, above?: string) => {
    const table = node.relation ?? (node.nodeType === "Bitmap Index Scan" ? above : undefined);
    out.push({ node, ...(table ? { table } : {}) });
    node.children.forEach((child) => walk(child, node.relation ?? above));
  };
  walk(root);
  return out;
}

function expectPlan(planOrSql: unknown, options?: { analyze?: boolean; params?: unknown }) {
  const plan = typeof planOrSql === "string" ? explain(planOrSql, options) : (planOrSql as ReturnType<typeof explain>);
  if (!plan || typeof plan !== "object" || !plan.root) throw new TypeError("expectPlan(plan or sql): pass a plan from explain() or SQL text");
  const shown = describePlan(plan);
  const matches = (nodeType: string, on?: string) =>
    withTables(plan.root).some(({ node, table }) => node.nodeType === nodeType && (on === undefined || (table !== undefined && (bare(table) === bare(on) || node.alias === bare(on)))));
  const usesIndex = (name?: string, on?: string) =>
    withTables(plan.root).some(
      ({ node, table }) => (node.nodeType === "Index Scan" || node.nodeType === "Index Only Scan" || node.nodeType === "Bitmap Index Scan") && (name === undefined || node.index === name) && (on === undefined || (table !== undefined && bare(table) === bare(on))),
    );
  const make = (negated: boolean) => {
    const check = (pass: boolean, expectation: string) => {
      if (pass === negated) throw new ErrorBase(`Expected the plan ${negated ? "not " : ""}to ${expectation}, but it is: ${shown}`);
    };
    return freeze({
      toContain(nodeType: string, opts?: { on?: string }) {
        check(matches(nodeType, opts?.on), `contain ${nodeType}${opts?.on ? ` on ${opts.on}` : ""}`);
      },
      toUseIndex(name?: string, opts?: { on?: string }) {
        check(usesIndex(name, opts?.on), `use ${name ? `index ${name}` : "an index"}${opts?.on ? ` on ${opts.on}` : ""}`);
      },
      toCostLessThan(bound: number) {
        check(plan.totalCost < bound, `cost less than ${bound} (estimated total cost ${plan.totalCost})`);
      },
      toExamineAtMost(rows: number) {
        if (plan.rowsExamined === undefined) throw new TypeError("toExamineAtMost needs a plan made with { analyze: true }");
        check(plan.rowsExamined <= rows, `examine at most ${rows} rows (scans read ${plan.rowsExamined})`);
      },
    });
  };
  return freeze({ ...make(false), not: make(true) });
}

const moduleExports = freeze({
  db,
  get fixture() {
    fixtureText ??= call({ op: "fixture" }).fixture as string;
    return fixtureText;
  },
  resetDatabase,
  learner,
  explain,
  expectPlan,
  describePlan,
  SqlError,
});

__deependHarness.registerTestModule("deepend:sql", moduleExports);

export {};
