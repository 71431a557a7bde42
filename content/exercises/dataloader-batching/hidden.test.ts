import fc from "fast-check";
import { DataLoader } from "./solution";

function usersBatch() {
  const calls: number[][] = [];
  const batchFn = async (ids: readonly number[]) => {
    calls.push([...ids]);
    return ids.map((id) => `user-${id}`);
  };
  return { calls, batchFn };
}

/** Settles what a promise does into a string, without leaving a rejection unhandled. */
function outcome<T>(promise: Promise<T>): { value?: string } {
  const box: { value?: string } = {};
  promise.then(
    (v) => (box.value = `ok:${String(v)}`),
    (e: unknown) => (box.value = `err:${e instanceof Error ? `${e.name}:${e.message}` : String(e)}`),
  );
  return box;
}

/** Lets every pending microtask and promise chain run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs 25 rounds of microtasks (no timers, so fast-check can replay and shrink quickly). */
async function drainMicrotasks() {
  for (let i = 0; i < 25; i++) await Promise.resolve();
}

describe("DataLoader: construction", () => {
  it("rejects a batchFn that is not a function (TypeError) and a bad maxBatchSize (RangeError)", () => {
    expect(() => new DataLoader(undefined as unknown as (keys: readonly number[]) => Promise<number[]>)).toThrow(TypeError);
    const { batchFn } = usersBatch();
    for (const maxBatchSize of [0, -1, 1.5, NaN]) expect(() => new DataLoader(batchFn, { maxBatchSize })).toThrow(RangeError);
    expect(() => new DataLoader(batchFn, { maxBatchSize: Infinity })).not.toThrow();
    expect(() => new DataLoader(batchFn, { maxBatchSize: 1 })).not.toThrow();
  });
});

describe("DataLoader: scheduling on one microtask", () => {
  it("lets a load made in a microtask queued before the first load join the batch", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    queueMicrotask(() => void loader.load(2));
    void loader.load(1);
    await flush();
    expect(calls).toEqual([[1, 2]]);
  });

  it("starts a new batch for a load made in a microtask queued after the first load (dispatch is one microtask, not a timer)", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    void loader.load(1);
    queueMicrotask(() => void loader.load(2));
    await flush();
    expect(calls).toEqual([[1], [2]]);
  });

  it("starts a new batch while the previous batchFn promise is still pending", async () => {
    const calls: number[][] = [];
    const release: Array<() => void> = [];
    const loader = new DataLoader<number, string>(
      (ids) =>
        new Promise((resolve) => {
          calls.push([...ids]);
          release.push(() => resolve(ids.map((id) => `v${id}`)));
        }),
    );
    const a = outcome(loader.load(1));
    await flush();
    const b = outcome(loader.load(2));
    const again = outcome(loader.load(1)); // cached, in flight: no new fetch
    await flush();
    expect(calls).toEqual([[1], [2]]);
    release[1]?.(); // completions in any order
    await flush();
    expect([a.value, b.value, again.value]).toEqual([undefined, "ok:v2", undefined]);
    release[0]?.();
    await flush();
    expect([a.value, b.value, again.value]).toEqual(["ok:v1", "ok:v2", "ok:v1"]);
  });

  it("calls batchFn once per chunk of maxBatchSize, all in the same dispatch, keeping first-load order", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn, { maxBatchSize: 3 });
    const ids = [9, 4, 9, 7, 1, 4, 8, 2, 6];
    const values = Promise.all(ids.map((id) => loader.load(id)));
    await Promise.resolve();
    expect(calls).toEqual([[9, 4, 7], [1, 8, 2], [6]]);
    expect(await values).toEqual(ids.map((id) => `user-${id}`));
  });
});

