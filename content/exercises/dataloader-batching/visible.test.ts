import { DataLoader } from "./solution";

/** A batch function that records its calls and answers "user-<id>" for each id. */
function usersBatch() {
  const calls: number[][] = [];
  const batchFn = async (ids: readonly number[]) => {
    calls.push([...ids]);
    return ids.map((id) => `user-${id}`);
  };
  return { calls, batchFn };
}

describe("DataLoader", () => {
  it("fetches the keys loaded in the same tick with one batchFn call, each key once, in first-load order", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    const authorIds = [3, 8, 3, 1, 8, 5];
    const authors = await Promise.all(authorIds.map((id) => loader.load(id)));
    expect(authors).toEqual(["user-3", "user-8", "user-3", "user-1", "user-8", "user-5"]);
    expect(calls).toEqual([[3, 8, 1, 5]]);
  });

  it("dispatches in a microtask: never synchronously, and not together with loads after an await", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    const first = loader.load(1);
    expect(calls).toEqual([]); // not yet: other loads of this tick may still join
    await Promise.resolve();
    expect(calls).toEqual([[1]]);
    const second = loader.load(2);
    expect(await Promise.all([first, second])).toEqual(["user-1", "user-2"]);
    expect(calls).toEqual([[1], [2]]);
  });

  it("caches: loading a key again returns the same promise and does not fetch it again", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn);
    const promise = loader.load(7);
    expect(loader.load(7)).toBe(promise);
    expect(await promise).toBe("user-7");
    expect(await loader.load(7)).toBe("user-7");
    expect(calls).toEqual([[7]]);
  });

  it("rejects only the keys whose entry is an Error", async () => {
    const loader = new DataLoader<number, string>(async (ids) => ids.map((id) => (id < 0 ? new Error(`bad id ${id}`) : `user-${id}`)));
    const good = loader.load(1);
    const bad = loader.load(-1);
    await expect(bad).rejects.toThrow("bad id -1");
    expect(await good).toBe("user-1");
  });

  it("splits a large batch into chunks of maxBatchSize", async () => {
    const { calls, batchFn } = usersBatch();
    const loader = new DataLoader(batchFn, { maxBatchSize: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((id) => loader.load(id)));
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });
});
