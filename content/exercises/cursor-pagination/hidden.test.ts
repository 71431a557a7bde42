import { Buffer } from "node:buffer";
import fc from "fast-check";
import { CursorError, type CursorPayload, decodeCursor, encodeCursor, type Message, MessageTable, type Page } from "./solution";

const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const ids = (page: Page) => page.items.map((m) => m.id);

/** The CursorError code a call throws, or a description of what happened instead. */
function codeOf(call: () => unknown): string {
  try {
    call();
    return "no error";
  } catch (error) {
    return error instanceof CursorError ? error.code : `threw ${String(error)} instead of a CursorError`;
  }
}

const GOOD: CursorPayload = { v: 1, table: "general", orderBy: "author", direction: "asc", key: ["ana", "m1"] };

function tableOf(rows: Array<[string, number, string]>, name = "general") {
  const table = new MessageTable(name);
  for (const [id, sentAt, author] of rows) table.insert({ id, sentAt, author, text: `text of ${id}` });
  return table;
}

describe("cursor format", () => {
  it("uses the base64url alphabet without padding, and round-trips strings with non-ASCII characters", () => {
    const payload: CursorPayload = { v: 1, table: "général", orderBy: "author", direction: "desc", key: ["Zoë ~~~ >>>", "id/?+"] };
    const cursor = encodeCursor(payload);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).toBe(b64url(JSON.stringify(payload)));
    expect(decodeCursor(cursor)).toEqual(payload);
  });

  it("writes the keys in the fixed order whatever the order of the payload object", () => {
    const shuffled = { key: [5, "x"], direction: "asc", table: "t", v: 1, orderBy: "sentAt" } as unknown as CursorPayload;
    expect(encodeCursor(shuffled)).toBe(b64url('{"v":1,"table":"t","orderBy":"sentAt","direction":"asc","key":[5,"x"]}'));
  });

  it("rejects strings that are not base64url, or whose bytes are not a JSON object, as malformed", () => {
    const cases = ["", "abc def", "abc=", "a+b/", "%%%", b64url("{not json"), b64url("null"), b64url("[1,2]"), b64url('"text"'), b64url("42")];
    expect(cases.map((c) => codeOf(() => decodeCursor(c)))).toEqual(cases.map(() => "malformed"));
  });

  it("checks the alphabet before decoding: a stray character around a decodable payload is malformed, not a version error", () => {
    // A base64 decoder skips characters outside its alphabet, so these bytes alone would decode to {"v":2}.
    const v2 = b64url('{"v":2}');
    const cases = [`${v2} `, ` ${v2}`, `!${v2}`, `${v2}!`, `${v2.slice(0, 4)}.${v2.slice(4)}`, `${v2}=`, `${v2}\n`];
    expect(cases.map((c) => codeOf(() => decodeCursor(c)))).toEqual(cases.map(() => "malformed"));
  });

  it("throws errors that are CursorErrors, Errors and named CursorError", () => {
    let caught: unknown;
    try {
      decodeCursor("");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CursorError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as CursorError).name).toBe("CursorError");
    expect((caught as CursorError).code).toBe("malformed");
  });

  it("reports a missing or unknown version as `version`, before checking the other fields", () => {
    const cases = [b64url('{"v":2,"table":"general","orderBy":"author","direction":"asc","key":["ana","m1"]}'), b64url('{"table":"general"}'), b64url('{"v":"1","anything":true}'), b64url("{}")];
    expect(cases.map((c) => codeOf(() => decodeCursor(c)))).toEqual(["version", "version", "version", "version"]);
  });

  it("rejects wrong fields and wrong types as malformed", () => {
    const base = { ...GOOD } as Record<string, unknown>;
    const variants: Array<Record<string, unknown>> = [
      { ...base, extra: 1 },
      { v: 1, table: "general", orderBy: "author", direction: "asc" },
      { ...base, table: "" },
      { ...base, orderBy: "text" },
      { ...base, direction: "up" },
      { ...base, key: ["ana"] },
      { ...base, key: ["ana", "m1", "x"] },
      { ...base, key: ["ana", ""] },
      { ...base, key: [7, "m1"] }, // author needs a string value
      { ...base, orderBy: "sentAt", key: ["100", "m1"] }, // sentAt needs a number
      { ...base, key: "ana,m1" },
      { ...base, key: null },
      { ...base, key: 5 },
      { ...base, key: { 0: "ana", 1: "m1", length: 2 } },
      { ...base, key: ["ana", 5] }, // the id must be a string
      { ...base, key: ["ana", null] },
      { ...base, table: 5 },
      { ...base, table: null },
      { ...base, orderBy: 1 },
      { ...base, direction: null },
    ];
    const codes = variants.map((v) => codeOf(() => decodeCursor(b64url(JSON.stringify(v)))));
    expect(codes).toEqual(variants.map(() => "malformed"));
  });

  it("accepts only the canonical bytes: spaces, reordered keys, padding or standard base64 are tampering", () => {
    const good = encodeCursor(GOOD);
    expect(decodeCursor(good)).toEqual(GOOD);
    const json = JSON.stringify(GOOD);
    const tampered = [
      b64url(JSON.stringify(GOOD, null, 1)),
      b64url('{"table":"general","v":1,"orderBy":"author","direction":"asc","key":["ana","m1"]}'),
      `${good}=`,
      Buffer.from(json + "  ", "utf8").toString("base64url"),
    ];
    expect(tampered.map((c) => codeOf(() => decodeCursor(c)))).toEqual(["malformed", "malformed", "malformed", "malformed"]);
  });
});

