import { createVersionedApi, HEADER, PROBLEM_BASE, type ApiVersion, type VersionedApiOptions } from "./solution";

const DEPRECATED = Date.UTC(2024, 0, 15, 0, 0, 0, 999); // the milliseconds are rounded down
const SUNSET = Date.UTC(2024, 5, 30, 23, 59, 59);

const versions: ApiVersion[] = [
  { version: "2024-01-10" },
  { version: "2023-06-01", deprecatedAt: DEPRECATED, sunsetAt: SUNSET, deprecationLink: "https://docs.example.com/migrate-2023" },
  { version: "2022-11-15", sunsetAt: Date.UTC(2024, 0, 20) },
  { version: "2024-02-29", deprecatedAt: Date.UTC(2030, 0, 1), deprecationLink: "https://docs.example.com/leap" },
];

function api(overrides: Partial<VersionedApiOptions> = {}) {
  const handler = fn((_request: Request, version: string) => Response.json({ servedBy: version }, { headers: { "X-Trace": "t1" } }));
  return { handler, server: createVersionedApi({ versions, defaultVersion: "2024-01-10", handler, ...overrides }) };
}

function get(version?: string, name = "API-Version"): Request {
  return new Request("https://api.example.com/orders", { headers: version === undefined ? {} : { [name]: version } });
}

describe("versioned API: options", () => {
  it("refuses invalid versions with a RangeError, duplicates and an unlisted default with the promised messages", () => {
    const handler = () => new Response("ok");
    for (const bad of ["2024-1-10", "24-01-10", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "latest", " 2024-01-10"]) {
      expect(() => createVersionedApi({ versions: [{ version: bad }], defaultVersion: bad, handler })).toThrow(RangeError);
    }
    expect(() => createVersionedApi({ versions: [{ version: "2024-01-10" }, { version: "2024-01-10" }], defaultVersion: "2024-01-10", handler })).toThrow('duplicate version "2024-01-10"');
    expect(() => createVersionedApi({ versions: [{ version: "2024-01-10" }], defaultVersion: "2024-01-11", handler })).toThrow('default version "2024-01-11" is not one of the versions');
    expect(() => createVersionedApi({ versions: [{ version: "2024-02-29" }, { version: "2000-02-29" }, { version: "0099-12-31" }], defaultVersion: "2000-02-29", handler })).not.toThrow();
    expect(() => createVersionedApi({ versions: [{ version: "1900-02-29" }], defaultVersion: "1900-02-29", handler })).toThrow(RangeError);
    // Versions are checked in order: the malformed one comes before the duplicate.
    expect(() => createVersionedApi({ versions: [{ version: "2024-01-10" }, { version: "nope" }, { version: "2024-01-10" }], defaultVersion: "2030-01-01", handler })).toThrow(RangeError);
  });
});

