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

  it("parses URLs", () => {
    const { run, web } = loadInVm(script);
    expect(web.URL).not.toBe(URL);
    expect(run(`const u = new URL("../c?x=1#h", "https://user:pw@EXAMPLE.com:443/a/b"); u.searchParams.append("y", "2"); [u.href, u.origin, URL.canParse("nope"), JSON.stringify({ u })]`)).toEqual([
      "https://user:pw@example.com/c?x=1&y=2#h",
      "https://example.com",
      false,
      '{"u":"https://user:pw@example.com/c?x=1&y=2#h"}',
    ]);
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

describe("web streams in the bare context", () => {
  it("rejects an aborted pipe with our DOMException, and loading leaves no global behind", async () => {
    const { run } = loadInVm(script);
    const result = await (run(`(async () => {
      const controller = new AbortController();
      const readable = new ReadableStream({ pull() { return new Promise(() => {}); } });
      const piping = readable.pipeTo(new WritableStream(), { signal: controller.signal });
      controller.abort();
      const error = await piping.catch((e) => e);
      return [error instanceof DOMException, error.name];
    })()`) as Promise<unknown>);
    expect(result).toEqual([true, "AbortError"]);
    const untouched = vm.createContext({});
    script.runInContext(untouched);
    expect(vm.runInContext(`Object.getOwnPropertyNames(globalThis).filter((name) => /DOMException/.test(name))`, untouched)).toEqual([]);
  });

  it("encodes and decodes through TextEncoderStream and TextDecoderStream", async () => {
    const { run } = loadInVm(script);
    const result = await (run(`(async () => {
      const source = new ReadableStream({ start(c) { for (const part of ["h\u00e9", "\ud83d", "\ude00!"]) c.enqueue(part); c.close(); } });
      const bytes = source.pipeThrough(new TextEncoderStream());
      const text = bytes.pipeThrough(new TextDecoderStream());
      let out = "";
      for await (const chunk of text) out += chunk;
      return out;
    })()`) as Promise<unknown>);
    expect(result).toBe("hé😀!");
  });
});

describe("after the harness freezes everything reachable", () => {
  it("still works: streams, bodies, URL, events, timers, cloning", async () => {
    const { run } = loadInVm(script);
    run(`(() => {
      const seen = new Set();
      // The web globals (and through their prototypes, the built-ins); not the vm's global proxy.
      const stack = Object.getOwnPropertyNames(globalThis).filter((name) => name !== "globalThis").map((name) => globalThis[name]);
      while (stack.length > 0) {
        const value = stack.pop();
        if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) continue;
        seen.add(value);
        stack.push(Object.getPrototypeOf(value));
        for (const key of Reflect.ownKeys(value)) {
          const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
          stack.push(descriptor.value, descriptor.get, descriptor.set);
        }
        Object.freeze(value);
      }
    })()`);
    expect(run(`Object.isFrozen(Response.prototype) && Object.isFrozen(Object.prototype) && Object.isFrozen(URL.prototype)`)).toBe(true);
    const result = await (run(`(async () => {
      const out = [];
      const form = new FormData();
      form.append("f", new File(["x"], "x.txt"));
      const request = new Request("https://a.com/p?q=1", { method: "POST", body: form });
      out.push((await request.clone().formData()).get("f").name);
      const response = new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("ok")); c.close(); } }));
      out.push(await response.clone().text(), await response.text());
      const url = new URL("https://a.com/?a=1");
      url.searchParams.set("b", "2");
      url.hash = "h";
      out.push(url.href);
      const target = new EventTarget();
      target.addEventListener("x", (event) => out.push(event.type), { once: true });
      target.dispatchEvent(new CustomEvent("x"));
      const cyclic = { list: [new Map([[1, new Set([2])]])] };
      cyclic.self = cyclic;
      const copy = structuredClone(cyclic);
      out.push(copy.self === copy, copy.list[0].get(1).has(2));
      out.push(await new Promise((resolve) => AbortSignal.timeout(1).addEventListener("abort", (e) => resolve(e.target.reason.name))));
      out.push(new TextDecoder().decode(new TextEncoder().encode("é")), atob(btoa("b")));
      out.push([...new Headers({ B: "1", a: "2" })].join(";"));
      return out;
    })()`) as Promise<unknown>);
    expect(result).toEqual(["x.txt", "ok", "ok", "https://a.com/?a=1&b=2#h", "x", true, true, "TimeoutError", "é", "b", "a,2;b,1"]);
  });
});
