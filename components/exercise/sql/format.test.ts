import { describe, expect, it } from "vitest";
import type { PlanNode } from "@/lib/sandbox/sql/types";
import { formatCell, indexSummary, planLines, planNodeDetails, planNodeLabel, planNodeStats, statementHeadline, statementSummary, tableName } from "./format";

const node = (fields: Partial<PlanNode> & Pick<PlanNode, "nodeType">): PlanNode => ({ startupCost: 0, totalCost: 1, planRows: 1, planWidth: 8, children: [], ...fields });

describe("formatCell", () => {
  it("shows NULL apart from the text 'NULL'", () => {
    expect(formatCell(null)).toEqual({ text: "NULL", kind: "null" });
    expect(formatCell("NULL", "text")).toEqual({ text: "NULL", kind: "text" });
  });

  it("marks numbers, including numeric values that arrive as strings", () => {
    expect(formatCell(42, "integer")).toEqual({ text: "42", kind: "number" });
    expect(formatCell(0.5)).toEqual({ text: "0.5", kind: "number" });
    expect(formatCell("12345678901234567890", "numeric")).toEqual({ text: "12345678901234567890", kind: "number" });
    expect(formatCell("12", "text").kind).toBe("text");
  });

  it("writes booleans and JSON compactly", () => {
    expect(formatCell(false)).toEqual({ text: "false", kind: "boolean" });
    expect(formatCell({ a: [1, null], b: "x" }, "jsonb")).toEqual({ text: '{"a":[1,null],"b":"x"}', kind: "json" });
  });

  it("cuts long values and keeps the whole one as the title", () => {
    const long = "x".repeat(100);
    const cell = formatCell(long, "text", 10);
    expect(cell.text).toBe("xxxxxxxxx…");
    expect(cell.text).toHaveLength(10);
    expect(cell.title).toBe(long);
    expect(formatCell("x".repeat(10), "text", 10)).toEqual({ text: "x".repeat(10), kind: "text" });
  });

  it("marks line breaks so a multi-line value stays recognisable", () => {
    expect(formatCell("a\nb", "text")).toEqual({ text: "a↵b", kind: "text", title: "a\nb" });
  });
});

describe("statements", () => {
  it("names a statement by its first line of SQL", () => {
    expect(statementHeadline("SELECT 1")).toBe("SELECT 1");
    expect(statementHeadline("-- the top customers\n\nSELECT id, name\nFROM customers")).toBe("SELECT id, name …");
    expect(statementHeadline("-- only a comment")).toBe("-- only a comment");
  });

  it("summarises the command and its rows", () => {
    expect(statementSummary({ command: "SELECT", rowCount: 1, rows: [[1]] })).toBe("SELECT · 1 row");
    expect(statementSummary({ command: "SELECT", rowCount: 0, rows: [] })).toBe("SELECT · 0 rows");
    expect(statementSummary({ command: "SELECT", rowCount: 1200, rows: Array.from({ length: 50 }, () => [1]), truncated: true })).toBe("SELECT · 1,200 rows, showing the first 50");
    expect(statementSummary({ command: "UPDATE", rowCount: 3 })).toBe("UPDATE · 3 rows");
    expect(statementSummary({ command: "CREATE INDEX", rowCount: 0 })).toBe("CREATE INDEX");
  });
});

