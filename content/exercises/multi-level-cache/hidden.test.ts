import fc from "fast-check";
import { type Entry, type L2Store, MultiLevelCache, type MultiLevelCacheOptions, type StoredEntry } from "./solution";

/** An in-memory L2 that applies each call at once, answers a moment later, and never expires anything itself. */
class FakeStore<V> implements L2Store<V> {
  readonly data = new Map<string, StoredEntry<V>>();
  gets = 0;
  sets = 0;
  async get(key: string) {
    this.gets++;
    const stored = this.data.get(key);
    await Promise.resolve();
    return stored;
  }
  async set(key: string, entry: Entry<V>, expiresAt: number) {
    this.sets++;
    this.data.set(key, { entry, expiresAt });
    await Promise.resolve();
  }
  async delete(key: string) {
    this.data.delete(key);
    await Promise.resolve();
  }
}

/** Lets every pending promise callback run. */
async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

interface PendingLoad {
  key: string;
  resolve: (value: string | undefined) => void;
  reject: (error: Error) => void;
}

function setup(overrides: Partial<MultiLevelCacheOptions<string>> = {}, l1 = { maxEntries: 10, ttlMs: 1_000 }) {
  const clock = { t: 0 };
  const store = new FakeStore<string>();
  const source = new Map<string, string>();
  const loads: string[] = [];
  const cache = new MultiLevelCache<string>({
    l1,
    l2: { store, ttlMs: 60_000 },
    negativeTtlMs: 5_000,
    load: async (key) => {
      loads.push(key);
      return source.get(key);
    },
    now: () => clock.t,
    ...overrides,
  });
  return { clock, store, source, loads, cache };
}

/** A loader whose calls wait until the test resolves them. */
function manualLoader() {
  const pending: PendingLoad[] = [];
  const load = (key: string) => new Promise<string | undefined>((resolve, reject) => pending.push({ key, resolve, reject }));
  return { pending, load };
}

describe("MultiLevelCache: construction", () => {
  it("throws a RangeError for a bad maxEntries or TTL", () => {
    const store = new FakeStore<string>();
    const base = { l1: { maxEntries: 2, ttlMs: 10 }, l2: { store, ttlMs: 100 }, negativeTtlMs: 5, load: async () => undefined, now: () => 0 };
    const bad = [
      { ...base, l1: { maxEntries: 0, ttlMs: 10 } },
      { ...base, l1: { maxEntries: 1.5, ttlMs: 10 } },
      { ...base, l1: { maxEntries: 2, ttlMs: 0 } },
      { ...base, l2: { store, ttlMs: Infinity } },
      { ...base, negativeTtlMs: -1 },
      { ...base, negativeTtlMs: NaN },
    ];
    for (const opts of bad) expect(() => new MultiLevelCache<string>(opts)).toThrow(RangeError);
    expect(() => new MultiLevelCache<string>(base)).not.toThrow();
  });

  it("accepts maxEntries = 1: L1 then holds only the most recent key", async () => {
    const { store, source, cache } = setup({}, { maxEntries: 1, ttlMs: 1_000 });
    source.set("a", "A");
    source.set("b", "B");
    expect(await cache.get("a")).toBe("A");
    expect(await cache.get("a")).toBe("A");
    expect(store.gets).toBe(1); // the second get was an L1 hit
    expect(await cache.get("b")).toBe("B"); // evicts a
    expect(await cache.get("b")).toBe("B");
    expect(await cache.get("a")).toBe("A");
    expect(store.gets).toBe(3);
  });
});

