import fc from "fast-check";
import { PoolClosedError, TaskTimeoutError, WorkerCrashedError, WorkerPool, type PoolWorker } from "./solution";

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

/** A worker the test drives by hand. */
class FakeWorker implements PoolWorker<string, string> {
  tasks: string[] = [];
  terminated = false;
  private pending: { task: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  private exit: (error: Error) => void = () => {};
  constructor(readonly id: number) {}
  run(task: string): Promise<string> {
    this.tasks.push(task);
    if (task.startsWith("throw")) throw new Error(`sync ${task}`);
    return new Promise((resolve, reject) => this.pending.push({ task, resolve, reject }));
  }
  terminate(): void {
    this.terminated = true;
  }
  onExit(listener: (error: Error) => void): void {
    this.exit = listener;
  }
  /** Settles the oldest unsettled run() call, as a real worker would answer it. */
  complete(): void {
    const p = this.pending.shift();
    p?.resolve(`done ${p.task}`);
  }
  fail(): void {
    const p = this.pending.shift();
    p?.reject(new Error(`failed ${p.task}`));
  }
  crash(): void {
    this.exit(new Error("out of memory"));
  }
}

function pool(size: number, taskTimeoutMs = 1000) {
  const workers: FakeWorker[] = [];
  const created: number[] = [];
  const p = new WorkerPool<string, string>({
    size,
    taskTimeoutMs,
    createWorker: (id) => {
      created.push(id);
      const w = new FakeWorker(id);
      workers.push(w);
      return w;
    },
  });
  return { p, workers, created };
}

const flush = () => clock.advanceAsync(0);

/** Records how each promise settled: "ok:<value>" or "<ErrorName>:<message>". */
function outcome(promise: Promise<string>): { value?: string } {
  const box: { value?: string } = {};
  promise.then(
    (v) => (box.value = `ok:${v}`),
    (e: Error) => (box.value = `${e.name}:${e.message}`),
  );
  return box;
}

describe("WorkerPool: construction and submission", () => {
  it("throws a RangeError for a bad size or taskTimeoutMs, and creates size workers with ids 1..size at once", () => {
    for (const size of [0, -1, 1.5, NaN, Infinity]) expect(() => pool(size)).toThrow(RangeError);
    for (const t of [0, -1, NaN, Infinity]) expect(() => pool(1, t)).toThrow(RangeError);
    const { p, created } = pool(3, 0.5);
    expect(created).toEqual([1, 2, 3]);
    expect(p.stats()).toEqual({ idle: 3, busy: 0, queued: 0 });
  });

  it("rejects a non-integer priority with a RangeError, and anything after close() with PoolClosedError first", async () => {
    const { p, workers } = pool(1);
    await expect(p.submit("x", { priority: 0.5 })).rejects.toThrow(RangeError);
    await expect(p.submit("x", { priority: NaN })).rejects.toThrow(RangeError);
    expect(workers[0]!.tasks).toEqual([]);
    void p.close();
    await expect(p.submit("y", { priority: 0.5 })).rejects.toThrow(PoolClosedError);
    await expect(p.submit("y")).rejects.toThrow("pool is closed");
  });

  it("gives a new task to the worker idle the longest", async () => {
    const { p, workers } = pool(3);
    void p.submit("a"); // worker 1
    void p.submit("b"); // worker 2
    workers[1]!.complete(); // worker 2 idle after worker 3
    await flush();
    workers[0]!.complete(); // then worker 1
    await flush();
    void p.submit("c");
    void p.submit("d");
    void p.submit("e");
    expect(workers.map((w) => w.tasks)).toEqual([["a", "e"], ["b", "d"], ["c"]]);
  });

  it("orders the queue by priority, then submission, with negative and equal priorities", async () => {
    const { p, workers } = pool(1);
    const order = ["busy", "p0-a", "p-2", "p3-a", "p0-b", "p3-b", "p1", "p-2-b"];
    const prio: Record<string, number> = { "p-2": -2, "p3-a": 3, "p3-b": 3, p1: 1, "p-2-b": -2 };
    for (const name of order) void p.submit(name, { priority: prio[name] });
    expect(p.stats()).toEqual({ idle: 0, busy: 1, queued: 7 });
    for (let i = 0; i < 7; i++) {
      workers[0]!.complete();
      await flush();
    }
    expect(workers[0]!.tasks).toEqual(["busy", "p3-a", "p3-b", "p1", "p0-a", "p0-b", "p-2", "p-2-b"]);
  });
});

describe("WorkerPool: results and failures", () => {
  it("returns each result to its own caller when tasks finish out of order", async () => {
    const { p, workers } = pool(3);
    const got = ["a", "b", "c"].map((t) => p.submit(t));
    workers[2]!.complete();
    workers[0]!.complete();
    workers[1]!.complete();
    expect(await Promise.all(got)).toEqual(["done a", "done b", "done c"]);
  });

  it("passes a task's rejection to its caller and keeps the worker, which takes the next task", async () => {
    const { p, workers, created } = pool(1);
    const a = p.submit("a");
    const b = p.submit("b");
    workers[0]!.fail();
    await expect(a).rejects.toThrow("failed a");
    expect(workers[0]!.tasks).toEqual(["a", "b"]);
    expect(created).toEqual([1]);
    const sync = p.submit("throw-now");
    workers[0]!.complete();
    expect(await b).toBe("done b");
    await expect(sync).rejects.toThrow("sync throw-now");
    await flush();
    expect(p.stats()).toEqual({ idle: 1, busy: 0, queued: 0 });
  });
});

describe("WorkerPool: timeouts", () => {
  it("accepts a result 1 ms before the deadline and clears the timer", async () => {
    const { p, workers } = pool(1, 100);
    const a = p.submit("a");
    clock.advance(99);
    workers[0]!.complete();
    expect(await a).toBe("done a");
    expect(clock.pending()).toBe(0);
    clock.advance(10);
    expect(workers[0]!.terminated).toBe(false);
  });

  it("times out at exactly taskTimeoutMs with the promised message, terminates, replaces, and ignores the late result", async () => {
    const { p, workers, created } = pool(2, 100);
    const a = outcome(p.submit("a"));
    clock.advance(50);
    const b = outcome(p.submit("b"));
    const c = outcome(p.submit("c"));
    clock.advance(49);
    await flush();
    expect([a.value, workers[0]!.terminated]).toEqual([undefined, false]);
    clock.advance(1);
    await flush();
    expect(a.value).toBe("TaskTimeoutError:task timed out after 100 ms");
    expect(workers[0]!.terminated).toBe(true);
    expect(created).toEqual([1, 2, 3]);
    expect(workers[2]!.tasks).toEqual(["c"]); // c waited 50 ms in the queue: its clock starts now
    workers[0]!.complete(); // the wedged worker answers after all: ignored
    await flush();
    expect(a.value).toBe("TaskTimeoutError:task timed out after 100 ms");
    expect(p.stats()).toEqual({ idle: 0, busy: 2, queued: 0 });
    clock.advance(99); // b's deadline (50 + 100)
    await flush();
    expect([b.value, c.value]).toEqual(["TaskTimeoutError:task timed out after 100 ms", undefined]);
    clock.advance(1);
    await flush();
    expect(c.value).toBe("TaskTimeoutError:task timed out after 100 ms");
    expect(created).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("WorkerPool: crashes", () => {
  it("fails the running task with WorkerCrashedError naming the worker, without retrying it, and never terminates the dead worker", async () => {
    const { p, workers, created } = pool(2);
    const a = outcome(p.submit("a"));
    const b = outcome(p.submit("b"));
    workers[1]!.crash();
    await flush();
    expect(b.value).toBe("WorkerCrashedError:worker 2 crashed: out of memory");
    expect(created).toEqual([1, 2, 3]);
    expect(workers[1]!.terminated).toBe(false);
    expect(workers.flatMap((w) => w.tasks)).toEqual(["a", "b"]); // b was not run again
    expect(p.stats()).toEqual({ idle: 1, busy: 1, queued: 0 });
    workers[1]!.complete(); // late answer from the dead worker: ignored
    workers[1]!.crash(); // and a second exit event: ignored
    await flush();
    expect(created).toEqual([1, 2, 3]);
    expect(a.value).toBeUndefined();
  });

  it("replaces a worker that crashes while idle, and the replacement is the most recently idle", async () => {
    const { p, workers, created } = pool(2);
    workers[0]!.crash();
    expect(created).toEqual([1, 2, 3]);
    expect(p.stats()).toEqual({ idle: 2, busy: 0, queued: 0 });
    void p.submit("a");
    void p.submit("b");
    expect([workers[1]!.tasks, workers[2]!.tasks, workers[0]!.tasks]).toEqual([["a"], ["b"], []]);
  });
});

describe("WorkerPool: close", () => {
  it("returns the same promise, waits for running and queued tasks, and terminates the workers in id order", async () => {
    const { p, workers } = pool(2);
    const terminated: number[] = [];
    for (const w of workers) {
      const original = w.terminate.bind(w);
      w.terminate = () => { terminated.push(w.id); original(); };
    }
    void p.submit("a");
    void p.submit("b");
    void p.submit("c");
    let closed = false;
    const first = p.close();
    expect(p.close()).toBe(first);
    void first.then(() => (closed = true));
    workers[1]!.complete();
    workers[0]!.complete();
    await flush();
    expect([closed, terminated]).toEqual([false, []]);
    workers[1]!.complete();
    await flush();
    expect([closed, terminated]).toEqual([true, [1, 2]]);
    expect(p.stats()).toEqual({ idle: 0, busy: 0, queued: 0 });
  });

  it("terminates at once when idle, and replaces a lost worker while closing only if tasks are waiting", async () => {
    const idle = pool(2);
    void idle.p.close();
    expect(idle.workers.map((w) => w.terminated)).toEqual([true, true]);

    const { p, workers, created } = pool(1, 100);
    void p.submit("a");
    void p.submit("b");
    void p.submit("c");
    const closed = p.close();
    workers[0]!.crash(); // b and c still queued: replaced by worker 2, which takes b
    expect(created).toEqual([1, 2]);
    clock.advance(100); // b times out; c is waiting: worker 3
    expect(created).toEqual([1, 2, 3]);
    workers[2]!.crash(); // c fails; nothing waits: no replacement, and the pool is done
    await closed;
    expect(created).toEqual([1, 2, 3]);
    expect(workers.map((w) => w.tasks)).toEqual([["a"], ["b"], ["c"]]);
  });
});

// ---- model-based -------------------------------------------------------------------------------------

type Op =
  | { kind: "submit"; priority: number }
  | { kind: "complete" | "fail" | "crash"; worker: number }
  | { kind: "advance"; ms: number }
  | { kind: "close" };

interface Snapshot {
  tasks: string[][]; // per created worker: what it was asked to run
  terminated: boolean[];
  outcomes: Record<string, string>;
  stats: { idle: number; busy: number; queued: number };
  closed: boolean;
  timers: number; // armed timers: one per running task
}

/** The rules, step by step, with plain arrays. */
class Model {
  now = 0;
  workers: { tasks: string[]; terminated: boolean; alive: boolean; job?: string; deadline: number; started: number; pending: string[] }[] = [];
  idle: number[] = [];
  queue: { name: string; priority: number }[] = [];
  outcomes: Record<string, string> = {};
  closing = false;
  closed = false;
  seq = 0;
  constructor(size: number, readonly timeout: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }
  spawn() {
    this.workers.push({ tasks: [], terminated: false, alive: true, deadline: Infinity, started: 0, pending: [] });
    this.idle.push(this.workers.length - 1);
  }
  dispatch() {
    while (this.queue.length > 0 && this.idle.length > 0) {
      // The first of the highest priority, submission order within it.
      let best = 0;
      for (let i = 1; i < this.queue.length; i++) if (this.queue[i]!.priority > this.queue[best]!.priority) best = i;
      const [job] = this.queue.splice(best, 1);
      const w = this.workers[this.idle.shift()!]!;
      w.tasks.push(job!.name);
      w.pending.push(job!.name);
      w.job = job!.name;
      w.deadline = this.now + this.timeout;
      w.started = this.seq++;
    }
    if (this.closing && !this.closed && this.queue.length === 0 && this.workers.every((w) => !w.alive || w.job === undefined)) {
      for (const w of this.workers) if (w.alive) { w.alive = false; w.terminated = true; }
      this.idle = [];
      this.closed = true;
    }
  }
  lose(i: number) {
    const w = this.workers[i]!;
    w.alive = false;
    w.job = undefined;
    this.idle = this.idle.filter((x) => x !== i);
    if (!this.closing || this.queue.length > 0) this.spawn();
    this.dispatch();
  }
  submit(name: string, priority: number) {
    if (this.closing) { this.outcomes[name] = "PoolClosedError:pool is closed"; return; }
    this.queue.push({ name, priority });
    this.dispatch();
  }
  settle(i: number, ok: boolean) {
    const w = this.workers[i];
    const task = w?.pending.shift();
    if (!w || task === undefined || !w.alive || w.job !== task) return;
    this.outcomes[task] = ok ? `ok:done ${task}` : `Error:failed ${task}`;
    w.job = undefined;
    this.idle.push(i);
    this.dispatch();
  }
  crash(i: number) {
    const w = this.workers[i];
    if (!w || !w.alive) return;
    if (w.job !== undefined) this.outcomes[w.job] = `WorkerCrashedError:worker ${i + 1} crashed: out of memory`;
    this.lose(i);
  }
  advance(ms: number) {
    const target = this.now + ms;
    for (;;) {
      let next = -1;
      this.workers.forEach((w, i) => {
        if (!w.alive || w.job === undefined || w.deadline > target) return;
        const n = this.workers[next];
        if (next < 0 || w.deadline < n!.deadline || (w.deadline === n!.deadline && w.started < n!.started)) next = i;
      });
      if (next < 0) break;
      const w = this.workers[next]!;
      this.now = w.deadline;
      this.outcomes[w.job!] = `TaskTimeoutError:task timed out after ${this.timeout} ms`;
      w.terminated = true;
      this.lose(next);
    }
    this.now = target;
  }
  close() {
    this.closing = true;
    this.dispatch();
  }
  snapshot(): Snapshot {
    const live = this.workers.filter((w) => w.alive);
    const idle = live.filter((w) => w.job === undefined).length;
    return {
      tasks: this.workers.map((w) => w.tasks),
      terminated: this.workers.map((w) => w.terminated),
      outcomes: this.outcomes,
      stats: { idle, busy: live.length - idle, queued: this.queue.length },
      closed: this.closed,
      timers: live.length - idle,
    };
  }
}

function describeOp(op: Op, name: string): string {
  switch (op.kind) {
    case "submit": return `submit("${name}", { priority: ${op.priority} })`;
    case "complete": return `worker ${op.worker} finishes its oldest task`;
    case "fail": return `worker ${op.worker}'s oldest task throws`;
    case "crash": return `worker ${op.worker} crashes`;
    case "advance": return `clock.advance(${op.ms})`;
    case "close": return "close()";
  }
}

// Mostly the first workers (the ones that exist), sometimes replacements or dead ones.
const workerId = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant<"submit">("submit"), priority: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant<"complete">("complete"), worker: workerId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant<"fail">("fail"), worker: workerId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant<"crash">("crash"), worker: workerId }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant<"advance">("advance"), ms: fc.constantFrom(1, 10, 25, 49, 50, 100) }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "close" }) },
);

