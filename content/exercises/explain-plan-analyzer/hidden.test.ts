import fc from "fast-check";
import { analyzePlan, type Finding, indexColumns, type NodeTiming, nodeTimings, type PlanNode } from "./solution";

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk input and the wrong answer).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

/** Throws a message showing both answers as JSON. */
function same(call: string, got: unknown, want: unknown): void {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`${call} returned\n  ${g}\nthe rules give\n  ${w}`);
}

/** A node with ANALYZE data; `extra` overrides or adds fields. */
function node(type: string, rows: number, loops: number, ms: number, extra: Partial<PlanNode> = {}): PlanNode {
  return { "Node Type": type, "Plan Rows": rows, "Actual Rows": rows, "Actual Loops": loops, "Actual Total Time": ms, ...extra };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const only = (plan: PlanNode, rule: Finding["rule"]) => analyzePlan(plan).filter((f) => f.rule === rule);

/** A sequential scan returning `rows` per loop and discarding `removed` per loop. */
function seqScan(rows: number, removed: number | undefined, loops = 1, filter: string | null = "(status = 'open'::text)"): PlanNode {
  const scan = node("Seq Scan", rows, loops, 1, { "Relation Name": "orders" });
  if (filter !== null) scan.Filter = filter;
  if (removed !== undefined) scan["Rows Removed by Filter"] = removed;
  return scan;
}

describe("analyzePlan: input", () => {
  it("names the first node in plan order, and its first field, that lacks ANALYZE data, for both analyzePlan and nodeTimings", () => {
    const plan = node("Hash Join", 10, 1, 5, {
      Plans: [
        node("Seq Scan", 10, 1, 1, { "Parent Relationship": "Outer", "Relation Name": "a" }),
        node("Hash", 10, 1, 1, {
          "Parent Relationship": "Inner",
          "Actual Total Time": undefined,
          Plans: [{ "Node Type": "Index Scan", "Index Name": "b_pkey", "Relation Name": "b", "Plan Rows": 5 }],
        }),
      ],
    });
    const message = 'Hash: no "Actual Total Time"; run EXPLAIN (ANALYZE, FORMAT JSON) with TIMING on';
    expect(() => analyzePlan(plan)).toThrow(new TypeError(message));
    expect(() => nodeTimings(plan)).toThrow(new TypeError(message));
    const timingOff = node("Bitmap Index Scan", 3, 1, 0, { "Index Name": "b_idx", "Actual Total Time": undefined });
    expect(() => nodeTimings(timingOff)).toThrow('Bitmap Index Scan on b_idx: no "Actual Total Time"; run EXPLAIN (ANALYZE, FORMAT JSON) with TIMING on');
    const noLoops = node("Seq Scan", 3, 1, 0, { "Relation Name": "t", "Actual Loops": undefined, "Actual Total Time": undefined });
    expect(() => analyzePlan(noLoops)).toThrow('Seq Scan on t: no "Actual Loops"; run EXPLAIN (ANALYZE, FORMAT JSON) with TIMING on');
    const noRows = node("Result", 3, 1, 0, { "Actual Rows": undefined });
    expect(() => nodeTimings(noRows)).toThrow('Result: no "Actual Rows"; run EXPLAIN (ANALYZE, FORMAT JSON) with TIMING on');
  });

  it("does not modify the plan it is given", () => {
    const plan = deepFreeze(
      node("Nested Loop", 1, 1, 50, {
        Plans: [
          node("Seq Scan", 1, 1, 10, { "Parent Relationship": "Outer", "Relation Name": "t", Filter: "(a = 1)", "Rows Removed by Filter": 99999 }),
          node("Index Scan", 1, 2000, 0.01, { "Parent Relationship": "Inner", "Index Name": "u_pkey", "Relation Name": "u" }),
        ],
      }),
    );
    const before = JSON.stringify(plan);
    expect(analyzePlan(plan).length).toBeGreaterThan(0);
    expect(nodeTimings(plan).length).toBe(3);
    expect(JSON.stringify(plan)).toBe(before);
  });
});

describe("analyzePlan: misestimates", () => {
  it("reports an estimate off by exactly 10x in either direction, but not by 9.99x", () => {
    const at = (planRows: number, actualRows: number) => only(node("Seq Scan", planRows, 1, 1, { "Relation Name": "t", "Actual Rows": actualRows }), "misestimate");
    expect(at(100, 1000).map((f) => f.message)).toEqual(["Seq Scan on t: estimated 100 rows, actual 1000 (estimate 10x too low)"]);
    expect(at(100, 999)).toEqual([]);
    expect(at(1000, 100).map((f) => f.message)).toEqual(["Seq Scan on t: estimated 1000 rows, actual 100 (estimate 10x too high)"]);
    expect(at(1000, 101)).toEqual([]);
    expect(at(100, 2599)[0]?.message).toBe("Seq Scan on t: estimated 100 rows, actual 2599 (estimate 25x too low)");
    expect(at(7000, 300)[0]?.message).toBe("Seq Scan on t: estimated 7000 rows, actual 300 (estimate 23x too high)");
  });

  it("counts 0 rows as 1, so 0 vs 9 is fine, 0 vs 10 is 10x and a never-executed node is never a misestimate", () => {
    const at = (planRows: number, actualRows: number, loops = 1) => only(node("Result", planRows, loops, 0, { "Actual Rows": actualRows }), "misestimate");
    expect(at(0, 9)).toEqual([]);
    expect(at(0, 10)[0]?.message).toBe("Result: estimated 0 rows, actual 10 (estimate 10x too low)");
    expect(at(9, 0)).toEqual([]);
    expect(at(10, 0)[0]?.message).toBe("Result: estimated 10 rows, actual 0 (estimate 10x too high)");
    expect(at(5000, 0, 0)).toEqual([]);
  });

  it("scales both the per-loop estimate and the per-loop actual rows by loops, rounding fractional rows", () => {
    const at = (planRows: number, actualRows: number, loops: number) =>
      only(node("Index Scan", planRows, loops, 0.01, { "Index Name": "i", "Relation Name": "t", "Actual Rows": actualRows }), "misestimate").map((f) => f.message);
    expect(at(1, 1, 10000)).toEqual([]); // 10,000 rows over 10,000 loops, as estimated: fine
    expect(at(1, 0, 1000)).toEqual(["Index Scan using i on t: estimated 1000 rows, actual 0 (estimate 1000x too high)"]);
    expect(at(30, 0.33, 300)).toEqual(["Index Scan using i on t: estimated 9000 rows, actual 99 (estimate 90x too high)"]);
    expect(at(1, 0.5, 1)).toEqual([]); // Math.round(0.5) = 1 row
    expect(at(1, 2.5, 4)).toEqual([]);
    expect(at(1, 2.5, 40)).toEqual([]);
    expect(at(0, 2.5, 4)).toEqual(["Index Scan using i on t: estimated 0 rows, actual 10 (estimate 10x too low)"]);
  });
});

describe("analyzePlan: sequential scans that discard most rows", () => {
  it("reports at exactly 10,000 rows read and exactly 90% removed, and not one row or one percent below", () => {
    const at = (rows: number, removed: number | undefined, loops = 1) => only(seqScan(rows, removed, loops), "seq-scan-filter").map((f) => f.message);
    expect(at(1000, 9000)).toEqual(["Seq Scan on orders: filter removed 9000 of 10000 rows read (90%); consider CREATE INDEX ON orders (status)"]);
    expect(at(1000, 8999)).toEqual([]); // 9,999 rows read
    expect(at(1001, 9000)).toEqual([]); // 89.99% removed
    expect(at(1, 99999)).toEqual(["Seq Scan on orders: filter removed 99999 of 100000 rows read (99%); consider CREATE INDEX ON orders (status)"]);
    expect(at(0, 10000)).toEqual(["Seq Scan on orders: filter removed 10000 of 10000 rows read (100%); consider CREATE INDEX ON orders (status)"]);
    expect(at(20000, undefined)).toEqual([]);
  });

  it("counts rows over all loops (Rows Removed by Filter is per loop, like Actual Rows)", () => {
    const at = (rows: number, removed: number, loops: number) => only(seqScan(rows, removed, loops), "seq-scan-filter").map((f) => f.message);
    expect(at(100, 900, 10)).toEqual(["Seq Scan on orders: filter removed 9000 of 10000 rows read (90%); consider CREATE INDEX ON orders (status)"]);
    expect(at(100, 900, 9)).toEqual([]);
    expect(at(0.5, 999.5, 10)).toEqual(["Seq Scan on orders: filter removed 9995 of 10000 rows read (99%); consider CREATE INDEX ON orders (status)"]);
    expect(at(5000, 45000, 0)).toEqual([]);
  });

  it("applies only to a Seq Scan with a Filter, and says so when the filter offers no index column", () => {
    const other = (type: string) => only(node(type, 10, 1, 1, { "Relation Name": "orders", Filter: "(a = 1)", "Rows Removed by Filter": 100000 }), "seq-scan-filter");
    expect(other("Parallel Seq Scan")).toEqual([]);
    expect(other("Index Scan")).toEqual([]);
    expect(other("Bitmap Heap Scan")).toEqual([]);
    expect(only(seqScan(10, 100000, 1, null), "seq-scan-filter")).toEqual([]);
    expect(only(seqScan(10, 99990, 1, "(lower(email) = 'x'::text)"), "seq-scan-filter").map((f) => f.message)).toEqual([
      "Seq Scan on orders: filter removed 99990 of 100000 rows read (99%); no index suggestion for this filter",
    ]);
    const joined = seqScan(1, 99999, 1, "((o.customer_id = 7) AND (o.created_at >= $1) AND (o.status = 'paid'::text))");
    expect(only(joined, "seq-scan-filter").map((f) => f.message)).toEqual([
      "Seq Scan on orders: filter removed 99999 of 100000 rows read (99%); consider CREATE INDEX ON orders (customer_id, status, created_at)",
    ]);
  });
});

const FILTERS: [string, string[]][] = [
  ["(status = 'shipped'::text)", ["status"]],
  ["((created_at >= $1) AND (created_at < $2) AND (customer_id = 7))", ["customer_id", "created_at"]],
  ["(((status)::text = 'open'::text) AND (o.total > 100))", ["status", "total"]],
  ["((a > 1) AND (b > 2))", ["a"]],
  ["((a > 1) AND (b = 2) AND (a = 3) AND (c < 4))", ["b", "a", "c"]],
  ["((a = 1) AND (a = 2) AND (b <= 2.5) AND (b >= 0.5))", ["a", "b"]],
  ["((status <> 'void'::text) AND (total > 100))", ["total"]],
  ["((status = 'a'::text) OR (status = 'b'::text))", []],
  ["((created_at)::date = '2024-05-01'::date)", []],
  ["(note = 'a AND (b'::text)", ["note"]],
  ["((note = 'it''s) AND (x'::text) AND (k = $12))", ["note", "k"]],
  ["((x = 1) AND ((y = 2) OR (z = 3)) AND (w < 5))", ["x", "w"]],
  ["((a = b) AND (c ~~ 'x%'::text) AND (d IS NULL) AND (e = lower('X'::text)) AND (f = 1))", ["f"]],
  ["((a = -1) AND (b = 1.) AND (c = .5) AND (d = 1e3) AND (e = $x) AND (g = 2))", ["g"]],
  ["(tags = '{a,b}'::text[])", ["tags"]],
  ["((created_at > '2024-01-01 00:00:00+00'::timestamp with time zone) AND (t.kind = 'x'::character varying))", ["kind", "created_at"]],
  ["(a = 1) AND (b = 2)", []],
  ["a = 1", []],
  ["((a = 1)", []],
  ["(a = 1))", []],
  ["(a = 'x)", []],
  ["((a = 1) AND b = 2)", ["a"]],
  ["((a = 1) and (b = 2))", []],
  ["((a = 1)  AND (b = 2))", ["b"]],
  ["(a  = 1)", []],
  ["(Status = 1)", []],
  ["(_x9 = 1)", ["_x9"]],
  ["(s.t.u = 1)", []],
  ["((a)::varchar = 'x'::text)", []],
  ["((a.b)::text = 'x'::text)", ["b"]],
  ["(a = 'x'::text::text)", []],
  ["(a = 'x'::Text)", []],
  ["(a = 1) ", []],
  ["", []],
  ["((a = '') AND (b = 1))", ["a", "b"]],
  ["((y = 1) AND (z = 2)) AND ((w = 3))", []],
  ["((a = 1) OR ((y = 2) AND (z = 3) AND (w = 4)))", []],
  ["((a = 1) AND (b = 2)", []],
  ["((a = 1) AND (b = 2) AND 'x)", []],
  ["[a = 1]", []],
  ["(a = 1]", []],
  ["[a = 1)", []],
  ["((a = 1) AND [b = 2])", ["a"]],
];

describe("indexColumns", () => {
  it("follows the stated grammar: literals, casts, qualifiers, operators, values, skipped parts and column order", () => {
    for (const [filter, expected] of FILTERS) expect(indexColumns(filter), `indexColumns(${JSON.stringify(filter)})`).toEqual(expected);
  });

  it("never throws, whatever the text", () => {
    const report = fc.check(
      fc.property(fc.string({ unit: fc.constantFrom("(", ")", "'", " AND ", "a", " = ", "1", "::text", "$", " ") }), (text) => {
        const columns = indexColumns(text);
        if (!Array.isArray(columns) || columns.some((c) => typeof c !== "string")) throw new Error(`indexColumns(${JSON.stringify(text)}) returned ${JSON.stringify(columns)}`);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});

describe("analyzePlan: nested loops, sorts and ordering", () => {
  it("finds the inner side by Parent Relationship (an InitPlan comes first) and reports from 1000 inner loops, counted as they are", () => {
    const loop = (innerLoops: number, ownLoops = 1, initPlan = false) =>
      node("Nested Loop", 1, ownLoops, 100, {
        Plans: [
          ...(initPlan ? [node("Result", 1, 1, 0.002, { "Parent Relationship": "InitPlan" })] : []),
          node("Seq Scan", 1, ownLoops, 1, { "Parent Relationship": "Outer", "Relation Name": "a" }),
          node("Index Scan", 1, innerLoops, 0.013, { "Parent Relationship": "Inner", "Index Name": "b_a_id_idx", "Relation Name": "b" }),
        ],
      });
    const messages = (plan: PlanNode) => only(plan, "nested-loop-inner").map((f) => f.message);
    expect(messages(loop(1000))).toEqual(["Nested Loop: inner side Index Scan using b_a_id_idx on b ran 1000 times, 13.000 ms in total"]);
    expect(messages(loop(999))).toEqual([]);
    expect(messages(loop(999, 10))).toEqual([]); // 999 is already every execution in the query
    expect(messages(loop(2500, 1, true))).toEqual(["Nested Loop: inner side Index Scan using b_a_id_idx on b ran 2500 times, 32.500 ms in total"]);
    expect(only(loop(2500, 1, true), "nested-loop-inner")[0]?.nodePath).toEqual([]);
    const noInner = node("Nested Loop", 1, 1, 1, { Plans: [node("Seq Scan", 1, 5000, 0, { "Parent Relationship": "Outer", "Relation Name": "a" })] });
    expect(messages(noInner)).toEqual([]);
    const merge = node("Merge Join", 1, 1, 1, { Plans: [node("Sort", 1, 5000, 0, { "Parent Relationship": "Inner" })] });
    expect(messages(merge)).toEqual([]);
  });

  it("reports a Sort that spilled to disk, and not an in-memory sort or an Incremental Sort", () => {
    const sort = (type: string, spaceType: string) =>
      only(node(type, 10, 1, 1, { "Sort Method": "external sort", "Sort Space Used": 20480, "Sort Space Type": spaceType }), "sort-spill");
    expect(sort("Sort", "Disk")).toEqual([{ rule: "sort-spill", nodePath: [], message: "Sort: spilled 20480 kB to disk (external sort)" }]);
    expect(sort("Sort", "Memory")).toEqual([]);
    expect(sort("Incremental Sort", "Disk")).toEqual([]);
  });

  it("groups findings by rule in the stated order, each group in plan order (pre-order, depth first)", () => {
    const spill = { "Sort Method": "external merge", "Sort Space Used": 100, "Sort Space Type": "Disk" };
    const plan = node("Sort", 1, 1, 30, {
      ...spill,
      "Actual Rows": 100,
      Plans: [
        node("Nested Loop", 1, 1, 25, {
          "Parent Relationship": "Outer",
          Plans: [
            node("Sort", 1, 1, 2, { ...spill, "Parent Relationship": "Outer", "Actual Rows": 50, Plans: [node("Seq Scan", 1, 1, 1, { "Relation Name": "x", "Parent Relationship": "Outer" })] }),
            node("Nested Loop", 5, 1000, 0.02, {
              "Parent Relationship": "Inner",
              Plans: [
                node("Seq Scan", 1, 1000, 0.001, { "Parent Relationship": "Outer", "Relation Name": "y", Filter: "(a = 1)", "Rows Removed by Filter": 20 }),
                node("Index Scan", 1, 1000, 0.001, { "Parent Relationship": "Inner", "Index Name": "z_pkey", "Relation Name": "z" }),
              ],
            }),
          ],
        }),
      ],
    });
    expect(analyzePlan(plan).map((f) => `${f.rule} ${JSON.stringify(f.nodePath)}`)).toEqual([
      "misestimate []",
      "misestimate [0,0]",
      "seq-scan-filter [0,1,0]",
      "nested-loop-inner [0]",
      "nested-loop-inner [0,1]",
      "sort-spill []",
      "sort-spill [0,0]",
      "bottleneck [0,1]",
    ]);
  });
});

describe("nodeTimings and the bottleneck", () => {
  it("works in whole microseconds, so totals are exact, and labels every kind of node", () => {
    const plan = node("Append", 1, 1, 0.6, {
      Plans: [
        node("Seq Scan", 1, 3, 0.1, { "Parent Relationship": "Member", "Relation Name": "p1" }),
        node("Bitmap Index Scan", 1, 1, 0.2, { "Parent Relationship": "Member", "Index Name": "p2_idx" }),
        node("Index Only Scan", 1, 7, 0.001, { "Parent Relationship": "Member", "Index Name": "p3_pkey", "Relation Name": "p3" }),
        node("Function Scan", 1, 0, 0, { "Parent Relationship": "Member" }),
      ],
    });
    expect(nodeTimings(plan)).toEqual([
      { nodePath: [], label: "Append", totalMs: 0.6, exclusiveMs: 0.093 },
      { nodePath: [0], label: "Seq Scan on p1", totalMs: 0.3, exclusiveMs: 0.3 },
      { nodePath: [1], label: "Bitmap Index Scan on p2_idx", totalMs: 0.2, exclusiveMs: 0.2 },
      { nodePath: [2], label: "Index Only Scan using p3_pkey on p3", totalMs: 0.007, exclusiveMs: 0.007 },
      { nodePath: [3], label: "Function Scan", totalMs: 0, exclusiveMs: 0 },
    ]);
  });

  it("subtracts every direct child (InitPlan and SubPlan too) but not grandchildren, and never goes below 0", () => {
    const plan = node("Gather", 1, 1, 100, {
      Plans: [
        node("Result", 1, 1, 5, { "Parent Relationship": "InitPlan" }),
        node("Parallel Seq Scan", 1, 3, 60, {
          "Parent Relationship": "Outer",
          "Relation Name": "big",
          Plans: [node("Index Scan", 1, 40, 0.5, { "Parent Relationship": "SubPlan", "Index Name": "s_pkey", "Relation Name": "s" })],
        }),
        node("Aggregate", 1, 2, 1, { "Parent Relationship": "SubPlan", Plans: [node("Seq Scan", 1, 2, 0.75, { "Parent Relationship": "Outer", "Relation Name": "t" })] }),
      ],
    });
    expect(nodeTimings(plan).map((t) => [t.label, t.totalMs, t.exclusiveMs])).toEqual([
      ["Gather", 100, 0], // 100 - 5 - 180 - 2 is below 0: parallel workers' time adds up
      ["Result", 5, 5],
      ["Parallel Seq Scan on big", 180, 160],
      ["Index Scan using s_pkey on s", 20, 20],
      ["Aggregate", 2, 0.5],
      ["Seq Scan on t", 1.5, 1.5],
    ]);
    expect(only(plan, "bottleneck")).toEqual([
      { rule: "bottleneck", nodePath: [1], message: "Parallel Seq Scan on big is the bottleneck: 160.000 ms of 100.000 ms spent in the node itself" },
    ]);
  });

  it("gives a tie to the node that comes first in plan order, and reports no bottleneck when no node has exclusive time", () => {
    const tie = node("Hash Join", 1, 1, 30, {
      Plans: [
        node("Seq Scan", 1, 1, 10, { "Parent Relationship": "Outer", "Relation Name": "a" }),
        node("Hash", 1, 1, 20, { "Parent Relationship": "Inner", Plans: [node("Seq Scan", 1, 1, 10, { "Parent Relationship": "Outer", "Relation Name": "b" })] }),
      ],
    });
    expect(only(tie, "bottleneck")).toEqual([
      { rule: "bottleneck", nodePath: [0], message: "Seq Scan on a is the bottleneck: 10.000 ms of 30.000 ms spent in the node itself" },
    ]);
    const rootWins = node("Limit", 1, 1, 20.001, { Plans: [node("Seq Scan", 1, 2, 5, { "Parent Relationship": "Outer", "Relation Name": "a" })] });
    expect(only(rootWins, "bottleneck")[0]?.message).toBe("Limit is the bottleneck: 10.001 ms of 20.001 ms spent in the node itself");
    const idle = node("Limit", 1, 1, 3, { Plans: [node("Seq Scan", 1, 1, 3, { "Parent Relationship": "Outer", "Relation Name": "a" })] });
    expect(only(idle, "bottleneck")[0]?.nodePath).toEqual([0]);
    expect(only(node("Result", 1, 0, 0), "bottleneck")).toEqual([]);
    expect(only(node("Result", 1, 1, 0), "bottleneck")).toEqual([]);
    expect(only(node("Result", 1, 1, 0.001), "bottleneck")[0]?.message).toBe("Result is the bottleneck: 0.001 ms of 0.001 ms spent in the node itself");
  });
});

// ---------------------------------------------------------------------------------------------
// Generated plans and filters, checked against a small model of the rules.

interface ModelNode {
  node: PlanNode;
  path: number[];
  label: string;
  loops: number;
  rows: number;
  us: number;
  exclusiveUs: number;
  children: ModelNode[];
}

/** The rules of the exercise, written as plainly as possible. */
function model(plan: PlanNode): { findings: Finding[]; timings: NodeTiming[] } {
  const all: ModelNode[] = [];
  const name = (n: PlanNode) =>
    n["Index Name"] !== undefined && n["Relation Name"] !== undefined
      ? `${n["Node Type"]} using ${n["Index Name"]} on ${n["Relation Name"]}`
      : n["Index Name"] !== undefined
        ? `${n["Node Type"]} on ${n["Index Name"]}`
        : n["Relation Name"] !== undefined
          ? `${n["Node Type"]} on ${n["Relation Name"]}`
          : n["Node Type"];
  const build = (n: PlanNode, path: number[]): ModelNode => {
    const loops = n["Actual Loops"] as number;
    const m: ModelNode = {
      node: n,
      path,
      label: name(n),
      loops,
      rows: Math.round((n["Actual Rows"] as number) * loops),
      us: Math.round((n["Actual Total Time"] as number) * 1000) * loops,
      exclusiveUs: 0,
      children: [],
    };
    all.push(m);
    m.children = (n.Plans ?? []).map((c, i) => build(c, [...path, i]));
    m.exclusiveUs = Math.max(0, m.us - m.children.map((c) => c.us).reduce((a, b) => a + b, 0));
    return m;
  };
  build(plan, []);
  const f3 = (us: number) => (us / 1000).toFixed(3);
  const findings: Finding[] = [];
  for (const m of all) {
    const est = m.node["Plan Rows"] * m.loops;
    const E = Math.max(est, 1);
    const A = Math.max(m.rows, 1);
    if (A >= 10 * E) findings.push({ rule: "misestimate", nodePath: m.path, message: `${m.label}: estimated ${est} rows, actual ${m.rows} (estimate ${Math.floor(A / E)}x too low)` });
    else if (E >= 10 * A) findings.push({ rule: "misestimate", nodePath: m.path, message: `${m.label}: estimated ${est} rows, actual ${m.rows} (estimate ${Math.floor(E / A)}x too high)` });
  }
  for (const m of all) {
    if (m.node["Node Type"] !== "Seq Scan" || m.node.Filter === undefined) continue;
    const removed = Math.round((m.node["Rows Removed by Filter"] ?? 0) * m.loops);
    const read = m.rows + removed;
    if (read >= 10000 && removed * 10 >= read * 9) {
      const cols = indexColumns(m.node.Filter);
      const advice = cols.length ? `consider CREATE INDEX ON ${m.node["Relation Name"]} (${cols.join(", ")})` : "no index suggestion for this filter";
      findings.push({ rule: "seq-scan-filter", nodePath: m.path, message: `${m.label}: filter removed ${removed} of ${read} rows read (${Math.floor((removed * 100) / read)}%); ${advice}` });
    }
  }
  for (const m of all) {
    const inner = m.children.find((c) => c.node["Parent Relationship"] === "Inner");
    if (m.node["Node Type"] === "Nested Loop" && inner && inner.loops >= 1000) {
      findings.push({ rule: "nested-loop-inner", nodePath: m.path, message: `Nested Loop: inner side ${inner.label} ran ${inner.loops} times, ${f3(inner.us)} ms in total` });
    }
  }
  for (const m of all) {
    if (m.node["Node Type"] === "Sort" && m.node["Sort Space Type"] === "Disk") {
      findings.push({ rule: "sort-spill", nodePath: m.path, message: `${m.label}: spilled ${m.node["Sort Space Used"]} kB to disk (${m.node["Sort Method"]})` });
    }
  }
  const most = Math.max(...all.map((m) => m.exclusiveUs));
  const top = all.find((m) => m.exclusiveUs === most);
  const rootUs = all[0]?.us ?? 0;
  if (top && most > 0) {
    findings.push({ rule: "bottleneck", nodePath: top.path, message: `${top.label} is the bottleneck: ${f3(top.exclusiveUs)} ms of ${f3(rootUs)} ms spent in the node itself` });
  }
  const timings = all.map((m) => ({ nodePath: m.path, label: m.label, totalMs: m.us / 1000, exclusiveMs: m.exclusiveUs / 1000 }));
  return { findings, timings };
}

/** One comparison of a generated filter and the column it contributes (null: it is skipped). */
interface Conjunct {
  text: string;
  column: string | null;
  equality: boolean;
}

const columnName = fc.constantFrom("a", "status", "created_at", "tenant_id", "kind");
const literal = fc.constantFrom("'x'::text", "'a AND (b'::text", "'it''s)'::text", "42", "2.5", "$1", "'2024-01-01 00:00:00+00'::timestamp with time zone", "'{1,2}'::integer[]");
const handled: fc.Arbitrary<Conjunct> = fc
  .record({ column: columnName, op: fc.constantFrom("=", "=", "<", "<=", ">", ">="), value: literal, form: fc.constantFrom("plain", "qualified", "text-cast") })
  .map(({ column, op, value, form }) => {
    const ref = form === "plain" ? column : form === "qualified" ? `t.${column}` : `(${column})::text`;
    return { text: `${ref} ${op} ${value}`, column, equality: op === "=" };
  });
const skipped: fc.Arbitrary<Conjunct> = fc
  .tuple(columnName, fc.constantFrom("<> 1", "~~ 'x%'::text", "IS NULL", "= other", "= lower('x'::text)", "= -1"), fc.constantFrom("plain", "date-cast", "function", "or"))
  .map(([column, rest, form]) => {
    const text = form === "plain" ? `${column} ${rest}` : form === "date-cast" ? `(${column})::date = '2024-01-01'::date` : form === "function" ? `lower(${column}) = 'x'::text` : `(${column} = 1) OR (${column} = 2)`;
    return { text, column: null, equality: false };
  });
const filterCase = fc.array(fc.oneof(handled, handled, skipped), { minLength: 1, maxLength: 4 }).map((conjuncts) => {
  const text = conjuncts.length === 1 ? `(${conjuncts.map((c) => c.text).join("")})` : `(${conjuncts.map((c) => `(${c.text})`).join(" AND ")})`;
  const equality = [...new Set(conjuncts.filter((c) => c.column !== null && c.equality).map((c) => c.column as string))];
  const range = conjuncts.find((c) => c.column !== null && !c.equality && !equality.includes(c.column));
  const expected = range ? [...equality, range.column as string] : equality;
  return { filter: text, expected, toString: () => JSON.stringify(text) };
});

/** Per-loop numbers chosen near the thresholds: 10x, 90%, 10,000 rows, 1000 loops, ties. */
const loopsArb = fc.constantFrom(0, 1, 1, 1, 2, 3, 10, 999, 1000, 1001);
const rowsArb = fc.oneof(fc.constantFrom(0, 1, 9, 10, 11, 99, 100, 101, 1000, 0.33, 0.5, 2.5), fc.integer({ min: 0, max: 50000 }));
const planRowsArb = fc.constantFrom(0, 1, 10, 12, 100, 1000, 10000);
const msArb = fc.oneof(fc.constantFrom(0, 0.001, 0.1, 0.2, 0.17, 1, 2, 10), fc.integer({ min: 0, max: 30000 }).map((us) => us / 1000));
const analyzed = fc.record({ "Plan Rows": planRowsArb, "Actual Rows": rowsArb, "Actual Loops": loopsArb, "Actual Total Time": msArb });

const leaf: fc.Arbitrary<PlanNode> = fc.oneof(
  fc
    .record({
      base: analyzed,
      filter: fc.option(fc.oneof(filterCase.map((c) => c.filter), fc.constant("(lower(email) = 'x'::text)")), { nil: undefined }),
      removedFactor: fc.constantFrom(0, 8, 9, 9, 20, 1000),
      delta: fc.constantFrom(-1, 0, 1),
      relation: fc.constantFrom("orders", "events"),
    })
    .map(({ base, filter, removedFactor, delta, relation }): PlanNode => {
      const scan: PlanNode = { "Node Type": "Seq Scan", "Relation Name": relation, ...base };
      if (filter !== undefined) {
        scan.Filter = filter;
        scan["Rows Removed by Filter"] = Math.max(0, Math.round((base["Actual Rows"] as number) * removedFactor) + delta);
      }
      return scan;
    }),
  fc.record({ base: analyzed, index: fc.constantFrom("orders_pkey", "events_tenant_idx"), type: fc.constantFrom("Index Scan", "Index Only Scan") }).map(
    ({ base, index, type }): PlanNode => ({ "Node Type": type, "Index Name": index, "Relation Name": index.split("_")[0], ...base }),
  ),
  analyzed.map((base): PlanNode => ({ "Node Type": "Bitmap Index Scan", "Index Name": "events_kind_idx", ...base })),
  analyzed.map((base): PlanNode => ({ "Node Type": "Result", ...base })),
);

const relate = (child: PlanNode, relationship: string): PlanNode => ({ ...child, "Parent Relationship": relationship });

const planArb: fc.Arbitrary<PlanNode> = fc.letrec<{ plan: PlanNode }>((tie) => ({
  plan: fc.oneof(
    { maxDepth: 4, depthIdentifier: "plan" },
    leaf,
    fc
      .record({ base: analyzed, type: fc.constantFrom("Nested Loop", "Nested Loop", "Hash Join", "Merge Join"), init: fc.option(tie("plan"), { nil: undefined }), outer: tie("plan"), inner: tie("plan") })
      .map(({ base, type, init, outer, inner }): PlanNode => ({
        "Node Type": type,
        ...base,
        Plans: [...(init ? [relate(init, "InitPlan")] : []), relate(outer, "Outer"), relate(inner, "Inner")],
      })),
    fc
      .record({
        base: analyzed,
        type: fc.constantFrom("Sort", "Sort", "Aggregate", "Limit", "Gather", "Hash"),
        spill: fc.constantFrom<[string, number, string] | undefined>(undefined, ["quicksort", 25, "Memory"], ["external merge", 1024, "Disk"]),
        outer: tie("plan"),
        sub: fc.option(tie("plan"), { nil: undefined }),
      })
      .map(({ base, type, spill, outer, sub }): PlanNode => {
        const n: PlanNode = { "Node Type": type, ...base, Plans: [relate(outer, "Outer"), ...(sub ? [relate(sub, "SubPlan")] : [])] };
        if (spill) [n["Sort Method"], n["Sort Space Used"], n["Sort Space Type"]] = spill;
        return n;
      }),
  ),
})).plan;

describe("against a model of the rules, on generated plans and filters", () => {
  it("returns the columns the grammar gives for generated conjunctions of comparisons", () => {
    const report = fc.check(
      fc.property(filterCase, ({ filter, expected }) => same(`indexColumns(${JSON.stringify(filter)})`, indexColumns(filter), expected)),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });

  it("agrees with the model on every finding, in order, and on every node's timing, for generated plan trees", () => {
    const report = fc.check(
      fc.property(planArb, (plan) => {
        const want = model(plan);
        same("analyzePlan(plan)", analyzePlan(plan), want.findings);
        same("nodeTimings(plan)", nodeTimings(plan), want.timings);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});
