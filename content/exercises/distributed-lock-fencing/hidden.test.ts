import fc from "fast-check";
import { FencedStorage, type Lease, LockService, StaleTokenError } from "./solution";

function setup(ttlMs = 1000) {
  const clock = { t: 0 };
  return { clock, locks: new LockService({ ttlMs, now: () => clock.t }) };
}

/** Acquires and asserts that a lease was granted. */
function mustAcquire(locks: LockService, resource: string, owner: string): Lease {
  const lease = locks.acquire(resource, owner);
  if (!lease) throw new Error(`acquire(${resource}, ${owner}) returned null, expected a lease`);
  return lease;
}

describe("LockService: leases", () => {
  it("throws a RangeError for a ttlMs that is not a finite number > 0", () => {
    for (const ttlMs of [0, -5, NaN, Infinity]) expect(() => new LockService({ ttlMs, now: () => 0 })).toThrow(RangeError);
    expect(() => new LockService({ ttlMs: 0.5, now: () => 0 })).not.toThrow();
  });

  it("counts tokens per resource, from 1, across expiries and releases", () => {
    const { clock, locks } = setup(100);
    expect([mustAcquire(locks, "a", "x").token, mustAcquire(locks, "b", "x").token, mustAcquire(locks, "c", "y").token]).toEqual([1, 1, 1]);
    clock.t = 100; // all three expired
    expect(mustAcquire(locks, "a", "x").token).toBe(2);
    const b2 = mustAcquire(locks, "b", "z");
    expect(locks.release(b2)).toBe(true);
    expect(mustAcquire(locks, "b", "z").token).toBe(3);
    expect(mustAcquire(locks, "c", "y").token).toBe(2);
  });

  it("cannot renew an expired lease, even if nobody else took the lock; acquiring again gives a new token", () => {
    const { clock, locks } = setup(100);
    const lease = mustAcquire(locks, "r", "a");
    clock.t = 100;
    expect(locks.renew(lease)).toBeNull();
    expect(locks.holder("r")).toBeNull();
    expect(mustAcquire(locks, "r", "a")).toEqual({ resource: "r", owner: "a", token: 2, expiresAt: 200 });
  });

  it("keeps the original lease object usable after a renewal, and the service's expiry decides", () => {
    const { clock, locks } = setup(100);
    const original = mustAcquire(locks, "r", "a"); // expiresAt 100
    clock.t = 90;
    expect(locks.renew(original)?.expiresAt).toBe(190);
    clock.t = 150; // past the original object's expiresAt, within the renewed one
    expect(locks.holder("r")).toEqual({ resource: "r", owner: "a", token: 1, expiresAt: 190 });
    expect(locks.acquire("r", "b")).toBeNull();
    expect(locks.renew(original)).toEqual({ resource: "r", owner: "a", token: 1, expiresAt: 250 });
    expect(locks.release(original)).toBe(true);
    expect(locks.holder("r")).toBeNull();
  });

  it("refuses to release an expired, released, older or forged lease", () => {
    const { clock, locks } = setup(100);
    const first = mustAcquire(locks, "r", "a");
    clock.t = 100;
    expect(locks.release(first)).toBe(false); // expired
    const second = mustAcquire(locks, "r", "a"); // same owner, token 2
    expect(locks.release(first)).toBe(false); // an older lease of the same owner
    expect(locks.release({ ...second, owner: "mallory" })).toBe(false); // right token, wrong owner
    expect(locks.renew({ ...second, owner: "mallory" })).toBeNull();
    expect(locks.release({ ...second, resource: "other" })).toBe(false);
    expect(locks.holder("r")?.token).toBe(2);
    expect(locks.release(second)).toBe(true);
    expect(locks.release(second)).toBe(false); // already released
    expect(mustAcquire(locks, "b-side", "b").token).toBe(1);
    expect(mustAcquire(locks, "r", "b").token).toBe(3); // free at once after release
  });

  it("reports the live holder, and null once its lease expires", () => {
    const { clock, locks } = setup(50);
    expect(locks.holder("r")).toBeNull();
    const lease = mustAcquire(locks, "r", "a");
    expect(locks.holder("r")).toEqual(lease);
    clock.t = 49;
    expect(locks.holder("r")?.owner).toBe("a");
    clock.t = 50;
    expect(locks.holder("r")).toBeNull();
  });
});

