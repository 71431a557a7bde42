import fc from "fast-check";
import { TaskScheduler, type DeadLetter, type Lease, type TaskSpec } from "./solution";

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

function setup(options: { leaseMs?: number; maxAttempts?: number; backoffBaseMs?: number; backoffMaxMs?: number } = {}) {
  let t = 0;
  const s = new TaskScheduler({ now: () => t, leaseMs: 30, maxAttempts: 3, backoffBaseMs: 10, backoffMaxMs: 1000, ...options });
  return { s, at: (time: number) => void (t = time) };
}

const brief = (l: Lease | undefined) => (l ? `${l.taskId}@${l.scheduledAt}#${l.attempt}` : "none");

describe("TaskScheduler: validation", () => {
  const base = { now: () => 0, leaseMs: 30, maxAttempts: 3, backoffBaseMs: 10, backoffMaxMs: 100 };

  it("throws a RangeError for each bad option, and accepts backoffMaxMs equal to backoffBaseMs", () => {
    for (const leaseMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new TaskScheduler({ ...base, leaseMs })).toThrow(RangeError);
    for (const maxAttempts of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new TaskScheduler({ ...base, maxAttempts })).toThrow(RangeError);
    for (const backoffBaseMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new TaskScheduler({ ...base, backoffBaseMs })).toThrow(RangeError);
    for (const backoffMaxMs of [9, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new TaskScheduler({ ...base, backoffMaxMs })).toThrow(RangeError);
    expect(() => new TaskScheduler({ ...base, backoffMaxMs: 10, leaseMs: 0.5 })).not.toThrow();
  });

  it("rejects an empty id with a TypeError, a taken id (even of a finished task) with an Error naming it, and bad times with a RangeError, in that order", () => {
    const { s } = setup();
    expect(() => s.schedule({ id: "", at: 0 })).toThrow(TypeError);
    expect(() => s.schedule({ id: 42 as unknown as string, at: 0 })).toThrow(TypeError);
    expect(() => s.schedule({ id: "", firstAt: 0, everyMs: 0 })).toThrow(TypeError);
    s.schedule({ id: "once", at: 0 });
    s.ack(s.poll()?.leaseId ?? "");
    expect(() => s.schedule({ id: "once", at: 10 })).toThrow(/once/);
    let thrown: unknown;
    try {
      s.schedule({ id: "once", firstAt: 0, everyMs: -1 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown instanceof Error && !(thrown instanceof RangeError) && !(thrown instanceof TypeError)).toBe(true);
    for (const everyMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => s.schedule({ id: "r", firstAt: 0, everyMs })).toThrow(RangeError);
    for (const at of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => s.schedule({ id: "x", at })).toThrow(RangeError);
      expect(() => s.schedule({ id: "y", firstAt: at, everyMs: 10 })).toThrow(RangeError);
    }
    expect(() => s.schedule({ id: "x", at: -50 })).not.toThrow();
    expect(brief(s.poll())).toBe("x@-50#1");
  });
});

describe("TaskScheduler: leases", () => {
  it("accepts an ack 1 ms before expiresAt and rejects it at expiresAt, when the attempt has already failed", () => {
    const { s, at } = setup();
    s.schedule({ id: "a", at: 0 });
    s.schedule({ id: "b", at: 0 });
    const a = s.poll();
    const b = s.poll();
    at(29);
    expect(s.ack(a?.leaseId ?? "")).toBe(true);
    at(30);
    expect(s.ack(b?.leaseId ?? "")).toBe(false);
    expect(s.fail(b?.leaseId ?? "")).toBe(false);
    at(39);
    expect(s.poll()).toBeUndefined();
    at(40);
    expect(s.poll()).toMatchObject({ taskId: "b", scheduledAt: 0, attempt: 2, expiresAt: 70 });
  });

  it("returns false for unknown leases, leases already settled, and the lease of an earlier attempt", () => {
    const { s, at } = setup();
    s.schedule({ id: "a", at: 0 });
    const first = s.poll();
    expect(s.ack("nope")).toBe(false);
    expect(s.fail("nope")).toBe(false);
    expect(s.fail(first?.leaseId ?? "")).toBe(true);
    expect(s.fail(first?.leaseId ?? "")).toBe(false);
    at(10);
    const second = s.poll();
    expect(second?.leaseId).not.toBe(first?.leaseId);
    expect(s.ack(first?.leaseId ?? "")).toBe(false);
    expect(s.ack(second?.leaseId ?? "")).toBe(true);
    expect(s.ack(second?.leaseId ?? "")).toBe(false);
    at(1000);
    expect(s.poll()).toBeUndefined();
    expect(s.deadLetters).toEqual([]);
  });

  it("gives every attempt a fresh, unique lease id", () => {
    const { s, at } = setup({ maxAttempts: 10, backoffBaseMs: 1, backoffMaxMs: 1 });
    for (let i = 0; i < 5; i++) s.schedule({ id: `t${i}`, firstAt: 0, everyMs: 7 });
    const ids: string[] = [];
    for (let time = 0; time < 200; time += 3) {
      at(time);
      for (let l = s.poll(); l; l = s.poll()) {
        ids.push(l.leaseId);
        if (ids.length % 2 === 1) s.fail(l.leaseId);
        else s.ack(l.leaseId);
      }
    }
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("TaskScheduler: retries and dead letters", () => {
  it("backs off base × 2^(attempt-1) after each failed attempt, capped at backoffMaxMs", () => {
    const { s, at } = setup({ maxAttempts: 6, backoffBaseMs: 10, backoffMaxMs: 50 });
    s.schedule({ id: "job", at: 0 });
    const seen: string[] = [];
    let lease = s.poll();
    // Attempt n fails at time t; the next attempt must start exactly at the retry time, not 1 ms earlier.
    for (const [failAt, retryAt] of [[0, 10], [10, 30], [30, 70], [70, 120], [125, 175]] as const) {
      at(failAt);
      expect(s.fail(lease?.leaseId ?? "")).toBe(true);
      at(retryAt - 1);
      seen.push(brief(s.poll()));
      at(retryAt);
      lease = s.poll();
      seen.push(brief(lease));
    }
    expect(seen).toEqual(["none", "job@0#2", "none", "job@0#3", "none", "job@0#4", "none", "job@0#5", "none", "job@0#6"]);
  });

  it("counts the backoff after an expired lease from expiresAt, however late the next call comes", () => {
    const { s, at } = setup({ leaseMs: 30, backoffBaseMs: 10 });
    s.schedule({ id: "a", at: 0 });
    s.schedule({ id: "b", at: 35 });
    s.poll(); // a, expires at 30, retry at 40
    at(38);
    expect(brief(s.poll())).toBe("b@35#1");
    at(39);
    expect(s.poll()).toBeUndefined();
    at(40);
    expect(brief(s.poll())).toBe("a@0#2");
  });

  it("dead-letters on the failure of attempt maxAttempts, by fail() or by expiry, recording when it failed", () => {
    const { s, at } = setup({ maxAttempts: 1 });
    s.schedule({ id: "a", at: 0 });
    s.schedule({ id: "b", at: 0 });
    s.schedule({ id: "c", at: 0 });
    const a = s.poll();
    s.poll();
    s.poll();
    at(5);
    s.fail(a?.leaseId ?? "");
    at(500); // b and c expired at 30, in the order they were leased; reading deadLetters applies that
    expect(s.deadLetters).toEqual([
      { taskId: "a", scheduledAt: 0, attempts: 1, failedAt: 5 },
      { taskId: "b", scheduledAt: 0, attempts: 1, failedAt: 30 },
      { taskId: "c", scheduledAt: 0, attempts: 1, failedAt: 30 },
    ]);
    expect(s.poll()).toBeUndefined();
    const copy = s.deadLetters as DeadLetter[];
    copy.length = 0;
    expect(s.deadLetters.length).toBe(3);
  });

  it("dead-letters an expired lease before a later fail() in the same call sequence", () => {
    const { s, at } = setup({ maxAttempts: 1, leaseMs: 30 });
    s.schedule({ id: "early", at: 0 });
    s.schedule({ id: "late", at: 10 });
    s.poll(); // early, expires at 30
    at(10);
    const late = s.poll();
    at(35);
    expect(s.fail(late?.leaseId ?? "")).toBe(true);
    expect(s.deadLetters.map((d) => `${d.taskId}:${d.failedAt}`)).toEqual(["early:30", "late:35"]);
  });
});

describe("TaskScheduler: recurring tasks", () => {
  it("runs the tick that is exactly now, and coalesces every earlier missed tick into it", () => {
    const { s, at } = setup();
    s.schedule({ id: "r", firstAt: 5, everyMs: 10 });
    at(4);
    expect(s.poll()).toBeUndefined();
    at(45);
    const lease = s.poll();
    expect(brief(lease)).toBe("r@45#1");
    s.ack(lease?.leaseId ?? "");
    at(54);
    expect(s.poll()).toBeUndefined();
    at(55);
    expect(brief(s.poll())).toBe("r@55#1");
  });

  it("keeps the same tick through retries and moves on after a dead letter from the end time", () => {
    const { s, at } = setup({ maxAttempts: 2, leaseMs: 30, backoffBaseMs: 40 });
    s.schedule({ id: "r", firstAt: 0, everyMs: 50 });
    s.poll(); // tick 0, expires at 30 -> retry at 70
    at(70);
    const retry = s.poll();
    expect(brief(retry)).toBe("r@0#2");
    at(75);
    s.fail(retry?.leaseId ?? ""); // dead letter at 75; tick 50 passed during the run -> a run for 50 now
    expect(brief(s.poll())).toBe("r@50#1");
    expect(s.deadLetters).toEqual([{ taskId: "r", scheduledAt: 0, attempts: 2, failedAt: 75 }]);
  });

  it("keeps the schedule on its ticks: a late ack does not shift the following ticks", () => {
    const { s, at } = setup({ leaseMs: 100 });
    s.schedule({ id: "r", firstAt: 0, everyMs: 20 });
    const first = s.poll();
    at(13);
    s.ack(first?.leaseId ?? "");
    at(19);
    expect(s.poll()).toBeUndefined();
    at(20);
    const second = s.poll();
    expect(brief(second)).toBe("r@20#1");
    at(37);
    s.ack(second?.leaseId ?? "");
    at(39);
    expect(s.poll()).toBeUndefined();
    at(40);
    expect(brief(s.poll())).toBe("r@40#1");
  });

  it("starts a task scheduled with its first tick in the past at the latest tick", () => {
    const { s, at } = setup();
    at(1000);
    s.schedule({ id: "r", firstAt: 0, everyMs: 300 });
    expect(brief(s.poll())).toBe("r@900#1");
  });
});

describe("TaskScheduler: which run goes first", () => {
  it("leases the run that has been ready longest, and breaks ties by the order tasks were scheduled", () => {
    const { s, at } = setup();
    s.schedule({ id: "b", at: 20 });
    s.schedule({ id: "a", at: 10 });
    s.schedule({ id: "c", at: 20 });
    s.schedule({ id: "d", at: 20 });
    at(100);
    expect([s.poll(), s.poll(), s.poll(), s.poll(), s.poll()].map(brief)).toEqual(["a@10#1", "b@20#1", "c@20#1", "d@20#1", "none"]);
  });

  it("ranks a retry by its retry time", () => {
    const { s, at } = setup({ backoffBaseMs: 5 });
    s.schedule({ id: "retry", at: 0 });
    s.schedule({ id: "fresh", at: 6 });
    s.schedule({ id: "fresher", at: 4 });
    s.fail(s.poll()?.leaseId ?? ""); // retry at 5
    at(50);
    expect([s.poll(), s.poll(), s.poll()].map(brief)).toEqual(["fresher@4#1", "retry@0#2", "fresh@6#1"]);
  });

  it("ranks a tick that passed during the previous run by the time that run ended, not by the tick", () => {
    const { s, at } = setup({ leaseMs: 100 });
    s.schedule({ id: "busy", firstAt: 0, everyMs: 10 });
    s.schedule({ id: "other", at: 40 });
    const run = s.poll(); // busy@0, ticks 10..40 pass during it
    at(45);
    s.ack(run?.leaseId ?? ""); // busy's next run is ready from 45; other has been ready since 40
    expect([s.poll(), s.poll()].map(brief)).toEqual(["other@40#1", "busy@40#1"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based test: the rules simulated one millisecond at a time (expirations and ticks happen at
// their exact moment), compared with the scheduler after every call.

const LEASE_MS = 10;
const BASE_MS = 3;
const MAX_MS = 5;

interface MTask {
  id: string;
  firstAt: number;
  every: number | undefined;
  status: "waiting" | "leased" | "retrying" | "done";
  lastTick: number | undefined;
  readySince: number | undefined;
  sched: number;
  attempt: number;
  retryAt: number;
}

class Model {
  t = 0;
  tasks: MTask[] = [];
  leases: { task: MTask; expiresAt: number; live: boolean }[] = [];
  dead: string[] = [];
  constructor(readonly maxAttempts: number) {}

  isTick(task: MTask, x: number): boolean {
    if (task.every === undefined) return x === task.firstAt;
    return x >= task.firstAt && (x - task.firstAt) % task.every === 0;
  }

  schedule(spec: TaskSpec): string {
    if (this.tasks.some((k) => k.id === spec.id)) return "throws";
    const every = "everyMs" in spec ? spec.everyMs : undefined;
    const firstAt = "everyMs" in spec ? spec.firstAt : spec.at;
    this.tasks.push({ id: spec.id, firstAt, every, status: "waiting", lastTick: undefined, readySince: firstAt <= this.t ? firstAt : undefined, sched: 0, attempt: 0, retryAt: 0 });
    return "ok";
  }

  step(): void {
    this.t++;
    for (const lease of this.leases) {
      if (lease.live && lease.expiresAt === this.t) {
        lease.live = false;
        this.failed(lease.task, this.t);
      }
    }
    for (const task of this.tasks) {
      if (task.status === "waiting" && task.readySince === undefined && this.isTick(task, this.t) && (task.lastTick === undefined || this.t > task.lastTick)) {
        task.readySince = this.t;
      }
    }
  }

  poll(): string {
    let best: MTask | undefined;
    let bestTime = Infinity;
    for (const task of this.tasks) {
      const time = task.status === "waiting" ? task.readySince : task.status === "retrying" && task.retryAt <= this.t ? task.retryAt : undefined;
      if (time !== undefined && time < bestTime) {
        best = task;
        bestTime = time;
      }
    }
    if (!best) return "none";
    if (best.status === "waiting") {
      let x = this.t;
      while (!this.isTick(best, x)) x--;
      best.sched = x;
      best.attempt = 1;
    } else {
      best.attempt++;
    }
    best.status = "leased";
    best.readySince = undefined;
    this.leases.push({ task: best, expiresAt: this.t + LEASE_MS, live: true });
    return `${best.id}@${best.sched}#${best.attempt} expires ${this.t + LEASE_MS}`;
  }

  settle(n: number, ok: boolean): boolean {
    const lease = this.leases[n - 1];
    if (!lease?.live) return false;
    lease.live = false;
    if (ok) this.end(lease.task, this.t);
    else this.failed(lease.task, this.t);
    return true;
  }

  failed(task: MTask, at: number): void {
    if (task.attempt >= this.maxAttempts) {
      this.dead.push(`${task.id}@${task.sched}x${task.attempt}:${at}`);
      this.end(task, at);
    } else {
      task.status = "retrying";
      task.retryAt = at + Math.min(MAX_MS, BASE_MS * 2 ** (task.attempt - 1));
    }
  }

  end(task: MTask, at: number): void {
    if (task.every === undefined) {
      task.status = "done";
      return;
    }
    task.status = "waiting";
    task.lastTick = task.sched;
    task.readySince = undefined;
    for (let x = task.sched + 1; x <= at; x++) if (this.isTick(task, x)) task.readySince = at;
  }
}

interface Real {
  s: TaskScheduler;
  leases: Lease[];
  advance(ms: number): void;
}

function check(what: string, got: unknown, want: unknown): void {
  if (got !== want) throw new Error(`${what}: got ${String(got)}, the rules give ${String(want)}`);
}

function checkDead(after: string, m: Model, r: Real): void {
  const got = r.s.deadLetters.map((d) => `${d.taskId}@${d.scheduledAt}x${d.attempts}:${d.failedAt}`).join(", ");
  check(`deadLetters after ${after}`, `[${got}]`, `[${m.dead.join(", ")}]`);
}

type Cmd = fc.Command<Model, Real>;
// Dead letters are read by a command of their own: reading them applies expirations, and checking
// them after every call would hide a method that forgets to.
const cmd = (text: string, run: (m: Model, r: Real) => void, pre: (m: Readonly<Model>) => boolean = () => true): Cmd => ({
  check: pre,
  run,
  toString: () => text,
});

function scheduleBoth(m: Model, r: Real, spec: TaskSpec): void {
  const want = m.schedule(spec);
  let got = "ok";
  try {
    r.s.schedule(spec);
  } catch {
    got = "throws";
  }
  check(`schedule ${spec.id}`, got, want);
}

const id = fc.constantFrom("a", "b", "c");
const commands = fc.commands(
  [
    fc.tuple(id, fc.integer({ min: 0, max: 80 })).map(([i, at]) => cmd(`schedule({ id: "${i}", at: ${at} })`, (m, r) => scheduleBoth(m, r, { id: i, at }))),
    fc
      .tuple(id, fc.integer({ min: 0, max: 40 }), fc.constantFrom(4, 9, 25))
      .map(([i, firstAt, everyMs]) => cmd(`schedule({ id: "${i}", firstAt: ${firstAt}, everyMs: ${everyMs} })`, (m, r) => scheduleBoth(m, r, { id: i, firstAt, everyMs }))),
    fc.constant(null).map(() =>
      cmd("poll()", (m, r) => {
        const lease = r.s.poll();
        if (lease) r.leases.push(lease);
        check(`poll() at t=${m.t}`, lease ? `${lease.taskId}@${lease.scheduledAt}#${lease.attempt} expires ${lease.expiresAt}` : "none", m.poll());
      }),
    ),
    fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 6 })).map(([ok, n]) =>
      cmd(
        `${ok ? "ack" : "fail"}(lease${n})`,
        (m, r) => {
          const leaseId = (r.leases[n - 1] as Lease).leaseId;
          check(`${ok ? "ack" : "fail"}(lease${n}) at t=${m.t}`, ok ? r.s.ack(leaseId) : r.s.fail(leaseId), m.settle(n, ok));
        },
        (m) => n <= m.leases.length,
      ),
    ),
    fc.constant(null).map(() => cmd("deadLetters", (m, r) => checkDead("deadLetters", m, r))),
    fc.constantFrom(1, 3, 7, 10, 25).map((ms) =>
      cmd(`advance(${ms})`, (m, r) => {
        for (let i = 0; i < ms; i++) m.step();
        r.advance(ms);
      }),
    ),
  ],
  { maxCommands: 40, size: "max" },
);

describe("TaskScheduler: any sequence of calls", () => {
  it("agrees with a millisecond-by-millisecond model on every poll, ack, fail, schedule and dead letter (maxAttempts 1 to 4)", () => {
    const report = fc.check(
      fc.property(fc.integer({ min: 1, max: 4 }), commands, (maxAttempts, cmds) => {
        const setupRun = () => {
          let t = 0;
          const s = new TaskScheduler({ now: () => t, leaseMs: LEASE_MS, maxAttempts, backoffBaseMs: BASE_MS, backoffMaxMs: MAX_MS });
          const real: Real = { s, leases: [], advance: (ms) => void (t += ms) };
          return { model: new Model(maxAttempts), real };
        };
        fc.modelRun(setupRun, cmds);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});
