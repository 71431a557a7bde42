import { accessPatterns, keysFor, type Customer, type Entity, type Order, type OrderLine, type Query } from "./solution";

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

const customer = (customerId: string, email: string): Customer => ({ type: "customer", customerId, name: `Name of ${customerId}`, email });
const order = (orderId: string, customerId: string, placedAt: string, status: Order["status"] = "PLACED"): Order => ({ type: "order", orderId, customerId, status, placedAt, total: 10 });
const line = (orderId: string, lineNo: number): OrderLine => ({ type: "line", orderId, lineNo, productId: `p-${lineNo}`, quantity: 1, price: 5 });

describe("single-table design", () => {
  it("finds a customer by id and by email, ignoring the email's case", () => {
    const table = new Table();
    const ann = customer("c1", "Ann@Example.com");
    table.put(ann);
    table.put(customer("c2", "bob@example.com"));
    expect(table.query(accessPatterns.customerById("c1"))).toEqual([ann]);
    expect(table.query(accessPatterns.customerByEmail("ann@example.COM"))).toEqual([ann]);
    expect(table.query(accessPatterns.customerById("c3"))).toEqual([]);
  });

  it("reads an order and its lines with one query, the order first and lines by number", () => {
    const table = new Table();
    const o7 = order("o7", "c1", "2024-03-01T09:00:00.000Z");
    table.put(line("o7", 10));
    table.put(o7);
    table.put(line("o7", 2));
    expect(table.query(accessPatterns.orderWithLines("o7"))).toEqual([o7, line("o7", 2), line("o7", 10)]);
  });

  it("lists a customer's orders newest first, breaking ties by orderId descending", () => {
    const table = new Table();
    const o1 = order("o1", "c1", "2024-03-01T09:00:00.000Z");
    const o2 = order("o2", "c1", "2024-03-01T10:00:00.000Z");
    const o3 = order("o3", "c1", "2024-03-01T10:00:00.000Z");
    table.put(customer("c1", "ann@example.com"));
    for (const o of [o1, o2, o3]) table.put(o);
    table.put(line("o2", 1));
    expect(table.query(accessPatterns.ordersOfCustomer("c1"))).toEqual([o3, o2, o1]);
  });

  it("lists a customer's orders placed in a time range, both ends included, oldest first", () => {
    const table = new Table();
    const o1 = order("o1", "c1", "2024-03-01T09:00:00.000Z");
    const o2 = order("o2", "c1", "2024-03-01T10:00:00.000Z");
    const o3 = order("o3", "c1", "2024-03-01T11:00:00.000Z");
    for (const o of [o1, o2, o3]) table.put(o);
    expect(table.query(accessPatterns.ordersOfCustomerPlacedBetween("c1", "2024-03-01T09:00:00.000Z", "2024-03-01T10:00:00.000Z"))).toEqual([o1, o2]);
  });

  it("lists orders by status, and an updated status moves the order", () => {
    const table = new Table();
    const o1 = order("o1", "c1", "2024-03-01T09:00:00.000Z");
    const o2 = order("o2", "c2", "2024-03-01T08:00:00.000Z");
    table.put(o1);
    table.put(o2);
    expect(table.query(accessPatterns.ordersWithStatus("PLACED"))).toEqual([o2, o1]);
    const shipped: Order = { ...o2, status: "SHIPPED" };
    table.put(shipped);
    expect(table.query(accessPatterns.ordersWithStatus("PLACED"))).toEqual([o1]);
    expect(table.query(accessPatterns.ordersWithStatus("SHIPPED"))).toEqual([shipped]);
  });
});
