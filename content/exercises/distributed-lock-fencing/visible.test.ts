import { FencedStorage, LockService, StaleTokenError } from "./solution";

function setup(ttlMs = 10_000) {
  const clock = { t: 0 };
  return { clock, locks: new LockService({ ttlMs, now: () => clock.t }), storage: new FencedStorage<number>() };
}

describe("LockService and FencedStorage", () => {
  it("survives the GC-pause scenario: the paused holder's late write is rejected", () => {
    const { clock, locks, storage } = setup();
    const a = locks.acquire("stock:42", "worker-a");
    expect(a).toEqual({ resource: "stock:42", owner: "worker-a", token: 1, expiresAt: 10_000 });
    storage.write("stock:42", a?.token ?? 0, 7);
    clock.t = 12_000; // worker-a is paused; its lease expired at 10_000
    const b = locks.acquire("stock:42", "worker-b");
    expect(b).toEqual({ resource: "stock:42", owner: "worker-b", token: 2, expiresAt: 22_000 });
    storage.write("stock:42", b?.token ?? 0, 6);
    clock.t = 15_000; // worker-a wakes up
    expect(a && locks.renew(a)).toBeNull();
    expect(() => storage.write("stock:42", a?.token ?? 0, 6)).toThrow(StaleTokenError);
    expect(storage.read("stock:42")).toBe(6);
  });

  it("refuses a second acquire while the lease is live, even by the same owner", () => {
    const { clock, locks } = setup(1000);
    locks.acquire("r", "a");
    expect(locks.acquire("r", "b")).toBeNull();
    expect(locks.acquire("r", "a")).toBeNull();
    clock.t = 999;
    expect(locks.acquire("r", "b")).toBeNull();
    clock.t = 1000; // expired exactly at expiresAt
    expect(locks.acquire("r", "b")?.token).toBe(2);
  });

  it("renews a current lease with the same token and a new expiry", () => {
    const { clock, locks } = setup(1000);
    const lease = locks.acquire("r", "a");
    clock.t = 600;
    const renewed = lease && locks.renew(lease);
    expect(renewed).toEqual({ resource: "r", owner: "a", token: 1, expiresAt: 1600 });
    expect(locks.holder("r")).toEqual(renewed);
  });

  it("issues tokens per resource that never go back, even after a release", () => {
    const { locks } = setup();
    const first = locks.acquire("a", "x");
    expect(locks.acquire("b", "x")?.token).toBe(1);
    expect(first && locks.release(first)).toBe(true);
    expect(locks.acquire("a", "y")?.token).toBe(2);
  });

  it("accepts the same token again but refuses a lower one", () => {
    const storage = new FencedStorage<string>();
    storage.write("doc", 3, "v1");
    storage.write("doc", 3, "v2");
    expect(() => storage.write("doc", 2, "old")).toThrow(StaleTokenError);
    expect([storage.read("doc"), storage.highestToken("doc")]).toEqual(["v2", 3]);
  });
});
