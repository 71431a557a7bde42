// Tests written the way engineers write them for Jest or Vitest run unchanged in the sandbox, and
// none of that API lets a solution forge a pass. Each case goes through the real supervisor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import type { RunResult, SandboxLimits } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 1000, wallMs: 2000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };

let sandbox: SandboxSupervisor;
beforeAll(async () => {
  sandbox = new SandboxSupervisor({ workers: 1, queueLimit: 8 });
  await sandbox.ready();
});
afterAll(() => sandbox.close());

function run(solution: string, ...files: Array<string | { name: string; code: string }>): Promise<RunResult> {
  const tests = files.map((file, i) => (typeof file === "string" ? { name: i === 0 ? "visible.test.ts" : "hidden.test.ts", code: file } : file));
  return sandbox.run({ solution, tests, limits: LIMITS });
}
const statuses = (result: RunResult) => Object.fromEntries(result.tests.map((t) => [t.name, t.status]));
const messageOf = (result: RunResult, name: string) => result.tests.find((t) => t.name === name)?.message;

const STACK = `
export default class Stack<T> {
  private items: T[] = [];
  push(x: T): number { this.items.push(x); return this.items.length; }
  pop(): T | undefined { return this.items.pop(); }
  get size(): number { return this.items.length; }
}
export function add(a: number, b: number): number { return a + b; }
export async function fetchUser(id: number) { return { id, name: "u" + id, tags: ["a", "b"], created: new Date(0) }; }
export function subscribe(cb: (n: number) => void): void { cb(42); }
`;

