import { mapWithConcurrency } from "./solution";

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
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

/** Lets pending promise callbacks run (no time passes). */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Observes a promise without awaiting it. */
function observe<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined, error: undefined as unknown, rejected: false };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.rejected = true;
      state.error = error;
    },
  );
  return state;
}

/**
 * Each call takes `durations[index]` virtual ms; `failAt` maps an index to the error it rejects
 * with (after its duration).
 */
function tracked(durations: readonly number[], failAt: ReadonlyMap<number, Error> = new Map()) {
  const state = { inFlight: 0, maxInFlight: 0, started: [] as number[], finished: [] as number[] };
  const run = (item: number, index: number) =>
    new Promise<{ item: number; index: number }>((resolve, reject) => {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      state.started.push(index);
      setTimeout(() => {
        state.inFlight--;
        state.finished.push(index);
        const error = failAt.get(index);
        if (error) reject(error);
        else resolve({ item, index });
      }, durations[index] ?? 0);
    });
  return { state, run };
}

describe("mapWithConcurrency: ordering", () => {
  it("keeps input order for 60 items with random durations, including undefined results", async () => {
    const random = prng(7);
    const durations = Array.from({ length: 60 }, () => 1 + Math.floor(random() * 40));
    const items = durations.map((_, i) => i);
    const result = await mapWithConcurrency(items, 4, (item, index) =>
      new Promise<number | undefined>((resolve) => {
        setTimeout(() => resolve(item % 7 === 0 ? undefined : item * 10 + index), durations[index]);
      }),
    );
    expect(result).toStrictEqual(items.map((i) => (i % 7 === 0 ? undefined : i * 11)));
  });

  it("calls fn once per item with (item, index), starting in input order", async () => {
    const items = ["a", "b", "c", "d", "e", "f", "g"];
    const durations = [9, 2, 5, 1, 7, 3, 4];
    const calls: string[] = [];
    const result = await mapWithConcurrency(items, 3, (item, index) => {
      calls.push(`${item}${index}`);
      return new Promise<string>((resolve) => setTimeout(() => resolve(item.toUpperCase()), durations[index]));
    });
    expect(calls).toEqual(["a0", "b1", "c2", "d3", "e4", "f5", "g6"]);
    expect(result).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
  });
});

describe("mapWithConcurrency: concurrency", () => {
  it("starts the first `limit` calls before any time passes", async () => {
    const { state, run } = tracked([10, 10, 10, 10, 10]);
    const promise = mapWithConcurrency([0, 1, 2, 3, 4], 3, run);
    await flush();
    expect(state.started).toEqual([0, 1, 2]);
    await clock.runAllAsync();
    await promise;
  });

  it("keeps exactly min(limit, remaining) calls in flight at every millisecond (150 random items)", async () => {
    for (const [seed, limit] of [
      [1, 5],
      [2, 1],
      [3, 16],
    ] as const) {
      const random = prng(seed);
      const n = 150;
      const durations = Array.from({ length: n }, () => 1 + Math.floor(random() * 30));
      const { state, run } = tracked(durations);
      const outcome = observe(mapWithConcurrency(durations.map((_, i) => i), limit, run));
      await flush();
      let steps = 0;
      while (!outcome.settled && steps < 10_000) {
        expect(state.inFlight).toBe(Math.min(limit, n - state.finished.length));
        await clock.advanceAsync(1);
        await flush();
        steps++;
      }
      expect(outcome.settled).toBe(true);
      expect(outcome.rejected).toBe(false);
      expect(state.maxInFlight).toBe(Math.min(limit, n));
      expect(state.started).toEqual(durations.map((_, i) => i));
    }
  });

  it("finishes in the time of the optimal greedy schedule, not in batches", async () => {
    // limit 2: [50, 10, 10, 10, 10, 10] -> the short ones run one after another next to the long one.
    const durations = [50, 10, 10, 10, 10, 10];
    const { run } = tracked(durations);
    const start = clock.now();
    await mapWithConcurrency(durations.map((_, i) => i), 2, run);
    expect(clock.now() - start).toBe(50);
  });

  it("with a limit larger than the input, or Infinity, starts every call at once", async () => {
    for (const limit of [100, Infinity]) {
      const { state, run } = tracked([5, 5, 5, 5]);
      const promise = mapWithConcurrency([0, 1, 2, 3], limit, run);
      await flush();
      expect(state.inFlight).toBe(4);
      await clock.advanceAsync(5);
      const result = await promise;
      expect(result.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    }
  });

  it("works with fns that resolve immediately, on 3000 items", async () => {
    let running = 0;
    let maxRunning = 0;
    const items = Array.from({ length: 3000 }, (_, i) => i);
    const result = await mapWithConcurrency(items, 4, async (item) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await Promise.resolve();
      running--;
      return item * 2;
    });
    expect(result).toEqual(items.map((i) => i * 2));
    expect(maxRunning).toBe(4);
  });
});

