import { analyzePlan, indexColumns, nodeTimings, type PlanNode } from "./solution";

/** The lesson's plan: 12 customers expected, 4,821 found, so the inner index scan ran 4,821 times. */
function lessonPlan(): PlanNode {
  return {
    "Node Type": "Nested Loop",
    "Plan Rows": 12,
    "Actual Rows": 48210,
    "Actual Loops": 1,
    "Actual Total Time": 842.113,
    Plans: [
      {
        "Node Type": "Index Scan",
        "Parent Relationship": "Outer",
        "Index Name": "customers_country_idx",
        "Relation Name": "customers",
        "Plan Rows": 12,
        "Actual Rows": 4821,
        "Actual Loops": 1,
        "Actual Total Time": 3.912,
      },
      {
        "Node Type": "Index Scan",
        "Parent Relationship": "Inner",
        "Index Name": "orders_customer_id_idx",
        "Relation Name": "orders",
        "Plan Rows": 1,
        "Actual Rows": 10,
        "Actual Loops": 4821,
        "Actual Total Time": 0.17,
      },
    ],
  };
}

describe("analyzePlan", () => {
  it("reports the misestimates, the nested loop and the bottleneck of the lesson's plan, grouped by rule", () => {
    expect(analyzePlan(lessonPlan())).toEqual([
      { rule: "misestimate", nodePath: [], message: "Nested Loop: estimated 12 rows, actual 48210 (estimate 4017x too low)" },
      {
        rule: "misestimate",
        nodePath: [0],
        message: "Index Scan using customers_country_idx on customers: estimated 12 rows, actual 4821 (estimate 401x too low)",
      },
      {
        rule: "misestimate",
        nodePath: [1],
        message: "Index Scan using orders_customer_id_idx on orders: estimated 4821 rows, actual 48210 (estimate 10x too low)",
      },
      {
        rule: "nested-loop-inner",
        nodePath: [],
        message: "Nested Loop: inner side Index Scan using orders_customer_id_idx on orders ran 4821 times, 819.570 ms in total",
      },
      {
        rule: "bottleneck",
        nodePath: [1],
        message: "Index Scan using orders_customer_id_idx on orders is the bottleneck: 819.570 ms of 842.113 ms spent in the node itself",
      },
    ]);
  });

  it("suggests an index for a sequential scan that discards most rows, and reports a sort that spilled to disk", () => {
    const plan: PlanNode = {
      "Node Type": "Sort",
      "Plan Rows": 58000,
      "Actual Rows": 61500,
      "Actual Loops": 1,
      "Actual Total Time": 1302.775,
      "Sort Method": "external merge",
      "Sort Space Used": 7792,
      "Sort Space Type": "Disk",
      Plans: [
        {
          "Node Type": "Seq Scan",
          "Parent Relationship": "Outer",
          "Relation Name": "events",
          "Plan Rows": 58000,
          "Actual Rows": 61500,
          "Actual Loops": 1,
          "Actual Total Time": 1210.448,
          Filter: "((tenant_id = 42) AND (created_at > $1) AND ((kind)::text = 'click'::text))",
          "Rows Removed by Filter": 1938500,
        },
      ],
    };
    expect(analyzePlan(plan)).toEqual([
      {
        rule: "seq-scan-filter",
        nodePath: [0],
        message:
          "Seq Scan on events: filter removed 1938500 of 2000000 rows read (96%); consider CREATE INDEX ON events (tenant_id, kind, created_at)",
      },
      { rule: "sort-spill", nodePath: [], message: "Sort: spilled 7792 kB to disk (external merge)" },
      {
        rule: "bottleneck",
        nodePath: [0],
        message: "Seq Scan on events is the bottleneck: 1210.448 ms of 1302.775 ms spent in the node itself",
      },
    ]);
  });

  it("throws a TypeError for a plan without ANALYZE data", () => {
    const plain: PlanNode = { "Node Type": "Seq Scan", "Relation Name": "orders", "Plan Rows": 1000 };
    expect(() => analyzePlan(plain)).toThrow(TypeError);
    expect(() => analyzePlan(plain)).toThrow('Seq Scan on orders: no "Actual Rows"; run EXPLAIN (ANALYZE, FORMAT JSON) with TIMING on');
  });
});

describe("nodeTimings", () => {
  it("multiplies per-loop times by loops and subtracts the children's totals", () => {
    expect(nodeTimings(lessonPlan())).toEqual([
      { nodePath: [], label: "Nested Loop", totalMs: 842.113, exclusiveMs: 18.631 },
      { nodePath: [0], label: "Index Scan using customers_country_idx on customers", totalMs: 3.912, exclusiveMs: 3.912 },
      { nodePath: [1], label: "Index Scan using orders_customer_id_idx on orders", totalMs: 819.57, exclusiveMs: 819.57 },
    ]);
  });
});

describe("indexColumns", () => {
  it("puts equality columns first, then the first range column", () => {
    expect(indexColumns("(status = 'shipped'::text)")).toEqual(["status"]);
    expect(indexColumns("((created_at >= $1) AND (created_at < $2) AND (customer_id = 7))")).toEqual(["customer_id", "created_at"]);
    expect(indexColumns("((a > 1) AND (b > 2))")).toEqual(["a"]);
    expect(indexColumns("((status = 'a'::text) OR (status = 'b'::text))")).toEqual([]);
  });
});
