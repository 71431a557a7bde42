import { P2CBalancer, Registry } from "./solution";

/** A random source that replays the given numbers and fails loudly when they run out. */
function scripted(...values: number[]) {
  return () => {
    const next = values.shift();
    if (next === undefined) throw new Error("random() called more often than the spec allows");
    return next;
  };
}

function threeInstances(ttlMs = 3000) {
  const clock = { t: 0 };
  const registry = new Registry({ ttlMs, now: () => clock.t });
  registry.register("b", "10.0.0.2:80");
  registry.register("a", "10.0.0.1:80");
  registry.register("c", "10.0.0.3:80");
  return { clock, registry };
}

describe("Registry and P2CBalancer", () => {
  it("lists healthy instances sorted by id", () => {
    const { registry } = threeInstances();
    expect(registry.healthy()).toEqual([
      { id: "a", address: "10.0.0.1:80" },
      { id: "b", address: "10.0.0.2:80" },
      { id: "c", address: "10.0.0.3:80" },
    ]);
  });

  it("expires an instance exactly ttlMs after its last heartbeat, and an expired one cannot heartbeat back", () => {
    const { clock, registry } = threeInstances();
    clock.t = 2000;
    expect(registry.heartbeat("a")).toBe(true);
    clock.t = 2999;
    expect(registry.healthy().map((i) => i.id)).toEqual(["a", "b", "c"]);
    clock.t = 3000;
    expect(registry.healthy().map((i) => i.id)).toEqual(["a"]);
    expect(registry.heartbeat("b")).toBe(false);
    expect(registry.healthy().map((i) => i.id)).toEqual(["a"]);
  });

  it("picks the less loaded of two random instances, ties going to the first pick", () => {
    const { registry } = threeInstances();
    const balancer = new P2CBalancer(registry, scripted(0.5, 0.0, 0.9, 0.9, 0.5, 0.0));
    expect(balancer.pick()?.instance.id).toBe("b"); // i = b, j = a, tie → b
    expect(balancer.pick()?.instance.id).toBe("c"); // i = c, j = b, b busier → c
    expect(balancer.pick()?.instance.id).toBe("a"); // i = b (1 in flight), j = a (0) → a
  });

  it("releases an in-flight request once, even if release is called twice", () => {
    const { registry } = threeInstances();
    const balancer = new P2CBalancer(registry, scripted(0.5, 0.0));
    const pick = balancer.pick();
    expect(balancer.inFlight("b")).toBe(1);
    pick?.release();
    pick?.release();
    expect(balancer.inFlight("b")).toBe(0);
  });

  it("returns the only healthy instance without drawing random numbers, and null when none is healthy", () => {
    const clock = { t: 0 };
    const registry = new Registry({ ttlMs: 100, now: () => clock.t });
    const balancer = new P2CBalancer(registry, scripted());
    expect(balancer.pick()).toBeNull();
    registry.register("solo", "10.0.0.9:80");
    expect(balancer.pick()?.instance).toEqual({ id: "solo", address: "10.0.0.9:80" });
  });
});
