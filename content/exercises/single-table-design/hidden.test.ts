import fc from "fast-check";
import { accessPatterns, keysFor, type Customer, type Entity, type Order, type OrderLine, type OrderStatus, type Query } from "./solution";

const KEY_NAMES = ["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"];
const QUERY_FIELDS = ["index", "pk", "sk", "scanIndexForward"];

function invalid(message: string): never {
  throw new Error(`ValidationException: ${message}`);
}

/**
 * A small in-memory DynamoDB-style table (see "The table the tests use"): put replaces the item with
 * the same PK and SK; query reads one partition of the base table or a GSI, in sort-key order.
 * Equal GSI sort keys come back newest put first: DynamoDB promises no order for them.
 */
class Table {
  private items = new Map<string, { keys: Record<string, string>; entity: Entity; seq: number }>();
  private seq = 0;

  put(entity: Entity): void {
    const keys = keysFor({ ...entity }) as unknown as Record<string, unknown>;
    if (typeof keys !== "object" || keys === null) invalid("keysFor must return an object");
    for (const [name, value] of Object.entries(keys)) {
      if (!KEY_NAMES.includes(name)) invalid(`unknown key attribute ${name}`);
      if (typeof value !== "string" || value === "") invalid(`${name} must be a non-empty string, got ${JSON.stringify(value)}`);
    }
    if (keys.PK === undefined || keys.SK === undefined) invalid("PK and SK are required");
    for (const gsi of ["GSI1", "GSI2"]) {
      if ((keys[`${gsi}PK`] === undefined) !== (keys[`${gsi}SK`] === undefined)) invalid(`${gsi}PK and ${gsi}SK go together`);
    }
    const stored = keys as Record<string, string>;
    this.items.set(`${stored.PK}\u0000${stored.SK}`, { keys: { ...stored }, entity: { ...entity }, seq: this.seq++ });
  }

  query(q: Query): Entity[] {
    if (typeof q !== "object" || q === null) invalid("a query is an object");
    for (const field of Object.keys(q)) if (!QUERY_FIELDS.includes(field)) invalid(`unknown query property ${field}`);
    if (q.index !== undefined && q.index !== "GSI1" && q.index !== "GSI2") invalid(`unknown index ${String(q.index)}`);
    if (typeof q.pk !== "string" || q.pk === "") invalid("pk must be a non-empty string");
    if (q.scanIndexForward !== undefined && typeof q.scanIndexForward !== "boolean") invalid("scanIndexForward must be a boolean");
    const sk = q.sk;
    if (sk !== undefined) {
      const strings = (...values: unknown[]) => values.every((v) => typeof v === "string");
      const ok =
        (["=", "<", "<=", ">", ">="].includes(sk.op) && strings((sk as { value: unknown }).value)) ||
        (sk.op === "between" && strings(sk.low, sk.high)) ||
        (sk.op === "begins_with" && strings(sk.prefix));
      if (!ok) invalid(`bad sort-key condition ${JSON.stringify(sk)}`);
      if (sk.op === "between" && sk.low > sk.high) invalid(`between: low ${sk.low} is greater than high ${sk.high}`);
    }
    const [pkName, skName] = q.index === undefined ? ["PK", "SK"] : [`${q.index}PK`, `${q.index}SK`];
    const matches = (value: string): boolean => {
      if (sk === undefined) return true;
      switch (sk.op) {
        case "=": return value === sk.value;
        case "<": return value < sk.value;
        case "<=": return value <= sk.value;
        case ">": return value > sk.value;
        case ">=": return value >= sk.value;
        case "between": return sk.low <= value && value <= sk.high;
        case "begins_with": return value.startsWith(sk.prefix);
      }
    };
    const found = [...this.items.values()].filter((item) => item.keys[pkName] === q.pk && item.keys[skName] !== undefined && matches(item.keys[skName]));
    const skOf = (item: { keys: Record<string, string> }) => item.keys[skName] ?? "";
    found.sort((a, b) => (skOf(a) < skOf(b) ? -1 : skOf(a) > skOf(b) ? 1 : b.seq - a.seq));
    if (q.scanIndexForward === false) found.reverse();
    return found.map((item) => item.entity);
  }
}

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk sequence and the wrong answer).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

