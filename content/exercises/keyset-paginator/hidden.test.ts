import { db, explain, resetDatabase, type Db, type SqlParam } from "deepend:sql";
import { InvalidCursorError, type Item, listPage, type Page } from "./solution";

const ids = (page: Page) => page.items.map((item) => item.id);

/** The cursor format of the exercise: lowercase hex of the (ASCII) JSON text. */
const hex = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
const unhex = (cursor: string) => (cursor.match(/../g) ?? []).map((h) => String.fromCharCode(parseInt(h, 16))).join("");
const cursorAt = (createdAt: string, id: number) => hex(JSON.stringify([createdAt, id]));

/** Every page from the start (or from `after`), with `between` run after each page. */
async function walk(limit: number, between: (page: Page) => Promise<void> = async () => {}, after?: string): Promise<number[]> {
  const seen: number[] = [];
  let cursor = after;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listPage(db, cursor === undefined ? { limit } : { limit, after: cursor });
    seen.push(...ids(page));
    if (page.next === null) return seen;
    await between(page);
    cursor = page.next;
  }
  throw new Error("more than 500 pages: next never became null");
}

async function allIdsInOrder(): Promise<number[]> {
  const result = await db.query<{ id: number }>("SELECT id FROM posts ORDER BY created_at DESC, id DESC");
  return result.rows.map((r) => r.id);
}

/** `count` more posts (5000 at most), about three per minute, ids not in time order. */
async function addManyPosts(count: number): Promise<void> {
  await db.query(
    `INSERT INTO posts (id, created_at, title)
     SELECT 1000 + g, timestamptz '2025-12-01 00:00:00+00' + (((g * 7919) % 5000) / 3) * interval '1 minute', 'post ' || g
     FROM generate_series(1, $1::integer) AS g`,
    [count],
  );
  await db.query("ANALYZE posts");
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "no error",
    (error: unknown) => error,
  );
}

beforeEach(() => resetDatabase());

describe("order and positions", () => {
  it("hands out next as the hex of the JSON [createdAt, id] of the page's last item", async () => {
    const page = await listPage(db, { limit: 4 });
    expect(page.next).toMatch(/^[0-9a-f]+$/);
    const last = page.items.at(-1) as Item;
    expect(last).toEqual({ id: 5, createdAt: "2026-03-01T08:59:59.999999+00:00", title: "Final checks" });
    expect(JSON.parse(unhex(page.next as string))).toEqual([last.createdAt, last.id]);
  });

  it("resumes strictly after the cursor's position, comparing timestamps as instants and ids as the tie-break", async () => {
    const from = async (createdAt: string, id: number) => ids(await listPage(db, { limit: 3, after: cursorAt(createdAt, id) }));
    expect(await from("2026-03-01T09:00:00+00:00", 100)).toEqual([8, 3, 5]);
    expect(await from("2026-03-01T09:00:00+00:00", 8)).toEqual([3, 5, 12]);
    expect(await from("2026-03-01T09:00:00+00:00", 5)).toEqual([3, 5, 12]);
    expect(await from("2026-03-01T10:00:00+01:00", 5)).toEqual([3, 5, 12]);
    expect(await from("2026-03-01 09:00:00Z", 3)).toEqual([5, 12, 1]);
  });

  it("keeps its place when the post the cursor was made from is deleted", async () => {
    const first = await listPage(db, { limit: 3 }); // ends at post 3
    await db.query("DELETE FROM posts WHERE id IN (3, 8)");
    expect(ids(await listPage(db, { limit: 3, after: first.next as string }))).toEqual([5, 12, 1]);
  });

  it("keeps microseconds: posts a microsecond apart are neither skipped nor repeated", async () => {
    await db.query(
      `INSERT INTO posts VALUES
         (30, '2026-03-05 12:00:00.000001+00', 'a'), (31, '2026-03-05 12:00:00.000003+00', 'b'),
         (32, '2026-03-05 12:00:00.000002+00', 'c'), (33, '2026-03-05 12:00:00.0015+00', 'd'),
         (34, '2026-03-05 12:00:00.001+00', 'e')`,
    );
    expect(await walk(1)).toEqual([33, 34, 31, 32, 30, 4, 8, 3, 5, 12, 1, 7, 2]);
    expect(await walk(2)).toEqual([33, 34, 31, 32, 30, 4, 8, 3, 5, 12, 1, 7, 2]);
  });

  it("pages through many posts sharing one created_at, highest id first", async () => {
    await db.query(
      `INSERT INTO posts (id, created_at, title)
       SELECT 100 + (g * 17) % 31, timestamptz '2026-03-04 00:00:00+00', 'same time ' || g FROM generate_series(0, 30) AS g`,
    );
    const expected = [...Array.from({ length: 31 }, (_, i) => 130 - i), 4, 8, 3, 5, 12, 1, 7, 2];
    expect(await walk(7)).toEqual(expected);
    expect(await walk(31)).toEqual(expected);
  });
});

