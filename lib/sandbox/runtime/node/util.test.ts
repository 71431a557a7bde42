import * as nodeUtil from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { fakeHost, loadRuntime, type FakeHost } from "./test-support.ts";

type Util = typeof nodeUtil;
let ours: Util;
let host: FakeHost;
beforeAll(async () => {
  host = fakeHost();
  ours = (await loadRuntime(host)).modules.util as Util;
});

async function expectSameAsNode(scenario: (util: Util) => unknown): Promise<void> {
  expect(await scenario(ours)).toEqual(await scenario(nodeUtil));
}

const settleError = (error: unknown) => {
  const { name, message, code } = error as { name: string; message: string; code?: string };
  return { name, message, code, reason: (error as { reason?: unknown }).reason };
};

describe("util, compared with Node's", () => {
  it("promisifies callbacks, honouring util.promisify.custom", async () => {
    await expectSameAsNode(async (util) => {
      const add = (a: number, b: number, callback: (error: Error | null, sum?: number) => void) => callback(null, a + b);
      const fail = (callback: (error: Error) => void) => callback(new Error("failed"));
      const custom = Object.assign(() => undefined, { [util.promisify.custom]: () => Promise.resolve("custom") });
      return [
        await util.promisify(add)(1, 2),
        await util.promisify(fail)().catch(settleError),
        await util.promisify(custom)(),
        util.promisify.custom === Symbol.for("nodejs.util.promisify.custom"),
        (() => {
          try {
            util.promisify("nope" as never);
          } catch (error) {
            return settleError(error);
          }
        })(),
      ];
    });
  });

  it("callbackifies promises, wrapping falsy rejections", async () => {
    await expectSameAsNode(async (util) => {
      const call = (fn: () => Promise<unknown>) =>
        new Promise((resolve) => util.callbackify(fn)((error: unknown, value: unknown) => resolve([error === null ? null : settleError(error), value])));
      return [await call(async () => 42), await call(async () => Promise.reject(new Error("no"))), await call(() => Promise.reject(0))];
    });
  });

  it("compares deeply and strictly like isDeepStrictEqual", async () => {
    const cycleA: Record<string, unknown> = { name: "a" };
    cycleA.self = cycleA;
    const cycleB: Record<string, unknown> = { name: "a" };
    cycleB.self = cycleB;
    class Point {
      x: number;
      constructor(x: number) {
        this.x = x;
      }
    }
    const pairs: [unknown, unknown][] = [
      [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }],
      [{ a: 1 }, { a: "1" }],
      [0, -0],
      [Number.NaN, Number.NaN],
      [[1, 2], [1, 2, 3]],
      [new Map([[{ k: 1 }, "v"]]), new Map([[{ k: 1 }, "v"]])],
      [new Map([["k", 1]]), new Map([["k", 2]])],
      [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])],
      [new Set([1]), new Set(["1"])],
      [new Date(5), new Date(5)],
      [new Date(5), new Date(6)],
      [/a/g, /a/g],
      [/a/g, /a/i],
      [new Error("x"), new Error("x")],
      [new Error("x"), new TypeError("x")],
      [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
      [new Uint8Array([1, 2]), new Int8Array([1, 2])],
      [new Point(1), { x: 1 }],
      [new Point(1), new Point(1)],
      [Object.create(null), {}],
      [cycleA, cycleB],
      [[1, , 3], [1, undefined, 3]],
      [{ [Symbol.for("s")]: 1 }, { [Symbol.for("s")]: 1 }],
      [new Number(1), new Number(1)],
      [new String("a"), new String("b")],
    ];
    await expectSameAsNode((util) => pairs.map(([a, b]) => util.isDeepStrictEqual(a, b)));
  });

  it("recognises types by brand, not by name", async () => {
    const samples = [
      Promise.resolve(),
      new Date(),
      /x/,
      new Map(),
      new Set(),
      new WeakMap(),
      async () => undefined,
      function* generator() {},
      new Uint8Array(1),
      new Float64Array(1),
      new ArrayBuffer(1),
      new DataView(new ArrayBuffer(1)),
      new Error("e"),
      new TypeError("e"),
      { [Symbol.toStringTag]: "Date" },
      new Number(3),
      "text",
      null,
      RegExp.prototype,
      new Map().keys(),
    ];
    const names = [
      "isPromise", "isDate", "isRegExp", "isMap", "isSet", "isWeakMap", "isAsyncFunction", "isGeneratorFunction",
      "isTypedArray", "isUint8Array", "isArrayBuffer", "isAnyArrayBuffer", "isArrayBufferView", "isDataView",
      "isNativeError", "isBoxedPrimitive", "isNumberObject", "isMapIterator",
    ] as const;
    await expectSameAsNode((util) => names.map((name) => samples.map((sample) => (util.types[name] as (value: unknown) => boolean)(sample))));
  });

  it("formats and inspects through the host, with inherits and deprecate", async () => {
    await expectSameAsNode((util) => {
      function Base() {}
      function Derived() {}
      util.inherits(Derived, Base);
      const custom = { [util.inspect.custom]: () => "custom!" };
      return [
        util.format("%s=%d %j", "a", 1, { b: 2 }),
        util.inspect({ deep: { deeper: { deepest: {} } } }, { depth: 0 }),
        util.inspect(custom),
        util.inspect.custom === Symbol.for("nodejs.util.inspect.custom"),
        Object.getPrototypeOf(Derived.prototype) === Base.prototype,
        (Derived as unknown as { super_: unknown }).super_ === Base,
        new util.TextDecoder().decode(new util.TextEncoder().encode("é")),
        util.stripVTControlCharacters("\u001b[31mred\u001b[39m"),
      ];
    });
    const old = ours.deprecate((value: number) => value * 2, "old() is deprecated", "DEP_TEST");
    expect([old(1), old(2)]).toEqual([2, 4]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(host.output).toEqual([
      {
        stream: "stderr",
        text: "(node:42) [DEP_TEST] DeprecationWarning: old() is deprecated\n(Use `node --trace-deprecation ...` to show where the warning was created)\n",
      },
    ]);
  });
});
