import fc from "fast-check";
import { CanaryRollout, bucketOf, type CanaryConfig, type Verdict, type WindowStats } from "./solution";

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk sequence and the wrong answer).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

let t = 0;
const config = (overrides: Partial<CanaryConfig> = {}): CanaryConfig => ({
  steps: [1, 5, 25, 50],
  bakeTimeMs: 60_000,
  minRequests: 100,
  maxErrorRateIncrease: 0.01,
  maxP99Ratio: 1.2,
  now: () => t,
  ...overrides,
});
const stats = (requests: number, errors: number, p99Ms: number): WindowStats => ({ requests, errors, p99Ms });
const base = stats(5000, 0, 100);
const healthy = stats(200, 0, 100);

beforeEach(() => {
  t = 0;
});

describe("CanaryRollout: config", () => {
  it("names the first invalid field, checking steps, bakeTimeMs, minRequests, maxErrorRateIncrease, maxP99Ratio in order", () => {
    const bad: [Partial<CanaryConfig>, string][] = [
      ...[[], [0], [100], [5, 5], [5, 1], [1.5], [Number.NaN], [1, 50, 101]].map((steps): [Partial<CanaryConfig>, string] => [{ steps, bakeTimeMs: -1 }, "steps"]),
      ...[-1, Number.NaN, Number.POSITIVE_INFINITY].map((bakeTimeMs): [Partial<CanaryConfig>, string] => [{ bakeTimeMs, minRequests: 0 }, "bakeTimeMs"]),
      ...[0, 1.5, Number.NaN, -3].map((minRequests): [Partial<CanaryConfig>, string] => [{ minRequests, maxErrorRateIncrease: -1 }, "minRequests"]),
      ...[-0.01, Number.NaN, Number.POSITIVE_INFINITY].map((maxErrorRateIncrease): [Partial<CanaryConfig>, string] => [{ maxErrorRateIncrease, maxP99Ratio: 0 }, "maxErrorRateIncrease"]),
      ...[0.99, Number.NaN, Number.POSITIVE_INFINITY].map((maxP99Ratio): [Partial<CanaryConfig>, string] => [{ maxP99Ratio }, "maxP99Ratio"]),
    ];
    for (const [overrides, field] of bad) {
      expect(() => new CanaryRollout(config(overrides)), JSON.stringify(overrides)).toThrow(new RangeError(`invalid config: ${field}`));
    }
  });

  it("accepts the limits themselves: steps 1 and 99, zero bake time, one request, zero increase, ratio 1", () => {
    const rollout = new CanaryRollout(config({ steps: [1, 99], bakeTimeMs: 0, minRequests: 1, maxErrorRateIncrease: 0, maxP99Ratio: 1 }));
    expect([rollout.state, rollout.stepIndex, rollout.weight]).toEqual(["running", 0, 1]);
    expect(new CanaryRollout(config({ steps: [99] })).weight).toBe(99);
  });
});

describe("CanaryRollout: traffic split", () => {
  it("hashes ids with 32-bit FNV-1a over UTF-16 code units, unsigned, modulo 100", () => {
    const expected: [string, number][] = [["", 61], ["a", 20], ["alice", 79], ["bob", 44], ["user-1", 0], ["user-42", 99], ["user-1000", 96], ["é", 40], ["日本", 96], ["😀", 72], ["tenant:7/user:3", 11]];
    expect(expected.map(([id]) => [id, bucketOf(id)])).toEqual(expected);
  });

  it("keeps every canary user in the canary at every later step and sends about weight% of users there", () => {
    const rollout = new CanaryRollout(config({ bakeTimeMs: 0, minRequests: 1 }));
    const users = Array.from({ length: 2000 }, (_, i) => `u${i}`);
    let previous = new Set<string>();
    for (const weight of [1, 5, 25, 50, 100]) {
      expect(rollout.weight).toBe(weight);
      const canary = new Set(users.filter((u) => rollout.assign(u) === "canary"));
      for (const u of previous) expect(canary.has(u), `${u} left the canary at ${weight}%`).toBe(true);
      expect(Math.abs(canary.size / users.length - weight / 100)).toBeLessThan(0.025);
      for (const u of users.slice(0, 100)) expect(rollout.assign(u)).toBe(bucketOf(u) < weight ? "canary" : "baseline");
      previous = canary;
      rollout.evaluate(healthy, base);
    }
    expect(rollout.state).toBe("completed");
  });
});

