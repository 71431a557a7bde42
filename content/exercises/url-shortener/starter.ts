export const BASE62_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Compared ignoring case: these paths belong to the app's own routes. */
export const RESERVED_ALIASES: readonly string[] = ["admin", "api", "health", "login", "logout", "static", "stats"];

export type ShortenerErrorCode = "INVALID_URL" | "INVALID_ALIAS" | "RESERVED_ALIAS" | "ALIAS_TAKEN" | "INVALID_TTL";

export class ShortenerError extends Error {
  readonly code: ShortenerErrorCode;
  constructor(code: ShortenerErrorCode, message: string) {
    super(message);
    this.name = "ShortenerError";
    this.code = code;
  }
}

/** @throws {RangeError} unless id is a non-negative safe integer. */
export function encodeBase62(id: number): string {
  throw new Error("Not implemented");
}

/** @throws {RangeError} for "", a non-alphabet character, a leading "0" or a value above MAX_SAFE_INTEGER. */
export function decodeBase62(code: string): number {
  throw new Error("Not implemented");
}

export interface ShortenOptions {
  /** 3-32 of A-Z a-z 0-9 _ -, starting with a letter or digit; not reserved; not held by an active link. */
  alias?: string;
  /** A positive integer: the link expires once now() >= createdAt + ttlMs. */
  ttlMs?: number;
}

export interface LinkInfo {
  code: string;
  url: string;
  createdAt: number;
  expiresAt: number | null;
  hits: number;
}

export class UrlShortener {
  constructor(opts: { now: () => number; firstId?: number }) {
    throw new Error("Not implemented");
  }

  /** @throws {ShortenerError} INVALID_URL, INVALID_TTL, INVALID_ALIAS, RESERVED_ALIAS or ALIAS_TAKEN, checked in that order. */
  shorten(url: string, opts: ShortenOptions = {}): LinkInfo {
    throw new Error("Not implemented");
  }

  /** The redirect: the URL of an active link (counting a hit), or null. */
  resolve(code: string): string | null {
    throw new Error("Not implemented");
  }

  /** A copy of the active link, or null. Counts nothing. */
  stats(code: string): LinkInfo | null {
    throw new Error("Not implemented");
  }
}