const customer = (customerId: string, email: string, name = `Name of ${customerId}`): Customer => ({ type: "customer", customerId, name, email });
const order = (orderId: string, customerId: string, placedAt: string, status: OrderStatus = "PLACED", total = 10): Order => ({ type: "order", orderId, customerId, status, placedAt, total });
const line = (orderId: string, lineNo: number, quantity = 1): OrderLine => ({ type: "line", orderId, lineNo, productId: `p-${lineNo}`, quantity, price: 5 });
const at = (time: string) => `2024-03-01T${time}Z`;

/** Short names for the failure messages: "o1" for an order, "line o1/2" for a line. */
function label(e: Entity): string {
  if (e.type === "customer") return `${e.customerId} <${e.email}>`;
  if (e.type === "order") return `${e.orderId} (${e.status}, ${e.placedAt})`;
  return `line ${e.orderId}/${e.lineNo}`;
}

describe("single-table design: customers", () => {
  it("finds exactly one customer by id, never one whose id merely starts the same (c1 vs c10)", () => {
    const table = new Table();
    const c1 = customer("c1", "one@shop.io");
    const c10 = customer("c10", "ten@shop.io");
    table.put(c10);
    table.put(c1);
    table.put(order("o1", "c1", at("09:00:00.000")));
    table.put(order("o10", "c10", at("09:00:00.000")));
    expect(table.query(accessPatterns.customerById("c1"))).toEqual([c1]);
    expect(table.query(accessPatterns.customerById("c10"))).toEqual([c10]);
    expect(table.query(accessPatterns.customerById("c"))).toEqual([]);
  });

  it("matches an email ignoring case in both the stored and the looked-up address, keeping the stored case", () => {
    const table = new Table();
    const ann = customer("c1", "Ann.Lee@Example.COM");
    table.put(ann);
    table.put(customer("c2", "ann.lee@example.co"));
    for (const lookup of ["ann.lee@example.com", "ANN.LEE@EXAMPLE.COM", "Ann.Lee@Example.COM"]) {
      expect(table.query(accessPatterns.customerByEmail(lookup)), lookup).toEqual([ann]);
    }
    expect(table.query(accessPatterns.customerByEmail("ann.lee@example.c"))).toEqual([]);
  });

  it("finds a customer only by the new email after an email change, and once by id", () => {
    const table = new Table();
    table.put(customer("c1", "old@shop.io"));
    const moved = customer("c1", "New@Shop.io", "Ann B.");
    table.put(moved);
    expect(table.query(accessPatterns.customerByEmail("old@shop.io"))).toEqual([]);
    expect(table.query(accessPatterns.customerByEmail("new@shop.io"))).toEqual([moved]);
    expect(table.query(accessPatterns.customerById("c1"))).toEqual([moved]);
  });
});

describe("single-table design: an order and its lines", () => {
  it("sorts lines numerically from 1 to 9999, the order before all of them", () => {
    const table = new Table();
    const o1 = order("o1", "c1", at("09:00:00.000"));
    const numbers = [100, 9999, 2, 10, 1, 999, 1000, 11, 9];
    for (const n of numbers) table.put(line("o1", n));
    table.put(o1);
    const expected = [o1, ...[...numbers].sort((a, b) => a - b).map((n) => line("o1", n))];
    expect(table.query(accessPatterns.orderWithLines("o1")).map(label)).toEqual(expected.map(label));
  });

  it("returns lines put before their order, then the order first once it is put, and a line update replaces the line", () => {
    const table = new Table();
    table.put(line("o5", 3));
    table.put(line("o5", 1));
    expect(table.query(accessPatterns.orderWithLines("o5"))).toEqual([line("o5", 1), line("o5", 3)]);
    const o5 = order("o5", "c1", at("09:00:00.000"));
    table.put(o5);
    table.put(line("o5", 3, 7));
    expect(table.query(accessPatterns.orderWithLines("o5"))).toEqual([o5, line("o5", 1), line("o5", 3, 7)]);
  });

  it("never mixes the lines of o1 with those of o10, and returns nothing for an unknown order", () => {
    const table = new Table();
    const o1 = order("o1", "c1", at("09:00:00.000"));
    const o10 = order("o10", "c1", at("09:00:00.000"));
    for (const e of [o10, line("o10", 1), o1, line("o1", 1), line("o1", 2), line("o10", 2)]) table.put(e);
    expect(table.query(accessPatterns.orderWithLines("o1"))).toEqual([o1, line("o1", 1), line("o1", 2)]);
    expect(table.query(accessPatterns.orderWithLines("o10"))).toEqual([o10, line("o10", 1), line("o10", 2)]);
    expect(table.query(accessPatterns.orderWithLines("o2"))).toEqual([]);
  });

  it("shows an order once, with its latest status and total, after updates", () => {
    const table = new Table();
    table.put(order("o1", "c1", at("09:00:00.000")));
    table.put(line("o1", 1));
    const latest = order("o1", "c1", at("09:00:00.000"), "DELIVERED", 99);
    table.put(order("o1", "c1", at("09:00:00.000"), "SHIPPED", 50));
    table.put(latest);
    expect(table.query(accessPatterns.orderWithLines("o1"))).toEqual([latest, line("o1", 1)]);
    expect(table.query(accessPatterns.ordersOfCustomer("c1"))).toEqual([latest]);
  });
});

