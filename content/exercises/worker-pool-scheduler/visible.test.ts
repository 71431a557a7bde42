import { PoolClosedError, TaskTimeoutError, WorkerCrashedError, WorkerPool, type PoolWorker } from "./solution";

/** A worker the test drives by hand: it remembers its tasks and finishes them when told to. */
class FakeWorker implements PoolWorker<string, string> {
  tasks: string[] = [];
  terminated = false;
  private current?: { resolve: (v: string) => void; reject: (e: Error) => void };
  private exit: (error: Error) => void = () => {};
  constructor(readonly id: number) {}
  run(task: string): Promise<string> {
    this.tasks.push(task);
    return new Promise((resolve, reject) => (this.current = { resolve, reject }));
  }
  terminate(): void {
    this.terminated = true;
  }
  onExit(listener: (error: Error) => void): void {
    this.exit = listener;
  }
  complete(): void {
    this.current?.resolve(`done ${this.tasks.at(-1)}`);
  }
  crash(): void {
    this.exit(new Error("out of memory"));
  }
}

function pool(size: number, taskTimeoutMs = 1000) {
  const workers: FakeWorker[] = [];
  const p = new WorkerPool<string, string>({ size, taskTimeoutMs, createWorker: (id) => { const w = new FakeWorker(id); workers.push(w); return w; } });
  return { p, workers };
}

/** Lets promise callbacks run. */
const flush = () => clock.advanceAsync(0);

describe("WorkerPool", () => {
  it("runs up to size tasks at once, queues the rest, and returns each result to its own caller", async () => {
    const { p, workers } = pool(2);
    const a = p.submit("a");
    const b = p.submit("b");
    const c = p.submit("c");
    expect(workers.map((w) => w.tasks)).toEqual([["a"], ["b"]]);
    expect(p.stats()).toEqual({ idle: 0, busy: 2, queued: 1 });
    workers[1]!.complete();
    await flush();
    expect(workers[1]!.tasks).toEqual(["b", "c"]);
    workers[0]!.complete();
    workers[1]!.complete();
    expect(await Promise.all([a, b, c])).toEqual(["done a", "done b", "done c"]);
  });

  it("starts higher-priority tasks first, and equal priorities in submission order", async () => {
    const { p, workers } = pool(1);
    void p.submit("first");
    void p.submit("low", { priority: -1 });
    void p.submit("normal");
    void p.submit("urgent", { priority: 5 });
    for (let i = 0; i < 3; i++) {
      workers[0]!.complete();
      await flush();
    }
    expect(workers[0]!.tasks).toEqual(["first", "urgent", "normal", "low"]);
  });

  it("fails a task that runs taskTimeoutMs with TaskTimeoutError, terminates that worker and starts a new one", async () => {
    const { p, workers } = pool(1, 100);
    const stuck = p.submit("infinite loop");
    const next = p.submit("next");
    clock.advance(100);
    await expect(stuck).rejects.toThrow(TaskTimeoutError);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.id).toBe(2);
    expect(workers[1]!.tasks).toEqual(["next"]);
    workers[1]!.complete();
    expect(await next).toBe("done next");
  });

  it("fails the task of a crashed worker with WorkerCrashedError (no retry) and replaces the worker", async () => {
    const { p, workers } = pool(1);
    const lost = p.submit("a");
    const queued = p.submit("b");
    workers[0]!.crash();
    await expect(lost).rejects.toThrow(WorkerCrashedError);
    expect(workers[1]!.tasks).toEqual(["b"]);
    workers[1]!.complete();
    expect(await queued).toBe("done b");
  });

  it("close() lets queued work finish, refuses new work, then terminates the workers", async () => {
    const { p, workers } = pool(1);
    void p.submit("a");
    const b = p.submit("b");
    const closed = p.close();
    await expect(p.submit("c")).rejects.toThrow(PoolClosedError);
    workers[0]!.complete();
    await flush();
    workers[0]!.complete();
    expect(await b).toBe("done b");
    await closed;
    expect(workers[0]!.terminated).toBe(true);
  });
});
