import fc from "fast-check";
import { LoadShedder, type Priority, type ShedderEvent, type ShedderOptions } from "./solution";

function shedder(opts: Partial<ShedderOptions> = {}) {
  let t = 0;
  const s = new LoadShedder({ maxConcurrent: 1, maxQueue: 2, overloadAfterMs: 100, overloadTimeoutMs: 30, now: () => t, ...opts });
  return { s, at: (time: number) => void (t = time) };
}

const req = (id: string, priority: Priority = "sheddable", deadline = 10_000) => ({ id, priority, deadline });

/** "start a", "queued b", "shed c expired" */
const show = (events: ShedderEvent[]) => events.map((e) => (e.type === "shed" ? `shed ${e.id} ${e.reason}` : `${e.type} ${e.id}`));

describe("LoadShedder: validation", () => {
  it("throws a RangeError for every option out of range, and accepts the boundaries", () => {
    const bad: Partial<ShedderOptions>[] = [
      { maxConcurrent: 0 }, { maxConcurrent: 1.5 }, { maxConcurrent: NaN }, { maxConcurrent: Infinity },
      { maxQueue: -1 }, { maxQueue: 0.5 }, { maxQueue: NaN }, { maxQueue: Infinity },
      { overloadAfterMs: -1 }, { overloadAfterMs: NaN }, { overloadAfterMs: Infinity },
      { overloadTimeoutMs: 0 }, { overloadTimeoutMs: -1 }, { overloadTimeoutMs: NaN }, { overloadTimeoutMs: Infinity },
    ];
    for (const change of bad) expect(() => shedder(change), JSON.stringify(change)).toThrow(RangeError);
    expect(() => shedder({ maxConcurrent: 1, maxQueue: 0, overloadAfterMs: 0, overloadTimeoutMs: 0.5 })).not.toThrow();
  });

  it("rejects a NaN or non-number deadline and any reused id, even of a finished or shed request", () => {
    const { s } = shedder({ maxQueue: 0 });
    expect(() => s.submit(req("x", "critical", NaN))).toThrow(RangeError);
    expect(() => s.submit({ id: "y", priority: "critical", deadline: "soon" as unknown as number })).toThrow(RangeError);
    expect(show(s.submit(req("a")))).toEqual(["start a"]);
    s.complete("a");
    s.submit(req("b"));
    s.submit(req("c")); // queue-full
    for (const id of ["a", "b", "c"]) {
      expect(() => s.submit(req(id))).toThrow(new Error(`duplicate id ${id}`));
    }
    expect(s.stats()).toEqual({ running: 1, queued: 0, overloaded: false, started: 2, completed: 1, shed: { expired: 0, "queue-full": 1, displaced: 0 } });
  });

  it("loses no events when it throws: the expiry waits for the next call", () => {
    const { s, at } = shedder();
    s.submit(req("a"));
    s.submit(req("b", "sheddable", 50));
    at(60);
    expect(() => s.submit(req("a"))).toThrow("duplicate id a");
    expect(() => s.complete("b")).toThrow(new Error("not running b"));
    expect(() => s.complete("nope")).toThrow(new Error("not running nope"));
    expect(show(s.tick())).toEqual(["shed b expired"]);
    s.complete("a");
    expect(() => s.complete("a")).toThrow("not running a");
  });
});

describe("LoadShedder: deadlines", () => {
  it("expires a waiting request exactly at its deadline, in deadline order, ties in arrival order", () => {
    const { s, at } = shedder({ maxQueue: 5, overloadAfterMs: 1e9 });
    s.submit(req("run"));
    s.submit(req("late", "critical", 300));
    s.submit(req("x", "sheddable", 200));
    s.submit(req("early", "critical", 100));
    s.submit(req("y", "sheddable", 200));
    at(99);
    expect(s.tick()).toEqual([]);
    at(100);
    expect(show(s.tick())).toEqual(["shed early expired"]);
    at(250);
    expect(show(s.submit(req("z", "critical", 1000)))).toEqual(["shed x expired", "shed y expired", "queued z"]);
    expect(s.stats().shed.expired).toBe(3);
    at(299);
    expect(show(s.complete("run"))).toEqual(["start late"]);
  });

  it("refuses a request whose deadline is now, even with a free slot, and never expires an Infinity deadline", () => {
    const { s, at } = shedder({ maxQueue: 1, overloadAfterMs: 1e9 });
    at(500);
    expect(show(s.submit(req("now", "critical", 500)))).toEqual(["shed now expired"]);
    expect(show(s.submit(req("past", "critical", 10)))).toEqual(["shed past expired"]);
    expect(show(s.submit(req("soon", "critical", 501)))).toEqual(["start soon"]);
    expect(show(s.submit(req("forever", "sheddable", Infinity)))).toEqual(["queued forever"]);
    at(1e12);
    expect(s.tick()).toEqual([]);
    expect(show(s.complete("soon"))).toEqual(["start forever"]);
  });

  it("counts the expiries that stats() performs", () => {
    const { s, at } = shedder();
    s.submit(req("a"));
    s.submit(req("b", "sheddable", 10));
    at(10);
    expect(s.stats()).toMatchObject({ queued: 0, shed: { expired: 1, "queue-full": 0, displaced: 0 } });
    expect(s.tick()).toEqual([]);
  });
});

