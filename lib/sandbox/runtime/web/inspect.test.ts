import { inspect } from "node:util";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleWebGlobals, loadInVm } from "./bundle-support.ts";
import type { WebGlobals } from "./index.ts";

let web: WebGlobals;
beforeAll(async () => {
  web = loadInVm(new vm.Script(await bundleWebGlobals())).web;
});

describe("console output of the web globals", () => {
  it("matches what Node prints for the same values", () => {
    type Impl = WebGlobals | typeof globalThis;
    const samples: Array<(impl: Impl) => unknown> = [
      (impl) => new impl.Headers({ b: "2", A: "1", "set-cookie": "x" }),
      (impl) => new impl.Response("x", { status: 201 }),
      (impl) => new impl.Request("https://a.com/x?y=1", { method: "POST", body: "x", headers: { "x-a": "1" } }),
      (impl) => new impl.AbortController(),
      (impl) => new impl.Blob(["ab"], { type: "t/x" }),
      (impl) => new impl.File(["ab"], "n.txt", { lastModified: 7 }),
      (impl) => new impl.TextDecoder("utf-16le", { fatal: true }),
      (impl) => new impl.URL("https://user:pw@a.com:8080/p?q=1&q=2#h"),
      (impl) => new impl.URLSearchParams("a=1&b=2"),
      (impl) => ({ nested: { deeper: { headers: new impl.Headers({ a: "1" }) } } }),
    ];
    for (const sample of samples) {
      expect(inspect(sample(web))).toBe(inspect(sample(globalThis)));
    }
    const form = new web.FormData();
    form.append("a", "1");
    form.append("a", "2");
    expect(inspect(form)).toBe("FormData { a: [ '1', '2' ] }");
  });
});
