/**
 * One node of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` output: the fields the analyser reads.
 * PostgreSQL prints many more (costs, widths, buffers, conditions); they are allowed and ignored.
 */
export interface PlanNode {
  "Node Type": string;
  /** "Outer", "Inner", "InitPlan", "SubPlan", "Member", "Subquery": how the parent uses this node. */
  "Parent Relationship"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  /** Estimated rows per execution of the node (per loop). */
  "Plan Rows": number;
  /** Average rows per loop (a whole number before PostgreSQL 18, two decimals since). */
  "Actual Rows"?: number;
  /** How many times the node was executed (0: never executed). */
  "Actual Loops"?: number;
  /** Average milliseconds per loop until the last row, children included; three decimals. */
  "Actual Total Time"?: number;
  "Filter"?: string;
  /** Average per loop, like Actual Rows. */
  "Rows Removed by Filter"?: number;
  "Sort Method"?: string;
  /** Kilobytes. */
  "Sort Space Used"?: number;
  /** "Memory" or "Disk". */
  "Sort Space Type"?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export type Rule = "misestimate" | "seq-scan-filter" | "nested-loop-inner" | "sort-spill" | "bottleneck";

export interface Finding {
  rule: Rule;
  /** Indexes into `Plans` from the root: [] is the root, [1, 0] is root.Plans[1].Plans[0]. */
  nodePath: number[];
  message: string;
}

export interface NodeTiming {
  nodePath: number[];
  label: string;
  /** Actual Total Time x Actual Loops, in ms (whole microseconds / 1000). */
  totalMs: number;
  /** totalMs minus the children's totalMs, never below 0. */
  exclusiveMs: number;
}

const ANALYZE_FIELDS = ["Actual Rows", "Actual Loops", "Actual Total Time"] as const;

/** A node as PostgreSQL's text format names it, without alias or join type. */
function label(node: PlanNode): string {
  const type = node["Node Type"];
  const index = node["Index Name"];
  const relation = node["Relation Name"];
  if (index !== undefined && relation !== undefined) return `${type} using ${index} on ${relation}`;
  if (index !== undefined) return `${type} on ${index}`;
  if (relation !== undefined) return `${type} on ${relation}`;
  return type;
}

/** A node with everything derived from it that the rules need, in whole rows and microseconds. */
interface Visited {
  node: PlanNode;
  path: number[];
  label: string;
  loops: number;
  /** Actual Rows over all loops. */
  rows: number;
  /** Actual Total Time over all loops, in microseconds. */
  totalUs: number;
  exclusiveUs: number;
  children: Visited[];
}

/** Pre-order walk (a node, then its Plans in array order), checking that every node has ANALYZE data. */
function visit(plan: PlanNode): { root: Visited; nodes: Visited[] } {
  const out: Visited[] = [];
  const walk = (node: PlanNode, path: number[]): Visited => {
    const name = label(node);
    for (const field of ANALYZE_FIELDS) {
      if (typeof node[field] !== "number") {
        throw new TypeError(`${name}: no "${field}"; run EXPLAIN (ANALYZE, FORMAT JSON) with TIMING on`);
      }
    }
    const loops = node["Actual Loops"] as number;
    // Times are printed to the microsecond: integers keep every sum and comparison exact.
    const totalUs = Math.round((node["Actual Total Time"] as number) * 1000) * loops;
    const visited: Visited = {
      node,
      path,
      label: name,
      loops,
      rows: Math.round((node["Actual Rows"] as number) * loops),
      totalUs,
      exclusiveUs: 0,
      children: [],
    };
    out.push(visited); // before the children: pre-order
    (node.Plans ?? []).forEach((child, i) => visited.children.push(walk(child, [...path, i])));
    const childrenUs = visited.children.reduce((sum, child) => sum + child.totalUs, 0);
    // Parallel workers and rounding can make the children add up to more than the parent.
    visited.exclusiveUs = Math.max(0, totalUs - childrenUs);
    return visited;
  };
  const root = walk(plan, []);
  return { root, nodes: out };
}

/** Milliseconds with exactly three decimals, from whole microseconds. */
function ms(us: number): string {
  return (us / 1000).toFixed(3);
}

/** Splits at " AND " outside quotes and parentheses; null when the quotes or parentheses do not balance. */
function splitTopLevelAnd(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "'") {
      // Jump to the closing quote. An escaped quote ('') closes the literal and opens another one
      // at once, which comes to the same as skipping it.
      i = body.indexOf("'", i + 1);
      if (i === -1) return null; // an unterminated literal
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
      if (depth < 0) return null;
    } else if (depth === 0 && body.startsWith(" AND ", i)) {
      parts.push(body.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  if (depth !== 0) return null;
  parts.push(body.slice(start));
  return parts;
}

/** The text inside one pair of parentheses that wraps all of `text`, or null. */
function unwrap(text: string): string | null {
  if (!text.startsWith("(") || !text.endsWith(")")) return null;
  const inner = text.slice(1, -1);
  // "(a = 1) AND (b = 2)" starts and ends with parentheses that are not one pair.
  return splitTopLevelAnd(inner) === null ? null : inner;
}

const NAME = "[a-z_][a-z0-9_]*";
const REF = `(?:${NAME}\\.)?(${NAME})`;
const COMPARISON = new RegExp(
  `^(?:${REF}|\\(${REF}\\)::[a-z_]+) (=|<|<=|>|>=) ` +
    `(?:'(?:[^']|'')*'|[0-9]+(?:\\.[0-9]+)?|\\$[0-9]+)(?:::[a-z_][a-z0-9_ ]*(?:\\[\\])?)?$`,
);

/**
 * Columns for a B-tree index serving a filter: its equality columns, then its first range column,
 * each once. [] when the filter has no comparison of a column with a constant or parameter.
 */
export function indexColumns(filter: string): string[] {
  const body = unwrap(filter);
  if (body === null) return [];
  const parts = splitTopLevelAnd(body) as string[];
  const comparisons = parts.length === 1 ? parts : parts.map(unwrap).filter((p): p is string => p !== null);
  const equality: string[] = [];
  const range: string[] = [];
  for (const comparison of comparisons) {
    const match = COMPARISON.exec(comparison);
    if (match === null) continue;
    const column = (match[1] ?? match[2]) as string;
    (match[3] === "=" ? equality : range).push(column);
  }
  const columns = [...new Set(equality)];
  // After a range condition, later index columns can no longer narrow the scan (leftmost prefix).
  const firstRange = range.find((c) => !columns.includes(c));
  if (firstRange !== undefined) columns.push(firstRange);
  return columns;
}

/** Every node in plan order with its total and exclusive time. */
export function nodeTimings(plan: PlanNode): NodeTiming[] {
  return visit(plan).nodes.map((v) => ({
    nodePath: v.path,
    label: v.label,
    totalMs: v.totalUs / 1000,
    exclusiveMs: v.exclusiveUs / 1000,
  }));
}

/** The findings of all five rules, grouped by rule in the order of `Rule`, each group in plan order. */
export function analyzePlan(plan: PlanNode): Finding[] {
  const { root, nodes } = visit(plan);
  const findings: Finding[] = [];
  const add = (rule: Rule, v: Visited, message: string) => findings.push({ rule, nodePath: v.path, message });

  for (const v of nodes) {
    // Plan Rows is a per-loop estimate too, so both sides are scaled by the same loops.
    const estimated = v.node["Plan Rows"] * v.loops;
    const e = Math.max(estimated, 1);
    const a = Math.max(v.rows, 1);
    if (a >= 10 * e) {
      add("misestimate", v, `${v.label}: estimated ${estimated} rows, actual ${v.rows} (estimate ${Math.floor(a / e)}x too low)`);
    } else if (e >= 10 * a) {
      add("misestimate", v, `${v.label}: estimated ${estimated} rows, actual ${v.rows} (estimate ${Math.floor(e / a)}x too high)`);
    }
  }

  for (const v of nodes) {
    const filter = v.node.Filter;
    if (v.node["Node Type"] !== "Seq Scan" || filter === undefined) continue;
    const removed = Math.round((v.node["Rows Removed by Filter"] ?? 0) * v.loops);
    const read = v.rows + removed;
    if (read < 10_000 || removed * 10 < read * 9) continue;
    const columns = indexColumns(filter);
    const advice =
      columns.length > 0
        ? `consider CREATE INDEX ON ${v.node["Relation Name"]} (${columns.join(", ")})`
        : "no index suggestion for this filter";
    add("seq-scan-filter", v, `${v.label}: filter removed ${removed} of ${read} rows read (${Math.floor((removed * 100) / read)}%); ${advice}`);
  }

  for (const v of nodes) {
    if (v.node["Node Type"] !== "Nested Loop") continue;
    // Not simply Plans[1]: an InitPlan child, when there is one, is listed before the outer side.
    const inner = v.children.find((child) => child.node["Parent Relationship"] === "Inner");
    if (inner === undefined || inner.loops < 1000) continue;
    add("nested-loop-inner", v, `${v.label}: inner side ${inner.label} ran ${inner.loops} times, ${ms(inner.totalUs)} ms in total`);
  }

  for (const v of nodes) {
    if (v.node["Node Type"] !== "Sort" || v.node["Sort Space Type"] !== "Disk") continue;
    add("sort-spill", v, `${v.label}: spilled ${v.node["Sort Space Used"]} kB to disk (${v.node["Sort Method"]})`);
  }

  let worst: Visited | undefined;
  for (const v of nodes) if (v.exclusiveUs > (worst?.exclusiveUs ?? 0)) worst = v; // strict: ties keep the earlier node
  if (worst !== undefined) {
    add("bottleneck", worst, `${worst.label} is the bottleneck: ${ms(worst.exclusiveUs)} ms of ${ms(root.totalUs)} ms spent in the node itself`);
  }

  return findings; // grouped by rule: the loops above run in rule order, each over the nodes in plan order

}