describe("MultiLevelCache: levels and expiry", () => {
  it("never lets an L1 copy outlive the L2 entry it came from", async () => {
    const { clock, store, loads, cache } = setup();
    store.data.set("p1", { entry: { found: true, value: "v" }, expiresAt: 60_000 });
    clock.t = 59_500;
    expect(await cache.get("p1")).toBe("v"); // L2 hit; L1 keeps it until 60_000, not 60_500
    clock.t = 59_999;
    expect(await cache.get("p1")).toBe("v");
    expect(store.gets).toBe(1);
    clock.t = 60_000;
    store.data.set("p1", { entry: { found: true, value: "stale" }, expiresAt: 60_000 }); // the store did not expire it
    expect(await cache.get("p1")).toBeUndefined(); // both levels expired → load → not found
    expect(loads).toEqual(["p1"]);
  });

  it("treats an L1 entry as expired at exactly its expiresAt", async () => {
    const { clock, store, cache, source } = setup();
    source.set("k", "v");
    await cache.get("k");
    clock.t = 999;
    await cache.get("k");
    expect(store.gets).toBe(1);
    clock.t = 1_000;
    await cache.get("k");
    expect(store.gets).toBe(2);
  });

  it("computes expiries from the time the load finished, not when the get started", async () => {
    const { pending, load } = manualLoader();
    const { clock, store, cache } = setup({ load });
    const result = cache.get("slow");
    await settle();
    clock.t = 300; // the database took 300 ms
    pending[0]?.resolve("v");
    expect(await result).toBe("v");
    expect(store.data.get("slow")?.expiresAt).toBe(60_300);
    clock.t = 1_299;
    await cache.get("slow");
    expect(store.gets).toBe(1); // still in L1 (until 1_300)
  });

  it("caps a 'not found' entry in L1 by l1.ttlMs and in L2 by negativeTtlMs", async () => {
    const { clock, store, loads, cache } = setup({ negativeTtlMs: 2_500 });
    expect(await cache.get("ghost")).toBeUndefined();
    expect(store.data.get("ghost")).toEqual({ entry: { found: false }, expiresAt: 2_500 });
    clock.t = 1_000; // L1 copy gone, L2 still remembers
    expect(await cache.get("ghost")).toBeUndefined();
    expect([loads.length, store.gets]).toEqual([1, 2]);
    clock.t = 2_500;
    await cache.get("ghost");
    expect(loads.length).toBe(2);
  });

  it("evicts the least recently used L1 entry when full (a hit counts as a use)", async () => {
    const { store, source, cache } = setup({}, { maxEntries: 2, ttlMs: 1_000 });
    for (const key of ["a", "b", "c"]) source.set(key, key.toUpperCase());
    await cache.get("a");
    await cache.get("b");
    await cache.get("a"); // a is now more recent than b
    await cache.get("c"); // evicts b
    const before = store.gets;
    await cache.get("a");
    await cache.get("c");
    expect(store.gets - before).toBe(0);
    expect(await cache.get("b")).toBe("B");
    expect(store.gets - before).toBe(1); // b had to come from L2
  });
});

describe("MultiLevelCache: coalescing and failures", () => {
  it("joins gets that arrive while the lookup waits for the loader, and keeps keys apart", async () => {
    const { pending, load } = manualLoader();
    const { store, cache } = setup({ load });
    const first = cache.get("a");
    await settle(); // now waiting on the loader
    const second = cache.get("a");
    const other = cache.get("b");
    await settle();
    expect(pending.map((p) => p.key)).toEqual(["a", "b"]);
    pending[0]?.resolve("A");
    pending[1]?.resolve("B");
    expect(await Promise.all([first, second, other])).toEqual(["A", "A", "B"]);
    expect(store.gets).toBe(2);
  });

  it("rejects every joined caller with the loader's error, caches nothing, and retries on the next get", async () => {
    const { pending, load } = manualLoader();
    const { store, cache } = setup({ load });
    const calls = [cache.get("k"), cache.get("k")];
    await settle();
    const boom = new Error("database down");
    pending[0]?.reject(boom);
    for (const call of calls) await expect(call).rejects.toBe(boom);
    expect([store.sets, store.data.has("k")]).toEqual([0, false]);
    const retry = cache.get("k");
    await settle();
    expect(pending.length).toBe(2);
    pending[1]?.resolve("ok");
    expect(await retry).toBe("ok");
  });
});

