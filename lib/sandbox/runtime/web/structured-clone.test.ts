import { describe, expect, it } from "vitest";
import { outcome, seededRandom, webGlobals } from "./test-support.ts";

const web = webGlobals();

// A canonical picture of a value graph: types, contents and which nodes are the same object.
function picture(value: unknown, ids = new Map<object, number>()): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) {
    if (typeof value === "bigint") return { bigint: String(value) };
    if (typeof value === "number") return { number: Object.is(value, -0) ? "-0" : String(value) };
    return { [typeof value]: value === undefined ? "undefined" : value };
  }
  const seen = ids.get(value);
  if (seen !== undefined) return { ref: seen };
  const id = ids.size;
  ids.set(value, id);
  const tag = Object.prototype.toString.call(value);
  const proto = Object.getPrototypeOf(value)?.constructor?.name;
  const base = { id, tag, proto };
  if (value instanceof Map) return { ...base, entries: [...value].map(([k, v]) => [picture(k, ids), picture(v, ids)]) };
  if (value instanceof Set) return { ...base, members: [...value].map((m) => picture(m, ids)) };
  if (value instanceof Date) return { ...base, time: value.getTime() };
  if (value instanceof RegExp) return { ...base, source: value.source, flags: value.flags, lastIndex: value.lastIndex };
  if (value instanceof ArrayBuffer) return { ...base, bytes: [...new Uint8Array(value)] };
  if (ArrayBuffer.isView(value)) {
    return { ...base, buffer: picture(value.buffer, ids), offset: value.byteOffset, length: value.byteLength };
  }
  if (value instanceof Error) {
    return { ...base, name: value.name, message: value.message, hasCause: "cause" in value, cause: picture(value.cause, ids) };
  }
  if (tag === "[object Boolean]" || tag === "[object Number]" || tag === "[object String]" || tag === "[object BigInt]") {
    return { ...base, primitive: picture((value as { valueOf(): unknown }).valueOf(), ids) };
  }
  return {
    ...base,
    isArray: Array.isArray(value),
    length: Array.isArray(value) ? value.length : undefined,
    props: Object.keys(value).map((key) => [key, picture((value as Record<string, unknown>)[key], ids)]),
  };
}

function randomValue(random: () => number, depth: number, pool: object[]): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 9 : 19));
  switch (pick) {
    case 0: return Math.floor(random() * 100) - 50;
    case 1: return [0, -0, NaN, Infinity, 1.5, -1e300][Math.floor(random() * 6)];
    case 2: return ["", "x", "héllo", "\ud800", "__proto__"][Math.floor(random() * 5)];
    case 3: return [true, false, null, undefined][Math.floor(random() * 4)];
    case 4: return BigInt(Math.floor(random() * 1e6)) ** 3n;
    case 5: return new Date(Math.floor(random() * 2e12));
    case 6: return Object([1, "s", true, 5n][Math.floor(random() * 4)]);
    case 7: return /a+b/gi;
    case 8: return pool.length > 0 ? pool[Math.floor(random() * pool.length)] : "empty pool";
    default: break;
  }
  const remember = <T extends object>(object: T): T => {
    pool.push(object);
    return object;
  };
  const children = () => Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1, pool));
  switch (pick) {
    case 9:
    case 10: {
      const array = remember([] as unknown[]);
      array.push(...children());
      if (random() < 0.2) (array as unknown as Record<string, unknown>).extra = 1;
      if (random() < 0.2) array[7] = "sparse";
      return array;
    }
    case 11:
    case 12: {
      const object = remember({} as Record<string, unknown>);
      for (const [index, child] of children().entries()) {
        Object.defineProperty(object, ["a", "b", "__proto__", "9", "z"][index] as string, { value: child, enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    case 13: {
      const map = remember(new Map<unknown, unknown>());
      for (const child of children()) map.set(random() < 0.5 ? child : Math.floor(random() * 5), child);
      return map;
    }
    case 14: {
      const set = remember(new Set<unknown>());
      for (const child of children()) set.add(child);
      return set;
    }
    case 15: {
      const buffer = remember(new ArrayBuffer(16));
      new Uint8Array(buffer).forEach((_, i, bytes) => (bytes[i] = i * 7));
      const views = [new Uint8Array(buffer, 2, 4), new Int32Array(buffer, 4, 2), new Float64Array(buffer, 8, 1), new DataView(buffer, 1, 5), new BigInt64Array(buffer)];
      return random() < 0.3 ? buffer : remember(views[Math.floor(random() * views.length)]!);
    }
    case 16: {
      const Kind = [Error, TypeError, RangeError, SyntaxError][Math.floor(random() * 4)]!;
      const error = remember(new Kind("boom", random() < 0.5 ? { cause: children()[0] } : undefined));
      return error;
    }
    case 17: {
      class Point {
        x = 1;
        y = children();
      }
      return remember(new Point());
    }
    default: {
      const box = remember({ self: null as unknown, list: children() });
      box.self = box;
      return box;
    }
  }
}

describe("structuredClone", () => {
  it("copies random nested graphs (cycles, shared references, every cloneable type) like Node", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 400; i++) {
      const value = randomValue(random, 0, []);
      const ours = web.structuredClone(value);
      const node = structuredClone(value);
      expect(picture(ours), `case ${i}`).toEqual(picture(node));
      if (typeof value === "object" && value !== null) expect(ours).not.toBe(value);
    }
  });

  it("throws DataCloneError where Node does", () => {
    const uncloneable: unknown[] = [() => 1, Symbol("s"), { f() {} }, [Symbol.iterator], new WeakMap(), Promise.resolve(1), new Map([[1, () => 2]])];
    for (const value of uncloneable) {
      const ours = outcome(() => web.structuredClone(value));
      expect(ours).toEqual(outcome(() => structuredClone(value)));
      expect(ours).toEqual({ ok: false, error: "DataCloneError" });
    }
    expect(outcome(() => web.structuredClone(() => 1))).toEqual({ ok: false, error: "DataCloneError" });
    try {
      web.structuredClone(Symbol("x"));
    } catch (error) {
      expect(error).toBeInstanceOf(web.DOMException);
      expect((error as DOMException).code).toBe(25);
    }
  });

  it("copies a deep chain without overflowing the stack, and a huge cyclic graph in linear time", () => {
    let deep: { next: unknown } = { next: null };
    for (let i = 0; i < 200_000; i++) deep = { next: deep };
    let copy = web.structuredClone(deep);
    let length = 0;
    while (copy !== null) {
      copy = copy.next as typeof copy;
      length++;
    }
    expect(length).toBe(200_001);

    const nodes = Array.from({ length: 150_000 }, (_, i) => ({ i, links: [] as unknown[] }));
    nodes.forEach((node, i) => node.links.push(nodes[(i + 1) % nodes.length], nodes[(i * 7) % nodes.length]));
    const started = performance.now();
    const graph = web.structuredClone(nodes);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(graph[149_999]!.links[0]).toBe(graph[0]);
  });

  it("keeps Blob, File and DOMException values", async () => {
    const file = new web.File(["ab"], "a.txt", { type: "text/plain", lastModified: 5 });
    const copy = web.structuredClone({ file, error: new web.DOMException("m", "AbortError") });
    expect(copy.file).toBeInstanceOf(web.File);
    expect([copy.file.name, copy.file.type, copy.file.lastModified, await copy.file.text()]).toEqual(["a.txt", "text/plain", 5, "ab"]);
    expect([copy.error.name, copy.error.message, copy.error.code]).toEqual(["AbortError", "m", 20]);
  });
});