describe("DataLoader: results and failures", () => {
  it("matches results to keys by position, not by sorting", async () => {
    const loader = new DataLoader<string, number>(async (keys) => keys.map((k) => k.length));
    expect(await Promise.all(["ccc", "a", "bb", "dddd"].map((k) => loader.load(k)))).toEqual([3, 1, 2, 4]);
  });

  it("rejects every key of a call whose batchFn throws or rejects, and does not cache them", async () => {
    let mode: "throw" | "reject" | "ok" = "throw";
    const loader = new DataLoader<number, string>((ids) => {
      if (mode === "throw") throw new Error("db down");
      if (mode === "reject") return Promise.reject(new Error("timeout"));
      return Promise.resolve(ids.map((id) => `v${id}`));
    });
    const thrown = [outcome(loader.load(1)), outcome(loader.load(2))];
    await flush();
    expect(thrown.map((o) => o.value)).toEqual(["err:Error:db down", "err:Error:db down"]);
    mode = "reject";
    const rejected = [outcome(loader.load(1)), outcome(loader.load(2))];
    await flush();
    expect(rejected.map((o) => o.value)).toEqual(["err:Error:timeout", "err:Error:timeout"]);
    mode = "ok";
    expect(await loader.loadMany([1, 2])).toEqual(["v1", "v2"]);
  });

  it("rejects every key with a TypeError when batchFn returns the wrong number of values", async () => {
    const loader = new DataLoader<number, string>(async (ids) => ids.slice(1).map((id) => `v${id}`));
    const results = [loader.load(1), loader.load(2), loader.load(3)].map(outcome);
    await flush();
    for (const r of results) expect(r.value).toMatch(/^err:TypeError:/);
  });

  it("does not cache a failed key: the next load fetches it again", async () => {
    const calls: number[][] = [];
    let attempts = 0;
    const loader = new DataLoader<number, string>(async (ids) => {
      calls.push([...ids]);
      attempts++;
      return ids.map((id) => (attempts === 1 && id === 2 ? new Error("flaky") : `v${id}`));
    });
    expect(await loader.loadMany([1, 2])).toEqual(["v1", new Error("flaky")]);
    expect(await loader.loadMany([1, 2])).toEqual(["v1", "v2"]);
    expect(calls).toEqual([[1, 2], [2]]);
  });

  it("keeps a newer cache entry when an older, cleared fetch of the same key fails", async () => {
    const release: Array<() => void> = [];
    let call = 0;
    const loader = new DataLoader<number, string>((ids) => {
      const n = ++call;
      return new Promise((resolve) => release.push(() => resolve(ids.map((id) => (n === 1 ? new Error("stale") : `v${id}#${n}`)))));
    });
    const old = outcome(loader.load(1));
    await flush();
    loader.clear(1);
    const fresh = loader.load(1);
    await flush();
    release[1]?.(); // the new fetch succeeds first
    await flush();
    release[0]?.(); // then the old one fails
    await flush();
    expect(old.value).toBe("err:Error:stale");
    const again = loader.load(1);
    await flush();
    // The old failure must not evict the newer, successful entry: no third fetch.
    expect({ batchFnCalls: call, sameCachedPromise: again === fresh }).toEqual({ batchFnCalls: 2, sameCachedPromise: true });
    expect(await again).toBe("v1#2");
  });
});

describe("DataLoader: cache control", () => {
  it("clear(key) and clearAll() make the next load fetch again, and return the loader", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    await loader.loadMany([1, 2, 3]);
    expect(loader.clear(1)).toBe(loader);
    await loader.loadMany([1, 2, 3]);
    expect(loader.clearAll()).toBe(loader);
    await loader.loadMany([2, 3]);
    expect(calls).toEqual([[1, 2, 3], [1], [2, 3]]);
  });

  it("prime(key, value) serves the value without a fetch but never overwrites a cached key", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    await loader.load(1);
    expect(loader.prime(1, "other").prime(2, "primed")).toBe(loader);
    expect(await loader.loadMany([1, 2])).toEqual(["user-1", "primed"]);
    expect(calls).toEqual([[1]]);
  });

  it("with cache: false fetches every load, yet fetches a key repeated within one batch once, and ignores prime", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn, { cache: false });
    loader.prime(1, "primed");
    expect(await Promise.all([loader.load(1), loader.load(1), loader.load(2)])).toEqual(["user-1", "user-1", "user-2"]);
    expect(await loader.load(1)).toBe("user-1");
    expect(calls).toEqual([[1, 2], [1]]);
  });

  it("loadMany keeps the order of its keys and puts each failure in its place, without rejecting", async () => {
    const loader = new DataLoader<number, string>(async (ids) => ids.map((id) => (id % 2 ? `odd-${id}` : new RangeError(`even ${id}`))));
    const results = await loader.loadMany([3, 2, 5, 4, 3]);
    expect(results.map((r) => (r instanceof Error ? `${r.name}:${r.message}` : r))).toEqual(["odd-3", "RangeError:even 2", "odd-5", "RangeError:even 4", "odd-3"]);
  });
});

// ---- Model-based test ---------------------------------------------------------------------------
// One command is one tick: a few synchronous operations, then the dispatch microtask runs. Batch
// function calls stay pending until a `complete` command resolves one of them (in any order).

type Op = { kind: "load" | "clear" | "prime"; key: number } | { kind: "clearAll" };

interface Slot {
  key: number;
  fetch?: number; // which fetch of this key serves it (counted when batchFn is called)
  result?: string; // "ok:..." or "err:..."
}

interface Model {
  cache: boolean;
  maxBatchSize: number;
  entries: Map<number, Slot>; // the cache
  fetches: Map<number, number>; // how many times batchFn was asked for each key
  inFlight: Slot[][]; // batchFn calls not yet completed, in call order
  expectations: Array<{ slot: Slot; box: { value?: string }; label: string }>;
}

