import fc from "fast-check";
import { type Instance, type Pick, P2CBalancer, Registry } from "./solution";

function scripted(...values: number[]) {
  return () => {
    const next = values.shift();
    if (next === undefined) throw new Error("random() called more often than the spec allows");
    return next;
  };
}

function setup(ttlMs = 1000) {
  const clock = { t: 0 };
  return { clock, registry: new Registry({ ttlMs, now: () => clock.t }) };
}

const ids = (instances: Instance[]) => instances.map((i) => i.id);

describe("Registry", () => {
  it("throws a RangeError for a ttlMs that is not a finite number > 0", () => {
    for (const ttlMs of [0, -1, NaN, Infinity]) expect(() => new Registry({ ttlMs, now: () => 0 })).toThrow(RangeError);
    expect(() => new Registry({ ttlMs: 0.5, now: () => 0 })).not.toThrow();
  });

  it("treats register as a heartbeat and lets it replace the address", () => {
    const { clock, registry } = setup(100);
    registry.register("x", "old:1");
    clock.t = 90;
    registry.register("x", "new:2");
    clock.t = 150; // 60 after the second register
    expect(registry.healthy()).toEqual([{ id: "x", address: "new:2" }]);
    clock.t = 190;
    expect(registry.healthy()).toEqual([]);
  });

  it("keeps a heartbeating instance alive indefinitely, measured from the last heartbeat", () => {
    const { clock, registry } = setup(100);
    registry.register("x", "h:1");
    for (const t of [99, 198, 297]) {
      clock.t = t;
      expect(registry.heartbeat("x")).toBe(true);
    }
    clock.t = 396;
    expect(ids(registry.healthy())).toEqual(["x"]);
    clock.t = 397;
    expect(ids(registry.healthy())).toEqual([]);
  });

  it("returns false for a heartbeat of an unknown or expired instance, and a new register brings it back", () => {
    const { clock, registry } = setup(100);
    expect(registry.heartbeat("ghost")).toBe(false);
    registry.register("x", "h:1");
    clock.t = 100;
    expect(registry.heartbeat("x")).toBe(false);
    clock.t = 150;
    expect(registry.heartbeat("x")).toBe(false); // still not back
    expect(ids(registry.healthy())).toEqual([]);
    registry.register("x", "h:2");
    expect(registry.healthy()).toEqual([{ id: "x", address: "h:2" }]);
  });

  it("deregisters: true only for a healthy instance", () => {
    const { clock, registry } = setup(100);
    registry.register("x", "h:1");
    registry.register("y", "h:2");
    expect(registry.deregister("x")).toBe(true);
    expect(registry.deregister("x")).toBe(false);
    expect(registry.heartbeat("x")).toBe(false);
    clock.t = 100;
    expect(registry.deregister("y")).toBe(false); // already expired
    expect(registry.deregister("nobody")).toBe(false);
  });

  it("sorts by plain string comparison of ids, not by registration order", () => {
    const { registry } = setup();
    for (const id of ["svc-10", "svc-2", "Svc-1", "svc-1"]) registry.register(id, `${id}:80`);
    expect(ids(registry.healthy())).toEqual(["Svc-1", "svc-1", "svc-10", "svc-2"]);
  });
});

describe("P2CBalancer", () => {
  it("never compares an instance with itself: j skips over i", () => {
    const { registry } = setup();
    registry.register("a", "a:1");
    registry.register("b", "b:1");
    const balancer = new P2CBalancer(registry, scripted(0.0, 0.0, 0.99, 0.99));
    // Load a up, then ask with i = a: j must be b (the only other one), and b is less loaded.
    expect(balancer.pick()?.instance.id).toBe("a"); // i = a, j = b (0 >= 0 → 1), tie → a
    expect(balancer.pick()?.instance.id).toBe("b"); // i = b, j = floor(0.99*1) = 0 = a; a busier → b
  });

  it("keeps the first pick on a tie and the second only when strictly less loaded", () => {
    const { registry } = setup();
    for (const id of ["a", "b", "c", "d"]) registry.register(id, `${id}:1`);
    const balancer = new P2CBalancer(registry, scripted(0, 0, 0.25, 0, 0.75, 0.5, 0.75, 0.5, 0.75, 0.9));
    const picked = [1, 2, 3, 4, 5].map(() => balancer.pick()?.instance.id);
    // a (a vs b, tie), b (b vs a: a is busier), d (d vs b: tie), d (d vs b: tie again), c (d vs c: c is idle)
    expect(picked).toEqual(["a", "b", "d", "d", "c"]);
  });

  it("counts in-flight requests per instance and keeps them across expiry and re-registration", () => {
    const { clock, registry } = setup(100);
    registry.register("a", "a:1");
    const balancer = new P2CBalancer(registry, scripted());
    const first = balancer.pick() as Pick;
    const second = balancer.pick() as Pick;
    expect(balancer.inFlight("a")).toBe(2);
    clock.t = 100; // a expires with two requests running
    expect(balancer.pick()).toBeNull();
    first.release();
    expect(balancer.inFlight("a")).toBe(1);
    registry.register("a", "a:2");
    expect(balancer.inFlight("a")).toBe(1);
    second.release();
    expect([balancer.inFlight("a"), balancer.inFlight("never-picked")]).toEqual([0, 0]);
  });

  it("only picks healthy instances and sees registry changes at once", () => {
    const { clock, registry } = setup(100);
    registry.register("a", "a:1");
    registry.register("b", "b:1");
    registry.register("c", "c:1");
    clock.t = 50;
    registry.heartbeat("c");
    clock.t = 100; // a and b expired; only c remains, so no random numbers are drawn
    const balancer = new P2CBalancer(registry, scripted());
    expect(balancer.pick()?.instance).toEqual({ id: "c", address: "c:1" });
    registry.deregister("c");
    expect(balancer.pick()).toBeNull();
  });
});

