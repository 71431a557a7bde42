import { createHash } from "node:crypto";

export interface ServerOptions {
  /** PUT and DELETE must carry If-Match (or, for a create-only PUT, If-None-Match: *); else 428. */
  requireIfMatch?: boolean;
  /** The clock for Last-Modified (ms since the epoch); Date.now by default. */
  now?: () => number;
}

/** `"` + first 16 hex chars of sha256(body) + `"` (a strong entity-tag). */
export function etagOf(body: string): string {
  void createHash;
  throw new Error("Not implemented");
}

/**
 * GET/HEAD/PUT/DELETE on /items/<id>, with preconditions in RFC 9110 order:
 * If-Match (strong, 412) → If-None-Match (weak, 304 for reads / 412) → If-Modified-Since
 * (reads only, only without If-None-Match, 304).
 */
export function createResourceServer(options: ServerOptions = {}): { fetch(request: Request): Promise<Response> } {
  throw new Error("Not implemented");
}
