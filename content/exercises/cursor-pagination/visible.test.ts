import { CursorError, decodeCursor, encodeCursor, MessageTable } from "./solution";

function chat() {
  const table = new MessageTable("general");
  table.insert({ id: "m1", sentAt: 100, author: "ana", text: "hi" });
  table.insert({ id: "m2", sentAt: 200, author: "bo", text: "hey" });
  table.insert({ id: "m3", sentAt: 200, author: "ana", text: "news?" });
  table.insert({ id: "m4", sentAt: 300, author: "cy", text: "yes" });
  return table;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((m) => m.id);

describe("cursor pagination", () => {
  it("encodes a cursor as base64url JSON with a fixed key order, and decodes it back", () => {
    const payload = { v: 1 as const, table: "general", orderBy: "sentAt" as const, direction: "desc" as const, key: [1000, "m7"] as [number, string] };
    const cursor = encodeCursor(payload);
    expect(cursor).toBe("eyJ2IjoxLCJ0YWJsZSI6ImdlbmVyYWwiLCJvcmRlckJ5Ijoic2VudEF0IiwiZGlyZWN0aW9uIjoiZGVzYyIsImtleSI6WzEwMDAsIm03Il19");
    expect(decodeCursor(cursor)).toEqual(payload);
  });

  it("pages newest first, breaking sentAt ties by id", () => {
    const table = chat();
    const p1 = table.page({ orderBy: "sentAt", direction: "desc", first: 2 });
    expect([ids(p1), p1.hasNextPage]).toEqual([["m4", "m3"], true]);
    const p2 = table.page({ orderBy: "sentAt", direction: "desc", first: 2, after: p1.endCursor });
    expect([ids(p2), p2.hasNextPage]).toEqual([["m2", "m1"], false]);
  });

  it("continues after the cursor's position even if that row was deleted and newer rows arrived", () => {
    const table = chat();
    const p1 = table.page({ orderBy: "sentAt", direction: "desc", first: 2 });
    table.delete("m3");
    table.insert({ id: "m5", sentAt: 400, author: "bo", text: "late" });
    const p2 = table.page({ orderBy: "sentAt", direction: "desc", first: 2, after: p1.endCursor });
    expect(ids(p2)).toEqual(["m2", "m1"]);
  });

  it("rejects a cursor made for another ordering as foreign", () => {
    const table = chat();
    const p1 = table.page({ orderBy: "sentAt", direction: "desc", first: 2 });
    let caught: unknown;
    try {
      table.page({ orderBy: "author", direction: "desc", first: 2, after: p1.endCursor });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CursorError);
    expect((caught as CursorError).code).toBe("foreign");
  });

  it("rejects a tampered cursor as malformed", () => {
    expect(() => decodeCursor("not a cursor!")).toThrow(CursorError);
  });
});
