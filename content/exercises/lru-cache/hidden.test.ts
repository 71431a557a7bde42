import fc from "fast-check";
import { LRUCache } from "./solution";

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

/** Throws a message naming the call and both answers. */
function same(call: string, got: unknown, want: unknown): void {
  if (!Object.is(got, want)) throw new Error(`${call} returned ${String(got)}, the rules give ${String(want)}`);
}

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Obviously-correct O(n) model: keys ordered from least to most recently used. */
class ModelLRU<K, V> {
  private order: K[] = [];
  private values = new Map<K, V>();
  private capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }
  private touch(key: K): void {
    this.order.splice(this.order.indexOf(key), 1);
    this.order.push(key);
  }
  get(key: K): V | undefined {
    if (!this.values.has(key)) return undefined;
    this.touch(key);
    return this.values.get(key);
  }
  set(key: K, value: V): void {
    if (this.values.has(key)) {
      this.touch(key);
    } else {
      if (this.order.length >= this.capacity) {
        const oldest = this.order.shift() as K;
        this.values.delete(oldest);
      }
      this.order.push(key);
    }
    this.values.set(key, value);
  }
  has(key: K): boolean {
    return this.values.has(key);
  }
  delete(key: K): boolean {
    if (!this.values.has(key)) return false;
    this.order.splice(this.order.indexOf(key), 1);
    return this.values.delete(key);
  }
  get size(): number {
    return this.order.length;
  }
}

describe("LRUCache: construction", () => {
  it("throws a RangeError for zero, negative, fractional, NaN and infinite capacities", () => {
    for (const bad of [0, -1, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new LRUCache(bad)).toThrow(RangeError);
    }
  });

  it("accepts a capacity of 1 and keeps only the latest key", () => {
    const cache = new LRUCache<string, number>(1);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.has("a")).toBe(false);
    expect(cache.get("b")).toBe(2);
    expect(cache.size).toBe(1);
  });
});

describe("LRUCache: recency", () => {
  it("does not change recency on has()", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.has("a")).toBe(true); // must not refresh "a"
    cache.set("c", 3);
    expect(cache.has("a")).toBe(false);
    expect(cache.has("b")).toBe(true);
    expect(cache.has("c")).toBe(true);
  });

  it("makes an updated key the most recently used without evicting anything", () => {
    const cache = new LRUCache<string, number>(3);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    cache.set("b", 20); // full cache, existing key: nothing is evicted; order is now a, c, b
    expect(cache.size).toBe(3);
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, true, true]);
    cache.set("d", 4); // evicts "a"
    cache.set("e", 5); // evicts "c", not the updated "b"
    expect([cache.has("a"), cache.has("c")]).toEqual([false, false]);
    expect(cache.get("b")).toBe(20);
    expect(cache.size).toBe(3);
  });

  it("does not change recency when get() misses", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("zzz")).toBeUndefined();
    cache.set("c", 3);
    expect(cache.has("a")).toBe(false);
    expect(cache.has("b")).toBe(true);
    expect(cache.size).toBe(2);
  });

  it("evicts repeatedly in least-recently-used order", () => {
    const cache = new LRUCache<number, string>(3);
    cache.set(1, "one");
    cache.set(2, "two");
    cache.set(3, "three");
    cache.get(1); // order: 2, 3, 1
    cache.set(4, "four"); // evicts 2 -> 3, 1, 4
    cache.get(3); // 1, 4, 3
    cache.set(5, "five"); // evicts 1 -> 4, 3, 5
    cache.set(6, "six"); // evicts 4 -> 3, 5, 6
    expect([1, 2, 3, 4, 5, 6].map((k) => cache.has(k))).toEqual([false, false, true, false, true, true]);
  });
});

describe("LRUCache: values and keys", () => {
  it("stores falsy values (undefined, null, 0, empty string) as real entries", () => {
    const cache = new LRUCache<string, unknown>(4);
    cache.set("u", undefined);
    cache.set("n", null);
    cache.set("z", 0);
    cache.set("e", "");
    expect(cache.size).toBe(4);
    expect(["u", "n", "z", "e"].map((k) => cache.has(k))).toEqual([true, true, true, true]);
    expect(cache.get("n")).toBeNull();
    expect(cache.get("z")).toBe(0);
    expect(cache.get("e")).toBe("");
  });

  it("refreshes a key whose stored value is undefined when it is read", () => {
    const cache = new LRUCache<string, number | undefined>(2);
    cache.set("a", undefined);
    cache.set("b", 2);
    expect(cache.get("a")).toBeUndefined(); // a hit: "a" becomes most recently used
    cache.set("c", 3);
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
  });

  it("uses identity for object keys, like a Map", () => {
    const cache = new LRUCache<{ id: number }, string>(2);
    const k1 = { id: 1 };
    const k2 = { id: 1 };
    cache.set(k1, "first");
    cache.set(k2, "second");
    expect(cache.size).toBe(2);
    expect(cache.get(k1)).toBe("first");
    expect(cache.get(k2)).toBe("second");
    expect(cache.has({ id: 1 })).toBe(false);
  });

  it("frees a slot on delete, so the next insert evicts nothing", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.delete("a")).toBe(true);
    cache.set("c", 3);
    expect(cache.has("b")).toBe(true);
    expect(cache.has("c")).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.delete("a")).toBe(false);
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps a deleted-then-reinserted key as the most recently used", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.delete("a");
    cache.set("a", 3);
    cache.set("c", 4);
    expect(cache.has("b")).toBe(false);
    expect(cache.get("a")).toBe(3);
  });
});

