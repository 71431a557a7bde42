import { LoadShedder, type ShedderOptions, type Priority } from "./solution";

function shedder(opts: Partial<ShedderOptions> = {}) {
  let t = 0;
  const s = new LoadShedder({ maxConcurrent: 1, maxQueue: 2, overloadAfterMs: 100, overloadTimeoutMs: 30, now: () => t, ...opts });
  return { s, at: (time: number) => void (t = time) };
}

const req = (id: string, priority: Priority = "sheddable", deadline = 1000) => ({ id, priority, deadline });

describe("LoadShedder", () => {
  it("starts up to maxConcurrent requests, queues up to maxQueue, refuses the rest", () => {
    const { s } = shedder();
    expect(s.submit(req("a"))).toEqual([{ type: "start", id: "a" }]);
    expect(s.submit(req("b"))).toEqual([{ type: "queued", id: "b" }]);
    expect(s.submit(req("c"))).toEqual([{ type: "queued", id: "c" }]);
    expect(s.submit(req("d"))).toEqual([{ type: "shed", id: "d", reason: "queue-full" }]);
    expect(s.complete("a")).toEqual([{ type: "start", id: "b" }]); // FIFO while not overloaded
    expect(s.stats()).toMatchObject({ running: 1, queued: 1, started: 2, completed: 1 });
  });

  it("never starts a request at or after its deadline", () => {
    const { s, at } = shedder();
    s.submit(req("a"));
    s.submit(req("b", "sheddable", 50));
    at(50);
    expect(s.complete("a")).toEqual([{ type: "shed", id: "b", reason: "expired" }]);
    expect(s.submit(req("c", "critical", 50))).toEqual([{ type: "shed", id: "c", reason: "expired" }]);
  });

  it("lets a critical request displace the newest waiting sheddable one, and starts critical first", () => {
    const { s } = shedder();
    s.submit(req("a"));
    s.submit(req("b"));
    s.submit(req("c"));
    expect(s.submit(req("d", "critical"))).toEqual([
      { type: "shed", id: "c", reason: "displaced" },
      { type: "queued", id: "d" },
    ]);
    expect(s.complete("a")).toEqual([{ type: "start", id: "d" }]);
  });

  it("switches to LIFO and short waits once the queue has not been empty for overloadAfterMs", () => {
    const { s, at } = shedder({ maxQueue: 3 });
    s.submit(req("a"));
    at(10);
    s.submit(req("b"));
    at(109);
    expect(s.stats().overloaded).toBe(false);
    at(110);
    expect(s.stats().overloaded).toBe(true);
    s.submit(req("c")); // overloaded: waits until 140 at most
    s.submit(req("d"));
    expect(s.complete("a")).toEqual([{ type: "start", id: "d" }]); // newest first
    at(140);
    expect(s.tick()).toEqual([{ type: "shed", id: "c", reason: "expired" }]);
  });

  it("throws for a reused id and for completing a request that is not running", () => {
    const { s } = shedder();
    s.submit(req("a"));
    expect(() => s.submit(req("a"))).toThrow("duplicate id a");
    expect(() => s.complete("zzz")).toThrow("not running zzz");
  });
});
