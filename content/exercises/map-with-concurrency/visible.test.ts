import { mapWithConcurrency } from "./solution";

/** Lets pending promise callbacks run (no time passes). */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** An async function that takes `ms` virtual milliseconds and records what is running. */
function tracked() {
  const state = { inFlight: 0, maxInFlight: 0, started: [] as number[] };
  const fn = (ms: number, index: number) =>
    new Promise<string>((resolve) => {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      state.started.push(index);
      setTimeout(() => {
        state.inFlight--;
        resolve(`#${index}:${ms}`);
      }, ms);
    });
  return { state, fn };
}

describe("mapWithConcurrency", () => {
  it("resolves with the results in input order, even when calls finish out of order", async () => {
    const { fn } = tracked();
    const result = await mapWithConcurrency([30, 10, 20, 10], 2, fn);
    expect(result).toEqual(["#0:30", "#1:10", "#2:20", "#3:10"]);
  });

  it("never has more than `limit` calls in flight", async () => {
    const { state, fn } = tracked();
    await mapWithConcurrency([5, 8, 3, 9, 1, 7, 2, 6], 3, fn);
    expect(state.maxInFlight).toBe(3);
    expect(state.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("starts the next item as soon as one call finishes (no batches)", async () => {
    const { state, fn } = tracked();
    const start = clock.now();
    const promise = mapWithConcurrency([30, 10, 20, 10], 2, fn);
    await flush();
    expect(state.started).toEqual([0, 1]);

    await clock.advanceAsync(10); // #1 finishes at t=10: #2 must start now, not at t=30
    await flush();
    expect(state.started).toEqual([0, 1, 2]);
    expect(state.inFlight).toBe(2);

    await promise;
    expect(clock.now() - start).toBe(40);
  });

  it("rejects with a RangeError when limit is 0, without calling fn", async () => {
    const f = fn(async (x: number) => x);
    await expect(mapWithConcurrency([1, 2, 3], 0, f)).rejects.toThrow(RangeError);
    expect(f).toHaveBeenCalledTimes(0);
  });

  it("rejects with the first error and starts no further calls", async () => {
    const boom = new Error("boom");
    const f = fn(async (x: number) => {
      if (x === 2) throw boom;
      return x;
    });
    let caught: unknown;
    await mapWithConcurrency([1, 2, 3, 4, 5], 1, f).catch((error: unknown) => {
      caught = error;
    });
    expect(caught).toBe(boom);
    expect(f).toHaveBeenCalledTimes(2);
  });
});