describe("CanaryRollout: analysis", () => {
  it("judges only once both sides have at least minRequests, however bad the numbers", () => {
    const rollout = new CanaryRollout(config({ bakeTimeMs: 0 }));
    const awful = stats(99, 99, 10_000);
    expect(rollout.evaluate(awful, base)).toEqual({ action: "wait", reason: "insufficient-data" });
    expect(rollout.evaluate(stats(100, 100, 10_000), stats(99, 0, 100))).toEqual({ action: "wait", reason: "insufficient-data" });
    expect(rollout.state).toBe("running");
    expect(rollout.evaluate(stats(100, 0, 100), stats(100, 0, 100))).toEqual({ action: "promote", weight: 5 });
  });

  it("passes an error-rate increase equal to the limit and rolls back just above it", () => {
    const passing = new CanaryRollout(config());
    expect(passing.evaluate(stats(100, 1, 100), base)).toEqual({ action: "wait", reason: "baking" }); // +0.01
    const failing = new CanaryRollout(config());
    expect(failing.evaluate(stats(1000, 11, 100), base)).toEqual({ action: "rollback", reason: "error-rate" }); // +0.011
    expect(failing.weight).toBe(0);
  });

  it("compares error rates, not error counts, and never rolls back a canary better than its baseline", () => {
    const rollout = new CanaryRollout(config({ maxErrorRateIncrease: 0 }));
    expect(rollout.evaluate(stats(100, 5, 100), stats(10_000, 500, 100))).toEqual({ action: "wait", reason: "baking" }); // 5% vs 5%
    expect(rollout.evaluate(stats(100, 0, 100), stats(100, 50, 100))).toEqual({ action: "wait", reason: "baking" });
    expect(rollout.evaluate(stats(10_000, 501, 100), stats(10_000, 500, 100))).toEqual({ action: "rollback", reason: "error-rate" });
  });

  it("checks the error rate before the latency when both are breached", () => {
    const rollout = new CanaryRollout(config());
    expect(rollout.evaluate(stats(100, 50, 500), base)).toEqual({ action: "rollback", reason: "error-rate" });
  });

  it("rolls back on latency against the ratio times the baseline's p99, an equal p99 passing with ratio 1", () => {
    const strict = new CanaryRollout(config({ maxP99Ratio: 1 }));
    expect(strict.evaluate(stats(100, 0, 250), stats(100, 0, 250))).toEqual({ action: "wait", reason: "baking" });
    expect(strict.evaluate(stats(100, 0, 250.5), stats(100, 0, 250))).toEqual({ action: "rollback", reason: "latency" });
    const loose = new CanaryRollout(config({ maxP99Ratio: 2 }));
    expect(loose.evaluate(stats(100, 0, 200), stats(100, 0, 100))).toEqual({ action: "wait", reason: "baking" });
    expect(loose.evaluate(stats(100, 0, 201), stats(100, 0, 100))).toEqual({ action: "rollback", reason: "latency" });
  });
});

