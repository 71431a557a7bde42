/**
 * A URL shortener: sequential ids rendered in base62, custom aliases, expiry on an injected clock
 * and hit counting on redirect.
 */
export const BASE62_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

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

export function encodeBase62(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`id must be a non-negative safe integer, got ${id}`);
  if (id === 0) return "0";
  let code = "";
  for (let rest = id; rest > 0; rest = Math.floor(rest / 62)) code = BASE62_ALPHABET[rest % 62] + code;
  return code;
}

export function decodeBase62(code: string): number {
  if (code.length === 0) throw new RangeError("an empty code encodes nothing");
  if (code.length > 1 && code[0] === "0") throw new RangeError(`"${code}" has a leading zero: every id has one code`);
  let id = 0;
  for (const char of code) {
    const digit = BASE62_ALPHABET.indexOf(char);
    if (digit < 0) throw new RangeError(`"${char}" is not a base62 digit`);
    id = id * 62 + digit;
    // Checked per digit: past 2^53 the arithmetic itself stops being exact.
    if (id > Number.MAX_SAFE_INTEGER) throw new RangeError(`"${code}" is larger than the largest safe integer`);
  }
  return id;
}

export interface ShortenOptions {
  alias?: string;
  ttlMs?: number;
}

export interface LinkInfo {
  code: string;
  url: string;
  createdAt: number;
  expiresAt: number | null;
  hits: number;
}

const ALIAS_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;
const URL_PATTERN = /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/;
const MAX_URL_LENGTH = 2048;

export class UrlShortener {
  readonly #now: () => number;
  readonly #links = new Map<string, LinkInfo>();
  #nextId: number;

  constructor(opts: { now: () => number; firstId?: number }) {
    this.#now = opts.now;
    this.#nextId = opts.firstId ?? 1;
  }

  shorten(url: string, opts: ShortenOptions = {}): LinkInfo {
    if (url.length > MAX_URL_LENGTH || !URL_PATTERN.test(url)) throw new ShortenerError("INVALID_URL", `not an http(s) URL: ${url}`);
    const { alias, ttlMs } = opts;
    if (ttlMs !== undefined && (!Number.isInteger(ttlMs) || ttlMs <= 0)) throw new ShortenerError("INVALID_TTL", `ttlMs must be a positive integer, got ${ttlMs}`);
    const now = this.#now();
    let code: string;
    if (alias !== undefined) {
      if (!ALIAS_PATTERN.test(alias)) throw new ShortenerError("INVALID_ALIAS", `alias "${alias}" must be 3-32 of A-Z a-z 0-9 _ -, starting with a letter or digit`);
      if (RESERVED_ALIASES.includes(alias.toLowerCase())) throw new ShortenerError("RESERVED_ALIAS", `alias "${alias}" is reserved`);
      if (this.#isTaken(alias, now)) throw new ShortenerError("ALIAS_TAKEN", `alias "${alias}" is already in use`);
      code = alias;
    } else {
      // Skip ids whose code an alias holds or a route owns; a skipped id is used up either way.
      do code = encodeBase62(this.#nextId++);
      while (this.#isTaken(code, now) || RESERVED_ALIASES.includes(code.toLowerCase()));
    }
    const link: LinkInfo = { code, url, createdAt: now, expiresAt: ttlMs === undefined ? null : now + ttlMs, hits: 0 };
    this.#links.set(code, link);
    return { ...link };
  }

  resolve(code: string): string | null {
    const link = this.#active(code, this.#now());
    if (!link) return null;
    link.hits++;
    return link.url;
  }

  stats(code: string): LinkInfo | null {
    const link = this.#active(code, this.#now());
    if (link) link.hits++;
    return link ? { ...link } : null;
  }

  #active(code: string, now: number): LinkInfo | undefined {
    const link = this.#links.get(code);
    if (!link) return undefined;
    if (link.expiresAt !== null && now >= link.expiresAt) {
      this.#links.delete(code);
      return undefined;
    }
    return link;
  }

  #isTaken(code: string, now: number): boolean {
    return this.#active(code, now) !== undefined;
  }
}
