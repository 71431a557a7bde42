// Worker recycling through real worker processes: a replacement starts while the old worker goes on
// serving, takes over once it is ready, and no job is lost or answered twice on the way.
import { describe, expect, it } from "vitest";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import type { RunJob, SandboxLimits } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 1000, wallMs: 2000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };

const job = (n: number): RunJob => ({
  solution: `export const double = (x: number): number => x * 2;`,
  tests: [{ name: "visible.test.ts", code: `import { double } from "./solution";\nit("doubles ${n}", () => { expect(double(${n})).toBe(${n * 2}); });` }],
  limits: LIMITS,
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function runMany(sandbox: SandboxSupervisor, total: number, concurrency: number): Promise<string[]> {
  const names: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const n = next++;
        const result = await sandbox.run(job(n));
        expect(result.status, JSON.stringify(result.error)).toBe("passed");
        names.push(result.tests[0]?.name ?? "");
      }
    }),
  );
  return names;
}

/** A supervisor of its own for one test, closed whatever happens. */
async function withSandbox(options: ConstructorParameters<typeof SandboxSupervisor>[0], body: (sandbox: SandboxSupervisor) => Promise<void>): Promise<void> {
  const sandbox = new SandboxSupervisor(options);
  try {
    await sandbox.ready();
    await body(sandbox);
  } finally {
    await sandbox.close();
  }
}

async function settled(sandbox: SandboxSupervisor): Promise<void> {
  // Replacements start in the background; wait until none is booting.
  for (let i = 0; i < 200 && sandbox.workerPids().length !== 2; i++) await new Promise((r) => setTimeout(r, 25));
  await sandbox.ready();
}

describe("worker recycling", () => {
  it("replaces workers after their run count without losing or repeating a job", () =>
    withSandbox({ workers: 2, queueLimit: 8, recycleAfter: 3 }, async (sandbox) => {
      const first = sandbox.workerPids();
      const names = await runMany(sandbox, 30, 2);
      expect(names.toSorted()).toEqual(Array.from({ length: 30 }, (_, n) => `doubles ${n}`).toSorted());
      await settled(sandbox);
      // Each first worker was replaced at least once (old ones serve on while replacements start).
      expect(sandbox.stats.spawned).toBeGreaterThanOrEqual(4);
      expect(sandbox.stats.crashes).toBe(0);
      expect(sandbox.workerPids()).toHaveLength(2);
      // The first workers were retired and are gone.
      await new Promise((r) => setTimeout(r, 100));
      expect(first.filter(alive)).toEqual([]);
      // And the replacements serve.
      expect((await sandbox.run(job(99))).status).toBe("passed");
    }));

  it("replaces a worker whose memory passes the threshold", () =>
    withSandbox({ workers: 2, queueLimit: 8, recycleRssMb: 1 }, async (sandbox) => {
      const names = await runMany(sandbox, 8, 1);
      expect(names).toHaveLength(8);
      await settled(sandbox);
      expect(sandbox.stats.spawned).toBeGreaterThan(2);
      expect(sandbox.workerPids()).toHaveLength(2);
    }));

  it("never runs more than its worker count of jobs at once while replacing", () =>
    withSandbox({ workers: 1, queueLimit: 1, recycleAfter: 1 }, async (sandbox) => {
      const [old] = sandbox.workerPids();
      expect((await sandbox.run(job(0))).status).toBe("passed");
      // Due for recycling: the replacement is starting, and the old worker is still there to serve.
      expect(sandbox.workerPids()).toHaveLength(2);
      expect(sandbox.workerPids()).toContain(old);
      // With one worker and a queue of one, a third concurrent job must be turned away as busy,
      // even while a replacement is starting.
      const results = await Promise.all([sandbox.run(job(1)), sandbox.run(job(2)), sandbox.run(job(3))]);
      expect(results.map((r) => r.status).toSorted()).toEqual(["busy", "passed", "passed"]);
      await new Promise((r) => setTimeout(r, 50));
      const more = await Promise.all([sandbox.run(job(4)), sandbox.run(job(5)), sandbox.run(job(6))]);
      expect(more.map((r) => r.status).toSorted()).toEqual(["busy", "passed", "passed"]);
    }));
});