describe("stability and cost", () => {
  it("neither repeats nor skips a post while others are published and deleted between pages", async () => {
    await addManyPosts(1500);
    const before = await allIdsInOrder();
    const served: number[] = [];
    let nextNewId = 100_000;
    const seen = await walk(60, async (page) => {
      served.push(...ids(page));
      // Five new posts, newer than everything; three posts already shown are deleted.
      await db.query(
        `INSERT INTO posts SELECT g, timestamptz '2026-04-01 00:00:00+00' + g * interval '1 second', 'new'
         FROM generate_series($1::integer, $1::integer + 4) AS g`,
        [nextNewId],
      );
      nextNewId += 5;
      await db.query("DELETE FROM posts WHERE id = ANY($1::int[])", [served.splice(0, 3)]);
    });
    const repeated = seen.filter((id, i) => seen.indexOf(id) !== i);
    expect(repeated, "posts shown twice").toEqual([]);
    expect(before.filter((id) => !seen.includes(id)), "posts never shown").toEqual([]);
    expect(seen).toEqual(before);
  });

  it("reads about limit rows for a page deep in the listing, not every row before it (an index range, not OFFSET)", async () => {
    await addManyPosts(5000);
    const start = await db.query<{ id: number; created_at: string }>("SELECT id, created_at FROM posts ORDER BY created_at DESC, id DESC OFFSET 4000 LIMIT 1");
    const { id, created_at } = start.rows[0] as { id: number; created_at: string };
    const statements: Array<{ text: string; params: readonly SqlParam[] }> = [];
    const recording: Db = {
      query: (text, params) => {
        statements.push({ text, params: params ?? [] });
        return db.query(text, params);
      },
      exec: (script) => {
        statements.push({ text: script, params: [] });
        return db.exec(script);
      },
      transaction: (fn) => db.transaction(fn),
    };
    const page = await listPage(recording, { limit: 20, after: cursorAt(created_at, id) });
    expect(ids(page)).toEqual((await allIdsInOrder()).slice(4001, 4021));
    let examined = 0;
    for (const statement of statements) {
      if (!/^\s*(select|with)\b/i.test(statement.text)) continue;
      examined += explain(statement.text, { analyze: true, params: statement.params }).rowsExamined ?? 0;
    }
    expect(examined, "rows read by your queries for one page of 20 (the page starts 4001 rows in)").toBeLessThanOrEqual(50);
  });
});

describe("limits and bad input", () => {
  it("rejects a limit that is not an integer from 1 to 100 with a RangeError", async () => {
    for (const limit of [0, -1, 101, 2.5, Number.NaN]) expect(await errorOf(listPage(db, { limit })), `limit ${limit}`).toBeInstanceOf(RangeError);
    expect(ids(await listPage(db, { limit: 100 }))).toEqual([4, 8, 3, 5, 12, 1, 7, 2]);
    expect(await walk(1)).toEqual([4, 8, 3, 5, 12, 1, 7, 2]);
  });

  it("returns an empty page with next = null for an empty table or a cursor past the last post", async () => {
    expect(await listPage(db, { limit: 5, after: cursorAt("2026-02-27T12:00:00+00:00", 2) })).toEqual({ items: [], next: null });
    expect(await listPage(db, { limit: 5, after: cursorAt("1970-01-01T00:00:00+00:00", 1) })).toEqual({ items: [], next: null });
    await db.query("DELETE FROM posts");
    expect(await listPage(db, { limit: 5 })).toEqual({ items: [], next: null });
  });

  it("accepts whitespace inside the cursor's JSON", async () => {
    const spaced = hex(' [ "2026-03-01T09:00:00+00:00" ,\n\t3 ]\r\n');
    expect(ids(await listPage(db, { limit: 3, after: spaced }))).toEqual([5, 12, 1]);
  });

  it("rejects every malformed cursor with InvalidCursorError, code invalid_cursor", async () => {
    // The flawed copies of a valid cursor (post 3's position) below still decode to that position
    // when read leniently: parseInt takes either case and stops at a non-hex character, a trailing
    // odd digit is dropped or read alone, and 09, 0a and 0d are whitespace JSON allows.
    const valid = cursorAt("2026-03-01T09:00:00+00:00", 3);
    const cursors = [
      "",
      "not-a-cursor",
      "abc",
      "zz",
      valid.toUpperCase(),
      `5B${valid.slice(2)}`,
      `${valid}0A`,
      `${valid}9`,
      `${valid}0`,
      `9z${valid}`,
      `9 ${valid}`,
      `${valid}9 `,
      hex("hello"),
      hex("{}"),
      hex('{"createdAt":"2026-03-01T09:00:00+00:00","id":3}'),
      hex('["2026-03-01T09:00:00+00:00"]'),
      hex('["2026-03-01T09:00:00+00:00",3,1]'),
      hex('[3,"2026-03-01T09:00:00+00:00"]'),
      hex('["2026-03-01T09:00:00+00:00",1.5]'),
      hex('["2026-03-01T09:00:00+00:00",null]'),
      hex("[null,3]"),
      hex("[20260301,3]"),
      hex('[["2026-03-01T09:00:00+00:00"],3]'),
      hex('["not a time",3]'),
      hex('["2026-02-30T00:00:00+00:00",3]'),
    ];
    for (const after of cursors) {
      const error = await errorOf(listPage(db, { limit: 3, after }));
      expect(error, `cursor ${JSON.stringify(after)} (${unhex(after)})`).toBeInstanceOf(InvalidCursorError);
      expect(error).toMatchObject({ name: "InvalidCursorError", code: "invalid_cursor" });
    }
  });

  it("passes on every other database error unchanged: only class 22 means a bad cursor", async () => {
    const valid = cursorAt("2026-03-01T09:00:00+00:00", 3);
    const failing = (error: unknown): Db => ({
      query: () => Promise.reject(error),
      exec: () => Promise.reject(error),
      transaction: (fn) => db.transaction(fn),
    });
    const serialization = Object.assign(new Error("could not serialize access due to concurrent update"), { name: "SqlError", code: "40001" });
    const connection = new Error("connection terminated");
    for (const thrown of [serialization, connection]) {
      expect(await errorOf(listPage(failing(thrown), { limit: 3, after: valid })), thrown.message).toBe(thrown);
    }
    await db.query("DROP TABLE posts");
    const missing = await errorOf(listPage(db, { limit: 3, after: valid }));
    expect(missing).not.toBeInstanceOf(InvalidCursorError);
    expect(missing).toMatchObject({ name: "SqlError", code: "42P01" });
  });
});