describe("plans", () => {
  it("names nodes as EXPLAIN's text format does", () => {
    expect(planNodeLabel(node({ nodeType: "Index Scan", index: "orders_customer_idx", relation: "orders" }))).toBe("Index Scan using orders_customer_idx on orders");
    expect(planNodeLabel(node({ nodeType: "Index Only Scan", index: "orders_customer_idx", relation: "orders", alias: "o" }))).toBe("Index Only Scan using orders_customer_idx on orders o");
    expect(planNodeLabel(node({ nodeType: "Bitmap Index Scan", index: "orders_status_idx" }))).toBe("Bitmap Index Scan on orders_status_idx");
    expect(planNodeLabel(node({ nodeType: "Seq Scan", relation: "customers", alias: "customers" }))).toBe("Seq Scan on customers");
    expect(planNodeLabel(node({ nodeType: "Hash Join", joinType: "Inner" }))).toBe("Hash Join");
    expect(planNodeLabel(node({ nodeType: "Hash Join", joinType: "Left" }))).toBe("Hash Left Join");
    expect(planNodeLabel(node({ nodeType: "Nested Loop", joinType: "Anti" }))).toBe("Nested Loop Anti Join");
    expect(planNodeLabel(node({ nodeType: "Aggregate", strategy: "Hashed" }))).toBe("HashAggregate");
    expect(planNodeLabel(node({ nodeType: "Aggregate", strategy: "Plain" }))).toBe("Aggregate");
  });

  it("gives the estimate, and what ANALYZE measured when it ran", () => {
    expect(planNodeStats(node({ nodeType: "Seq Scan", startupCost: 0, totalCost: 5405.5, planRows: 300000 }))).toEqual({ estimate: "cost=0.00..5405.50 rows=300000" });
    expect(planNodeStats(node({ nodeType: "Index Scan", startupCost: 0.42, totalCost: 8.44, planRows: 1, actualRows: 2.5, actualLoops: 4 }))).toEqual({ estimate: "cost=0.42..8.44 rows=1", actual: "actual rows=2.50 loops=4" });
  });

  it("lists conditions in EXPLAIN's order", () => {
    const details = planNodeDetails(node({ nodeType: "Seq Scan", filter: "(status = 'open'::text)", rowsRemovedByFilter: 12, sortKey: ["a", "b DESC"] }));
    expect(details).toEqual([
      { label: "Filter", value: "(status = 'open'::text)" },
      { label: "Rows Removed by Filter", value: "12" },
      { label: "Sort Key", value: "a, b DESC" },
    ]);
  });

  it("draws the tree with guides, details under their node, Seq Scans marked", () => {
    const plan = node({
      nodeType: "Hash Join",
      joinType: "Inner",
      hashCond: "(o.customer_id = c.id)",
      children: [
        node({ nodeType: "Seq Scan", relation: "orders", alias: "o", filter: "(total > 100)" }),
        node({ nodeType: "Hash", children: [node({ nodeType: "Index Scan", index: "customers_pkey", relation: "customers", alias: "c", indexCond: "(id < 10)" })] }),
      ],
    });
    const text = planLines(plan).map((l) => (l.kind === "node" ? `${l.guide}${l.label}${l.seqScan ? " [seq]" : ""}` : `${l.guide}${l.label}: ${l.value}`));
    expect(text).toEqual([
      "Hash Join",
      "│  Hash Cond: (o.customer_id = c.id)",
      "├─ Seq Scan on orders o [seq]",
      "│     Filter: (total > 100)",
      "└─ Hash",
      "   └─ Index Scan using customers_pkey on customers c",
      "         Index Cond: (id < 10)",
    ]);
    expect(planLines(plan).filter((l) => l.kind === "node").map((l) => l.depth)).toEqual([0, 1, 1, 2]);
  });
});

describe("schema", () => {
  it("qualifies tables outside public", () => {
    expect(tableName({ schema: "public", name: "orders" })).toBe("orders");
    expect(tableName({ schema: "shop", name: "orders" })).toBe("shop.orders");
  });

  it("keeps what an index covers from its definition", () => {
    expect(indexSummary("CREATE UNIQUE INDEX customers_pkey ON public.customers USING btree (id)")).toBe("(id)");
    expect(indexSummary("CREATE INDEX orders_open_idx ON shop.orders USING btree (customer_id, created_at DESC) WHERE (status = 'open'::text)")).toBe("(customer_id, created_at DESC) WHERE (status = 'open'::text)");
    expect(indexSummary("CREATE INDEX docs_tags_idx ON public.docs USING gin (tags)")).toBe("gin (tags)");
    expect(indexSummary("something else")).toBe("something else");
  });
});
