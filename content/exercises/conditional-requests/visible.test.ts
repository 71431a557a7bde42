import { createResourceServer, etagOf } from "./solution";

const URL_DOC = "https://api.test/items/doc";
const NOON = Date.parse("2026-12-01T12:00:00.000Z");

function put(body: string, headers: Record<string, string> = {}) {
  return new Request(URL_DOC, { method: "PUT", body, headers });
}
function get(headers: Record<string, string> = {}) {
  return new Request(URL_DOC, { headers });
}

describe("conditional requests", () => {
  it("stores a PUT and serves it with a strong ETag and Last-Modified", async () => {
    const api = createResourceServer({ now: () => NOON });
    const created = await api.fetch(put("hello"));
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe(etagOf("hello"));
    const res = await api.fetch(get());
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hello");
    expect(res.headers.get("etag")).toBe(etagOf("hello"));
    expect(res.headers.get("last-modified")).toBe("Tue, 01 Dec 2026 12:00:00 GMT");
  });

  it("answers 304 with no body when If-None-Match has the current ETag", async () => {
    const api = createResourceServer({ now: () => NOON });
    await api.fetch(put("hello"));
    const res = await api.fetch(get({ "If-None-Match": etagOf("hello") }));
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(etagOf("hello"));
  });

  it("refuses a PUT whose If-Match is stale with 412, and keeps the resource", async () => {
    const api = createResourceServer({ now: () => NOON });
    await api.fetch(put("v1"));
    expect((await api.fetch(put("alice", { "If-Match": etagOf("v1") }))).status).toBe(204);
    expect((await api.fetch(put("bob", { "If-Match": etagOf("v1") }))).status).toBe(412);
    expect(await (await api.fetch(get())).text()).toBe("alice");
  });

  it("answers 304 when If-Modified-Since is not before Last-Modified", async () => {
    const api = createResourceServer({ now: () => NOON });
    await api.fetch(put("hello"));
    expect((await api.fetch(get({ "If-Modified-Since": "Tue, 01 Dec 2026 12:00:00 GMT" }))).status).toBe(304);
    expect((await api.fetch(get({ "If-Modified-Since": "Tue, 01 Dec 2026 11:59:59 GMT" }))).status).toBe(200);
  });

  it("answers 428 to a PUT without If-Match when preconditions are required", async () => {
    const api = createResourceServer({ requireIfMatch: true, now: () => NOON });
    expect((await api.fetch(put("v1", { "If-None-Match": "*" }))).status).toBe(201);
    expect((await api.fetch(put("v2"))).status).toBe(428);
    expect((await api.fetch(put("v2", { "If-Match": etagOf("v1") }))).status).toBe(204);
  });
});
