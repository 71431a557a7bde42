/**
 * Keyset (cursor) pagination over an in-memory table of chat messages.
 *
 * A cursor names a *position in the sort order* (the sort value and id of the last row served), not
 * an offset, so rows inserted or deleted before it do not shift the next page. It is opaque to
 * clients (base64url JSON) and checked on the way back in: a cursor must be exactly what this
 * server would have produced, for this table and this ordering.
 */
import { Buffer } from "node:buffer";

export interface Message {
  readonly id: string;
  readonly sentAt: number;
  readonly author: string;
  readonly text: string;
}

export type OrderBy = "sentAt" | "author";
export type Direction = "asc" | "desc";

export interface CursorPayload {
  v: 1;
  table: string;
  orderBy: OrderBy;
  direction: Direction;
  /** [sort value of the last row served, its id] */
  key: [number | string, string];
}

export interface PageQuery {
  orderBy: OrderBy;
  direction: Direction;
  first: number;
  after?: string | null;
}

export interface Page {
  items: Message[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export type CursorErrorCode = "malformed" | "version" | "foreign";

export class CursorError extends Error {
  override readonly name = "CursorError";
  readonly code: CursorErrorCode;

  constructor(code: CursorErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const ORDERS: readonly unknown[] = ["sentAt", "author"];
const DIRECTIONS: readonly unknown[] = ["asc", "desc"];

export function encodeCursor(payload: CursorPayload): string {
  const { v, table, orderBy, direction, key } = payload; // fixed key order: the canonical form
  return Buffer.from(JSON.stringify({ v, table, orderBy, direction, key })).toString("base64url"); // UTF-8 by default
}

export function decodeCursor(cursor: string): CursorPayload {
  // Node's base64url decoder skips characters outside the alphabet, so check the alphabet first.
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new CursorError("malformed", "invalid cursor: not a base64url string");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    throw new CursorError("malformed", "invalid cursor: not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new CursorError("malformed", "invalid cursor: not an object");
  const record = parsed as Record<string, unknown>;
  if (record.v !== 1) throw new CursorError("version", `unsupported cursor version ${JSON.stringify(record.v)} (this server reads version 1)`);
  // A missing field fails its own check below; an extra one fails the canonical-form check at the end.
  const { table, orderBy, direction, key } = record;
  if (typeof table !== "string" || table === "") throw new CursorError("malformed", "invalid cursor: bad table");
  if (!ORDERS.includes(orderBy)) throw new CursorError("malformed", "invalid cursor: bad orderBy");
  if (!DIRECTIONS.includes(direction)) throw new CursorError("malformed", "invalid cursor: bad direction");
  if (!Array.isArray(key) || key.length !== 2) throw new CursorError("malformed", "invalid cursor: bad key");
  const [value, id] = key as unknown[];
  const valueOk = orderBy === "sentAt" ? Number.isFinite(value) : typeof value === "string";
  if (!valueOk || typeof id !== "string" || id === "") throw new CursorError("malformed", "invalid cursor: bad key");
  const payload: CursorPayload = { v: 1, table, orderBy: orderBy as OrderBy, direction: direction as Direction, key: [value as number | string, id] };
  // Integrity without a signature: only the exact bytes this server would produce are accepted.
  if (encodeCursor(payload) !== cursor) throw new CursorError("malformed", "invalid cursor: not in canonical form");
  return payload;
}

/** Ascending comparison by the sort value, then by id (code-unit order for strings). */
function compareKeys(a: [number | string, string], b: [number | string, string]): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  if (a[1] < b[1]) return -1;
  if (a[1] > b[1]) return 1;
  return 0;
}

export class MessageTable {
  readonly name: string;
  readonly #rows = new Map<string, Message>();

  constructor(name: string) {
    this.name = name;
  }

  insert(message: Message): void {
    if (this.#rows.has(message.id)) throw new Error(`duplicate id ${message.id}`);
    this.#rows.set(message.id, message);
  }

  delete(id: string): boolean {
    return this.#rows.delete(id);
  }

  page(query: PageQuery): Page {
    const { orderBy, direction, first } = query;
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new RangeError(`first must be an integer from 1 to 100, got ${first}`);
    const sign = direction === "asc" ? 1 : -1;
    const keyOf = (m: Message): [number | string, string] => [m[orderBy], m.id];
    const compare = (a: [number | string, string], b: [number | string, string]) => sign * compareKeys(a, b);

    let rows = [...this.#rows.values()];
    if (query.after !== undefined && query.after !== null) {
      const cursor = decodeCursor(query.after);
      if (cursor.table !== this.name || cursor.orderBy !== orderBy || cursor.direction !== direction) {
        throw new CursorError("foreign", `cursor belongs to ${cursor.table} ordered by ${cursor.orderBy} ${cursor.direction}, not ${this.name} ordered by ${orderBy} ${direction}`);
      }
      rows = rows.filter((m) => compare(keyOf(m), cursor.key) > 0);
    }
    rows.sort((a, b) => compare(keyOf(a), keyOf(b)));
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return {
      items,
      endCursor: last ? encodeCursor({ v: 1, table: this.name, orderBy, direction, key: keyOf(last) }) : null,
      hasNextPage: items.length === first,
    };
  }
}