describe("single-table design: a customer's orders", () => {
  it("lists only that customer's orders (not c10's, no customer, no lines), newest first, ties by orderId descending", () => {
    const table = new Table();
    const mine = [
      order("o1", "c1", at("09:00:00.000")),
      order("o2", "c1", at("10:00:00.000")),
      order("o10", "c1", at("10:00:00.000")),
      order("o3", "c1", at("09:00:00.001")),
    ];
    table.put(customer("c1", "one@shop.io"));
    table.put(customer("c10", "ten@shop.io"));
    for (const o of mine) table.put(o);
    table.put(order("o4", "c10", at("11:00:00.000")));
    table.put(line("o2", 1));
    expect(table.query(accessPatterns.ordersOfCustomer("c1")).map(label)).toEqual(["o2", "o10", "o3", "o1"].map((id) => label(mine.find((o) => o.orderId === id) as Order)));
    expect(table.query(accessPatterns.ordersOfCustomer("c2"))).toEqual([]);
  });

  it("includes orders placed exactly at from and at to, and excludes those one millisecond outside", () => {
    const table = new Table();
    const times = ["08:59:59.999", "09:00:00.000", "09:30:00.000", "10:00:00.000", "10:00:00.001"];
    times.forEach((t, i) => table.put(order(`o${i + 1}`, "c1", at(t))));
    table.put(order("o9", "c10", at("09:30:00.000")));
    const got = table.query(accessPatterns.ordersOfCustomerPlacedBetween("c1", at("09:00:00.000"), at("10:00:00.000")));
    expect(got.map((o) => (o as Order).orderId)).toEqual(["o2", "o3", "o4"]);
  });

  it("returns exactly the orders placed at one instant when from equals to, oldest-first ties by orderId ascending", () => {
    const table = new Table();
    for (const id of ["o3", "o1", "o2"]) table.put(order(id, "c1", at("09:00:00.000")));
    table.put(order("o4", "c1", at("09:00:00.001")));
    table.put(order("o5", "c1", at("08:59:59.999")));
    const got = table.query(accessPatterns.ordersOfCustomerPlacedBetween("c1", at("09:00:00.000"), at("09:00:00.000")));
    expect(got.map((o) => (o as Order).orderId)).toEqual(["o1", "o2", "o3"]);
    expect(table.query(accessPatterns.ordersOfCustomerPlacedBetween("c1", at("11:00:00.000"), at("12:00:00.000")))).toEqual([]);
  });
});

describe("single-table design: orders by status", () => {
  it("lists every customer's orders in a status oldest first, ties by orderId ascending, none of another status", () => {
    const table = new Table();
    for (const o of [
      order("o1", "c2", at("10:00:00.000")),
      order("o10", "c1", at("09:00:00.000")),
      order("o2", "c1", at("09:00:00.000")),
      order("o3", "c10", at("08:00:00.000"), "SHIPPED"),
      order("o4", "c10", at("07:00:00.000")),
    ]) table.put(o);
    const got = table.query(accessPatterns.ordersWithStatus("PLACED"));
    expect(got.map((o) => (o as Order).orderId)).toEqual(["o4", "o10", "o2", "o1"]);
    expect(table.query(accessPatterns.ordersWithStatus("CANCELLED"))).toEqual([]);
  });

  it("moves an order between statuses when it is put again, leaving no stale entry", () => {
    const table = new Table();
    table.put(order("o1", "c1", at("09:00:00.000")));
    table.put(order("o1", "c1", at("09:00:00.000"), "SHIPPED"));
    const cancelled = order("o1", "c1", at("09:00:00.000"), "CANCELLED", 0);
    table.put(cancelled);
    expect(table.query(accessPatterns.ordersWithStatus("PLACED"))).toEqual([]);
    expect(table.query(accessPatterns.ordersWithStatus("SHIPPED"))).toEqual([]);
    expect(table.query(accessPatterns.ordersWithStatus("CANCELLED"))).toEqual([cancelled]);
  });
});

