// Pure formatting for the SQL views: result cells, statement headings, plan lines and schema
// details. No React here, so the rules are unit-tested on their own (format.test.ts).
import type { PlanNode, SqlStatementPreview, SqlTableInfo, SqlValue } from "@/lib/sandbox/sql/types";

export type CellKind = "null" | "number" | "boolean" | "json" | "text";

export interface Cell {
  text: string;
  kind: CellKind;
  /** The whole value, when `text` had to be shortened. */
  title?: string;
}

/** Longer values are cut in the table; the full text is the cell's tooltip. */
export const CELL_MAX_CHARS = 60;

const NUMERIC_TYPE = /^(smallint|integer|bigint|numeric|decimal|real|double precision|money|int2|int4|int8|float4|float8)\b/;

/** Whether a column of this type holds numbers (right-aligned even when a value arrives as a string). */
export function isNumericType(type: string | undefined): boolean {
  return type !== undefined && NUMERIC_TYPE.test(type);
}

/** How one value of a result looks in the table. */
export function formatCell(value: SqlValue, type?: string, maxChars = CELL_MAX_CHARS): Cell {
  if (value === null) return { text: "NULL", kind: "null" };
  if (typeof value === "number") return { text: String(value), kind: "number" };
  if (typeof value === "boolean") return { text: String(value), kind: "boolean" };
  const kind: CellKind = typeof value === "string" ? (isNumericType(type) ? "number" : "text") : "json";
  const full = typeof value === "string" ? value : JSON.stringify(value);
  // Line breaks would vanish in a table cell; a visible mark keeps a multi-line value recognisable.
  const oneLine = full.replace(/\r?\n/g, "↵");
  if (oneLine.length <= maxChars && oneLine === full) return { text: full, kind };
  if (oneLine.length <= maxChars) return { text: oneLine, kind, title: full };
  return { text: `${oneLine.slice(0, maxChars - 1)}…`, kind, title: full };
}

/** The line that names a statement: its first line with SQL in it (leading comments and blank lines skipped). */
export function statementHeadline(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const first = lines.find((l) => l !== "" && !l.startsWith("--")) ?? lines.find((l) => l !== "") ?? "";
  const more = lines.slice(lines.indexOf(first) + 1).some((l) => l !== "");
  return more ? `${first} …` : first;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;

const ROW_COMMANDS = /^(SELECT|INSERT|UPDATE|DELETE|MERGE|COPY|FETCH|MOVE)\b/;

/** "SELECT · 120 rows, showing the first 50", "UPDATE · 3 rows", "CREATE INDEX". */
export function statementSummary(statement: Pick<SqlStatementPreview, "command" | "rowCount" | "rows" | "truncated">): string {
  const parts: string[] = [];
  if (statement.command) parts.push(statement.command);
  // DDL reports 0 rows, which says nothing; a query or a data change always says how many.
  const countsRows = statement.rows !== undefined || ROW_COMMANDS.test(statement.command ?? "");
  if (statement.rowCount !== undefined && countsRows) {
    const count = plural(statement.rowCount, "row");
    parts.push(statement.truncated && statement.rows ? `${count}, showing the first ${statement.rows.length}` : count);
  }
  return parts.join(" · ");
}

// ---- Plans ----------------------------------------------------------------------------------

const AGGREGATE_NAMES: Record<string, string> = { Hashed: "HashAggregate", Sorted: "GroupAggregate", Mixed: "MixedAggregate" };

/** A node as EXPLAIN's text format names it: "Index Scan using orders_customer_idx on orders o", "Hash Left Join". */
export function planNodeLabel(node: PlanNode): string {
  let name = node.nodeType;
  if (node.nodeType === "Aggregate" && node.strategy) name = AGGREGATE_NAMES[node.strategy] ?? name;
  if (node.nodeType === "SetOp" && node.strategy === "Hashed") name = "HashSetOp";
  if (node.joinType && node.joinType !== "Inner") name = `${name.replace(/ Join$/, "")} ${node.joinType} Join`;
  if (node.index && node.nodeType !== "Bitmap Index Scan") name += ` using ${node.index}`;
  else if (node.index) name += ` on ${node.index}`;
  if (node.relation) name += ` on ${node.relation}${node.alias && node.alias !== node.relation ? ` ${node.alias}` : ""}`;
  return name;
}

const cost = (n: number) => n.toFixed(2);
const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** "cost=0.42..8.44 rows=1", then "actual rows=1 loops=3" with ANALYZE. */
export function planNodeStats(node: PlanNode): { estimate: string; actual?: string } {
  const estimate = `cost=${cost(node.startupCost)}..${cost(node.totalCost)} rows=${count(node.planRows)}`;
  if (node.actualRows === undefined) return { estimate };
  return { estimate, actual: `actual rows=${count(node.actualRows)} loops=${count(node.actualLoops ?? 1)}` };
}

/** The conditions and keys printed under a node, in EXPLAIN's order. */
export function planNodeDetails(node: PlanNode): Array<{ label: string; value: string }> {
  const details: Array<{ label: string; value: string }> = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== "") details.push({ label, value });
  };
  add("Index Cond", node.indexCond);
  add("Recheck Cond", node.recheckCond);
  add("Hash Cond", node.hashCond);
  add("Join Filter", node.joinFilter);
  add("Filter", node.filter);
  if (node.rowsRemovedByFilter !== undefined) add("Rows Removed by Filter", String(node.rowsRemovedByFilter));
  add("Sort Key", node.sortKey?.join(", "));
  add("Group Key", node.groupKey?.join(", "));
  return details;
}