describe("FencedStorage", () => {
  it("throws a RangeError for a token that is not a positive integer, without storing", () => {
    const storage = new FencedStorage<string>();
    for (const token of [0, -1, 1.5, NaN]) expect(() => storage.write("r", token, "x")).toThrow(RangeError);
    expect([storage.read("r"), storage.highestToken("r")]).toEqual([undefined, 0]);
  });

  it("rejects a stale token with a StaleTokenError that names both tokens, and keeps the value", () => {
    const storage = new FencedStorage<string>();
    storage.write("r", 5, "new");
    let caught: unknown;
    try {
      storage.write("r", 4, "old");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StaleTokenError);
    const error = caught as StaleTokenError;
    expect([error.name, error.resource, error.token, error.highestToken]).toEqual(["StaleTokenError", "r", 4, 5]);
    expect(error).toBeInstanceOf(Error);
    expect([storage.read("r"), storage.highestToken("r")]).toEqual(["new", 5]);
  });

  it("tracks the highest token per resource, and lets a token jump ahead", () => {
    const storage = new FencedStorage<number>();
    storage.write("a", 7, 1);
    storage.write("b", 1, 2); // a's tokens do not matter for b
    storage.write("a", 9, 3);
    expect(() => storage.write("a", 8, 4)).toThrow(StaleTokenError);
    expect([storage.highestToken("a"), storage.highestToken("b"), storage.read("a"), storage.read("b")]).toEqual([9, 1, 3, 2]);
  });

  it("accepts a paused holder's write made before the new holder's first write (fencing's known limit), never after", () => {
    const clock = { t: 0 };
    const locks = new LockService({ ttlMs: 100, now: () => clock.t });
    const storage = new FencedStorage<string>();
    const a = mustAcquire(locks, "r", "a");
    clock.t = 150;
    const b = mustAcquire(locks, "r", "b");
    storage.write("r", a.token, "a-late"); // the storage has not seen token 2 yet
    storage.write("r", b.token, "b");
    expect(() => storage.write("r", a.token, "a-later")).toThrow(StaleTokenError);
    expect(storage.read("r")).toBe("b");
  });
});

// ---- Model-based test ---------------------------------------------------------------------------

interface Model {
  ttl: number;
  time: number;
  current: Map<string, { owner: string; token: number; expiresAt: number }>;
  lastToken: Map<string, number>;
  highest: Map<string, number>;
  values: Map<string, string>;
  granted: Lease[]; // every lease ever returned, so commands can use stale ones
}

interface Real {
  locks: LockService;
  storage: FencedStorage<string>;
  clock: { t: number };
  granted: Lease[];
}

const RESOURCES = ["a", "b"];
const OWNERS = ["w1", "w2", "w3"];

function liveLease(m: Model, resource: string) {
  const lease = m.current.get(resource);
  return lease && m.time < lease.expiresAt ? lease : undefined;
}

function isCurrent(m: Model, lease: Lease) {
  const live = liveLease(m, lease.resource);
  return live !== undefined && live.token === lease.token && live.owner === lease.owner;
}

class Acquire implements fc.Command<Model, Real> {
  constructor(readonly resource: string, readonly owner: string) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    let want: Lease | null = null;
    if (!liveLease(m, this.resource)) {
      const token = (m.lastToken.get(this.resource) ?? 0) + 1;
      m.lastToken.set(this.resource, token);
      m.current.set(this.resource, { owner: this.owner, token, expiresAt: m.time + m.ttl });
      want = { resource: this.resource, owner: this.owner, token, expiresAt: m.time + m.ttl };
    }
    const got = r.locks.acquire(this.resource, this.owner);
    expect(got).toEqual(want);
    if (want && got) {
      m.granted.push(want);
      r.granted.push(got);
    }
  }
  toString() {
    return `acquire("${this.resource}", "${this.owner}")`;
  }
}

