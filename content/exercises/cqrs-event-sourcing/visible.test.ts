import { ConcurrencyError, EventStore, Projection, Repository, type RecordedEvent } from "./solution";

const deposit = (amount: number) => ({ type: "Deposited", data: { amount } });
const account = {
  initial: { balance: 0 },
  apply: (s: { balance: number }, e: RecordedEvent) => ({ balance: s.balance + (e.data as { amount: number }).amount }),
};

describe("Event sourcing", () => {
  it("numbers events per stream (version) and across the store (position)", () => {
    const store = new EventStore();
    expect(store.append("a", 0, [deposit(1)])).toBe(1);
    expect(store.append("b", 0, [deposit(2)])).toBe(1);
    expect(store.append("a", 1, [deposit(3), deposit(4)])).toBe(3);
    expect(store.readStream("a").map((e) => [e.version, e.position])).toEqual([[1, 1], [2, 3], [3, 4]]);
    expect(store.readAll(3).map((e) => `${e.streamId}#${e.version}`)).toEqual(["a#2", "a#3"]);
    expect(store.version("a")).toBe(3);
  });

  it("rejects an append on a stale version with a ConcurrencyError and stores nothing", () => {
    const store = new EventStore();
    store.append("a", 0, [deposit(1), deposit(2)]);
    let error: unknown;
    try {
      store.append("a", 1, [deposit(3)]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: "a", expectedVersion: 1, actualVersion: 2 });
    expect(store.readAll().length).toBe(2);
  });

  it("rehydrates an aggregate from its events", () => {
    const repo = new Repository(new EventStore(), account, { snapshotEvery: 100 });
    repo.save("acc", 0, [deposit(50), deposit(20)]);
    repo.save("acc", 2, [deposit(-10)]);
    expect(repo.load("acc")).toEqual({ state: { balance: 60 }, version: 3 });
    expect(repo.load("unknown")).toEqual({ state: { balance: 0 }, version: 0 });
  });

  it("snapshots every snapshotEvery events and then replays only the events after the snapshot", () => {
    const store = new EventStore();
    const repo = new Repository(store, account, { snapshotEvery: 2 });
    repo.save("acc", 0, [deposit(1)]);
    expect(repo.snapshotOf("acc")).toBeUndefined();
    repo.save("acc", 1, [deposit(2)]);
    expect(repo.snapshotOf("acc")).toEqual({ state: { balance: 3 }, version: 2 });
    repo.save("acc", 2, [deposit(4)]);
    const read: number[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (id, from) => {
      read.push(from ?? 1);
      return readStream(id, from);
    };
    expect(repo.load("acc")).toEqual({ state: { balance: 7 }, version: 3 });
    expect(read).toEqual([3]);
  });

  it("builds a read model that a second catch-up or a duplicate delivery does not change", () => {
    const store = new EventStore();
    store.append("a", 0, [deposit(5)]);
    store.append("b", 0, [deposit(7)]);
    const total = new Projection(store, { initial: 0, apply: (sum: number, e) => sum + (e.data as { amount: number }).amount });
    expect(total.catchUp()).toBe(2);
    expect(total.catchUp()).toBe(0);
    expect([total.state, total.position]).toEqual([12, 2]);
    store.append("a", 1, [deposit(1)]);
    const [third] = store.readAll(3);
    expect(total.deliver(third as RecordedEvent)).toBe(true);
    expect(total.deliver(third as RecordedEvent)).toBe(false);
    expect([total.state, total.position]).toEqual([13, 3]);
  });
});