describe("LoadShedder: priorities", () => {
  it("displaces the newest waiting sheddable request, never a critical one, and never for a sheddable arrival", () => {
    const { s } = shedder({ maxQueue: 4 });
    s.submit(req("run"));
    s.submit(req("s1"));
    s.submit(req("c1", "critical"));
    s.submit(req("s2"));
    s.submit(req("c2", "critical"));
    expect(show(s.submit(req("s3")))).toEqual(["shed s3 queue-full"]);
    expect(show(s.submit(req("c3", "critical")))).toEqual(["shed s2 displaced", "queued c3"]);
    expect(show(s.submit(req("c4", "critical")))).toEqual(["shed s1 displaced", "queued c4"]);
    expect(show(s.submit(req("c5", "critical")))).toEqual(["shed c5 queue-full"]);
    expect(s.stats().shed).toEqual({ expired: 0, "queue-full": 2, displaced: 2 });
    expect(s.stats().queued).toBe(4);
  });

  it("refuses a critical request when there is no queue at all", () => {
    const { s } = shedder({ maxQueue: 0 });
    s.submit(req("run"));
    expect(show(s.submit(req("c", "critical")))).toEqual(["shed c queue-full"]);
  });

  it("starts waiting critical requests before sheddable ones, oldest first while not overloaded", () => {
    const { s } = shedder({ maxQueue: 5, overloadAfterMs: 1e9 });
    s.submit(req("run"));
    for (const [id, p] of [["s1", "sheddable"], ["c1", "critical"], ["s2", "sheddable"], ["c2", "critical"]] as const) s.submit(req(id, p));
    const order: string[] = [];
    let running = "run";
    for (let i = 0; i < 4; i++) {
      const [event] = s.complete(running);
      running = event?.id ?? "";
      order.push(running);
    }
    expect(order).toEqual(["c1", "c2", "s1", "s2"]);
  });

  it("runs up to maxConcurrent requests at once and refills each freed slot", () => {
    const { s } = shedder({ maxConcurrent: 3, maxQueue: 1 });
    expect(["a", "b", "c", "d", "e"].flatMap((id) => show(s.submit(req(id))))).toEqual(["start a", "start b", "start c", "queued d", "shed e queue-full"]);
    expect(show(s.complete("b"))).toEqual(["start d"]);
    expect(s.complete("a")).toEqual([]);
    expect(s.stats()).toMatchObject({ running: 2, queued: 0, started: 4, completed: 2 });
    expect(show(s.submit(req("f")))).toEqual(["start f"]);
  });
});