// ---- Model-based test ---------------------------------------------------------------------------

const IDS = ["a", "b", "c", "d"];
const TTL = 100;

interface Model {
  time: number;
  lastHeartbeat: Map<string, number>;
  address: Map<string, string>;
  inFlight: Map<string, number>;
  picks: { id: string; released: boolean }[];
}

interface Real {
  clock: { t: number };
  registry: Registry;
  balancer: P2CBalancer;
  picks: Pick[];
  randoms: number[];
}

function modelHealthy(m: Model): string[] {
  return [...m.lastHeartbeat].filter(([, at]) => m.time < at + TTL).map(([id]) => id).sort();
}

function forgetExpired(m: Model) {
  for (const [id, at] of m.lastHeartbeat) if (m.time >= at + TTL) m.lastHeartbeat.delete(id);
}

class Register implements fc.Command<Model, Real> {
  constructor(readonly id: string, readonly address: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    m.lastHeartbeat.set(this.id, m.time);
    m.address.set(this.id, this.address);
    r.registry.register(this.id, this.address);
  }
  toString = () => `register("${this.id}", "${this.address}")`;
}

class Heartbeat implements fc.Command<Model, Real> {
  constructor(readonly id: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    forgetExpired(m);
    const want = m.lastHeartbeat.has(this.id);
    if (want) m.lastHeartbeat.set(this.id, m.time);
    expect(r.registry.heartbeat(this.id)).toBe(want);
  }
  toString = () => `heartbeat("${this.id}")`;
}

class Deregister implements fc.Command<Model, Real> {
  constructor(readonly id: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    forgetExpired(m);
    const want = m.lastHeartbeat.delete(this.id);
    expect(r.registry.deregister(this.id)).toBe(want);
  }
  toString = () => `deregister("${this.id}")`;
}

class PickCommand implements fc.Command<Model, Real> {
  constructor(readonly draws: [number, number]) {}
  check = () => true;
  run(m: Model, r: Real) {
    const healthy = modelHealthy(m);
    const load = (id: string) => m.inFlight.get(id) ?? 0;
    let want: string | null = null;
    if (healthy.length === 1) want = healthy[0] as string;
    if (healthy.length >= 2) {
      const i = Math.floor(this.draws[0] * healthy.length);
      let j = Math.floor(this.draws[1] * (healthy.length - 1));
      if (j >= i) j++;
      const [a, b] = [healthy[i] as string, healthy[j] as string];
      want = load(b) < load(a) ? b : a;
    }
    r.randoms.length = 0;
    r.randoms.push(...this.draws);
    const got = r.balancer.pick();
    const used = 2 - r.randoms.length;
    expect(`random() called ${used} times`).toBe(`random() called ${healthy.length >= 2 ? 2 : 0} times`);
    expect(got === null ? null : got.instance).toEqual(want === null ? null : { id: want, address: m.address.get(want) });
    if (want !== null && got) {
      m.inFlight.set(want, load(want) + 1);
      m.picks.push({ id: want, released: false });
      r.picks.push(got);
    }
  }
  toString = () => `pick() with random() = ${this.draws[0]}, ${this.draws[1]}`;
}

class Release implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.picks.length > 0;
  run(m: Model, r: Real) {
    const k = this.index % m.picks.length;
    const pick = m.picks[k] as { id: string; released: boolean };
    if (!pick.released) m.inFlight.set(pick.id, (m.inFlight.get(pick.id) ?? 0) - 1);
    pick.released = true;
    (r.picks[k] as Pick).release();
    for (const id of IDS) expect(`inFlight("${id}") = ${r.balancer.inFlight(id)}`).toBe(`inFlight("${id}") = ${m.inFlight.get(id) ?? 0}`);
  }
  toString = () => `release(pick #${this.index})`;
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    m.time += this.ms;
    r.clock.t = m.time;
    expect(ids(r.registry.healthy())).toEqual(modelHealthy(m));
  }
  toString = () => `clock += ${this.ms}`;
}

describe("Registry and P2CBalancer: model check", () => {
  it("matches a model of registrations, heartbeats, expiry, picks and releases", () => {
    const draw = fc.oneof(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.constantFrom(0, 0.5, 0.999));
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom(...IDS), fc.constantFrom("h:1", "h:2")).map(([id, address]) => new Register(id, address)),
        fc.constantFrom(...IDS).map((id) => new Heartbeat(id)),
        fc.constantFrom(...IDS).map((id) => new Deregister(id)),
        fc.tuple(draw, draw).map((draws) => new PickCommand(draws)),
        fc.tuple(draw, draw).map((draws) => new PickCommand(draws)),
        fc.nat(30).map((index) => new Release(index)),
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(TTL, TTL - 1, 1)).map((ms) => new Advance(ms)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => {
          const clock = { t: 0 };
          const randoms: number[] = [];
          const registry = new Registry({ ttlMs: TTL, now: () => clock.t });
          const balancer = new P2CBalancer(registry, () => {
            const next = randoms.shift();
            if (next === undefined) throw new Error("random() called more than twice in one pick()");
            return next;
          });
          return {
            model: { time: 0, lastHeartbeat: new Map(), address: new Map(), inFlight: new Map(), picks: [] },
            real: { clock, registry, balancer, picks: [], randoms },
          };
        }, cmds);
      }),
      { numRuns: 150 },
    );
  });
});