describe("CanaryRollout: bake time and pauses", () => {
  it("promotes exactly at bakeTimeMs, and times the next step from the promotion", () => {
    const rollout = new CanaryRollout(config());
    t = 59_999;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    t = 70_000; // promoted late: the next step starts now, not at 60_000
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 5 });
    t = 129_999;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    t = 130_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 25 });
  });

  it("rolls back on a breach while paused but never promotes while paused", () => {
    const rollout = new CanaryRollout(config());
    rollout.pause();
    t = 1_000_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "paused" });
    expect(rollout.evaluate(stats(10, 10, 100), base)).toEqual({ action: "wait", reason: "insufficient-data" });
    expect(rollout.state).toBe("paused");
    expect(rollout.evaluate(stats(100, 0, 1000), base)).toEqual({ action: "rollback", reason: "latency" });
    expect(rollout.state).toBe("rolled_back");
  });

  it("adds up several pauses in one step, counts a pause in progress up to now, and forgets them on promotion", () => {
    const rollout = new CanaryRollout(config());
    t = 10_000;
    rollout.pause();
    t = 20_000;
    rollout.resume(); // 10 s paused
    t = 30_000;
    rollout.pause();
    t = 55_000;
    rollout.resume(); // 35 s paused in all
    t = 94_999;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    t = 95_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 5 });
    t = 155_000; // the new step ran 60 s: earlier pauses do not shorten or lengthen it
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 25 });
    rollout.pause();
    t = 300_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "paused" });
    rollout.resume(); // paused 145 s: the step has run 0 s
    t = 359_999;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    t = 360_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 50 });
  });

  it("uses Date.now() for time when no now() is given", () => {
    const { now: _ignored, ...withoutNow } = config();
    const rollout = new CanaryRollout(withoutNow);
    clock.advance(59_999);
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    clock.advance(1);
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 5 });
  });

  it("answers pause, resume and rollback with true only for the transitions the rules allow", () => {
    const rollout = new CanaryRollout(config());
    expect(rollout.resume()).toBe(false);
    expect(rollout.pause()).toBe(true);
    expect(rollout.pause()).toBe(false);
    expect(rollout.state).toBe("paused");
    expect(rollout.resume()).toBe(true);
    expect(rollout.resume()).toBe(false);
    expect(rollout.pause()).toBe(true);
    expect(rollout.rollback()).toBe(true);
    expect([rollout.state, rollout.weight]).toEqual(["rolled_back", 0]);
    expect([rollout.pause(), rollout.resume(), rollout.rollback()]).toEqual([false, false, false]);
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "done" });

    const done = new CanaryRollout(config({ steps: [10], bakeTimeMs: 0 }));
    expect(done.evaluate(healthy, base)).toEqual({ action: "promote", weight: 100 });
    expect([done.pause(), done.resume(), done.rollback()]).toEqual([false, false, false]);
    expect([done.state, done.weight, done.stepIndex]).toEqual(["completed", 100, 0]);
    expect(done.evaluate(stats(1000, 1000, 1e6), base)).toEqual({ action: "done" });
    expect(done.state).toBe("completed");
  });
});

// ---- Model-based test: time, evaluations, pauses, resumes and rollbacks in any order ----

/** The rules as a model that adds up running time as the clock moves (instead of subtracting pauses). */
class Model {
  state: "running" | "paused" | "completed" | "rolled_back" = "running";
  index = 0;
  ranMs = 0;
  constructor(private readonly c: CanaryConfig) {}

  get weight(): number {
    return this.state === "completed" ? 100 : this.state === "rolled_back" ? 0 : (this.c.steps[this.index] ?? -1);
  }

  advance(ms: number): void {
    if (this.state === "running") this.ranMs += ms;
  }

  evaluate(canary: WindowStats, baseline: WindowStats): Verdict {
    if (this.state === "completed" || this.state === "rolled_back") return { action: "done" };
    if (canary.requests < this.c.minRequests || baseline.requests < this.c.minRequests) return { action: "wait", reason: "insufficient-data" };
    const increase = canary.errors / canary.requests - baseline.errors / baseline.requests;
    if (increase > this.c.maxErrorRateIncrease) {
      this.state = "rolled_back";
      return { action: "rollback", reason: "error-rate" };
    }
    if (canary.p99Ms > baseline.p99Ms * this.c.maxP99Ratio) {
      this.state = "rolled_back";
      return { action: "rollback", reason: "latency" };
    }
    if (this.state === "paused") return { action: "wait", reason: "paused" };
    if (this.ranMs < this.c.bakeTimeMs) return { action: "wait", reason: "baking" };
    if (this.index + 1 === this.c.steps.length) this.state = "completed";
    else {
      this.index++;
      this.ranMs = 0;
    }
    return { action: "promote", weight: this.weight };
  }