describe("MultiLevelCache: invalidation", () => {
  it("keeps a load that was in flight during invalidate from writing its stale value back", async () => {
    const { pending, load } = manualLoader();
    const { store, cache } = setup({ load });
    const before = cache.get("p1");
    await settle();
    await cache.invalidate("p1"); // the product was updated while the old value was being read
    const after = cache.get("p1"); // must not join the detached lookup
    await settle();
    expect(pending.length).toBe(2);
    pending[0]?.resolve("old");
    expect(await before).toBe("old"); // its caller still gets an answer
    await settle();
    expect(store.data.has("p1")).toBe(false);
    pending[1]?.resolve("new");
    expect(await after).toBe("new");
    expect(await cache.get("p1")).toBe("new");
    expect(store.data.get("p1")?.entry).toEqual({ found: true, value: "new" });
  });

  it("keeps a lookup that read a live L2 entry before invalidate from putting it in L1", async () => {
    const { clock, store, source, loads, cache } = setup();
    store.data.set("p1", { entry: { found: true, value: "old" }, expiresAt: 60_000 });
    source.set("p1", "new");
    const before = cache.get("p1"); // the store has already read "old"...
    await cache.invalidate("p1"); // ...when the update invalidates it
    expect(await before).toBe("old");
    clock.t = 1; // L1 would still hold a copy for 999 ms
    expect(await cache.get("p1")).toBe("new");
    expect(loads).toEqual(["p1"]);
    expect(store.gets).toBe(2);
  });

  it("keeps a lookup invalidated while it writes to L2 from putting the value in L1", async () => {
    const { pending, load } = manualLoader();
    const { store, cache } = setup({ load });
    const writes: (() => void)[] = [];
    const realSet = store.set.bind(store);
    // The write lands at once, but its acknowledgement waits until the test releases it.
    store.set = (key, entry, expiresAt) => realSet(key, entry, expiresAt).then(() => new Promise<void>((resolve) => writes.push(resolve)));
    const before = cache.get("p1");
    await settle();
    pending[0]?.resolve("old");
    await settle();
    expect(writes.length).toBe(1); // the lookup now waits for store.set
    const invalidated = cache.invalidate("p1");
    writes[0]?.();
    await invalidated;
    store.set = realSet; // later writes are acknowledged at once
    expect(await before).toBe("old");
    const after = cache.get("p1"); // must not be an L1 hit on "old"
    await settle();
    expect(pending.length).toBe(2);
    pending[1]?.resolve("new");
    expect(await after).toBe("new");
  });

  it("lets a new lookup stay joinable when a detached lookup for the same key finishes", async () => {
    const { pending, load } = manualLoader();
    const { cache } = setup({ load });
    const detached = cache.get("k");
    await settle();
    await cache.invalidate("k");
    const fresh = cache.get("k"); // a new lookup, in flight
    await settle();
    pending[0]?.resolve("old");
    expect(await detached).toBe("old");
    const joined = cache.get("k"); // the fresh lookup is still in flight: join it
    await settle();
    expect(pending.length).toBe(2);
    pending[1]?.resolve("new");
    expect(await Promise.all([fresh, joined])).toEqual(["new", "new"]);
  });

  it("removes the key from L1 as well as L2, so the next get reads through", async () => {
    const { store, source, loads, cache } = setup();
    source.set("k", "v1");
    await cache.get("k");
    source.set("k", "v2");
    await cache.invalidate("k");
    expect(await cache.get("k")).toBe("v2");
    expect([loads.length, store.gets]).toEqual([2, 2]);
  });
});

// ---- Model-based test ---------------------------------------------------------------------------

const KEYS = ["a", "b", "c"];
const L1_MAX = 2;
const L1_TTL = 10;
const L2_TTL = 40;
const NEG_TTL = 15;

type ModelEntry = { value: string | undefined; expiresAt: number };

interface Model {
  time: number;
  source: Map<string, string>;
  l1: Map<string, ModelEntry>; // Map order = recency
  l2: Map<string, ModelEntry>;
  loads: number;
  storeGets: number;
}

interface Real {
  clock: { t: number };
  source: Map<string, string>;
  store: FakeStore<string>;
  cache: MultiLevelCache<string>;
  loads: { count: number };
}

