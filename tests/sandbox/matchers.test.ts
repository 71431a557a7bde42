// The harness's matchers through the real sandbox: each case is one test body that must pass or
// fail. Equality of built-ins is judged by their internal slots, never by what they claim to be.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import type { SandboxLimits } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 1000, wallMs: 2000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };

const CASES: Array<[string, "passed" | "failed", string]> = [
  ["equal arrays", "passed", "expect([1, [2, 3], { a: 4 }]).toEqual([1, [2, 3], { a: 4 }]);"],
  ["arrays of different length", "failed", "expect([1, 2]).toEqual([1, 2, 3]);"],
  ["an array is not an object with the same keys", "failed", "expect([1]).toEqual({ 0: 1 });"],
  ["equal Maps, in any order", "passed", "expect(new Map([[1, 'a'], [2, { b: 2 }]])).toEqual(new Map([[2, { b: 2 }], [1, 'a']]));"],
  ["Maps with a different value", "failed", "expect(new Map([[1, 'a']])).toEqual(new Map([[1, 'b']]));"],
  ["a Map is not an empty object", "failed", "expect(new Map([[1, 'a']])).toEqual({});"],
  ["an empty object is not an empty Map", "failed", "expect({}).toEqual(new Map());"],
  ["a re-parented Map is not a Map", "failed", "const m = new Map([[1, 2]]); Object.setPrototypeOf(m, Object.prototype); expect(m).toEqual(new Map([[1, 2]]));"],
  ["an object posing as a Map is not a Map", "failed", "const fake = Object.create(Map.prototype); expect(fake).toEqual(new Map());"],
  ["equal Sets", "passed", "expect(new Set([1, 2, 3])).toEqual(new Set([3, 2, 1]));"],
  ["Sets with different members", "failed", "expect(new Set([1, 2])).toEqual(new Set([1, 3]));"],
  ["a Set is not a Map", "failed", "expect(new Set()).toEqual(new Map());"],
  ["equal Dates", "passed", "expect(new Date(5)).toEqual(new Date(5));"],
  ["different Dates", "failed", "expect(new Date(5)).toEqual(new Date(6));"],
  ["a Date is not an object", "failed", "expect(new Date(5)).toEqual({});"],
  ["equal RegExps", "passed", "expect(/a+/g).toEqual(/a+/g);"],
  ["RegExps with different flags", "failed", "expect(/a+/g).toEqual(/a+/i);"],
  ["class instances compared by fields", "passed", "class P { constructor(public x: number) {} } expect(new P(1)).toEqual(new P(1));"],
  ["toStrictEqual checks the prototype", "failed", "class P { constructor(public x: number) {} } expect(new P(1)).toStrictEqual({ x: 1 });"],
  ["null-prototype objects", "passed", "const a = Object.create(null); a.k = 1; expect(a).toEqual({ k: 1 });"],
  ["toContain on a Set", "passed", "expect(new Set(['x'])).toContain('x');"],
  ["toThrow with a RegExp", "passed", "expect(() => { throw new RangeError('bad size'); }).toThrow(/size/);"],
];

let sandbox: SandboxSupervisor;
beforeAll(async () => {
  sandbox = new SandboxSupervisor({ workers: 1, queueLimit: 4 });
  await sandbox.ready();
});
afterAll(() => sandbox.close());

describe("matchers", () => {
  it("judge built-ins by what they are", async () => {
    const code = CASES.map(([name, , body]) => `it(${JSON.stringify(name)}, () => { ${body} });`).join("\n");
    const result = await sandbox.run({ solution: "export {};", tests: [{ name: "visible.test.ts", code: `import "./solution";\n${code}` }], limits: LIMITS });
    expect(result.error).toBeUndefined();
    const got = Object.fromEntries(result.tests.map((t) => [t.name, t.status]));
    expect(got).toEqual(Object.fromEntries(CASES.map(([name, status]) => [name, status])));
  });

  it("show the values in a failure message", async () => {
    const code = `it("m", () => { expect(new Map([[1, new Set(['a'])]])).toEqual(new Map([[1, new Date(0)]])); });`;
    const result = await sandbox.run({ solution: "export {};", tests: [{ name: "visible.test.ts", code: `import "./solution";\n${code}` }], limits: LIMITS });
    expect(result.tests[0]).toMatchObject({ status: "failed", expected: 'Map(1) { 1 => 1970-01-01T00:00:00.000Z }', actual: 'Map(1) { 1 => Set(1) { "a" } }' });
  });
});
