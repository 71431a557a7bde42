import fc from "fast-check";
import { createHash } from "node:crypto";
import { createResourceServer, etagOf } from "./solution";

const BASE = "https://api.test";
const NOON = Date.parse("2026-12-01T12:00:00.000Z");

function req(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Request(`${BASE}${path}`, { method, headers, body });
}
async function server(options: { requireIfMatch?: boolean; now?: () => number } = {}, initial: Record<string, string> = {}) {
  const api = createResourceServer({ now: () => NOON, ...options });
  for (const [id, body] of Object.entries(initial)) await api.fetch(req("PUT", `/items/${id}`, {}, body));
  return api;
}
async function status(api: { fetch(r: Request): Promise<Response> }, r: Request): Promise<number> {
  return (await api.fetch(r)).status;
}

describe("conditional requests: resources", () => {
  it("computes the strong ETag from the SHA-256 of the body", () => {
    const hex = createHash("sha256").update("héllo", "utf8").digest("hex");
    expect(etagOf("héllo")).toBe(`"${hex.slice(0, 16)}"`);
    expect(etagOf("")).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it("routes only /items/<id> and answers 405 with Allow for other methods", async () => {
    const api = await server({}, { a: "x" });
    for (const path of ["/", "/items", "/items/", "/items/a/b", "/other/a", "/api/items/a"]) {
      for (const method of ["GET", "PUT", "DELETE"]) {
        const res = await api.fetch(req(method, path, {}, method === "PUT" ? "body" : undefined));
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 404`);
      }
    }
    expect(await (await api.fetch(req("GET", "/items/a"))).text()).toBe("x");
    expect(await status(api, req("GET", "/items/a?x=1"))).toBe(200);
    for (const method of ["POST", "PATCH"]) {
      const res = await api.fetch(req(method, "/items/a", {}, "y"));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, PUT, DELETE");
    }
  });

  it("creates with 201, replaces with 204, both without a body and with the new validators", async () => {
    let now = NOON + 999;
    const api = createResourceServer({ now: () => now });
    const created = await api.fetch(req("PUT", "/items/a", {}, "one"));
    expect([created.status, await created.text(), created.headers.get("etag"), created.headers.get("last-modified")]).toEqual([
      201,
      "",
      etagOf("one"),
      "Tue, 01 Dec 2026 12:00:00 GMT",
    ]);
    now += 61_000;
    const replaced = await api.fetch(req("PUT", "/items/a", {}, "two"));
    expect([replaced.status, await replaced.text(), replaced.headers.get("etag"), replaced.headers.get("last-modified")]).toEqual([
      204,
      "",
      etagOf("two"),
      "Tue, 01 Dec 2026 12:01:01 GMT",
    ]);
  });

  it("answers HEAD like GET without the body, and 404 for a missing resource", async () => {
    const api = await server({}, { a: "body" });
    const res = await api.fetch(req("HEAD", "/items/a"));
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(etagOf("body"));
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe("");
    expect(await status(api, req("HEAD", "/items/zzz"))).toBe(404);
  });

  it("deletes with 204, then the resource is gone; deleting a missing one is 404", async () => {
    const api = await server({}, { a: "x" });
    expect(await status(api, req("DELETE", "/items/a", { "If-Match": etagOf("x") }))).toBe(204);
    expect(await status(api, req("GET", "/items/a"))).toBe(404);
    expect(await status(api, req("DELETE", "/items/a"))).toBe(404);
  });
});

describe("conditional requests: If-None-Match", () => {
  it("compares weakly, accepts lists with spaces, and sends the validators with the 304", async () => {
    const api = await server({}, { a: "x" });
    const tag = etagOf("x");
    for (const header of [tag, `W/${tag}`, `"nope", ${tag}`, ` W/"nope" ,W/${tag} `, `${tag} , "nope"`, `\t${tag}\t,"nope"`, "*", " * "]) {
      const res = await api.fetch(req("GET", "/items/a", { "If-None-Match": header }));
      expect(`${header} -> ${res.status}`).toBe(`${header} -> 304`);
      expect(res.headers.get("etag")).toBe(tag);
      expect(res.headers.get("last-modified")).toBe("Tue, 01 Dec 2026 12:00:00 GMT");
      expect(await res.text()).toBe("");
    }
    for (const header of ['"nope"', `W/"nope", ${etagOf("y")}`, tag.slice(1, -1), `x${tag}`, `${tag}x`, `W/${tag}x, "nope"`, `"nope", x W/${tag}`, `${tag.slice(0, -1)}`]) {
      expect(`${header} -> ${await status(api, req("GET", "/items/a", { "If-None-Match": header }))}`).toBe(`${header} -> 200`);
    }
  });

  it("answers 412 (not 304) to a PUT or DELETE whose If-None-Match matches, and lets PUT with * create", async () => {
    const api = await server({}, { a: "x" });
    expect(await status(api, req("PUT", "/items/a", { "If-None-Match": "*" }, "y"))).toBe(412);
    expect(await status(api, req("DELETE", "/items/a", { "If-None-Match": etagOf("x") }))).toBe(412);
    expect(await (await api.fetch(req("GET", "/items/a"))).text()).toBe("x");
    expect(await status(api, req("PUT", "/items/new", { "If-None-Match": "*" }, "fresh"))).toBe(201);
  });
});

describe("conditional requests: If-Match", () => {
  it("compares strongly: a weak tag never matches; a list or * with the current ETag does", async () => {
    const api = await server({}, { a: "x" });
    const tag = etagOf("x");
    expect(await status(api, req("PUT", "/items/a", { "If-Match": `W/${tag}` }, "y"))).toBe(412);
    expect(await status(api, req("PUT", "/items/a", { "If-Match": `"nope", ${tag}` }, "y"))).toBe(204);
    expect(await status(api, req("PUT", "/items/a", { "If-Match": "*" }, "z"))).toBe(204);
    expect(await (await api.fetch(req("GET", "/items/a"))).text()).toBe("z");
  });

  it("fails on a missing resource, even with *, so it never creates", async () => {
    const api = await server();
    expect(await status(api, req("PUT", "/items/a", { "If-Match": "*" }, "y"))).toBe(412);
    expect(await status(api, req("DELETE", "/items/a", { "If-Match": "*" }))).toBe(412);
    expect(await status(api, req("GET", "/items/a"))).toBe(404);
  });

  it("applies to GET too, and is evaluated before If-None-Match", async () => {
    const api = await server({}, { a: "x" });
    expect(await status(api, req("GET", "/items/a", { "If-Match": etagOf("old") }))).toBe(412);
    expect(await status(api, req("GET", "/items/a", { "If-Match": etagOf("old"), "If-None-Match": etagOf("x") }))).toBe(412);
    expect(await status(api, req("GET", "/items/a", { "If-Match": etagOf("x"), "If-None-Match": etagOf("x") }))).toBe(304);
  });
});

describe("conditional requests: If-Modified-Since", () => {
  it("compares in whole seconds and ignores dates it cannot parse", async () => {
    const api = createResourceServer({ now: () => NOON + 750 });
    await api.fetch(req("PUT", "/items/a", {}, "x"));
    const lastModified = (await api.fetch(req("GET", "/items/a"))).headers.get("last-modified") ?? "";
    expect(lastModified).toBe("Tue, 01 Dec 2026 12:00:00 GMT");
    expect(await status(api, req("GET", "/items/a", { "If-Modified-Since": lastModified }))).toBe(304);
    expect(await status(api, req("GET", "/items/a", { "If-Modified-Since": "Tue, 01 Dec 2026 12:00:05 GMT" }))).toBe(304);
    expect(await status(api, req("GET", "/items/a", { "If-Modified-Since": "Tue, 01 Dec 2026 11:59:59 GMT" }))).toBe(200);
    expect(await status(api, req("GET", "/items/a", { "If-Modified-Since": "yesterday-ish" }))).toBe(200);
    expect(await status(api, req("GET", "/items/missing", { "If-Modified-Since": lastModified }))).toBe(404);
  });

  it("is ignored when If-None-Match is present, and for PUT and DELETE", async () => {
    const api = await server({}, { a: "x" });
    const later = "Wed, 02 Dec 2026 00:00:00 GMT";
    expect(await status(api, req("GET", "/items/a", { "If-None-Match": '"other"', "If-Modified-Since": later }))).toBe(200);
    expect(await status(api, req("PUT", "/items/a", { "If-Modified-Since": later }, "y"))).toBe(204);
    expect(await status(api, req("DELETE", "/items/a", { "If-Modified-Since": later }))).toBe(204);
  });
});

describe("conditional requests: requireIfMatch", () => {
  it("answers 428 to PUT and DELETE without If-Match (missing resources included), but not to reads or create-only PUTs", async () => {
    const api = await server({ requireIfMatch: true });
    expect(await status(api, req("PUT", "/items/a", {}, "x"))).toBe(428);
    expect(await status(api, req("PUT", "/items/a", { "If-None-Match": '"abc"' }, "x"))).toBe(428);
    expect(await status(api, req("DELETE", "/items/a"))).toBe(428);
    expect(await status(api, req("GET", "/items/a"))).toBe(404);
    expect(await status(api, req("PUT", "/items/a", { "If-None-Match": "*" }, "x"))).toBe(201);
    expect(await status(api, req("DELETE", "/items/a"))).toBe(428);
    expect(await status(api, req("DELETE", "/items/a", { "If-None-Match": "*" }))).toBe(428);
    expect(await status(api, req("DELETE", "/items/a", { "If-Match": etagOf("x") }))).toBe(204);
  });
});

// ---- Model-based test -------------------------------------------------------------------------

type Condition = "none" | "if-match current" | "if-match stale" | "if-match *" | "if-match weak" | "if-none-match current" | "if-none-match stale" | "if-none-match *" | "ims last-modified" | "ims earlier" | "ims + stale if-none-match";
interface Model {
  now: number;
  items: Map<string, { body: string; seconds: number }>;
}
interface Real {
  api: { fetch(r: Request): Promise<Response> };
  clock: { now: number };
}

function headersFor(cond: Condition, m: Model, id: string): Record<string, string> {
  const item = m.items.get(id);
  const current = etagOf(item?.body ?? "never stored");
  const stale = etagOf("never stored");
  const lastModified = new Date((item?.seconds ?? m.now / 1000) * 1000).toUTCString();
  const earlier = new Date(((item?.seconds ?? m.now / 1000) - 1) * 1000).toUTCString();
  const table: Record<Condition, Record<string, string>> = {
    none: {},
    "if-match current": { "If-Match": current },
    "if-match stale": { "If-Match": stale },
    "if-match *": { "If-Match": "*" },
    "if-match weak": { "If-Match": `W/${current}` },
    "if-none-match current": { "If-None-Match": current },
    "if-none-match stale": { "If-None-Match": stale },
    "if-none-match *": { "If-None-Match": "*" },
    "ims last-modified": { "If-Modified-Since": lastModified },
    "ims earlier": { "If-Modified-Since": earlier },
    "ims + stale if-none-match": { "If-Modified-Since": lastModified, "If-None-Match": stale },
  };
  return table[cond];
}

/** The status the rules give, straight from the model's state. */
function expectedStatus(m: Model, method: string, id: string, cond: Condition): number {
  const exists = m.items.has(id);
  const isRead = method === "GET";
  if (cond.startsWith("if-match")) {
    if (!exists || cond === "if-match stale" || cond === "if-match weak") return 412;
  } else if (cond === "if-none-match current" || cond === "if-none-match *") {
    if (exists) return isRead ? 304 : 412;
  } else if ((cond === "ims last-modified" || cond === "ims earlier") && isRead && exists) {
    if (cond === "ims last-modified") return 304;
  }
  if (isRead) return exists ? 200 : 404;
  if (method === "DELETE") return exists ? 204 : 404;
  return exists ? 204 : 201;
}

class RequestCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly method: "GET" | "PUT" | "DELETE",
    readonly id: string,
    readonly cond: Condition,
    readonly body: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const headers = headersFor(this.cond, m, this.id);
    const want = expectedStatus(m, this.method, this.id, this.cond);
    const res = await r.api.fetch(req(this.method, `/items/${this.id}`, headers, this.method === "PUT" ? this.body : undefined));
    const text = await res.text();
    expect(`${this} -> ${res.status}`).toBe(`${this} -> ${want}`);
    const item = m.items.get(this.id);
    if (want === 200) expect(`${this} body ${text}`).toBe(`${this} body ${item?.body}`);
    if (want === 200 || want === 304) expect(`${this} etag ${res.headers.get("etag")}`).toBe(`${this} etag ${etagOf(item?.body ?? "")}`);
    if (want === 201 || want === 204) {
      if (this.method === "PUT") m.items.set(this.id, { body: this.body, seconds: Math.floor(m.now / 1000) });
      else m.items.delete(this.id);
    }
  }
  toString = () => `${this.method} /items/${this.id}${this.method === "PUT" ? ` "${this.body}"` : ""} [${this.cond}]`;
}

class TickCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += this.ms;
    r.clock.now = m.now;
  }
  toString = () => `time passes ${this.ms} ms`;
}

describe("conditional requests: model check", () => {
  it("matches the rules over random sequences of conditional GETs, PUTs and DELETEs", async () => {
    const conditions: Condition[] = ["none", "if-match current", "if-match stale", "if-match *", "if-match weak", "if-none-match current", "if-none-match stale", "if-none-match *", "ims last-modified", "ims earlier", "ims + stale if-none-match"];
    const request = fc
      .tuple(fc.constantFrom<"GET" | "PUT" | "DELETE">("GET", "GET", "PUT", "PUT", "DELETE"), fc.constantFrom("a", "b"), fc.constantFrom(...conditions), fc.constantFrom("x", "y", "z"))
      .map(([method, id, cond, body]) => new RequestCommand(method, id, cond, body));
    const tick = fc.constantFrom(1, 400, 1000, 65_000).map((ms) => new TickCommand(ms));
    await fc.assert(
      fc.asyncProperty(fc.commands([request, tick], { maxCommands: 25 }), async (cmds) => {
        const clock = { now: NOON + 250 };
        await fc.asyncModelRun(() => ({ model: { now: clock.now, items: new Map() }, real: { api: createResourceServer({ now: () => clock.now }), clock } }), cmds);
      }),
      { numRuns: 150 },
    );
  });
});
