// What a failing or unfinished test reports: the visible test line and expression that failed,
// and which test a limit interrupted, through the real sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectExpressionAt } from "../../lib/sandbox/expression-source.ts";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import type { SandboxLimits, SourceFile } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 300, wallMs: 1000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };

const SOLUTION = `export function double(x: number): number {\n  return x === 3 ? 7 : x * 2;\n}\nexport function spin(): void {\n  for (;;) {}\n}\nexport async function later(x: number): Promise<number> {\n  return double(x);\n}\n`;

const VISIBLE = `import { double, later } from "./solution";
type Box = { value: number };

it("doubles 2", () => {
  const box: Box = { value: double(2) };
  expect(box.value).toBe(4);
});

it("doubles 3", () => {
  expect(double(1)).toBe(2);
  expect(
    double(3),
  ).not.toBe(6 as number);
  expect(double(3)).toBe(6);
});

it("resolves later", async () => {
  await expect(later(3)).resolves.toEqual(6);
});

it("calls something missing", () => {
  (double as unknown as { missing: () => void }).missing();
});
`;

let sandbox: SandboxSupervisor;
beforeAll(async () => {
  sandbox = new SandboxSupervisor({ workers: 1, queueLimit: 4 });
  await sandbox.ready();
});
afterAll(() => sandbox.close());

const run = (tests: SourceFile[], solution = SOLUTION) => sandbox.run({ solution, tests, limits: LIMITS });

describe("a failed test names the visible test line and expression", () => {
  it("for a sync assertion, an async one, and a call that threw", async () => {
    const result = await run([{ name: "visible.test.ts", code: VISIBLE }]);
    const byName = Object.fromEntries(result.tests.map((t) => [t.name, t]));
    expect(byName["doubles 2"]?.status).toBe("passed");
    expect(byName["doubles 2"]?.failedAt).toBeUndefined();
    expect(byName["doubles 3"]?.failedAt).toEqual({ file: "visible.test.ts", line: 14, source: "expect(double(3)).toBe(6)" });
    expect(byName["resolves later"]?.failedAt).toEqual({ file: "visible.test.ts", line: 18, source: "await expect(later(3)).resolves.toEqual(6);".slice(6, -1) });
    expect(byName["calls something missing"]?.failedAt).toEqual({ file: "visible.test.ts", line: 22, source: "(double as unknown as { missing: () => void }).missing();" });
  });

  it("but never shows where in a hidden test", async () => {
    const hidden = `import { double } from "./solution";\nit("secret", () => {\n  expect(double(3)).toBe(6);\n});\n`;
    const result = await run([{ name: "visible.test.ts", code: `import "./solution";\n` }, { name: "hidden.test.ts", code: hidden }]);
    expect(result.tests[0]).toMatchObject({ name: "secret", status: "failed", hidden: true });
    expect(result.tests[0]?.failedAt).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain("double(3)");
  });
});

describe("a test interrupted by a limit", () => {
  it("is the one timed out, with the limit; later tests are not run; the message is said once", async () => {
    const code = `import { double, spin } from "./solution";\nit("first", () => { expect(double(2)).toBe(4); });\nit("hangs", () => { spin(); });\nit("after", () => { expect(double(1)).toBe(2); });\n`;
    const result = await run([{ name: "visible.test.ts", code }]);
    expect(result.status).toBe("timeout");
    expect(result.tests.map((t) => [t.name, t.status, t.interrupted])).toEqual([
      ["first", "passed", undefined],
      ["hangs", "failed", "timeout"],
      ["after", "failed", "not-run"],
    ]);
    expect(result.tests[1]?.message).toMatch(/^Timed out while running this test: CPU time limit of 300 ms exceeded\.$/);
    expect(result.error).toBeUndefined();
  });

  it("keeps the run's message when no test was running (the solution hung while loading)", async () => {
    const result = await run([{ name: "visible.test.ts", code: `import "./solution";\nit("a", () => {});\n` }], "for (;;) {}\nexport {};");
    expect(result.status).toBe("timeout");
    expect(result.error?.message).toMatch(/limit of \d+ ms exceeded/);
    expect(result.tests[0]?.interrupted).toBe("not-run");
  });
});

describe("expectExpressionAt", () => {
  const source = 'it("x", () => {\n  expect(f(")")).toEqual(\n    [1, 2],\n  );\n  other(expect);\n});\n';
  it("returns the whole chain around a position, across lines and past brackets in strings", () => {
    expect(expectExpressionAt(source, 2, 18)).toBe('expect(f(")")).toEqual([1, 2],)');
    expect(expectExpressionAt(source, 2, 3)).toBe('expect(f(")")).toEqual([1, 2],)');
  });
  it("returns nothing outside an expect chain", () => {
    expect(expectExpressionAt(source, 5, 3)).toBeUndefined();
    expect(expectExpressionAt(source, 1, 1)).toBeUndefined();
    expect(expectExpressionAt(source, 40, 1)).toBeUndefined();
  });
});