describe("single-table design: keys and queries", () => {
  it("gives every entity non-empty string keys, GSI keys in pairs, and distinct base keys to distinct entities", () => {
    const entities: Entity[] = [customer("c1", "a@b.io"), customer("c10", "b@b.io"), order("o1", "c1", at("09:00:00.000")), order("c1", "c1", at("09:00:00.000")), line("o1", 1), line("o1", 10), line("c1", 1)];
    const seen = new Set<string>();
    for (const e of entities) {
      const keys = keysFor(e);
      new Table().put(e); // validates the keys
      const base = `${keys.PK}\u0000${keys.SK}`;
      expect(seen.has(base), `${label(e)} shares PK ${keys.PK} and SK ${keys.SK} with another entity`).toBe(false);
      seen.add(base);
    }
  });

  it("answers every pattern with one valid query (base table or GSI1/GSI2, no filter, no reversed between)", () => {
    const table = new Table();
    const queries: Query[] = [
      accessPatterns.customerById("c1"),
      accessPatterns.customerByEmail("A@b.io"),
      accessPatterns.orderWithLines("o1"),
      accessPatterns.ordersOfCustomer("c1"),
      accessPatterns.ordersOfCustomerPlacedBetween("c1", at("09:00:00.000"), at("09:00:00.000")),
      accessPatterns.ordersWithStatus("DELIVERED"),
    ];
    for (const q of queries) expect(() => table.query(q)).not.toThrow();
  });
});

// ---- Model-based test: random puts and updates, every pattern compared with a plain model ----

const CUSTOMERS = ["c1", "c10", "c2"];
const ORDERS = ["o1", "o10", "o2", "o11"];
const TIMES = ["08:59:59.999", "09:00:00.000", "09:00:00.001", "10:00:00.000"].map(at);
const STATUSES: OrderStatus[] = ["PLACED", "SHIPPED", "CANCELLED"];
const LINE_NUMBERS = [1, 2, 9, 10, 100, 999, 1000, 9999];
const emailsOf = (c: string) => [`${c}@shop.io`, `${c.toUpperCase()}@Shop.IO`, `new-${c}@shop.io`];

/** The spec, written as filters and sorts over the entities last put. */
class Model {
  customers = new Map<string, Customer>();
  orders = new Map<string, Order>();
  lines = new Map<string, OrderLine>();

  put(e: Entity): void {
    if (e.type === "customer") this.customers.set(e.customerId, e);
    else if (e.type === "order") this.orders.set(e.orderId, e);
    else this.lines.set(`${e.orderId}/${e.lineNo}`, e);
  }

  private byTime(list: Order[]): Order[] {
    return [...list].sort((a, b) => (a.placedAt === b.placedAt ? (a.orderId < b.orderId ? -1 : 1) : a.placedAt < b.placedAt ? -1 : 1));
  }

  answer(pattern: string, args: string[]): Entity[] {
    const [a = "", b = "", c = ""] = args;
    const orders = [...this.orders.values()];
    switch (pattern) {
      case "customerById": return [...this.customers.values()].filter((x) => x.customerId === a);
      case "customerByEmail": return [...this.customers.values()].filter((x) => x.email.toLowerCase() === a.toLowerCase());
      case "orderWithLines": {
        const lines = [...this.lines.values()].filter((l) => l.orderId === a).sort((x, y) => x.lineNo - y.lineNo);
        const o = this.orders.get(a);
        return o ? [o, ...lines] : lines;
      }
      case "ordersOfCustomer": return this.byTime(orders.filter((o) => o.customerId === a)).reverse();
      case "ordersOfCustomerPlacedBetween": return this.byTime(orders.filter((o) => o.customerId === a && b <= o.placedAt && o.placedAt <= c));
      default: return this.byTime(orders.filter((o) => o.status === a));
    }
  }
}