describe("MessageTable.page", () => {
  it("validates `first` (an integer from 1 to 100) and rejects duplicate ids", () => {
    const table = tableOf([["a", 1, "x"]]);
    for (const first of [0, -1, 101, 2.5, NaN]) expect(() => table.page({ orderBy: "sentAt", direction: "asc", first })).toThrow(RangeError);
    expect(ids(table.page({ orderBy: "sentAt", direction: "asc", first: 100 }))).toEqual(["a"]);
    expect(() => table.insert({ id: "a", sentAt: 2, author: "y", text: "" })).toThrow();
    expect(table.page({ orderBy: "sentAt", direction: "asc", first: 5 }).items[0]?.sentAt).toBe(1);
  });

  it("orders strings by code units (uppercase before lowercase), ties by id, in both directions", () => {
    const table = tableOf([["m3", 1, "adam"], ["m1", 2, "Zoe"], ["m4", 3, "bob"], ["m2", 4, "adam"]]);
    expect(ids(table.page({ orderBy: "author", direction: "asc", first: 10 }))).toEqual(["m1", "m2", "m3", "m4"]);
    expect(ids(table.page({ orderBy: "author", direction: "desc", first: 10 }))).toEqual(["m4", "m3", "m2", "m1"]);
  });

  it("never skips or repeats rows that share the sort value across a page boundary", () => {
    const table = tableOf([["c", 5, "x"], ["a", 5, "x"], ["e", 5, "x"], ["b", 5, "x"], ["d", 5, "x"]]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: Page = table.page({ orderBy: "sentAt", direction: "asc", first: 2, after });
      seen.push(...ids(page));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("says hasNextPage: false on a full last page, and gives an empty page with a null cursor past the end", () => {
    const table = tableOf([["a", 1, "x"], ["b", 2, "x"]]);
    const p1 = table.page({ orderBy: "sentAt", direction: "asc", first: 2 });
    expect([ids(p1), p1.hasNextPage]).toEqual([["a", "b"], false]);
    const p2 = table.page({ orderBy: "sentAt", direction: "asc", first: 2, after: p1.endCursor });
    expect(p2).toEqual({ items: [], endCursor: null, hasNextPage: false });
    table.insert({ id: "c", sentAt: 3, author: "x", text: "" });
    expect(ids(table.page({ orderBy: "sentAt", direction: "asc", first: 2, after: p1.endCursor }))).toEqual(["c"]);
    expect(table.page({ orderBy: "sentAt", direction: "asc", first: 2, after: null }).items.length).toBe(2);
  });

  it("makes endCursor the cursor of the last item, for this table and ordering", () => {
    const table = tableOf([["a", 10, "x"], ["b", 20, "y"]], "room-7");
    const page = table.page({ orderBy: "sentAt", direction: "desc", first: 1 });
    expect(decodeCursor(page.endCursor ?? "")).toEqual({ v: 1, table: "room-7", orderBy: "sentAt", direction: "desc", key: [20, "b"] });
  });

  it("rejects cursors of another table, ordering or direction as foreign, and bad ones with their own code", () => {
    const general = tableOf([["a", 1, "x"], ["b", 2, "y"]]);
    const random = tableOf([["a", 1, "x"], ["b", 2, "y"]], "random");
    const cursor = general.page({ orderBy: "sentAt", direction: "asc", first: 1 }).endCursor ?? "";
    expect(codeOf(() => random.page({ orderBy: "sentAt", direction: "asc", first: 1, after: cursor }))).toBe("foreign");
    expect(codeOf(() => general.page({ orderBy: "author", direction: "asc", first: 1, after: cursor }))).toBe("foreign");
    expect(codeOf(() => general.page({ orderBy: "sentAt", direction: "desc", first: 1, after: cursor }))).toBe("foreign");
    expect(codeOf(() => general.page({ orderBy: "sentAt", direction: "asc", first: 1, after: `${cursor}x` }))).toBe("malformed");
    expect(codeOf(() => general.page({ orderBy: "sentAt", direction: "asc", first: 1, after: b64url('{"v":3}') }))).toBe("version");
    expect(ids(general.page({ orderBy: "sentAt", direction: "asc", first: 1, after: cursor }))).toEqual(["b"]);
  });
});

// ---- Model-based test ---------------------------------------------------------------------------
// A walk through the pages while rows are inserted and deleted, against a model that sorts
// everything and filters "strictly after" the last key it served.

interface Model {
  rows: Map<string, Message>;
  orderBy: "sentAt" | "author";
  direction: "asc" | "desc";
  lastKey: [number | string, string] | null;
  cursor: string | null;
  nextId: number;
}

interface Real {
  table: MessageTable;
}

function modelCompare(m: Model, a: Message | [number | string, string], b: [number | string, string]): number {
  const ak = Array.isArray(a) ? a : ([a[m.orderBy], a.id] as [number | string, string]);
  const byValue = ak[0] === b[0] ? 0 : ak[0] < b[0] ? -1 : 1;
  const byId = ak[1] === b[1] ? 0 : ak[1] < b[1] ? -1 : 1;
  return (m.direction === "asc" ? 1 : -1) * (byValue || byId);
}

class Insert implements fc.Command<Model, Real> {
  constructor(readonly sentAt: number, readonly author: string) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const id = `m${String(m.nextId++).padStart(2, "0")}`;
    const message: Message = { id, sentAt: this.sentAt, author: this.author, text: "" };
    m.rows.set(id, message);
    r.table.insert(message);
  }
  toString() {
    return `insert({ sentAt: ${this.sentAt}, author: "${this.author}" })`;
  }
}

class Delete implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>) {
    return m.rows.size > 0;
  }
  run(m: Model, r: Real) {
    const id = [...m.rows.keys()][this.pick % m.rows.size] as string;
    m.rows.delete(id);
    expect(r.table.delete(id)).toBe(true);
  }
  toString() {
    return `delete(row #${this.pick})`;
  }
}

