import nodeAssert from "node:assert";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime } from "./test-support.ts";

type Assert = typeof nodeAssert;
let ours: Assert;
let oursStrict: Assert;
beforeAll(async () => {
  const { modules } = await loadRuntime();
  ours = modules.assert as Assert;
  oursStrict = modules["assert/strict"] as Assert;
});

function outcome(attempt: () => unknown) {
  try {
    attempt();
    return "passed";
  } catch (error) {
    const { name, message, code, operator, generatedMessage, actual, expected } = error as nodeAssert.AssertionError;
    return { name, message, code, operator, generatedMessage, actual, expected };
  }
}

class Point {
  x: number;
  constructor(x: number) {
    this.x = x;
  }
}

const cases: [string, (assert: Assert) => unknown][] = [
  ["ok passes", (assert) => assert.ok(1)],
  ["ok fails without arguments", (assert) => (assert.ok as () => void)()],
  ["ok with a message", (assert) => assert.ok(false, "must be true")],
  ["assert() is ok", (assert) => assert("", "callable")],
  ["equal", (assert) => assert.equal(1, "1")],
  ["equal fails", (assert) => assert.equal(1, 2)],
  ["notEqual fails", (assert) => assert.notEqual(1, "1")],
  ["strictEqual numbers", (assert) => assert.strictEqual(1, 2)],
  ["strictEqual strings with a message", (assert) => assert.strictEqual("a", "b", "custom")],
  ["strictEqual NaN", (assert) => assert.strictEqual(Number.NaN, Number.NaN)],
  ["strictEqual same structure", (assert) => assert.strictEqual({ a: 1 }, { a: 1 })],
  ["notStrictEqual", (assert) => assert.notStrictEqual(1, 1)],
  ["deepStrictEqual passes", (assert) => assert.deepStrictEqual({ a: [1, { b: new Map([[1, 2]]) }] }, { a: [1, { b: new Map([[1, 2]]) }] })],
  ["deepStrictEqual object diff", (assert) => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 2, b: [1, 2] })],
  ["deepStrictEqual array diff", (assert) => assert.deepStrictEqual([1, 2, 3], [1, 2, 4])],
  ["deepStrictEqual prototypes", (assert) => assert.deepStrictEqual(new Point(1), new Point(1))],
  ["deepStrictEqual with an Error message", (assert) => assert.deepStrictEqual(1, 2, new TypeError("mine"))],
  ["notDeepStrictEqual", (assert) => assert.notDeepStrictEqual({ a: 1 }, { a: 1 })],
  ["deepEqual loose", (assert) => assert.deepEqual({ a: 1 }, { a: "1" })],
  ["throws passes", (assert) => assert.throws(() => { throw new TypeError("bad"); }, TypeError)],
  ["throws missing", (assert) => assert.throws(() => undefined)],
  ["throws missing with class", (assert) => assert.throws(() => undefined, TypeError)],
  ["throws wrong class", (assert) => assert.throws(() => { throw new Error("boom"); }, TypeError)],
  ["throws regexp", (assert) => assert.throws(() => { throw new Error("boom"); }, /bang/)],
  ["throws object", (assert) => assert.throws(() => { throw new Error("boom"); }, { message: "bang" })],
  ["throws object with regexp", (assert) => assert.throws(() => { throw new Error("boom"); }, { message: /bo/ })],
  ["throws validation function", (assert) => assert.throws(() => { throw new Error("boom"); }, (error) => error instanceof Error)],
  ["throws message only", (assert) => assert.throws(() => undefined, "should throw")],
  ["fail", (assert) => assert.fail("nope")],
  ["fail without message", (assert) => assert.fail()],
  ["match", (assert) => assert.match("abc", /x/)],
  ["doesNotMatch", (assert) => assert.doesNotMatch("abc", /b/)],
  ["ifError", (assert) => assert.ifError(null)],
];

describe("assert, compared with Node's", () => {
  it("lays values out for diffs as Node's inspect does with the options of its assertion messages", async () => {
    const { inspect } = await import("node:util");
    const { assertView } = await import("./assert-view.ts");
    const { bindRuntime } = await import("./bindings.ts");
    const { fakeHost, nodeWeb } = await import("./test-support.ts");
    bindRuntime(fakeHost(), nodeWeb);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const sparse = [1, , , 4];
    const withExtra = Object.assign([1, 2], { extra: true, another: 1 });
    const samples: unknown[] = [
      {}, [], { b: [1, 2], a: 1, "x-y": "s" }, new Map<string, unknown>([["b", 2], ["a", { deep: [1] }]]), new Set([2, 1]), new Point(1),
      Object.create(null), [undefined, null, -0, 1n], new Date(0), /x/g, new Uint8Array([1, 2]), Buffer.from("ab"),
      { [Symbol("s")]: 1 }, { get g() { return 1; } }, cyclic, "it's", [[1, [2]]], { f() {}, g: () => 1, h: class K {} },
      new Map(), sparse, withExtra, { a: {} }, new Point(0), [new Point(2)], new Set(), { nested: { map: new Map([[{ k: 1 }, new Set(["v"])]]) } },
    ];
    const options = { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false, showProxy: false, sorted: true, getters: true };
    for (const sample of samples) expect(assertView(sample)).toBe(inspect(sample, options));
  });

  it.each(cases)("%s", (_name, run) => {
    expect(outcome(() => run(ours))).toEqual(outcome(() => run(nodeAssert)));
  });

  it("rejects() and doesNotReject() like Node", async () => {
    const run = async (assert: Assert) => {
      const results: unknown[] = [];
      for (const attempt of [
        () => assert.rejects(Promise.resolve(1)),
        () => assert.rejects(Promise.reject(new TypeError("x")), TypeError),
        () => assert.rejects(async () => { throw new Error("y"); }, { message: "z" }),
        () => assert.doesNotReject(Promise.resolve()),
      ]) {
        results.push(await attempt().then(() => "passed", (error: nodeAssert.AssertionError) => [error.message, error.code]));
      }
      return results;
    };
    expect(await run(ours)).toEqual(await run(nodeAssert));
  });

  it("makes equal strict in assert/strict", () => {
    expect(outcome(() => oursStrict.equal(1, "1" as never))).toEqual(outcome(() => nodeAssert.strict.equal(1, "1" as never)));
    expect(ours.strict).toBe(oursStrict);
    expect(new ours.AssertionError({ message: "x" }).stack).toMatch(/^AssertionError \[ERR_ASSERTION\]: x/);
  });
});