describe("LoadShedder: overload and adaptive LIFO", () => {
  it("is overloaded exactly overloadAfterMs after the queue became non-empty, and serves the newest of the class", () => {
    const { s, at } = shedder({ maxQueue: 5, overloadTimeoutMs: 1e6 });
    s.submit(req("run"));
    at(5);
    s.submit(req("s1"));
    s.submit(req("c1", "critical"));
    s.submit(req("s2"));
    s.submit(req("c2", "critical"));
    at(104);
    expect(s.stats().overloaded).toBe(false);
    at(105);
    expect(s.stats().overloaded).toBe(true);
    expect(show(s.complete("run"))).toEqual(["start c2"]);
    expect(show(s.complete("c2"))).toEqual(["start c1"]);
    expect(show(s.complete("c1"))).toEqual(["start s2"]);
    expect(show(s.complete("s2"))).toEqual(["start s1"]);
    expect(s.stats().overloaded).toBe(false); // empty queue
  });

  it("shortens the wait of arrivals during overload only, to min(deadline, now + overloadTimeoutMs)", () => {
    const { s, at } = shedder({ maxQueue: 5, overloadAfterMs: 0, overloadTimeoutMs: 30 });
    s.submit(req("run"));
    s.submit(req("first", "critical", 10_000)); // the queue was empty: not overloaded, full deadline
    s.submit(req("second", "critical", 10_000)); // overloaded (0 ms): waits until 30 at most
    s.submit(req("third", "critical", 20)); // its own deadline is earlier
    at(20);
    expect(show(s.tick())).toEqual(["shed third expired"]);
    at(29);
    expect(s.tick()).toEqual([]);
    at(30);
    expect(show(s.tick())).toEqual(["shed second expired"]);
    at(5000);
    expect(s.tick()).toEqual([]);
    expect(show(s.complete("run"))).toEqual(["start first"]);
  });

  it("resets the detector when the queue empties, by a start or by expiry", () => {
    const { s, at } = shedder({ maxQueue: 3, overloadTimeoutMs: 1e6 });
    s.submit(req("run"));
    s.submit(req("a"));
    at(90);
    s.complete("run"); // starts a: the queue is empty again
    s.submit(req("b", "sheddable", 200));
    at(189);
    expect(s.stats().overloaded).toBe(false); // non-empty only since 90
    at(190);
    expect(s.stats().overloaded).toBe(true);
    at(200);
    expect(s.stats().overloaded).toBe(false); // b expired at 200: empty
    s.submit(req("c"));
    s.submit(req("d"));
    at(299);
    expect(show(s.complete("a"))).toEqual(["start c"]); // 99 ms: still FIFO
    at(300);
    expect(s.stats().overloaded).toBe(true);
  });

  it("does not reset the detector when a displacement swaps the only waiting request", () => {
    const { s, at } = shedder({ maxQueue: 1, overloadTimeoutMs: 1e6 });
    s.submit(req("run"));
    s.submit(req("s"));
    at(60);
    expect(show(s.submit(req("c", "critical")))).toEqual(["shed s displaced", "queued c"]);
    at(100);
    expect(s.stats().overloaded).toBe(true);
  });
});

// Model-based test: random submits, completes, ticks and time passing; every call's events and the
// stats after it are compared with a small model of the rules.

/** Fails with fast-check's smallest failing case and what went wrong in it. */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

interface MWait {
  id: string;
  p: Priority;
  dl: number;
  seq: number;
}

class ShedderModel {
  now = 0;
  running: string[] = [];
  queue: MWait[] = [];
  since: number | undefined;
  seq = 0;
  ids = 0;
  started = 0;
  completed = 0;
  shed = { expired: 0, "queue-full": 0, displaced: 0 };
  constructor(readonly o: Omit<ShedderOptions, "now">) {}

  overloaded(): boolean {
    return this.queue.length > 0 && this.since !== undefined && this.now - this.since >= this.o.overloadAfterMs;
  }
  drop(w: MWait): void {
    this.queue = this.queue.filter((x) => x !== w);
    if (this.queue.length === 0) this.since = undefined;
  }
  expire(): string[] {
    const due = [...this.queue].filter((w) => w.dl <= this.now).sort((a, b) => a.dl - b.dl || a.seq - b.seq);
    due.forEach((w) => this.drop(w));
    this.shed.expired += due.length;
    return due.map((w) => `shed ${w.id} expired`);
  }
  enqueue(id: string, p: Priority, deadline: number, overloaded = this.overloaded()): string {
    const dl = overloaded ? Math.min(deadline, this.now + this.o.overloadTimeoutMs) : deadline;
    if (this.since === undefined) this.since = this.now;
    this.queue.push({ id, p, dl, seq: this.seq++ });
    return `queued ${id}`;
  }
  submit(id: string, p: Priority, deadline: number): string[] {
    const out = this.expire();
    if (deadline <= this.now) {
      this.shed.expired++;
      return [...out, `shed ${id} expired`];
    }
    if (this.running.length < this.o.maxConcurrent) {
      this.running.push(id);
      this.started++;
      return [...out, `start ${id}`];
    }
    if (this.queue.length < this.o.maxQueue) return [...out, this.enqueue(id, p, deadline)];
    const victims = this.queue.filter((w) => w.p === "sheddable");
    const victim = victims[victims.length - 1];
    if (p === "critical" && victim) {
      const overloaded = this.overloaded(); // judged while the victim is still waiting
      this.queue = this.queue.filter((x) => x !== victim); // swapped: the detector keeps running
      this.shed.displaced++;
      return [...out, `shed ${victim.id} displaced`, this.enqueue(id, p, deadline, overloaded)];
    }
    this.shed["queue-full"]++;
    return [...out, `shed ${id} queue-full`];
  }
  complete(id: string): string[] {
    const out = this.expire();
    this.running = this.running.filter((r) => r !== id);
    this.completed++;
    if (this.queue.length === 0) return out;
    const lifo = this.overloaded();
    const critical = this.queue.filter((w) => w.p === "critical");
    const candidates = critical.length > 0 ? critical : this.queue;
    const next = (lifo ? candidates[candidates.length - 1] : candidates[0]) as MWait;
    this.drop(next);
    this.running.push(next.id);
    this.started++;
    return [...out, `start ${next.id}`];
  }
  stats(): string {
    this.expire();
    return JSON.stringify({ running: this.running.length, queued: this.queue.length, overloaded: this.overloaded(), started: this.started, completed: this.completed, shed: this.shed });
  }
}

