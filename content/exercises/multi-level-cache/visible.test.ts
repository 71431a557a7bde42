import { type Entry, type L2Store, MultiLevelCache, type StoredEntry } from "./solution";

/** An in-memory L2 that applies each call at once, answers a moment later, and never expires anything itself. */
class FakeStore<V> implements L2Store<V> {
  readonly data = new Map<string, StoredEntry<V>>();
  gets = 0;
  async get(key: string) {
    this.gets++;
    const stored = this.data.get(key);
    await Promise.resolve();
    return stored;
  }
  async set(key: string, entry: Entry<V>, expiresAt: number) {
    this.data.set(key, { entry, expiresAt });
    await Promise.resolve();
  }
  async delete(key: string) {
    this.data.delete(key);
    await Promise.resolve();
  }
}

function setup(source: Record<string, string>) {
  const clock = { t: 0 };
  const store = new FakeStore<string>();
  const loads: string[] = [];
  const cache = new MultiLevelCache<string>({
    l1: { maxEntries: 10, ttlMs: 1_000 },
    l2: { store, ttlMs: 60_000 },
    negativeTtlMs: 5_000,
    load: async (key) => {
      loads.push(key);
      return source[key];
    },
    now: () => clock.t,
  });
  return { clock, store, loads, cache };
}

describe("MultiLevelCache", () => {
  it("reads through both levels, then serves from L1 without touching L2", async () => {
    const { clock, store, loads, cache } = setup({ p1: "shoe" });
    expect(await cache.get("p1")).toBe("shoe");
    expect(store.data.get("p1")).toEqual({ entry: { found: true, value: "shoe" }, expiresAt: 60_000 });
    clock.t = 999;
    expect(await cache.get("p1")).toBe("shoe");
    expect([loads.length, store.gets]).toEqual([1, 1]);
    clock.t = 1_000; // L1 copy expired: L2 answers, no load
    expect(await cache.get("p1")).toBe("shoe");
    expect([loads.length, store.gets]).toEqual([1, 2]);
  });

  it("coalesces concurrent misses for a key into one lookup", async () => {
    const { store, loads, cache } = setup({ p1: "shoe" });
    const results = await Promise.all([cache.get("p1"), cache.get("p1"), cache.get("p1")]);
    expect(results).toEqual(["shoe", "shoe", "shoe"]);
    expect([loads, store.gets]).toEqual([["p1"], 1]);
  });

  it("remembers 'not found' for negativeTtlMs", async () => {
    const { clock, store, loads, cache } = setup({});
    expect(await cache.get("ghost")).toBeUndefined();
    expect(store.data.get("ghost")).toEqual({ entry: { found: false }, expiresAt: 5_000 });
    clock.t = 4_999;
    expect(await cache.get("ghost")).toBeUndefined();
    expect(loads).toEqual(["ghost"]);
    clock.t = 5_000;
    await cache.get("ghost");
    expect(loads).toEqual(["ghost", "ghost"]);
  });

  it("never serves an L2 entry past its expiresAt, even if the store still returns it", async () => {
    const { clock, store, loads, cache } = setup({ p1: "new" });
    store.data.set("p1", { entry: { found: true, value: "old" }, expiresAt: 100 });
    clock.t = 100;
    expect(await cache.get("p1")).toBe("new");
    expect(loads).toEqual(["p1"]);
  });

  it("invalidates both levels", async () => {
    const source: Record<string, string> = { p1: "v1" };
    const { store, loads, cache } = setup(source);
    await cache.get("p1");
    source.p1 = "v2";
    await cache.invalidate("p1");
    expect(store.data.has("p1")).toBe(false);
    expect(await cache.get("p1")).toBe("v2");
    expect(loads).toEqual(["p1", "p1"]);
  });
});