function putL1(m: Model, key: string, value: string | undefined, l2ExpiresAt: number) {
  m.l1.delete(key);
  if (m.l1.size >= L1_MAX) m.l1.delete(m.l1.keys().next().value as string);
  m.l1.set(key, { value, expiresAt: Math.min(m.time + L1_TTL, l2ExpiresAt) });
}

/** The spec's get, with no time passing while it runs. */
function modelGet(m: Model, key: string): string | undefined {
  const cached = m.l1.get(key);
  if (cached) {
    m.l1.delete(key);
    if (m.time < cached.expiresAt) {
      m.l1.set(key, cached);
      return cached.value;
    }
  }
  m.storeGets++;
  const stored = m.l2.get(key);
  if (stored && m.time < stored.expiresAt) {
    putL1(m, key, stored.value, stored.expiresAt);
    return stored.value;
  }
  m.loads++;
  const value = m.source.get(key);
  const expiresAt = m.time + (value === undefined ? NEG_TTL : L2_TTL);
  m.l2.set(key, { value, expiresAt });
  putL1(m, key, value, expiresAt);
  return value;
}

function counters(m: Model) {
  return `loads ${m.loads}, store.get calls ${m.storeGets}`;
}

class Get implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const want = modelGet(m, this.key);
    expect(await r.cache.get(this.key)).toBe(want);
    expect(`loads ${r.loads.count}, store.get calls ${r.store.gets}`).toBe(counters(m));
  }
  toString = () => `get("${this.key}")`;
}

class ConcurrentGets implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const want = modelGet(m, this.key); // the second get joins the first (or hits L1): no extra work
    expect(await Promise.all([r.cache.get(this.key), r.cache.get(this.key)])).toEqual([want, want]);
    expect(`loads ${r.loads.count}, store.get calls ${r.store.gets}`).toBe(counters(m));
  }
  toString = () => `Promise.all([get("${this.key}"), get("${this.key}")])`;
}

class Invalidate implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.l1.delete(this.key);
    m.l2.delete(this.key);
    await r.cache.invalidate(this.key);
  }
  toString = () => `invalidate("${this.key}")`;
}

class Update implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: string, readonly value: string | undefined) {}
  check = () => true;
  async run(m: Model, r: Real) {
    for (const source of [m.source, r.source]) {
      if (this.value === undefined) source.delete(this.key);
      else source.set(this.key, this.value);
    }
  }
  toString = () => (this.value === undefined ? `database: delete ${this.key}` : `database: ${this.key} = "${this.value}"`);
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.time += this.ms;
    r.clock.t = m.time;
  }
  toString = () => `clock += ${this.ms}`;
}

describe("MultiLevelCache: model check", () => {
  it("matches a model of both levels, LRU, TTLs, negative caching and invalidation", async () => {
    const key = fc.constantFrom(...KEYS);
    const commands = fc.commands(
      [
        key.map((k) => new Get(k)),
        key.map((k) => new Get(k)),
        key.map((k) => new ConcurrentGets(k)),
        key.map((k) => new Invalidate(k)),
        fc.tuple(key, fc.constantFrom("v1", "v2", undefined)).map(([k, v]) => new Update(k, v)),
        fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(L1_TTL, NEG_TTL, L2_TTL, 1)).map((ms) => new Advance(ms)),
      ],
      { size: "+1" },
    );
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        await fc.asyncModelRun(() => {
          const clock = { t: 0 };
          const source = new Map<string, string>();
          const store = new FakeStore<string>();
          const loads = { count: 0 };
          const cache = new MultiLevelCache<string>({
            l1: { maxEntries: L1_MAX, ttlMs: L1_TTL },
            l2: { store, ttlMs: L2_TTL },
            negativeTtlMs: NEG_TTL,
            load: async (k) => {
              loads.count++;
              return source.get(k);
            },
            now: () => clock.t,
          });
          return {
            model: { time: 0, source: new Map(), l1: new Map(), l2: new Map(), loads: 0, storeGets: 0 },
            real: { clock, source, store, cache, loads },
          };
        }, cmds);
      }),
      { numRuns: 150 },
    );
  });
});
