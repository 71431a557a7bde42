import { CanaryRollout, bucketOf, type CanaryConfig } from "./solution";

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
const base = { requests: 5000, errors: 10, p99Ms: 100 };
const healthy = { requests: 200, errors: 1, p99Ms: 110 };

beforeEach(() => {
  t = 0;
});

describe("CanaryRollout", () => {
  it("hashes user ids to stable buckets and splits traffic by the current weight", () => {
    expect(bucketOf("user-1")).toBe(0);
    expect(bucketOf("user-42")).toBe(99);
    const rollout = new CanaryRollout(config());
    expect(rollout.weight).toBe(1);
    expect(rollout.assign("user-1")).toBe("canary");
    expect(rollout.assign("user-42")).toBe("baseline");
  });

  it("waits for enough requests on both sides, then for the bake time, then promotes", () => {
    const rollout = new CanaryRollout(config());
    expect(rollout.evaluate({ requests: 40, errors: 0, p99Ms: 90 }, base)).toEqual({ action: "wait", reason: "insufficient-data" });
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    t = 60_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 5 });
    expect([rollout.stepIndex, rollout.weight, rollout.state]).toEqual([1, 5, "running"]);
  });

  it("rolls back when the canary's error rate is too far above the baseline's", () => {
    const rollout = new CanaryRollout(config());
    expect(rollout.evaluate({ requests: 300, errors: 9, p99Ms: 105 }, base)).toEqual({ action: "rollback", reason: "error-rate" });
    expect([rollout.state, rollout.weight]).toEqual(["rolled_back", 0]);
    expect(rollout.assign("user-1")).toBe("baseline");
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "done" });
  });

  it("rolls back on a p99 above maxP99Ratio times the baseline's, and accepts one exactly at it", () => {
    const rollout = new CanaryRollout(config());
    expect(rollout.evaluate({ requests: 200, errors: 0, p99Ms: 120 }, base)).toEqual({ action: "wait", reason: "baking" });
    expect(rollout.evaluate({ requests: 200, errors: 0, p99Ms: 121 }, base)).toEqual({ action: "rollback", reason: "latency" });
  });

  it("does not count paused time towards the bake time, and completes after the last step", () => {
    const rollout = new CanaryRollout(config({ steps: [50] }));
    t = 30_000;
    expect(rollout.pause()).toBe(true);
    t = 90_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "paused" });
    expect(rollout.resume()).toBe(true);
    t = 119_999;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "wait", reason: "baking" });
    t = 120_000;
    expect(rollout.evaluate(healthy, base)).toEqual({ action: "promote", weight: 100 });
    expect([rollout.state, rollout.weight, rollout.assign("user-42")]).toEqual(["completed", 100, "canary"]);
  });
});
