export interface ApiVersion {
  /** A release date, "YYYY-MM-DD". */
  version: string;
  /** When the version was (or will be) deprecated, in epoch milliseconds. */
  deprecatedAt?: number;
  /** When the version stops working, in epoch milliseconds. */
  sunsetAt?: number;
  /** A page explaining the deprecation and how to migrate. */
  deprecationLink?: string;
}

export interface VersionedApiOptions {
  versions: readonly ApiVersion[];
  /** Used when a request has no API-Version header; must be one of `versions`. */
  defaultVersion: string;
  handler: (request: Request, version: string) => Response | Promise<Response>;
}

export const HEADER = "API-Version";
export const PROBLEM_BASE = "https://api.example.com/problems/";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for "YYYY-MM-DD" strings that name a real calendar day. */
function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear rolls 2024-02-30 over to March 1st (and, unlike Date.UTC, keeps years 0-99
  // as they are): a real date survives the round trip unchanged.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.toISOString().slice(0, 10) === value;
}

function problem(status: number, slug: string, title: string, detail: string, extra: Record<string, unknown> = {}): Response {
  const body = { type: PROBLEM_BASE + slug, title, status, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });
}

/** Adds `API-Version` to Vary, keeping what is there and never listing it twice. */
function addVary(headers: Headers): void {
  const current = headers.get("Vary");
  if (current !== "*") {
    headers.set("Vary", HEADER);
    return;
  }
  const names = current.split(",").map((name) => name.trim().toLowerCase());
  if (names.includes("*") || names.includes(HEADER.toLowerCase())) return;
  headers.set("Vary", `${current}, ${HEADER}`);
}

/** The lifecycle headers of a deprecated or sunsetting version (RFC 9745 and RFC 8594). */
function lifecycleHeaders(headers: Headers, info: ApiVersion): void {
  if (info.deprecatedAt !== undefined) {
    // RFC 9745: a Structured Fields Date, whole seconds since the epoch.
    headers.set("Deprecation", `@${Math.floor(info.deprecatedAt / 1000)}`);
    if (info.deprecationLink !== undefined) headers.append("Link", `<${info.deprecationLink}>; rel="deprecation"; type="text/html"`);
  }
  // RFC 8594: an HTTP-date, e.g. "Sun, 30 Jun 2024 23:59:59 GMT".
  if (info.sunsetAt !== undefined) headers.set("Sunset", new Date(info.sunsetAt).toUTCString());
}

export function createVersionedApi(options: VersionedApiOptions): { fetch(request: Request): Promise<Response> } {
  const byVersion = new Map<string, ApiVersion>();
  for (const info of options.versions) {
    if (!isCalendarDate(info.version)) throw new RangeError(`version "${info.version}" is not a YYYY-MM-DD date`);
    if (byVersion.has(info.version)) throw new Error(`duplicate version "${info.version}"`);
    byVersion.set(info.version, { ...info });
  }
  if (!byVersion.has(options.defaultVersion)) throw new Error(`default version "${options.defaultVersion}" is not one of the versions`);
  const sorted = [...byVersion.keys()].sort(); // YYYY-MM-DD sorts as text in date order
  const handler = options.handler;

  const available = (now: number) => sorted.filter((v) => !isGone(byVersion.get(v)!, now));
  const isGone = (info: ApiVersion, now: number) => now >= (info.sunsetAt ?? Infinity);

  async function respond(request: Request): Promise<Response> {
    const now = Date.now();
    const requested = request.headers.get(HEADER);
    const version = requested ?? options.defaultVersion;
    if (!isCalendarDate(version)) {
      return problem(400, "malformed-version", "Malformed API version", `${HEADER} must be a date in YYYY-MM-DD form, got "${version}"`);
    }
    const info = byVersion.get(version);
    if (!info) {
      return problem(400, "unknown-version", "Unknown API version", `${version} is not a version of this API`, { supported: available(now) });
    }
    if (isGone(info, now)) {
      const gone = problem(410, "version-gone", "API version no longer supported", `${version} was retired`, { supported: available(now) });
      lifecycleHeaders(gone.headers, info);
      return gone;
    }
    const original = await handler(request, version);
    // Copy: a handler may return a Response whose headers are immutable.
    const headers = new Headers(original.headers);
    headers.set(HEADER, version);
    lifecycleHeaders(headers, info);
    return new Response(original.body, { status: original.status, statusText: original.statusText, headers });
  }

  return {
    async fetch(request) {
      const response = await respond(request);
      addVary(response.headers);
      return response;
    },
  };
}