class Renew implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>) {
    return m.granted.length > 0;
  }
  run(m: Model, r: Real) {
    const index = this.pick % m.granted.length;
    const lease = m.granted[index] as Lease;
    let want: Lease | null = null;
    if (isCurrent(m, lease)) {
      m.current.set(lease.resource, { owner: lease.owner, token: lease.token, expiresAt: m.time + m.ttl });
      want = { ...lease, expiresAt: m.time + m.ttl };
    }
    expect(r.locks.renew(r.granted[index] as Lease)).toEqual(want);
  }
  toString() {
    return `renew(lease #${this.pick})`;
  }
}

class Release implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>) {
    return m.granted.length > 0;
  }
  run(m: Model, r: Real) {
    const index = this.pick % m.granted.length;
    const lease = m.granted[index] as Lease;
    const want = isCurrent(m, lease);
    if (want) m.current.delete(lease.resource);
    expect(r.locks.release(r.granted[index] as Lease)).toBe(want);
  }
  toString() {
    return `release(lease #${this.pick})`;
  }
}

class Write implements fc.Command<Model, Real> {
  constructor(readonly pick: number, readonly value: string) {}
  check(m: Readonly<Model>) {
    return m.granted.length > 0;
  }
  run(m: Model, r: Real) {
    const index = this.pick % m.granted.length;
    const lease = m.granted[index] as Lease;
    const highest = m.highest.get(lease.resource) ?? 0;
    const stale = lease.token < highest;
    if (!stale) {
      m.highest.set(lease.resource, lease.token);
      m.values.set(lease.resource, this.value);
    }
    let outcome = "written";
    try {
      r.storage.write(lease.resource, lease.token, this.value);
    } catch (error) {
      outcome = error instanceof StaleTokenError ? `StaleTokenError(${error.token} < ${error.highestToken})` : `threw ${String(error)}`;
    }
    expect(outcome).toBe(stale ? `StaleTokenError(${lease.token} < ${highest})` : "written");
    expect(r.storage.read(lease.resource)).toBe(m.values.get(lease.resource));
  }
  toString() {
    return `write(lease #${this.pick}, "${this.value}")`;
  }
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    m.time += this.ms;
    r.clock.t = m.time;
    for (const resource of RESOURCES) {
      const live = liveLease(m, resource);
      expect(r.locks.holder(resource)).toEqual(live ? { resource, ...live } : null);
    }
  }
  toString() {
    return `clock += ${this.ms}`;
  }
}

describe("LockService and FencedStorage: model check", () => {
  it("matches a model of leases, renewals, releases, expiry and fenced writes", () => {
    const ttl = 100;
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom(...RESOURCES), fc.constantFrom(...OWNERS)).map(([res, owner]) => new Acquire(res, owner)),
        fc.nat(20).map((pick) => new Renew(pick)),
        fc.nat(20).map((pick) => new Release(pick)),
        fc.tuple(fc.nat(20), fc.constantFrom("x", "y", "z")).map(([pick, value]) => new Write(pick, value)),
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(ttl, ttl - 1, 1)).map((ms) => new Advance(ms)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        const setupRun = () => {
          const clock = { t: 0 };
          const real: Real = { locks: new LockService({ ttlMs: ttl, now: () => clock.t }), storage: new FencedStorage<string>(), clock, granted: [] };
          const model: Model = { ttl, time: 0, current: new Map(), lastToken: new Map(), highest: new Map(), values: new Map(), granted: [] };
          return { model, real };
        };
        fc.modelRun(setupRun, cmds);
      }),
      { numRuns: 150 },
    );
  });
});

describe("LockService: complexity", () => {
  it("handles 30,000 resources with O(1) operations (a scan over all leases would time out)", () => {
    const { clock, locks } = setup(1_000_000);
    const leases: Lease[] = [];
    for (let i = 0; i < 30_000; i++) leases.push(mustAcquire(locks, `r${i}`, "w"));
    clock.t = 10;
    let renewed = 0;
    for (const lease of leases) if (locks.renew(lease)) renewed++;
    let released = 0;
    for (const lease of leases) if (locks.release(lease)) released++;
    expect([renewed, released, locks.holder("r29999")]).toEqual([30_000, 30_000, null]);
  });
});
