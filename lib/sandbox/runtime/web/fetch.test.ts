import { describe, expect, it } from "vitest";
import { seededRandom, webGlobals } from "./test-support.ts";

const web = webGlobals();

function randomCase(random: () => number, text: string): string {
  return [...text].map((char) => (random() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join("");
}

async function settle<T>(run: () => T | Promise<T>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

describe("Headers against undici's", () => {
  it("behaves the same under random operations with random casing and invalid input", () => {
    const random = seededRandom(21);
    const names = ["content-type", "set-cookie", "x-a", "accept", "x-b", "bad name", "x:y", "é", ""];
    const values = ["text/html", " padded\t", "a=1; Path=/", "x, y", "bad\nvalue", "nul\0", "", "ünïcode"];
    for (let round = 0; round < 150; round++) {
      const ours = new web.Headers();
      const node = new Headers();
      const log: Array<[unknown, unknown]> = [];
      for (let step = 0; step < 12; step++) {
        const name = randomCase(random, names[Math.floor(random() * names.length)]!);
        const value = values[Math.floor(random() * values.length)]!;
        const op = ["append", "append", "set", "delete", "get", "has", "getSetCookie"][Math.floor(random() * 7)]!;
        const run = (headers: Headers) => {
          try {
            return { ok: (headers as unknown as Record<string, (...args: string[]) => unknown>)[op]!(name, value) ?? null };
          } catch (error) {
            return { error: (error as Error).name };
          }
        };
        log.push([run(ours as unknown as Headers), run(node)]);
      }
      for (const [a, b] of log) expect(a).toEqual(b);
      expect([...ours]).toEqual([...node]);
      expect([...ours.keys()]).toEqual([...node.keys()]);
      const seen: unknown[] = [];
      ours.forEach((value, key) => seen.push([key, value]));
      expect(seen).toEqual([...node.entries()]);
    }
  });

  it("constructs from records, pairs and Headers like undici, with the same errors", () => {
    const inits: unknown[] = [
      { "Content-Type": "a", "X-Y": " b " },
      [["a", "1"], ["A", "2"], ["set-cookie", "x"], ["Set-Cookie", "y"]],
      [["only-one"]],
      [["a", "b", "c"]],
      "string",
      null,
      [["bad name", "v"]],
      new Headers({ b: "2", a: "1" }),
    ];
    for (const init of inits) {
      const make = (Impl: typeof Headers) => {
        try {
          const source = init instanceof Headers && Impl !== Headers ? new web.Headers([...init]) : init;
          const headers = new Impl(source as HeadersInit);
          return [...headers, headers.getSetCookie()];
        } catch (error) {
          return (error as Error).name;
        }
      };
      expect(make(web.Headers as unknown as typeof Headers), JSON.stringify(init)).toEqual(make(Headers));
    }
  });
});

describe("FormData and Blob against Node's", () => {
  it("FormData keeps entries, files and order like undici", async () => {
    const build = (Impl: { FormData: typeof FormData; Blob: typeof Blob; File: typeof File }) => {
      const form = new Impl.FormData();
      form.append("a", "1");
      form.append("file", new Impl.Blob(["xyz"], { type: "text/plain" }));
      form.append("named", new Impl.Blob(["q"]), "q.bin");
      form.append("a", "2");
      form.set("b", "3");
      form.append("f2", new Impl.File(["k"], "k.txt", { type: "text/x", lastModified: 9 }));
      form.set("a", "only");
      form.delete("missing");
      return form;
    };
    const ours = build(web as never);
    const node = build({ FormData, Blob, File });
    const summary = async (form: FormData, BlobClass: typeof Blob) =>
      Promise.all(
        [...form].map(async ([name, value]) =>
          typeof value === "string" ? [name, value] : [name, value.name, value.type, value.size, await value.text(), value instanceof BlobClass],
        ),
      );
    expect(await summary(ours as unknown as FormData, web.Blob as unknown as typeof Blob)).toEqual(await summary(node, Blob));
    expect([ours.has("b"), ours.get("zz"), ours.getAll("a")]).toEqual([node.has("b"), node.get("zz"), node.getAll("a")]);
  });

  it("Blob slices and reads like Node's", async () => {
    const random = seededRandom(31);
    const parts = ["héllo", new Uint8Array([1, 2, 3]), new Uint16Array([0x4142]).buffer, "😀"];
    const ours = new web.Blob([...parts, new web.Blob(["inner"])], { type: "Text/Plain" });
    const node = new Blob([...parts, new Blob(["inner"])], { type: "Text/Plain" });
    expect([ours.size, ours.type]).toEqual([node.size, node.type]);
    for (let i = 0; i < 50; i++) {
      const start = Math.floor(random() * 30) - 10;
      const end = Math.floor(random() * 30) - 10;
      const a = ours.slice(start, end, "x/y");
      const b = node.slice(start, end, "x/y");
      expect([a.size, a.type, [...(await a.bytes())]]).toEqual([b.size, b.type, [...(await b.bytes())]]);
    }
    expect(await ours.text()).toBe(await node.text());
    const reader = ours.stream().getReader();
    const chunk = await reader.read();
    expect([...(chunk.value as Uint8Array)]).toEqual([...new Uint8Array(await node.arrayBuffer())]);
    expect(new web.Blob([], { type: "ünï" }).type).toBe(new Blob([], { type: "ünï" }).type);
    for (const endings of ["native", "transparent"] as const) {
      expect(await new web.Blob(["a\r\nb\rc\n"], { endings }).text()).toBe(await new Blob(["a\r\nb\rc\n"], { endings }).text());
    }
  });
});

type FetchImpl = { Request: typeof Request; Response: typeof Response; Headers: typeof Headers; URLSearchParams: typeof URLSearchParams; FormData: typeof FormData; Blob: typeof Blob; ReadableStream: typeof ReadableStream; AbortController: typeof AbortController };
const OURS = web as unknown as FetchImpl;
const NODE: FetchImpl = { Request, Response, Headers, URLSearchParams, FormData, Blob, ReadableStream, AbortController };

function bodies(impl: FetchImpl): Array<[string, () => unknown]> {
  return [
    ["none", () => undefined],
    ["null", () => null],
    ["string", () => "héllo"],
    ["json text", () => '{"a":[1,2]}'],
    ["params", () => new impl.URLSearchParams("a=1&b=x y")],
    ["blob", () => new impl.Blob(["blob body"], { type: "application/x-thing" })],
    ["untyped blob", () => new impl.Blob(["raw"])],
    ["buffer", () => new Uint8Array([104, 105]).buffer],
    ["view", () => new Uint8Array([0, 104, 105, 0]).subarray(1, 3)],
    ["dataview", () => new DataView(new Uint8Array([111, 107]).buffer)],
    [
      "stream",
      () =>
        new impl.ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode("str"));
            controller.enqueue(new TextEncoder().encode("eam"));
            controller.close();
          },
        }),
    ],
  ];
}