describe("LRUCache: against a reference model", () => {
  it("matches a simple model over 250 random operations on small capacities", () => {
    const rand = prng(42);
    for (const capacity of [1, 2, 3, 5, 8]) {
      const cache = new LRUCache<number, number>(capacity);
      const model = new ModelLRU<number, number>(capacity);
      // Stops at the first divergence and reports it with the operation that caused it.
      let divergence = "";
      for (let i = 0; i < 50 && divergence === ""; i++) {
        const key = Math.floor(rand() * (capacity * 2 + 1));
        const op = rand();
        let call: string;
        let got: unknown;
        let want: unknown;
        if (op < 0.35) {
          call = `get(${key})`;
          got = cache.get(key);
          want = model.get(key);
        } else if (op < 0.75) {
          call = `set(${key}, ${i})`;
          cache.set(key, i);
          model.set(key, i);
        } else if (op < 0.9) {
          call = `has(${key})`;
          got = cache.has(key);
          want = model.has(key);
        } else {
          call = `delete(${key})`;
          got = cache.delete(key);
          want = model.delete(key);
        }
        if (got !== want || cache.size !== model.size) {
          divergence = `capacity ${capacity}, operation #${i + 1} ${call}: returned ${String(got)} (size ${cache.size}), expected ${String(want)} (size ${model.size})`;
        }
      }
      expect(divergence).toBe("");
    }
  });
});


type Value = number | undefined;
type Model = ModelLRU<string, Value>;
type Command = fc.Command<Model, LRUCache<string, Value>>;

/** Every command compares the cache with the model, its size included, after the call. */
function command(describe: string, act: (model: Model, real: LRUCache<string, Value>) => void): Command {
  return {
    check: () => true,
    run(model, real) {
      act(model, real);
      same(`size after ${describe}`, real.size, model.size);
    },
    toString: () => describe,
  };
}

const key = fc.constantFrom("a", "b", "c", "d");
const commands = fc.commands(
  [
    key.map((k) => command(`get(${k})`, (m, r) => same(`get(${k})`, r.get(k), m.get(k)))),
    fc.tuple(key, fc.constantFrom<Value>(0, 1, 2, undefined)).map(([k, v]) => command(`set(${k},${v})`, (m, r) => { r.set(k, v); m.set(k, v); })),
    key.map((k) => command(`has(${k})`, (m, r) => same(`has(${k})`, r.has(k), m.has(k)))),
    key.map((k) => command(`delete(${k})`, (m, r) => same(`delete(${k})`, r.delete(k), m.delete(k)))),
  ],
  { size: "+1" },
);
const capacity = fc.integer({ min: 1, max: 3 }).map((n) => ({ n, toString: () => `new LRUCache(${n})` }));

describe("LRUCache: any sequence of operations", () => {
  it("agrees with a simple model on every get, set, has, delete and size, for capacities 1 to 3 (undefined values included)", () => {
    const report = fc.check(
      fc.property(capacity, commands, ({ n }, cmds) => {
        fc.modelRun(() => ({ model: new ModelLRU<string, Value>(n), real: new LRUCache<string, Value>(n) }), cmds);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});

describe("LRUCache: complexity", () => {
  it("keeps a 200-entry cache exact over a steady stream of inserts and reads", () => {
    const capacity = 200;
    const cache = new LRUCache<number, number>(capacity);
    for (let k = 0; k < capacity; k++) cache.set(k, k);
    const rand = prng(7);
    let next = capacity;
    let hits = 0;
    for (let i = 0; i < 800; i++) {
      if (i % 10 === 0) {
        cache.set(next, next); // a new key: evicts the least recently used one
        next++;
      } else {
        // One of the newest capacity/2 keys: these can never have been evicted yet.
        const key = next - 1 - Math.floor(rand() * (capacity / 2));
        if (cache.get(key) === key) hits++;
      }
    }
    expect(hits).toBe(720);
    expect(cache.size).toBe(capacity);
    expect(cache.has(next - 1)).toBe(true);
    expect(cache.has(0)).toBe(false);
  });
});