/** A node that reads a whole table: what an optimisation exercise usually wants gone. */
export const isSeqScan = (node: PlanNode) => node.nodeType === "Seq Scan";

export type PlanLine =
  | { kind: "node"; guide: string; depth: number; label: string; estimate: string; actual?: string; seqScan: boolean }
  | { kind: "detail"; guide: string; depth: number; label: string; value: string };

/**
 * The plan as lines of a tree: each node, its details indented under it, its children after them
 * with guides ("├─ ", "│  ", "└─ ") that tie each child to its parent.
 */
export function planLines(root: PlanNode): PlanLine[] {
  const lines: PlanLine[] = [];
  const visit = (node: PlanNode, head: string, rest: string, depth: number) => {
    const stats = planNodeStats(node);
    lines.push({ kind: "node", guide: head, depth, label: planNodeLabel(node), estimate: stats.estimate, ...(stats.actual ? { actual: stats.actual } : {}), seqScan: isSeqScan(node) });
    const detailGuide = rest + (node.children.length > 0 ? "│  " : "   ");
    for (const d of planNodeDetails(node)) lines.push({ kind: "detail", guide: detailGuide, depth, label: d.label, value: d.value });
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1;
      visit(child, rest + (last ? "└─ " : "├─ "), rest + (last ? "   " : "│  "), depth + 1);
    });
  };
  visit(root, "", "", 0);
  return lines;
}

/** Every node of a plan, depth first. */
export function planNodes(root: PlanNode): PlanNode[] {
  return [root, ...root.children.flatMap(planNodes)];
}

// ---- Schema ---------------------------------------------------------------------------------

/** "orders" in schema public, "shop.orders" elsewhere. */
export function tableName(table: Pick<SqlTableInfo, "schema" | "name">): string {
  return table.schema === "public" ? table.name : `${table.schema}.${table.name}`;
}

/** The part of `CREATE [UNIQUE] INDEX name ON table USING method (...)` a reader needs: "(customer_id, created_at)", "gin (tags)". */
export function indexSummary(definition: string): string {
  const match = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF NOT EXISTS\s+)?\S+\s+ON\s+(?:ONLY\s+)?\S+\s+USING\s+(\w+)\s+(.*)$/is.exec(definition.trim());
  if (!match) return definition;
  const [, method, rest] = match;
  return method!.toLowerCase() === "btree" ? rest! : `${method} ${rest}`;
}

/** "20,000 rows". */
export function rowCountText(n: number): string {
  return plural(n, "row");
}
