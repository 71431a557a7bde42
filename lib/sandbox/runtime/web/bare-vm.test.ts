import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleWebGlobals, loadInVm } from "./bundle-support.ts";

let script: vm.Script;

beforeAll(async () => {
  script = new vm.Script(await bundleWebGlobals(), { filename: "web-globals.js" });
});

describe("the bundled web globals in a bare V8 context", () => {
  it("has no Node or web global to lean on before they are installed", () => {
    const context = vm.createContext({});
    expect(vm.runInContext("typeof TextEncoder + typeof URL + typeof setTimeout + typeof queueMicrotask + typeof structuredClone", context)).toBe(
      "undefined".repeat(5),
    );
  });

  it("reads a Response whose body is a ReadableStream", async () => {
    const { run } = loadInVm(script);
    const result = await (run(`(async () => {
      const encoder = new TextEncoder();
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode("héllo, "));
          controller.enqueue(encoder.encode("wörld"));
          controller.close();
        },
      });
      const response = new Response(stream, { status: 201, headers: { "X-Test": "1" } });
      const text = await response.text();
      return [text, response.status, response.headers.get("x-test"), response.bodyUsed, await Response.json({ a: 1 }).json()];
    })()`) as Promise<unknown>);
    expect(result).toEqual(["héllo, wörld", 201, "1", true, { a: 1 }]);
  });

  it("fires AbortSignal.timeout through the host's timers", async () => {
    const { run } = loadInVm(script);
    const result = await (run(`new Promise((resolve) => {
      const signal = AbortSignal.timeout(10);
      signal.onabort = () => resolve([signal.aborted, signal.reason.name, signal.reason instanceof DOMException]);
    })`) as Promise<unknown>);
    expect(result).toEqual([true, "TimeoutError", true]);
  });

  it("parses URLs with core-js's implementation (no native URL to fall back on)", () => {
    const { run, web } = loadInVm(script);
    expect(web.URL).not.toBe(URL);
    expect(run(`const u = new URL("../c?x=1#h", "https://user:pw@EXAMPLE.com:443/a/b"); u.searchParams.append("y", "2"); [u.href, u.origin, URL.canParse("nope"), JSON.stringify({ u })]`)).toEqual([
      "https://user:pw@example.com/c?x=1&y=2#h",
      "https://example.com",
      false,
      '{"u":"https://user:pw@example.com/c?x=1&y=2#h"}',
    ]);
    expect(run(`typeof globalThis["__core-js_shared__"]`)).toBe("undefined");
  });

  it("clones, encodes and decodes without Node", () => {
    const { run } = loadInVm(script);
    expect(
      run(`const a = { list: [1n, new Date(0), new Map([[1, new Set([2])]])] }; a.self = a;
        const b = structuredClone(a);
        [b.self === b, b.list[2].get(1).has(2), new TextDecoder().decode(new TextEncoder().encode("€")), atob(btoa("hi"))]`),
    ).toEqual([true, true, "€", "hi"]);
  });
});