  pause(): boolean {
    if (this.state !== "running") return false;
    this.state = "paused";
    return true;
  }

  resume(): boolean {
    if (this.state !== "paused") return false;
    this.state = "running";
    return true;
  }

  rollback(): boolean {
    if (this.state !== "running" && this.state !== "paused") return false;
    this.state = "rolled_back";
    return true;
  }
}

type Cmd = fc.Command<Model, CanaryRollout>;

function same(call: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${call} gave ${JSON.stringify(got)}, the rules give ${JSON.stringify(want)}`);
}

function cmd(text: string, act: (m: Model, r: CanaryRollout) => void): Cmd {
  return {
    check: () => true,
    run(m, r) {
      act(m, r);
      same(`state, stepIndex and weight after ${text}`, [r.state, r.stepIndex, r.weight], [m.state, m.index, m.weight]);
    },
    toString: () => text,
  };
}

// Mostly passing metrics, so that rollouts live long enough for pauses and promotions to matter.
const STATS = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(stats(100, 0, 100), stats(100, 1, 100), stats(100, 0, 120), stats(400, 3, 119)) }, // pass, some at the limits
  { weight: 1, arbitrary: fc.constantFrom(stats(99, 0, 100), stats(100, 2, 100), stats(100, 0, 121), stats(100, 2, 121)) }, // too few requests, error breach, p99 breach, both
);
const BASELINE = fc.oneof({ weight: 5, arbitrary: fc.constant(stats(1000, 0, 100)) }, { weight: 1, arbitrary: fc.constant(stats(50, 0, 100)) });

const commands = fc.commands(
  [
    fc.constantFrom(1, 999, 1000, 2500).map((ms) => cmd(`advance(${ms})`, (m) => { t += ms; m.advance(ms); })),
    fc.constantFrom(1, 999, 1000, 2500).map((ms) => cmd(`advance(${ms})`, (m) => { t += ms; m.advance(ms); })),
    fc.tuple(STATS, BASELINE).map(([c, b]) => cmd(`evaluate(${JSON.stringify(c)}, ${JSON.stringify(b)})`, (m, r) => same("evaluate", r.evaluate(c, b), m.evaluate(c, b)))),
    fc.constant(cmd("pause()", (m, r) => same("pause()", r.pause(), m.pause()))),
    fc.constant(cmd("resume()", (m, r) => same("resume()", r.resume(), m.resume()))),
    fc.constant(cmd("rollback()", (m, r) => same("rollback()", r.rollback(), m.rollback()))),
    fc.constantFrom("user-1", "a", "user-42", "bob").map((u) => cmd(`assign(${JSON.stringify(u)})`, (m, r) => same(`assign(${u})`, r.assign(u), bucketOf(u) < m.weight ? "canary" : "baseline"))),
  ],
  { size: "+1", maxCommands: 40 },
);

describe("CanaryRollout: any sequence of operations", () => {
  it("agrees with a simple model on every verdict, state, step, weight and assignment, with time passing and pauses", () => {
    const report = fc.check(
      fc.property(fc.constantFrom(0, 1000, 2500), commands, (bakeTimeMs, cmds) => {
        t = 0;
        const c = config({ steps: [1, 5, 50], bakeTimeMs, minRequests: 100 });
        fc.modelRun(() => ({ model: new Model(c), real: new CanaryRollout(c) }), cmds);
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
