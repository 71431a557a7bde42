// Wrong: still checks If-Modified-Since when If-None-Match is present and did not match.
import { createHash } from "node:crypto";

export interface ServerOptions {
  /** PUT and DELETE must carry If-Match (or, for a create-only PUT, If-None-Match: *); else 428. */
  requireIfMatch?: boolean;
  /** The clock for Last-Modified (ms since the epoch); Date.now by default. */
  now?: () => number;
}

interface Resource {
  body: string;
  etag: string;
  /** Whole seconds, as an HTTP-date can only carry those. */
  modifiedSeconds: number;
}

const ALLOW = "GET, HEAD, PUT, DELETE";

export function etagOf(body: string): string {
  // A string is hashed as its UTF-8 bytes (the default encoding).
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
}

/** The entity-tags of a list header; `"*"` stands for the wildcard. Malformed members are dropped. */
function parseTags(header: string): Array<{ weak: boolean; tag: string } | "*"> {
  if (header === "*") return ["*"]; // Headers has already stripped the value's surrounding whitespace
  const tags: Array<{ weak: boolean; tag: string }> = [];
  for (const member of header.split(",")) {
    const match = /^\s*(W\/)?("[^"]*")\s*$/.exec(member);
    if (match) tags.push({ weak: match[1] !== undefined, tag: match[2] as string });
  }
  return tags;
}

/** If-Match: strong comparison (a weak tag never matches). */
function strongMatch(header: string, etag: string): boolean {
  return parseTags(header).some((t) => t === "*" || (!t.weak && t.tag === etag));
}

/** If-None-Match: weak comparison (W/ is ignored). */
function weakMatch(header: string, etag: string): boolean {
  return parseTags(header).some((t) => t === "*" || t.tag === etag);
}

export function createResourceServer(options: ServerOptions = {}): { fetch(request: Request): Promise<Response> } {
  const now = options.now ?? Date.now;
  const store = new Map<string, Resource>();

  const validators = (resource: Resource): Headers =>
    new Headers({ ETag: resource.etag, "Last-Modified": new Date(resource.modifiedSeconds * 1000).toUTCString() });

  const empty = (status: number, headers?: Headers) => new Response(null, { status, headers });

  async function fetch(request: Request): Promise<Response> {
    const id = /^\/items\/([^/]+)$/.exec(new URL(request.url).pathname)?.[1];
    if (id === undefined) return empty(404);
    const method = request.method;
    if (!["GET", "HEAD", "PUT", "DELETE"].includes(method)) return empty(405, new Headers({ Allow: ALLOW }));

    const resource = store.get(id);
    const ifMatch = request.headers.get("If-Match");
    const ifNoneMatch = request.headers.get("If-None-Match");
    const ifModifiedSince = request.headers.get("If-Modified-Since");
    const isRead = method === "GET" || method === "HEAD";

    if (options.requireIfMatch && !isRead && ifMatch === null && !(method === "PUT" && ifNoneMatch === "*")) {
      return empty(428);
    }
    // 1. If-Match: a missing resource matches nothing, not even "*".
    if (ifMatch !== null && (!resource || !strongMatch(ifMatch, resource.etag))) return empty(412);
    // 2. If-None-Match; 3. If-Modified-Since only without it, and only for reads.
    if (ifNoneMatch !== null && resource && weakMatch(ifNoneMatch, resource.etag)) return isRead ? empty(304, validators(resource)) : empty(412);
    if (ifModifiedSince !== null && isRead && resource) {
      const since = Date.parse(ifModifiedSince);
      if (!Number.isNaN(since) && resource.modifiedSeconds <= Math.floor(since / 1000)) return empty(304, validators(resource));
    }

    if (isRead) {
      if (!resource) return empty(404);
      const headers = validators(resource);
      headers.set("Content-Type", "text/plain; charset=utf-8");
      return new Response(method === "HEAD" ? null : resource.body, { status: 200, headers });
    }
    if (method === "DELETE") {
      if (!resource) return empty(404);
      store.delete(id);
      return empty(204);
    }
    const body = await request.text();
    const updated: Resource = { body, etag: etagOf(body), modifiedSeconds: Math.floor(now() / 1000) };
    store.set(id, updated);
    return empty(resource ? 204 : 201, validators(updated));
  }

  return { fetch };
}
