// Mistake: Puts an offset in the cursor and pages with OFFSET.
import type { Db } from "deepend:sql";

export interface Item {
  id: number;
  createdAt: string;
  title: string;
}

export interface Page {
  items: Item[];
  next: string | null;
}

export class InvalidCursorError extends Error {
  readonly name = "InvalidCursorError";
  readonly code = "invalid_cursor";
  constructor(message = "invalid cursor") {
    super(message);
  }
}

// The cursor remembers how many posts were served: hex of the JSON number.
const toHex = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
const fromHex = (hex: string) => (hex.match(/../g) ?? []).map((h) => String.fromCharCode(parseInt(h, 16))).join("");

export async function listPage(db: Db, options: { after?: string; limit: number }): Promise<Page> {
  const { after, limit } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new RangeError("limit must be an integer from 1 to 100");
  let offset = 0;
  if (after !== undefined) {
    if (!/^(?:[0-9a-f]{2})+$/.test(after)) throw new InvalidCursorError();
    let value: unknown;
    try {
      value = JSON.parse(fromHex(after));
    } catch {
      throw new InvalidCursorError();
    }
    if (!Number.isInteger(value) || (value as number) < 0) throw new InvalidCursorError();
    offset = value as number;
  }
  const result = await db.query<{ id: number; created_at: string; title: string }>(
    "SELECT id, created_at, title FROM posts ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2",
    [limit + 1, offset],
  );
  const items = result.rows.slice(0, limit).map((r) => ({ id: r.id, createdAt: r.created_at, title: r.title }));
  return { items, next: result.rows.length > limit ? toHex(JSON.stringify(offset + limit)) : null };
}
