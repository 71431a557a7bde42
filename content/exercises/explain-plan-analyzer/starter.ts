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

/**
 * Columns for a B-tree index serving a filter: its equality columns, then its first range column,
 * each once. [] when the filter has no comparison of a column with a constant or parameter.
 */
export function indexColumns(filter: string): string[] {
  throw new Error("Not implemented");
}

/** Every node in plan order with its total and exclusive time. */
export function nodeTimings(plan: PlanNode): NodeTiming[] {
  throw new Error("Not implemented");
}

/** The findings of all five rules, grouped by rule in the order of `Rule`, each group in plan order. */
export function analyzePlan(plan: PlanNode): Finding[] {
  throw new Error("Not implemented");
}