type Cmd = fc.Command<Model, Table>;

function putCommand(e: Entity, text: string): Cmd {
  return { check: () => true, run: (m, t) => { m.put(e); t.put(e); }, toString: () => `put(${text})` };
}

function queryCommand(pattern: keyof typeof accessPatterns, args: string[]): Cmd {
  const call = `${pattern}(${args.map((x) => JSON.stringify(x)).join(", ")})`;
  return {
    check: () => true,
    run(m, t) {
      const q = (accessPatterns[pattern] as (...xs: string[]) => Query)(...args);
      const got = t.query(q).map(label);
      const want = m.answer(pattern, args).map(label);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(`${call} with query ${JSON.stringify(q)} returned [${got.join(", ")}], the rules give [${want.join(", ")}]`);
      }
    },
    toString: () => call,
  };
}

/** Each order's customer and placedAt are fixed for the whole run (they never change). */
const world = fc
  .record({ owners: fc.array(fc.constantFrom(...CUSTOMERS), { minLength: ORDERS.length, maxLength: ORDERS.length }), times: fc.array(fc.constantFrom(...TIMES), { minLength: ORDERS.length, maxLength: ORDERS.length }) })
  .map(({ owners, times }) => {
    const placed = new Map(ORDERS.map((id, i) => [id, { customerId: owners[i] ?? "c1", placedAt: times[i] ?? TIMES[0] ?? "" }]));
    return { placed, toString: () => ORDERS.map((id) => `${id}: ${placed.get(id)?.customerId} at ${placed.get(id)?.placedAt}`).join("; ") };
  });

function commandsFor(placed: Map<string, { customerId: string; placedAt: string }>) {
  const anyEmail = fc.constantFrom(...CUSTOMERS.flatMap(emailsOf), "C1@shop.io", "nobody@shop.io");
  const orderId = fc.constantFrom(...ORDERS, "o3");
  const customerId = fc.constantFrom(...CUSTOMERS, "c3");
  const range = fc.tuple(fc.constantFrom(...TIMES, at("09:30:00.000")), fc.constantFrom(...TIMES, at("09:30:00.000"))).map(([x, y]) => (x <= y ? [x, y] : [y, x]));
  return fc.commands(
    [
      fc.tuple(fc.constantFrom(...CUSTOMERS), fc.nat(2)).map(([c, i]) => putCommand(customer(c, emailsOf(c)[i] ?? ""), `customer ${c} <${emailsOf(c)[i]}>`)),
      fc.tuple(fc.constantFrom(...ORDERS), fc.constantFrom(...STATUSES), fc.nat(3)).map(([o, s, total]) => {
        const p = placed.get(o) ?? { customerId: "c1", placedAt: TIMES[0] ?? "" };
        return putCommand(order(o, p.customerId, p.placedAt, s, total), `order ${o} of ${p.customerId} at ${p.placedAt}, ${s}, total ${total}`);
      }),
      fc.tuple(fc.constantFrom(...ORDERS), fc.constantFrom(...LINE_NUMBERS), fc.nat(2)).map(([o, n, q]) => putCommand(line(o, n, q), `line ${o}/${n} quantity ${q}`)),
      customerId.map((c) => queryCommand("customerById", [c])),
      anyEmail.map((e) => queryCommand("customerByEmail", [e])),
      orderId.map((o) => queryCommand("orderWithLines", [o])),
      customerId.map((c) => queryCommand("ordersOfCustomer", [c])),
      fc.tuple(customerId, range).map(([c, [from = "", to = ""]]) => queryCommand("ordersOfCustomerPlacedBetween", [c, from, to])),
      fc.constantFrom<OrderStatus>(...STATUSES, "DELIVERED").map((s) => queryCommand("ordersWithStatus", [s])),
    ],
    { size: "+1" },
  );
}

describe("single-table design: any sequence of puts and updates", () => {
  it("answers every access pattern exactly like a model of the rules, after any puts, updates and ties", () => {
    const report = fc.check(
      fc.property(world.chain((w) => fc.tuple(fc.constant(w), commandsFor(w.placed))), ([, cmds]) => {
        fc.modelRun(() => ({ model: new Model(), real: new Table() }), cmds);
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