describe("Jest and Vitest test files", () => {
  it("run unchanged: vitest imports, default import, hooks, each, extend, asymmetric matchers, mocks, timers", async () => {
    const code = `
import { describe, it, expect, vi, beforeAll, afterAll, beforeEach, test } from "vitest";
import Stack, { add, fetchUser } from "./solution";
const log: string[] = [];
beforeAll(() => { log.push("file beforeAll"); });
beforeEach(() => { log.push("each"); });
expect.extend({
  toBeEven(received: number) {
    return { pass: received % 2 === 0, message: () => "expected " + received + (this.isNot ? " not" : "") + " to be even" };
  },
});
describe("Stack", () => {
  const stack = new Stack<number>();
  beforeAll(() => { log.push("Stack beforeAll"); });
  afterAll(() => { log.push("Stack afterAll"); });
  it("pushes", () => { expect(stack.push(1)).toBe(1); });
  it("pops what was pushed", () => { expect(stack.pop()).toBe(1); });
});
test.each([{ a: 1, b: 2, sum: 3 }, { a: 2, b: 2, sum: 4 }])("$a + $b = $sum", ({ a, b, sum }) => {
  expect(add(a, b)).toBe(sum);
});
it("asymmetric matchers and object matchers", async () => {
  const user = await fetchUser(3);
  expect(user).toEqual({ id: expect.any(Number), name: expect.stringMatching(/^u\\d+$/), tags: expect.arrayContaining(["b"]), created: expect.anything() });
  expect(user).toEqual(expect.objectContaining({ name: expect.stringContaining("3") }));
  expect(user).toEqual(expect.not.objectContaining({ name: "bob" }));
  expect(user.tags).toEqual(expect.not.arrayContaining(["z"]));
  expect(user).toMatchObject({ name: "u3", tags: ["a", "b"] });
  expect([user]).toMatchObject([{ id: 3 }]);
  expect(user).toHaveProperty("tags[1]", "b");
  expect(user).toHaveProperty(["created"]);
  expect(user).not.toHaveProperty("missing.deep");
  expect({ n: 0.1 + 0.2 }).toEqual({ n: expect.closeTo(0.3, 5) });
  expect(() => { throw new TypeError("bad input"); }).toThrow(new Error("bad input"));
  expect(() => { throw new TypeError("bad input"); }).toThrowError(TypeError);
  expect(() => { throw new TypeError("bad input"); }).toThrow(expect.objectContaining({ message: "bad input" }));
  expect("x").toBeTypeOf("string");
  expect([{ a: 1 }]).toContainEqual({ a: 1 });
  expect(4).toBeEven();
  expect(3).not.toBeEven();
  expect({ n: 6 }).toEqual({ n: expect.toBeEven() });
});
it("mock functions", async () => {
  const f = vi.fn().mockReturnValueOnce(1).mockReturnValue(2);
  expect(f("a")).toBe(1);
  expect(f("b", { x: 1 })).toBe(2);
  expect(f).toHaveBeenLastCalledWith("b", expect.objectContaining({ x: 1 }));
  expect(f).toHaveBeenNthCalledWith(1, "a");
  expect(f).toHaveBeenCalledWith(expect.any(String), expect.anything());
  expect(f).toHaveReturnedWith(2);
  expect(f.mock.calls).toEqual([["a"], ["b", { x: 1 }]]);
  expect(f.mock.results[0]).toEqual({ type: "return", value: 1 });
  expect(f.mock.lastCall).toEqual(["b", { x: 1 }]);
  f.mockClear();
  expect(f).not.toHaveBeenCalled();
  expect(f()).toBe(2);
  f.mockReset();
  expect(f()).toBeUndefined();
  const once = vi.fn(() => "always").mockImplementationOnce(() => "first");
  expect([once(), once()]).toEqual(["first", "always"]);
  await expect(vi.fn().mockResolvedValue(7)()).resolves.toBe(7);
  await expect(vi.fn().mockRejectedValue(new Error("nope"))()).rejects.toThrow("nope");
  const greeter = { hi: () => "hi" };
  const spy = vi.spyOn(greeter, "hi").mockImplementation(() => "spied");
  expect(greeter.hi()).toBe("spied");
  expect(spy).toHaveBeenCalledOnce();
  spy.mockRestore();
  expect(greeter.hi()).toBe("hi");
});
it("fake timers on the virtual clock", async () => {
  vi.useFakeTimers();
  const cb = vi.fn();
  setTimeout(cb, 100);
  vi.advanceTimersByTime(99);
  expect(cb).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(cb).toHaveBeenCalledTimes(1);
  const later = vi.fn();
  setTimeout(later, 50);
  await vi.advanceTimersByTimeAsync(50);
  expect(later).toHaveBeenCalled();
  setTimeout(later, 1000);
  await vi.runAllTimersAsync();
  expect(later).toHaveBeenCalledTimes(2);
  vi.setSystemTime(new Date(2030, 0, 1));
  expect(new Date().getFullYear()).toBe(2030);
  expect.assertions(5);
});
it("ran the hooks in Jest's order", () => {
  expect(log).toEqual(["file beforeAll", "Stack beforeAll", "each", "each", "Stack afterAll", "each", "each", "each", "each", "each", "each"]);
});
`;
    const result = await run(STACK, code);
    expect(result.error).toBeUndefined();
    expect(statuses(result)).toEqual({
      "Stack › pushes": "passed",
      "Stack › pops what was pushed": "passed",
      "1 + 2 = 3": "passed",
      "2 + 2 = 4": "passed",
      "asymmetric matchers and object matchers": "passed",
      "mock functions": "passed",
      "fake timers on the virtual clock": "passed",
      "ran the hooks in Jest's order": "passed",
    });
    expect(result.status).toBe("passed");
  });

  it("run Jest's globals (jest.fn, beforeAll, no imports) and @jest/globals", async () => {
    const globalsStyle = `
import { add, subscribe } from "./solution";
let base = 0;
beforeAll(() => { base = 10; });
afterAll(() => { base = -1; });
test("jest.fn records a callback", () => {
  const cb = jest.fn();
  subscribe(cb);
  expect(cb).toHaveBeenCalledWith(42);
  expect(cb).toBeCalledTimes(1);
  expect(add(base, 1)).toBe(11);
});
test("jest timers", () => {
  const cb = jest.fn();
  setInterval(cb, 10);
  jest.advanceTimersByTime(35);
  expect(cb).toHaveBeenCalledTimes(3);
  expect(jest.getTimerCount()).toBe(1);
});
`;
    const jestGlobals = `
import { describe, expect, it, jest } from "@jest/globals";
import * as solution from "./solution";
describe("namespace import", () => {
  it("sees the exports", () => { expect(jest.isMockFunction(jest.fn())).toBe(true); expect(solution.add(1, 1)).toBe(2); });
});
`;
    const result = await run(STACK, globalsStyle, jestGlobals);
    expect(statuses(result)).toEqual({ "jest.fn records a callback": "passed", "jest timers": "passed", "namespace import › sees the exports": "passed" });
  });

  it("honour .skip, .only, .todo per file, and fill .each titles the way Jest does", async () => {
    // A test file for the sandbox, as a string: its .only and .skip are what this test checks.
    // (This suite's own focused tests are refused by Vitest's allowOnly: false.)
    const visible = `
describe("kept", () => {
  it.only("only this one", () => {});
  it("not this one", () => { throw new Error("ran"); });
});
describe.only("a whole block", () => {
  it("runs", () => {});
  it.skip("but not a skipped test", () => { throw new Error("ran"); });
});
describe.skip("skipped block", () => { it("never", () => { throw new Error("ran"); }); });
it.todo("write this test");
it.each([[1, 2.7, "a", { k: [1] }, "q"], [2, -3.2, "b c", null, 5]])("row %# %d %i %s %j %o %%", () => {});
it.each([{ user: { name: "ann" }, n: 1 }])("$user.name has $n item ($#)", () => {});
it.each(["x", "y"])("single %s", (v) => { if (typeof v !== "string") throw new Error("not spread"); });
`;
    const hidden = `describe.each([["up", 1]])("%s", (dir, n) => { it("goes " + dir + " by " + n, () => {}); }); it.skip("skipped hidden", () => {});`;
    const result = await run("export {};", visible, hidden);
    expect(result.tests.map((t) => [t.name, t.status, t.hidden])).toEqual([
      ["kept › only this one", "passed", false],
      ["a whole block › runs", "passed", false],
      ["up › goes up by 1", "passed", true],
    ]);
    const each = await run("export {};", visible.replace(/\.only/g, ""));
    const names = each.tests.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining([
      'row 0 1 2 a {"k":[1]} "q" %',
      "row 1 2 -3 b c null 5 %",
      '"ann" has 1 item (0)',
      "single x",
      "single y",
    ]));
    expect(each.status).toBe("failed");
  });
});