describe("mapWithConcurrency: failures", () => {
  it("rejects as soon as a call fails, without waiting for the slower calls in flight", async () => {
    const boom = new Error("boom");
    const durations = [20, 5, 20, 20, 20, 20, 20, 20, 20, 20];
    const { run } = tracked(durations, new Map([[1, boom]]));
    const outcome = observe(mapWithConcurrency(durations.map((_, i) => i), 3, run));
    await flush();
    await clock.advanceAsync(4);
    await flush();
    expect(outcome.settled).toBe(false);
    await clock.advanceAsync(1); // t=5: item 1 rejects
    await flush();
    expect(outcome.rejected).toBe(true);
    expect(outcome.error).toBe(boom);
  });

  it("starts no further calls after the first failure, even when other calls finish later", async () => {
    const boom = new Error("boom");
    const durations = [20, 5, 20, 20, 20, 20, 20, 20, 20, 20];
    const { state, run } = tracked(durations, new Map([[1, boom]]));
    const outcome = observe(mapWithConcurrency(durations.map((_, i) => i), 3, run));
    await flush();
    await clock.advanceAsync(200);
    await flush();
    expect(outcome.error).toBe(boom);
    expect(state.started).toEqual([0, 1, 2]);
    expect(state.finished).toEqual([1, 0, 2]);
    expect(clock.pending()).toBe(0);
  });

  it("reports the error that happened first in time, and ignores later ones", async () => {
    const first = new Error("first in time");
    const later = new Error("later");
    const durations = [15, 5, 30];
    const { run } = tracked(
      durations,
      new Map([
        [0, later],
        [1, first],
        [2, later],
      ]),
    );
    const outcome = observe(mapWithConcurrency([0, 1, 2], 3, run));
    await flush();
    await clock.advanceAsync(100);
    await flush();
    expect(outcome.rejected).toBe(true);
    expect(outcome.error).toBe(first);
  });

  it("treats a synchronous throw from fn like a rejection", async () => {
    const bad = new TypeError("sync failure");
    const seen: number[] = [];
    const outcome = observe(
      mapWithConcurrency([1, 2, 3, 4], 1, (item: number): Promise<number> => {
        seen.push(item);
        if (item === 2) throw bad;
        return Promise.resolve(item);
      }),
    );
    await flush();
    expect(outcome.rejected).toBe(true);
    expect(outcome.error).toBe(bad);
    expect(seen).toEqual([1, 2]);
  });
});

describe("mapWithConcurrency: arguments", () => {
  it("rejects (never throws synchronously) with a RangeError for 0, -1, 1.5, NaN and -Infinity", async () => {
    for (const limit of [0, -1, 1.5, NaN, -Infinity]) {
      const f = fn(async (x: number) => x);
      let promise: Promise<number[]> | undefined;
      expect(() => {
        promise = mapWithConcurrency([1, 2], limit, f);
      }).not.toThrow();
      await expect(promise).rejects.toThrow(RangeError);
      expect(f).toHaveBeenCalledTimes(0);
    }
  });

  it("checks the limit even when there are no items", async () => {
    await expect(mapWithConcurrency([], 0, async (x: number) => x)).rejects.toThrow(RangeError);
  });

  it("resolves an empty input to [] without calling fn", async () => {
    const f = fn(async (x: number) => x);
    await expect(mapWithConcurrency([], 3, f)).resolves.toEqual([]);
    await expect(mapWithConcurrency([], Infinity, f)).resolves.toEqual([]);
    expect(f).toHaveBeenCalledTimes(0);
  });
});