interface Real {
  loader: DataLoader<number, string>;
  calls: number[][];
  pending: Array<() => void>;
}

/** The batch function's answer for the n-th fetch of a key: key 5 fails on its odd fetches. */
const answer = (key: number, n: number) => (key === 5 && n % 2 === 1 ? `err:Error:no ${key}/${n}` : `ok:${key}/${n}`);

const opString = (op: Op) => (op.kind === "clearAll" ? "clearAll()" : op.kind === "prime" ? `prime(${op.key}, "p${op.key}")` : `${op.kind}(${op.key})`);

class Tick implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ops: Op[]) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const collecting = new Map<number, Slot>();
    for (const op of this.ops) {
      if (op.kind === "clearAll") {
        m.entries.clear();
        r.loader.clearAll();
      } else if (op.kind === "clear") {
        m.entries.delete(op.key);
        r.loader.clear(op.key);
      } else if (op.kind === "prime") {
        if (m.cache && !m.entries.has(op.key)) m.entries.set(op.key, { key: op.key, result: `ok:p${op.key}` });
        r.loader.prime(op.key, `p${op.key}`);
      } else {
        let slot = m.cache ? m.entries.get(op.key) : undefined;
        if (!slot) {
          slot = collecting.get(op.key) ?? { key: op.key };
          collecting.set(op.key, slot);
          if (m.cache) m.entries.set(op.key, slot);
        }
        m.expectations.push({ slot, box: outcome(r.loader.load(op.key)), label: opString(op) });
      }
    }
    const keys = [...collecting.values()];
    const expectedCalls: number[][] = [];
    for (let i = 0; i < keys.length; i += m.maxBatchSize) {
      const chunk = keys.slice(i, i + m.maxBatchSize);
      for (const slot of chunk) {
        slot.fetch = (m.fetches.get(slot.key) ?? 0) + 1;
        m.fetches.set(slot.key, slot.fetch);
      }
      m.inFlight.push(chunk);
      expectedCalls.push(chunk.map((s) => s.key));
    }
    const before = r.calls.length;
    await drainMicrotasks();
    expect(r.calls.slice(before)).toEqual(expectedCalls);
  }
  toString() {
    return `tick(${this.ops.map(opString).join(", ")})`;
  }
}

class Complete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>) {
    return m.inFlight.length > 0;
  }
  async run(m: Model, r: Real) {
    const index = this.pick % m.inFlight.length;
    const [chunk] = m.inFlight.splice(index, 1);
    const [release] = r.pending.splice(index, 1);
    for (const slot of chunk ?? []) {
      slot.result = answer(slot.key, slot.fetch ?? 0);
      if (slot.result.startsWith("err:") && m.entries.get(slot.key) === slot) m.entries.delete(slot.key);
    }
    release?.();
    await drainMicrotasks();
    const actual = m.expectations.map((e) => `${e.label} -> ${e.box.value ?? "pending"}`);
    const wanted = m.expectations.map((e) => `${e.label} -> ${e.slot.result ?? "pending"}`);
    expect(actual).toEqual(wanted);
  }
  toString() {
    return `completeBatchCall(#${this.pick})`;
  }
}

describe("DataLoader: model check", () => {
  it("matches a model of batches, cache, failures and out-of-order completions", async () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }).map((key) => ({ kind: "load" as const, key })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map((key) => ({ kind: "clear" as const, key })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map((key) => ({ kind: "prime" as const, key })) },
      { weight: 1, arbitrary: fc.constant({ kind: "clearAll" as const }) },
    );
    const commands = fc.commands([fc.array(op, { minLength: 1, maxLength: 6 }).map((ops) => new Tick(ops)), fc.nat(3).map((pick) => new Complete(pick))], {
      size: "+1",
    });
    const settings = fc.record({ cache: fc.boolean(), maxBatchSize: fc.constantFrom(1, 2, 3, Infinity) });
    await fc.assert(
      fc.asyncProperty(settings, commands, async ({ cache, maxBatchSize }, cmds) => {
        const setup = () => {
          const real: Real = { loader: undefined as unknown as DataLoader<number, string>, calls: [], pending: [] };
          const seen = new Map<number, number>();
          real.loader = new DataLoader<number, string>(
            (keys) => {
              real.calls.push([...keys]);
              const values = keys.map((key) => {
                const n = (seen.get(key) ?? 0) + 1;
                seen.set(key, n);
                const a = answer(key, n);
                return a.startsWith("err:") ? new Error(a.slice("err:Error:".length)) : a.slice(3);
              });
              return new Promise((resolve) => real.pending.push(() => resolve(values)));
            },
            { cache, maxBatchSize },
          );
          const model: Model = { cache, maxBatchSize, entries: new Map(), fetches: new Map(), inFlight: [], expectations: [] };
          return { model, real };
        };
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns: 120 },
    );
  });
});