class NextPage implements fc.Command<Model, Real> {
  constructor(readonly first: number) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const sorted = [...m.rows.values()].sort((a, b) => modelCompare(m, a, [b[m.orderBy], b.id]));
    const after = m.lastKey ? sorted.filter((row) => modelCompare(m, row, m.lastKey as [number | string, string]) > 0) : sorted;
    const want = after.slice(0, this.first);
    const page = r.table.page({ orderBy: m.orderBy, direction: m.direction, first: this.first, after: m.cursor });
    expect({ items: ids(page), hasNextPage: page.hasNextPage }).toEqual({ items: want.map((row) => row.id), hasNextPage: after.length > want.length });
    const last = want[want.length - 1];
    if (last) {
      m.lastKey = [last[m.orderBy], last.id];
      m.cursor = page.endCursor;
    }
  }
  toString() {
    return `nextPage(first: ${this.first})`;
  }
}

class Restart implements fc.Command<Model, Real> {
  constructor(readonly orderBy: "sentAt" | "author", readonly direction: "asc" | "desc") {}
  check() {
    return true;
  }
  run(m: Model) {
    m.orderBy = this.orderBy;
    m.direction = this.direction;
    m.lastKey = null;
    m.cursor = null;
  }
  toString() {
    return `restartWalk(${this.orderBy} ${this.direction})`;
  }
}

describe("cursor pagination: model check", () => {
  it("matches a sort-and-filter model while rows are inserted and deleted between pages", () => {
    const commands = fc.commands(
      [
        fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom("ana", "Bo", "bo", "cy")).map(([sentAt, author]) => new Insert(sentAt * 10, author)),
        fc.nat(30).map((pick) => new Delete(pick)),
        fc.integer({ min: 1, max: 3 }).map((first) => new NextPage(first)),
        fc.tuple(fc.constantFrom("sentAt" as const, "author" as const), fc.constantFrom("asc" as const, "desc" as const)).map(([o, d]) => new Restart(o, d)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        const setupRun = () => ({
          model: { rows: new Map(), orderBy: "sentAt", direction: "desc", lastKey: null, cursor: null, nextId: 0 } as Model,
          real: { table: new MessageTable("general") },
        });
        fc.modelRun(setupRun, cmds);
      }),
      { numRuns: 150 },
    );
  });
});