interface RealShedder {
  s: LoadShedder;
  clock: { t: number };
}

type ShedCommand = fc.Command<ShedderModel, RealShedder>;

function check(what: string, got: unknown, want: unknown): void {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`${what}: the shedder gives ${g}, the rules give ${w}`);
}

function afterwards(text: string, model: ShedderModel, real: RealShedder): void {
  const s = real.s.stats();
  check(`stats() after ${text}`, JSON.stringify(s), model.stats());
}

const submitCommand = fc
  .record({ p: fc.constantFrom<Priority>("critical", "sheddable"), wait: fc.constantFrom(0, 5, 40, 150, Infinity) })
  .map(({ p, wait }): ShedCommand => {
    let text = "";
    return {
      check: () => true,
      run(model, real) {
        const id = `r${++model.ids}`;
        const deadline = model.now + wait;
        text = `submit({ id: "${id}", priority: "${p}", deadline: now + ${wait} })`;
        check(text, show(real.s.submit({ id, priority: p, deadline })), model.submit(id, p, deadline));
        afterwards(text, model, real);
      },
      toString: () => text || `submit(${p}, now + ${wait})`,
    };
  });

const completeCommand = fc.nat({ max: 3 }).map((k): ShedCommand => {
  let text = "";
  return {
    check: (model) => model.running.length > 0,
    run(model, real) {
      const id = model.running[k % model.running.length] as string;
      text = `complete("${id}")`;
      check(text, show(real.s.complete(id)), model.complete(id));
      afterwards(text, model, real);
    },
    toString: () => text || `complete(running #${k})`,
  };
});

const tickCommand = fc.constant(null).map((): ShedCommand => ({
  check: () => true,
  run(model, real) {
    check("tick()", show(real.s.tick()), model.expire());
    afterwards("tick()", model, real);
  },
  toString: () => "tick()",
}));

const advanceCommand = fc.constantFrom(1, 4, 10, 30, 99).map((ms): ShedCommand => ({
  check: () => true,
  run(model, real) {
    model.now += ms;
    real.clock.t += ms;
  },
  toString: () => `now += ${ms}`,
}));

const configArb = fc
  .record({
    maxConcurrent: fc.constantFrom(1, 2),
    maxQueue: fc.constantFrom(0, 1, 2, 4),
    overloadAfterMs: fc.constantFrom(0, 20, 100),
    overloadTimeoutMs: fc.constantFrom(5, 50),
  })
  .map((o) => ({ o, toString: () => `new LoadShedder(${JSON.stringify(o)})` }));

describe("LoadShedder: any sequence of calls", () => {
  it("agrees with a model of the rules on every event and on stats() after every call", () => {
    const report = fc.check(
      fc.property(configArb, fc.commands([submitCommand, submitCommand, completeCommand, tickCommand, advanceCommand, advanceCommand], { maxCommands: 50, size: "max" }), ({ o }, cmds) => {
        const clock = { t: 0 };
        fc.modelRun(() => ({ model: new ShedderModel(o), real: { s: new LoadShedder({ ...o, now: () => clock.t }), clock } }), cmds);
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
