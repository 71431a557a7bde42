// fast-check inside the sandbox, for test files: model-based tests against a small model, with the
// failing sequence shrunk to a minimal one in the message the learner sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import type { RunResult, SandboxLimits } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 2000, wallMs: 4000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };

const TESTS = `
import fc from "fast-check";
import { Counter } from "./solution";

class Inc { constructor(readonly by: number) {} check = () => true; run(m: { n: number }, r: Counter) { m.n += this.by; r.add(this.by); expect(r.value()).toBe(m.n); } toString() { return "add(" + this.by + ")"; } }
class Reset { check = () => true; run(m: { n: number }, r: Counter) { m.n = 0; r.reset(); expect(r.value()).toBe(0); } toString() { return "reset()"; } }

describe("counter", () => {
  it("matches the model for any sequence of operations", () => {
    fc.assert(fc.property(fc.commands([fc.integer({ min: 1, max: 9 }).map((n) => new Inc(n)), fc.constant(new Reset())], { size: "+1" }), (cmds) => {
      fc.modelRun(() => ({ model: { n: 0 }, real: new Counter() }), cmds);
    }));
  });
  it("the test library is frozen", () => {
    expect(Object.isFrozen(fc)).toBe(true);
  });
});
`;

const GOOD = `export class Counter { private n = 0; add(by: number) { this.n += by; } reset() { this.n = 0; } value() { return this.n; } }`;
// Forgets to reset once the count passes 10.
const WRONG = `export class Counter { private n = 0; add(by: number) { this.n += by; } reset() { if (this.n <= 10) this.n = 0; } value() { return this.n; } }`;

let sandbox: SandboxSupervisor;
beforeAll(async () => {
  sandbox = new SandboxSupervisor({ workers: 1, queueLimit: 4 });
  await sandbox.ready();
});
afterAll(() => sandbox.close());

const run = (solution: string): Promise<RunResult> => sandbox.run({ solution, tests: [{ name: "hidden.test.ts", code: TESTS }], limits: LIMITS });

describe("fast-check in the sandbox", () => {
  it("passes a right solution, the same way every run", async () => {
    const result = await run(GOOD);
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([["counter › matches the model for any sequence of operations", "passed"], ["counter › the test library is frozen", "passed"]]);
  });

  it("fails a wrong one with the shrunk sequence of operations", async () => {
    const result = await run(WRONG);
    const failed = result.tests[0]!;
    expect(failed.status).toBe("failed");
    // Shrunk: the smallest count above 10 (two adds), then the reset that does not reset.
    expect(failed.message).toMatch(/Counterexample/);
    expect(failed.message).toMatch(/Counterexample: \[(add\(\d\),)+reset\(\)\]/);
    expect(failed.message).toMatch(/Shrunk \d+ time/);
    expect(failed.message).not.toMatch(/replayPath|Hint:|seed/);
    // The shrunk case's own failing assertion: after add(...)s past 10, reset() left the count.
    expect(failed.message).toMatch(/Failed check: Error: expected \d+ to be 0$/);
  });

  it("is not importable by the solution", async () => {
    const result = await run(`import fc from "fast-check";\n${GOOD}\nexport const lib = fc;`);
    expect(result.status).toBe("error");
    expect(result.error?.message).toMatch(/Cannot import "fast-check"/);
  });
});
