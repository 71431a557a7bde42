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

export async function listPage(db: Db, options: { after?: string; limit: number }): Promise<Page> {
  throw new Error("Not implemented");
}