describe("versioned API: negotiation", () => {
  beforeEach(() => {
    vi.setSystemTime(Date.UTC(2024, 1, 1));
  });

  it("matches the header name in any letter case and passes the request and version to the handler", async () => {
    const { server, handler } = api();
    const request = get("2023-06-01", "api-version");
    const res = await server.fetch(request);
    expect(await res.json()).toEqual({ servedBy: "2023-06-01" });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![0]).toBe(request);
    expect(HEADER).toBe("API-Version");
  });

  it("treats an empty header as malformed, not as missing", async () => {
    const { server, handler } = api();
    const res = await server.fetch(new Request("https://api.example.com/orders", { headers: { "API-Version": "" } }));
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe(`${PROBLEM_BASE}malformed-version`);
    expect(handler).not.toHaveBeenCalled();
  });

  it("tells a malformed date from an unknown one: impossible dates are malformed", async () => {
    const { server } = api();
    for (const value of ["2024-02-30", "2024-1-10", "2024-01-10T00:00:00Z", "2024-01-10, 2023-06-01"]) {
      const res = await server.fetch(get(value));
      expect({ value, status: res.status, body: await res.json() }).toMatchObject({ value, status: 400, body: { type: `${PROBLEM_BASE}malformed-version`, title: "Malformed API version", status: 400 } });
    }
    const unknown = await server.fetch(get("2024-01-09"));
    const body = await unknown.json();
    expect(body).toMatchObject({ type: `${PROBLEM_BASE}unknown-version`, title: "Unknown API version", status: 400 });
    expect(typeof body.detail).toBe("string");
    expect(body.supported).toEqual(["2023-06-01", "2024-01-10", "2024-02-29"]); // oldest first, 2022-11-15 is gone
  });

  it("returns the handler's status, status text and body, with its headers kept and API-Version added", async () => {
    const { server } = api({ handler: () => new Response("created", { status: 201, statusText: "Created", headers: { "X-Trace": "t9", Link: "</orders/1>; rel=\"self\"" } }) });
    const res = await server.fetch(get("2024-01-10"));
    expect([res.status, res.statusText, await res.text()]).toEqual([201, "Created", "created"]);
    expect([res.headers.get("x-trace"), res.headers.get("api-version"), res.headers.get("link")]).toEqual(["t9", "2024-01-10", '</orders/1>; rel="self"']);
    expect([res.headers.get("deprecation"), res.headers.get("sunset")]).toEqual([null, null]);
  });

  it("adds lifecycle headers to a handler response whose headers are immutable", async () => {
    const { server } = api({ handler: () => Response.redirect("https://api.example.com/elsewhere", 307) });
    const res = await server.fetch(get("2023-06-01"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("https://api.example.com/elsewhere");
    expect(res.headers.get("deprecation")).toBe("@1705276800");
  });
});

describe("versioned API: deprecation and sunset", () => {
  it("rounds Deprecation down to whole seconds, announces a future deprecation, and appends Link to the handler's", async () => {
    vi.setSystemTime(Date.UTC(2024, 1, 1));
    const { server } = api({ handler: () => new Response("x", { headers: { Link: '<https://docs.example.com>; rel="help"' } }) });
    const old = await server.fetch(get("2023-06-01"));
    expect(old.headers.get("deprecation")).toBe("@1705276800");
    expect(old.headers.get("sunset")).toBe("Sun, 30 Jun 2024 23:59:59 GMT");
    expect(old.headers.get("link")).toBe('<https://docs.example.com>; rel="help", <https://docs.example.com/migrate-2023>; rel="deprecation"; type="text/html"');
    const future = await server.fetch(get("2024-02-29"));
    expect([future.headers.get("deprecation"), future.headers.get("sunset")]).toEqual(["@1893456000", null]);
  });

  it("serves a version until 1 ms before its sunset and answers 410 from the sunset instant on", async () => {
    const { server } = api();
    vi.setSystemTime(SUNSET - 1);
    expect((await server.fetch(get("2023-06-01"))).status).toBe(200);
    vi.setSystemTime(SUNSET);
    const gone = await server.fetch(get("2023-06-01"));
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toBe("application/problem+json");
    expect(await gone.json()).toMatchObject({ type: `${PROBLEM_BASE}version-gone`, title: "API version no longer supported", status: 410, supported: ["2024-01-10", "2024-02-29"] });
    expect([gone.headers.get("deprecation"), gone.headers.get("sunset"), gone.headers.get("api-version")]).toEqual(["@1705276800", "Sun, 30 Jun 2024 23:59:59 GMT", null]);
    expect(gone.headers.get("link")).toBe('<https://docs.example.com/migrate-2023>; rel="deprecation"; type="text/html"');
  });

  it("gives a sunset-only version only Sunset, a deprecation without a link no Link, and a link without a date nothing", async () => {
    vi.setSystemTime(Date.UTC(2024, 0, 1));
    const { server } = api({
      versions: [
        { version: "2022-11-15", sunsetAt: Date.UTC(2024, 2, 1) },
        { version: "2024-01-10", deprecationLink: "https://docs.example.com/x" },
        { version: "2023-09-01", deprecatedAt: Date.UTC(2023, 11, 1) },
      ],
    });
    const res = await server.fetch(get("2022-11-15"));
    expect([res.headers.get("sunset"), res.headers.get("deprecation"), res.headers.get("link")]).toEqual(["Fri, 01 Mar 2024 00:00:00 GMT", null, null]);
    const plain = await server.fetch(get("2024-01-10"));
    expect(plain.headers.get("link")).toBeNull();
    const noLink = await server.fetch(get("2023-09-01"));
    expect([noLink.headers.get("deprecation"), noLink.headers.get("link"), noLink.headers.get("sunset")]).toEqual(["@1701388800", null, null]);
  });

  it("answers 410 for requests without a header once the default version is past its sunset", async () => {
    vi.setSystemTime(Date.UTC(2024, 5, 1));
    const { server, handler } = api({ defaultVersion: "2022-11-15" });
    const res = await server.fetch(get());
    expect(res.status).toBe(410);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("versioned API: Vary", () => {
  beforeEach(() => {
    vi.setSystemTime(Date.UTC(2024, 1, 1));
  });

  it("puts Vary: API-Version on every problem response", async () => {
    const { server } = api();
    vi.setSystemTime(Date.UTC(2025, 0, 1));
    for (const value of ["bad", "2024-01-09", "2023-06-01"]) expect((await server.fetch(get(value))).headers.get("vary")).toBe("API-Version");
  });

  it("appends to the handler's Vary once, and leaves Vary: * and an existing API-Version alone", async () => {
    const cases: [string | null, string][] = [
      ["Accept-Encoding", "Accept-Encoding, API-Version"],
      ["Accept-Encoding, api-version", "Accept-Encoding, api-version"],
      ["*", "*"],
      ["", "API-Version"],
      [null, "API-Version"],
    ];
    for (const [vary, expected] of cases) {
      const { server } = api({ handler: () => new Response("x", { headers: vary === null ? {} : { Vary: vary } }) });
      expect({ vary, got: (await server.fetch(get("2024-01-10"))).headers.get("vary") }).toEqual({ vary, got: expected });
    }
  });
});
