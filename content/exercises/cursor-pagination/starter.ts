// base64url: Buffer.from(text).toString("base64url") and Buffer.from(cursor, "base64url").
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
  /** An integer from 1 to 100. */
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

/** base64url of JSON.stringify({ v, table, orderBy, direction, key }) in that key order. */
export function encodeCursor(payload: CursorPayload): string {
  throw new Error("Not implemented");
}

/** @throws {CursorError} malformed / version, checked in the order of the rules. */
export function decodeCursor(cursor: string): CursorPayload {
  throw new Error("Not implemented");
}

export class MessageTable {
  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** @throws {Error} for a duplicate id. */
  insert(message: Message): void {
    throw new Error("Not implemented");
  }

  delete(id: string): boolean {
    throw new Error("Not implemented");
  }

  /** @throws {RangeError} for a bad `first`; {CursorError} for a bad or foreign `after`. */
  page(query: PageQuery): Page {
    throw new Error("Not implemented");
  }
}
