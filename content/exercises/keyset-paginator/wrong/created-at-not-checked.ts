// Mistake: Leaves createdAt unchecked: null gives an empty page, 20260301 is read as a date.
import type { Db } from "deepend:sql";

export interface Item {
  id: number;
  /** created_at exactly as db.query returns it, e.g. "2026-03-01T09:00:00+00:00". */
  createdAt: string;
  title: string;
}

export interface Page {
  items: Item[];
  /** The cursor of the last item, or null when no post follows it. */
  next: string | null;
}

/** Thrown for a cursor that listPage could not have produced. */
export class InvalidCursorError extends Error {
  readonly name = "InvalidCursorError";
  readonly code = "invalid_cursor";
  constructor(message = "invalid cursor") {
    super(message);
  }
}

type Position = [createdAt: string, id: number];

// The cursor text is ASCII (a timestamp and digits), so one character is one byte.
function encodeCursor(position: Position): string {
  let hex = "";
  for (const char of JSON.stringify(position)) hex += char.charCodeAt(0).toString(16).padStart(2, "0");
  return hex;
}

function decodeCursor(cursor: string): Position {
  if (!/^(?:[0-9a-f]{2})+$/.test(cursor)) throw new InvalidCursorError("a cursor is lowercase hexadecimal");
  let text = "";
  for (let i = 0; i < cursor.length; i += 2) text += String.fromCharCode(parseInt(cursor.slice(i, i + 2), 16));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidCursorError("a cursor holds JSON");
  }
  if (!Array.isArray(value) || value.length !== 2) throw new InvalidCursorError("a cursor holds [createdAt, id]");
  const [createdAt, id] = value as unknown[];
  if (!Number.isInteger(id)) throw new InvalidCursorError("a cursor holds [createdAt, id]");
  return [createdAt as string, id as number];
}

// One more row than asked for tells whether a next page exists. The row-value comparison is the
// position "after the cursor" in the ORDER BY's own terms (created_at, then id, both descending),
// and PostgreSQL turns it into an index range: a backward scan of (created_at, id) starting just
// below the cursor, reading limit + 1 entries however deep the page.
const FIRST_PAGE = `
  SELECT id, created_at, title FROM posts
  ORDER BY created_at DESC, id DESC
  LIMIT $1`;
const NEXT_PAGE = `
  SELECT id, created_at, title FROM posts
  WHERE (created_at, id) < ($2::timestamptz, $3::integer)
  ORDER BY created_at DESC, id DESC
  LIMIT $1`;

export async function listPage(db: Db, options: { after?: string; limit: number }): Promise<Page> {
  const { after, limit } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new RangeError("limit must be an integer from 1 to 100");
  let rows: Array<{ id: number; created_at: string; title: string }>;
  if (after === undefined) {
    rows = (await db.query<{ id: number; created_at: string; title: string }>(FIRST_PAGE, [limit + 1])).rows;
  } else {
    const [createdAt, id] = decodeCursor(after);
    try {
      rows = (await db.query<{ id: number; created_at: string; title: string }>(NEXT_PAGE, [limit + 1, createdAt, id])).rows;
    } catch (error) {
      // Class 22 (data exception): the cursor's timestamp or id is not a valid timestamptz or integer.
      if (typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("22")) {
        throw new InvalidCursorError("the cursor's position is not a valid timestamp and id");
      }
      throw error;
    }
  }
  const items = rows.slice(0, limit).map((r) => ({ id: r.id, createdAt: r.created_at, title: r.title }));
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}
