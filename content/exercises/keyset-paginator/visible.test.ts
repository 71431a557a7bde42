import { db, resetDatabase } from "deepend:sql";
import { InvalidCursorError, listPage, type Page } from "./solution";

const ids = (page: Page) => page.items.map((item) => item.id);

beforeEach(() => resetDatabase());

it("lists the newest posts first, the higher id first among posts with the same created_at", async () => {
  const page = await listPage(db, { limit: 3 });
  expect(page.items).toEqual([
    { id: 4, createdAt: "2026-03-02T10:00:00+00:00", title: "Release notes 1.2" },
    { id: 8, createdAt: "2026-03-01T09:00:00+00:00", title: "Postmortem: the 9 am outage" },
    { id: 3, createdAt: "2026-03-01T09:00:00+00:00", title: "Launch day" },
  ]);
  expect(typeof page.next).toBe("string");
});

it("walks every post exactly once, page by page, and ends with next = null", async () => {
  const first = await listPage(db, { limit: 3 });
  const second = await listPage(db, { limit: 3, after: first.next as string });
  const third = await listPage(db, { limit: 3, after: second.next as string });
  expect([ids(first), ids(second), ids(third)]).toEqual([[4, 8, 3], [5, 12, 1], [7, 2]]);
  expect(third.next).toBeNull();
});

it("returns next = null when the last page is exactly full", async () => {
  const first = await listPage(db, { limit: 4 });
  const second = await listPage(db, { limit: 4, after: first.next as string });
  expect(ids(second)).toEqual([12, 1, 7, 2]);
  expect(second.next).toBeNull();
});

it("is not shifted by posts published between two pages", async () => {
  const first = await listPage(db, { limit: 3 });
  await db.query("INSERT INTO posts VALUES (20, '2026-03-03 08:00:00+00', 'Breaking'), (21, '2026-03-03 08:05:00+00', 'Update')");
  const second = await listPage(db, { limit: 3, after: first.next as string });
  expect(ids(second)).toEqual([5, 12, 1]);
});

it("rejects a cursor it did not make with InvalidCursorError", async () => {
  const error = await listPage(db, { limit: 3, after: "not-a-cursor" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidCursorError);
  expect(error).toMatchObject({ name: "InvalidCursorError", code: "invalid_cursor" });
});
