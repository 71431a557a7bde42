import { createVersionedApi, type ApiVersion } from "./solution";

const T0 = Date.UTC(2024, 0, 1); // the tests' clock is moved to fixed dates below

const versions: ApiVersion[] = [
  { version: "2023-06-01", deprecatedAt: Date.UTC(2024, 0, 15), sunsetAt: Date.UTC(2024, 5, 30, 23, 59, 59), deprecationLink: "https://docs.example.com/migrate-2023" },
  { version: "2024-01-10" },
];

function api() {
  return createVersionedApi({
    versions,
    defaultVersion: "2024-01-10",
    handler: (_request, version) => Response.json({ servedBy: version }),
  });
}

function get(version?: string): Request {
  return new Request("https://api.example.com/orders", { headers: version === undefined ? {} : { "API-Version": version } });
}

function at(epochMs: number): void {
  vi.setSystemTime(epochMs);
}

describe("API version negotiation", () => {
  it("serves the requested version, echoes it, and adds Vary: API-Version", async () => {
    at(T0);
    const res = await api().fetch(get("2024-01-10"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ servedBy: "2024-01-10" });
    expect(res.headers.get("api-version")).toBe("2024-01-10");
    expect(res.headers.get("vary")).toBe("API-Version");
  });

  it("uses the default version when the header is missing", async () => {
    at(T0);
    const res = await api().fetch(get());
    expect(await res.json()).toEqual({ servedBy: "2024-01-10" });
  });

  it("marks a deprecated version with Deprecation, Sunset and Link headers", async () => {
    at(Date.UTC(2024, 2, 1));
    const res = await api().fetch(get("2023-06-01"));
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe("@1705276800");
    expect(res.headers.get("sunset")).toBe("Sun, 30 Jun 2024 23:59:59 GMT");
    expect(res.headers.get("link")).toBe('<https://docs.example.com/migrate-2023>; rel="deprecation"; type="text/html"');
  });

  it("answers 400 problem details for a malformed or unknown version", async () => {
    at(T0);
    const malformed = await api().fetch(get("v2"));
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect((await malformed.json()).type).toBe("https://api.example.com/problems/malformed-version");
    const unknown = await api().fetch(get("2024-01-11"));
    expect(await unknown.json()).toMatchObject({ type: "https://api.example.com/problems/unknown-version", status: 400, supported: ["2023-06-01", "2024-01-10"] });
  });

  it("answers 410 Gone once the sunset has passed", async () => {
    at(Date.UTC(2024, 6, 1));
    const res = await api().fetch(get("2023-06-01"));
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ type: "https://api.example.com/problems/version-gone", status: 410, supported: ["2024-01-10"] });
  });
});