describe("failures", () => {
  const CASES: Array<[string, string, RegExp]> = [
    ["objectContaining", `expect(await fetchUser(1)).toEqual(expect.objectContaining({ name: "u2" }));`, /to equal ObjectContaining .*name: "u2"/],
    ["toMatchObject", `expect(await fetchUser(1)).toMatchObject({ name: "u2", id: 1 });`, /property "name" is "u1", expected "u2"/],
    ["toHaveProperty path", `expect(await fetchUser(1)).toHaveProperty("tags[5]");`, /to have the property "tags\[5\]" \(found "tags", = \["a", "b"\], but no further\)/],
    ["toHaveProperty value", `expect(await fetchUser(1)).toHaveProperty("name", "bob");`, /property "name" equal to "bob", it is "u1"/],
    ["toThrow(error)", `expect(() => { throw new Error("a"); }).toThrow(new Error("b"));`, /expected an error with the message "b", but got Error: a/],
    ["toHaveBeenNthCalledWith", `const f = vi.fn(); f(1); f(2); expect(f).toHaveBeenNthCalledWith(2, 3);`, /call 2 of the mock to have the arguments \[3\], it had \[2\]/],
    ["toHaveBeenLastCalledWith", `expect(vi.fn()).toHaveBeenLastCalledWith(3);`, /but it was never called/],
    ["custom matcher", `expect(3).toBeEven();`, /^expected 3 to be even$/],
    ["toBeTypeOf", `expect(3).toBeTypeOf("string");`, /to be of type "string" \(it is "number"\)/],
    ["expect.assertions", `expect.assertions(3); expect(1).toBe(1);`, /expected 3 assertions .* but 1 ran/],
    ["expect.any", `expect({ a: "1" }).toEqual({ a: expect.any(Number) });`, /expected \{ a: "1" \} to equal \{ a: Any/],
    ["toHaveReturnedWith", `const f = vi.fn(() => 1); f(); expect(f).toHaveReturnedWith(2);`, /to have returned 2, it returned \[1\]/],
  ];

  it("teach what was wrong", async () => {
    const code = `import { fetchUser } from "./solution";
expect.extend({ toBeEven(r: number) { return { pass: r % 2 === 0, message: () => "expected " + r + " to be even" }; } });
${CASES.map(([name, body]) => `it(${JSON.stringify(name)}, async () => { ${body} });`).join("\n")}`;
    const result = await run(STACK, code);
    for (const [name, , message] of CASES) {
      expect(result.tests.find((t) => t.name === name), name).toMatchObject({ status: "failed", message: expect.stringMatching(message) });
    }
  });

  it("a failing beforeAll fails every test of its block, and a throwing describe body is a failing test", async () => {
    const code = `
import Stack from "./solution";
describe("setup", () => {
  beforeAll(() => { throw new Error("db down"); });
  it("a", () => {});
  it("b", () => {});
});
describe("uses the solution", () => { const s = new Stack(); (s as any).missing(); it("never registered", () => {}); });
it("unaffected", () => {});
`;
    const result = await run(STACK, code);
    expect(statuses(result)).toEqual({ "setup › a": "failed", "setup › b": "failed", "uses the solution": "failed", unaffected: "passed" });
    expect(messageOf(result, "setup › b")).toBe("beforeAll() failed: Error: db down");
    expect(messageOf(result, "uses the solution")).toMatch(/^describe\("uses the solution"\) threw while registering its tests: TypeError: s\.missing is not a function/);
  });
});

describe("the solution at registration time", () => {
  const USES_AT_REGISTRATION = `
import Stack from "./solution";
describe("a shared instance", () => {
  const stack = new Stack<number>();
  stack.push(1);
  it("sees what the describe body pushed", () => { expect(stack.size).toBe(1); });
});
it("a plain test", () => { expect(new Stack().size).toBe(0); });
`;

  it("works: the file registers again once the solution has loaded", async () => {
    const result = await run(STACK, USES_AT_REGISTRATION);
    expect(statuses(result)).toEqual({ "a shared instance › sees what the describe body pushed": "passed", "a plain test": "passed" });
  });

  it("a solution that crashes while loading still has the tests named", async () => {
    const result = await run(`${STACK}\nthrow new Error("broken");`, USES_AT_REGISTRATION);
    expect(result.status).toBe("error");
    expect(result.error?.message).toMatch(/broken/);
    expect(result.tests.map((t) => t.name)).toContain("a plain test");
  });

  it("a solution that hangs inside a describe body times out", async () => {
    const result = await run(STACK.replace("private items: T[] = [];", "private items: T[] = []; constructor() { for (;;) {} }"), USES_AT_REGISTRATION);
    expect(result.status).toBe("timeout");
    expect(result.tests.every((t) => t.status === "failed")).toBe(true);
  });
});

describe("integrity", () => {
  const HANDS_OVER = `
import { expose, check } from "./solution";
it("the solution gets the test API", () => {
  expose({ it, test, describe, expect, vi, beforeAll, assertion: expect(1) });
});
it("a wrong answer still fails", () => { expect(check()).toBe(1); });
`;

  it("a solution handed the test API cannot register tests, .only, matchers or patch them", async () => {
    const solution = `
const refused: string[] = [];
export function expose(api: any) {
  const attempt = (name: string, f: () => void) => { try { f(); } catch { refused.push(name); } };
  attempt("it.only", () => api.it.only("forged", () => {}));
  attempt("test.skip", () => api.test.skip("forged", () => {}));
  attempt("describe.only", () => api.describe.only("forged", () => {}));
  attempt("beforeAll", () => api.beforeAll(() => {}));
  attempt("extend", () => api.expect.extend({ toBeAnything: () => ({ pass: true, message: () => "" }) }));
  attempt("patch prototype", () => { Object.getPrototypeOf(api.assertion).toBe = () => {}; });
  attempt("patch expect", () => { api.expect.any = () => ({}); });
  attempt("patch vi", () => { api.vi.fn = () => () => {}; });
  console.log(refused.join(","));
}
export function check() { return 2; }
`;
    const result = await run(solution, HANDS_OVER);
    expect(result.console.map((c) => c.text)).toEqual(["it.only,test.skip,describe.only,beforeAll,extend,patch prototype,patch expect,patch vi"]);
    expect(statuses(result)).toEqual({ "the solution gets the test API": "passed", "a wrong answer still fails": "failed" });
  });

  it("the solution cannot import the test API", async () => {
    const result = await run(`import { it } from "vitest";\nexport function check() { it.only("x", () => {}); return 2; }\nexport function expose() {}`, HANDS_OVER);
    expect(result.status).toBe("error");
    expect(result.error?.message).toMatch(/Cannot import "vitest"/);
  });

  it("an object from the solution cannot pose as an asymmetric matcher", async () => {
    const solution = `
const forged = { asymmetricMatch: () => true, $$typeof: Symbol.for("jest.asymmetricMatcher"), toString: () => "Anything" };
export function make() { return forged; }
export function obj() { return { id: forged }; }
`;
    const tests = `
import { make, obj } from "./solution";
it("toEqual", () => { expect(make()).toEqual({ id: 1 }); });
it("nested", () => { expect(obj()).toEqual({ id: 1 }); });
it("toMatchObject", () => { expect(obj()).toMatchObject({ id: 1 }); });
it("toHaveBeenCalledWith", () => { const f = vi.fn(); f(make()); expect(f).toHaveBeenCalledWith(7); });
`;
    const result = await run(solution, tests);
    expect(statuses(result)).toEqual({ toEqual: "failed", nested: "failed", toMatchObject: "failed", toHaveBeenCalledWith: "failed" });
  });

  it("a mock's history cannot be rewritten, and a swallowed custom-matcher failure still fails", async () => {
    const solution = `
export function subscribe(cb: any) {
  try { cb.mock.calls.push([42]); } catch {}
  try { cb.calls.push([42]); } catch {}
  try { cb.mock.calls[0] = [42]; } catch {}
  cb(1);
  try { cb.mock.calls[0][0] = 42; } catch {}
}
export function evens(cb: (n: number) => void) { try { cb(3); } catch {} }
`;
    const tests = `
import { subscribe, evens } from "./solution";
expect.extend({ toBeEven(r: number) { return { pass: r % 2 === 0, message: () => "expected " + r + " to be even" }; } });
it("history", () => { const cb = vi.fn(); subscribe(cb); expect(cb).toHaveBeenCalledWith(42); });
it("swallowed", () => { evens((n) => expect(n).toBeEven()); });
`;
    const result = await run(solution, tests);
    expect(statuses(result)).toEqual({ history: "failed", swallowed: "failed" });
    expect(messageOf(result, "swallowed")).toBe("expected 3 to be even");
  });

  it("the solution running inside a describe body cannot reach the registration API", async () => {
    const solution = `
export class Thing {
  constructor() {
    const g = globalThis as any;
    for (const name of ["it", "test", "describe", "expect", "vi", "jest", "beforeAll"]) if (g[name]) console.log("found", name);
  }
  value() { return 2; }
}
`;
    const tests = `
import { Thing } from "./solution";
describe("thing", () => {
  const thing = new Thing();
  it("is 1", () => { expect(thing.value()).toBe(1); });
});
`;
    const result = await run(solution, tests);
    expect(result.console).toEqual([]);
    expect(statuses(result)).toEqual({ "thing › is 1": "failed" });
  });
});

describe("expect(value, label)", () => {
  it("starts the failure message with the label, and passes silently when right", async () => {
    const result = await run(
      "export const double = (n: number) => n * 3;",
      `import { double } from "./solution";
it("labelled", () => { for (const n of [0, 2]) expect(double(n), "double(" + n + ")").toBe(n * 2); });
it("labelled and negated", () => { expect(double(1), "double(1)").not.toBe(3); });`,
    );
    expect(messageOf(result, "labelled")).toBe("double(2): expected 6 to be 4");
    expect(messageOf(result, "labelled and negated")).toBe("double(1): expected 3 not to be 3");
  });
});