describe("Request and Response against undici's", () => {
  it("construct Requests with the same method, url, headers, body and errors", async () => {
    // Lowercase "patch" stays as it is in undici (checked below): Node warns about it on every use.
    const methods = [undefined, "get", "Post", "put", "PATCH", "delete", "head", "options", "custom", "CONNECT", "trace", "bad method"];
    const urls = ["https://example.com/a?b#c", "http://[::1]:80/x", "relative/path", "https://user:pw@example.com/", "not a url"];
    for (const [bodyName] of bodies(NODE)) {
      for (const method of methods) {
        for (const url of urls) {
          for (const duplex of [undefined, "half"]) {
            const run = async (impl: FetchImpl) => {
              const body = bodies(impl).find(([name]) => name === bodyName)![1]();
              const request = new impl.Request(url, { method, body: body as BodyInit, duplex, headers: { "X-Custom": " v " } } as RequestInit);
              const head = [request.method, request.url, [...request.headers], request.bodyUsed, request.body === null, request.mode, request.credentials, request.cache, request.redirect, request.referrer, request.signal.aborted];
              const text = await request.text();
              return [...head, text, request.bodyUsed];
            };
            expect(await settle(() => run(OURS)), `${bodyName} ${method} ${url} ${duplex}`).toEqual(await settle(() => run(NODE)));
          }
        }
      }
    }
  });

  it("construct Responses with the same status checks, content types and body readers", async () => {
    const inits = [undefined, { status: 201, statusText: "Created" }, { status: 204 }, { status: 199 }, { status: 600 }, { status: 200.5 }, { statusText: "bad\n" }, { headers: { "content-type": "x/custom" } }, { status: 404 }];
    const readers = ["text", "json", "arrayBuffer", "bytes", "blob", "formData"] as const;
    for (const [bodyName] of bodies(NODE)) {
      for (const init of inits) {
        for (const reader of readers) {
          const run = async (impl: FetchImpl) => {
            const body = bodies(impl).find(([name]) => name === bodyName)![1]();
            const response = new impl.Response(body as BodyInit, init);
            const head = [response.status, response.ok, response.statusText, response.type, response.url, response.redirected, [...response.headers], response.body === null];
            const value = await (response[reader] as () => Promise<unknown>).call(response);
            const shown =
              value instanceof ArrayBuffer || value instanceof Uint8Array
                ? [...new Uint8Array(value)]
                : value instanceof OURS.Blob || value instanceof Blob
                  ? [(value as Blob).type, await (value as Blob).text()]
                  : value instanceof OURS.FormData || value instanceof FormData
                    ? [...(value as FormData)]
                    : value;
            return [...head, shown, response.bodyUsed, await settle(() => response.text())];
          };
          expect(await settle(() => run(OURS)), `${bodyName} ${JSON.stringify(init)} ${reader}`).toEqual(await settle(() => run(NODE)));
        }
      }
    }
  });

  it("have the same static constructors", async () => {
    const run = async (impl: FetchImpl) => {
      const results: unknown[] = [];
      for (const make of [
        () => impl.Response.json({ a: 1 }),
        () => impl.Response.json("x", { status: 202, headers: { "content-type": "text/custom" } }),
        () => impl.Response.json(undefined),
        () => impl.Response.error(),
        () => impl.Response.redirect("https://example.com/a b"),
        () => impl.Response.redirect("https://example.com/", 301),
        () => impl.Response.redirect("https://example.com/", 200),
        () => impl.Response.redirect("/relative"),
      ]) {
        results.push(
          await settle(async () => {
            const response = make();
            return [response.status, response.type, [...response.headers], await response.text(), await settle(() => response.headers.set("x", "1"))];
          }),
        );
      }
      return results;
    };
    expect(await run(OURS)).toEqual(await run(NODE));
  });

  it("clone both branches and mark bodies used like undici", async () => {
    const run = async (impl: FetchImpl) => {
      const response = new impl.Response("shared body", { headers: { a: "1" } });
      const copy = response.clone();
      const texts = [await response.text(), await copy.text(), response.bodyUsed, copy.bodyUsed];
      const clonedAgain = await settle(() => response.clone());
      const request = new impl.Request("https://a.com/", { method: "POST", body: "req" });
      const requestCopy = request.clone();
      const derived = new impl.Request(request);
      return [...texts, clonedAgain, await requestCopy.text(), request.bodyUsed, await derived.text(), await settle(() => request.text())];
    };
    expect(await run(OURS)).toEqual(await run(NODE));
  });

  it("leaves methods outside the spec's normalised set as given", () => {
    expect(new web.Request("https://a.com/", { method: "patch" }).method).toBe("patch");
    expect(new web.Request("https://a.com/", { method: "post" }).method).toBe("POST");
  });

  it("follows the init signal on a Request", () => {
    const controller = new web.AbortController();
    const request = new web.Request("https://a.com/", { signal: controller.signal });
    expect(request.signal).not.toBe(controller.signal);
    controller.abort("stop");
    expect([request.signal.aborted, request.signal.reason]).toEqual([true, "stop"]);
    expect(new web.Request(request).signal.aborted).toBe(true);
  });

  it("round-trips a FormData body through multipart", async () => {
    const form = new web.FormData();
    form.append("text", "line1\nline2");
    form.append("file", new web.File(["bytes\r\n--"], "a \"b\".txt", { type: "text/plain" }));
    const request = new web.Request("https://a.com/", { method: "POST", body: form });
    const copy = request.clone();
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=----formdata-undici-0\d{11}$/);
    const parsed = await request.formData();
    const file = parsed.get("file") as InstanceType<typeof web.File>;
    expect([parsed.get("text"), file.name, file.type, await file.text()]).toEqual(["line1\r\nline2", "a %22b%22.txt", "text/plain", "bytes\r\n--"]);
    // And Node's own parser reads what we wrote.
    const body = await copy.arrayBuffer();
    const nodeParsed = await new Response(body, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    expect([...nodeParsed.keys()]).toEqual(["text", "file"]);
  });

  it("never resolves text() for a body that never ends, without spinning", async () => {
    let pulls = 0;
    const endless = new web.ReadableStream({
      pull() {
        pulls++;
        return new Promise(() => {});
      },
    });
    const response = new web.Response(endless);
    let settled = false;
    void response.text().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([settled, pulls]).toEqual([false, 1]);
  });
});