const scenario = fc
  .record({ size: fc.integer({ min: 1, max: 3 }), ops: fc.array(op, { maxLength: 25 }) })
  .map((s) => {
    const lines = [`new WorkerPool({ size: ${s.size}, taskTimeoutMs: 50 })`, ...s.ops.map((o, i) => describeOp(o, `t${i}`))];
    return Object.assign(s, { toString: () => lines.join("; ") });
  });

describe("WorkerPool: any sequence of operations", () => {
  it("agrees with a simple model on dispatch order, results, timeouts, crashes, replacements, stats, armed timers and close", async () => {
    const report = await fc.check(
      fc.asyncProperty(scenario, async ({ size, ops }) => {
        const real = pool(size, 50);
        const model = new Model(size, 50);
        const outcomes: Record<string, string> = {};
        let closed = false;
        for (const [i, o] of ops.entries()) {
          const name = `t${i}`;
          const w = "worker" in o ? real.workers[o.worker - 1] : undefined;
          if (o.kind === "submit") {
            real.p.submit(name, { priority: o.priority }).then((v) => (outcomes[name] = `ok:${v}`), (e: Error) => (outcomes[name] = `${e.name}:${e.message}`));
            model.submit(name, o.priority);
          } else if (o.kind === "complete" || o.kind === "fail") {
            if (o.kind === "complete") w?.complete();
            else w?.fail();
            model.settle(o.worker - 1, o.kind === "complete");
          } else if (o.kind === "crash") {
            w?.crash();
            model.crash(o.worker - 1);
          } else if (o.kind === "advance") {
            await clock.advanceAsync(o.ms);
            model.advance(o.ms);
          } else {
            void real.p.close().then(() => (closed = true));
            model.close();
          }
          await flush();
          const got: Snapshot = { tasks: real.workers.map((x) => x.tasks), terminated: real.workers.map((x) => x.terminated), outcomes, stats: real.p.stats(), closed, timers: clock.pending() };
          const want = model.snapshot();
          for (const k of ["tasks", "terminated", "outcomes", "stats", "closed", "timers"] as const) {
            const [g, m] = [JSON.stringify(k === "outcomes" ? sortKeys(got[k]) : got[k]), JSON.stringify(k === "outcomes" ? sortKeys(want[k]) : want[k])];
            if (g !== m) throw new Error(`after step ${i + 1} (${describeOp(o, name)}), ${k}: got ${g}, the rules give ${m}`);
          }
        }
        await real.p.close();
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
