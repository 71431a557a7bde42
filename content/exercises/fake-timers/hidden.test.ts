import fc from "fast-check";
import { FakeClock } from "./solution";

/** A clock and a log where each callback writes `${name}@${now()}`. */
function setup(options?: { now?: number; loopLimit?: number }) {
  const clock = new FakeClock(options);
  const log: string[] = [];
  const at = (name: string) => () => void log.push(`${name}@${clock.now()}`);
  return { clock, log, at };
}

describe("FakeClock: construction and ids", () => {
  it("throws a RangeError naming the option for a non-finite now or a loopLimit that is not a positive integer", () => {
    for (const now of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => new FakeClock({ now })).toThrow(RangeError);
      expect(() => new FakeClock({ now })).toThrow(/now/);
    }
    for (const loopLimit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new FakeClock({ loopLimit })).toThrow(RangeError);
      expect(() => new FakeClock({ loopLimit })).toThrow(/loopLimit/);
    }
    expect(new FakeClock().now()).toBe(0);
    expect(new FakeClock({ now: -250.5 }).now()).toBe(-250.5);
    expect(new FakeClock({ loopLimit: 1 }).countTimers()).toBe(0);
  });

  it("defaults loopLimit to 1000", () => {
    const clock = new FakeClock();
    for (let i = 0; i < 1000; i++) clock.setTimeout(() => {}, i);
    expect(clock.runAll()).toBe(999);
    clock.setInterval(() => {}, 1);
    expect(() => clock.runAll()).toThrow("Aborting after running 1000 timers, assuming an infinite loop!");
    expect(clock.now()).toBe(1999);
  });

  it("throws a TypeError for a callback that is not a function, without scheduling anything or using an id", () => {
    const clock = new FakeClock();
    const notAFunction = "console.log('hi')" as unknown as () => void;
    expect(() => clock.setTimeout(notAFunction, 10)).toThrow(TypeError);
    expect(() => clock.setInterval(notAFunction, 10)).toThrow(TypeError);
    expect(clock.countTimers()).toBe(0);
    expect(clock.setTimeout(() => {}, 10)).toBe(1);
    expect(clock.setInterval(() => {}, 10)).toBe(2);
    clock.clearTimeout(1);
    clock.clearInterval(2);
    expect(clock.setTimeout(() => {}, 10)).toBe(3); // ids are never reused
  });
});

describe("FakeClock: delays", () => {
  it("treats undefined, NaN, infinite and negative delays as 0 and rounds fractional delays down", () => {
    const { clock, log, at } = setup({ now: 100 });
    clock.setTimeout(at("undefined"));
    clock.setTimeout(at("nan"), Number.NaN);
    clock.setTimeout(at("inf"), Number.POSITIVE_INFINITY);
    clock.setTimeout(at("negative"), -5);
    clock.setTimeout(at("half"), 0.5);
    clock.setTimeout(at("ten"), 10.9);
    clock.tick(0);
    expect(log).toEqual(["undefined@100", "nan@100", "inf@100", "negative@100", "half@100"]);
    clock.tick(9);
    expect(log).toHaveLength(5);
    clock.tick(1);
    expect(log[5]).toBe("ten@110");
  });

  it("repeats an interval every max(1, floor(delay)) ms, first after one period, passing its arguments each time", () => {
    const clock = new FakeClock();
    const log: string[] = [];
    const record = (name: string, n: number) => void log.push(`${name}${n}@${clock.now()}`);
    clock.setInterval(record, 0, "zero", 0);
    clock.setInterval(record, -3, "negative", 1);
    clock.setInterval(record, 2.9, "two", 2);
    clock.tick(4);
    expect(log).toEqual([
      "zero0@1", "negative1@1",
      "zero0@2", "negative1@2", "two2@2",
      "zero0@3", "negative1@3",
      "zero0@4", "negative1@4", "two2@4",
    ]);
    expect(clock.countTimers()).toBe(3);
  });

  it("schedules from now() inside a callback, which is the callback's due time, not the start or end of the tick", () => {
    const { clock, log, at } = setup();
    clock.setTimeout(() => {
      log.push(`outer@${clock.now()}`);
      clock.setTimeout(at("inner"), 25);
    }, 30);
    clock.tick(50);
    expect(log).toEqual(["outer@30"]);
    clock.tick(4);
    expect(log).toEqual(["outer@30"]);
    clock.tick(1);
    expect(log).toEqual(["outer@30", "inner@55"]);
  });
});

describe("FakeClock: order", () => {
  it("breaks ties by id: an interval keeps its small id against timeouts scheduled later for the same time", () => {
    const { clock, log, at } = setup();
    clock.setTimeout(at("t1"), 20); // id 1, due 20
    clock.setInterval(at("i2"), 10); // id 2, due 10, 20, 30
    clock.tick(5);
    clock.setTimeout(at("t3"), 25); // id 3, due 30
    clock.setTimeout(at("t4"), 15); // id 4, due 20
    clock.tick(25);
    expect(log).toEqual(["i2@10", "t1@20", "i2@20", "t4@20", "i2@30", "t3@30"]);
  });

  it("runs a timer due exactly at the end of the tick, including one a callback schedules there, and nothing later", () => {
    const { clock, log, at } = setup();
    clock.setTimeout(() => {
      log.push(`a@${clock.now()}`);
      clock.setTimeout(at("b"), 6);
      clock.setTimeout(at("c"), 7);
    }, 4);
    clock.setTimeout(at("d"), 11);
    expect(clock.tick(10)).toBe(10);
    expect(log).toEqual(["a@4", "b@10"]);
    expect(clock.countTimers()).toBe(2);
  });
});

describe("FakeClock: tick", () => {
  it("moves the clock to the target even when no timer is due, and accepts fractional steps", () => {
    const { clock, log, at } = setup({ now: 5 });
    expect(clock.tick(0)).toBe(5);
    expect(clock.tick(7)).toBe(12);
    clock.setTimeout(at("a"), 1); // due 13
    expect(clock.tick(0.5)).toBe(12.5);
    expect(log).toEqual([]);
    expect(clock.tick(0.5)).toBe(13);
    expect(log).toEqual(["a@13"]);
    expect(clock.now()).toBe(13);
  });

  it("throws a RangeError for a negative, NaN or infinite tick and changes nothing", () => {
    const { clock, log, at } = setup();
    clock.setTimeout(at("a"), 0);
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => clock.tick(ms)).toThrow(RangeError);
      expect(() => clock.tick(ms)).toThrow(/tick/);
    }
    expect([clock.now(), clock.countTimers(), log.length]).toEqual([0, 1, 0]);
  });

  it("does not run a timer that another callback clears, even when both are due at the same time", () => {
    const { clock, log, at } = setup();
    let victim = 0;
    clock.setTimeout(() => {
      log.push(`killer@${clock.now()}`);
      clock.clearTimeout(victim);
    }, 10);
    victim = clock.setTimeout(at("victim"), 10);
    const self: { id?: number } = {};
    self.id = clock.setInterval(() => {
      log.push(`once@${clock.now()}`);
      clock.clearInterval(self.id);
    }, 3);
    clock.tick(100);
    expect(log).toEqual(["once@3", "killer@10"]);
    expect(clock.countTimers()).toBe(0);
  });
});

describe("FakeClock: clearing", () => {
  it("lets clearTimeout and clearInterval clear either kind, and ignores unknown, undefined and finished ids", () => {
    const { clock, log, at } = setup();
    const interval = clock.setInterval(at("interval"), 5);
    const timeout = clock.setTimeout(at("timeout"), 5);
    const done = clock.setTimeout(at("done"), 1);
    const keep = clock.setTimeout(at("keep"), 6);
    clock.tick(1);
    expect(clock.countTimers()).toBe(3);
    clock.clearInterval(done);
    clock.clearTimeout(undefined);
    clock.clearTimeout(99);
    clock.clearInterval(undefined);
    expect(clock.countTimers()).toBe(3);
    clock.clearTimeout(interval);
    clock.clearInterval(timeout);
    clock.clearTimeout(interval);
    expect(clock.countTimers()).toBe(1);
    clock.tick(20);
    expect(log).toEqual(["done@1", "keep@6"]);
    expect(keep).toBe(4);
  });
});

describe("FakeClock: next and runAll", () => {
  it("next() runs one timer at a time, smaller id first on a tie, without moving time for a timer due now", () => {
    const { clock, log, at } = setup({ now: 50 });
    clock.setTimeout(at("b"), 5);
    clock.setInterval(at("i"), 5);
    clock.setTimeout(at("now"), 0);
    expect(clock.next()).toBe(50);
    expect(log).toEqual(["now@50"]);
    expect(clock.next()).toBe(55);
    expect(clock.next()).toBe(55);
    expect(log).toEqual(["now@50", "b@55", "i@55"]);
    expect(clock.next()).toBe(60);
    expect(clock.countTimers()).toBe(1);
    clock.clearInterval(2);
    expect(clock.next()).toBe(60);
    expect(log).toHaveLength(4);
  });

  it("runs exactly loopLimit timers without complaint, throws on one more, and counts afresh on each call", () => {
    const { clock, log, at } = setup({ loopLimit: 3 });
    for (const t of [1, 2, 3]) clock.setTimeout(at(`t${t}`), t);
    expect(clock.runAll()).toBe(3);
    for (const t of [4, 5, 6, 7]) clock.setTimeout(at(`t${t}`), t);
    expect(() => clock.runAll()).toThrow("Aborting after running 3 timers, assuming an infinite loop!");
    expect(clock.now()).toBe(9);
    expect(log).toEqual(["t1@1", "t2@2", "t3@3", "t4@7", "t5@8", "t6@9"]);
    expect(clock.countTimers()).toBe(1);
    expect(clock.runAll()).toBe(10);
    expect(clock.countTimers()).toBe(0);
    expect(clock.runAll()).toBe(10);
  });

  it("runAll() follows chains of timers scheduled by callbacks to the end", () => {
    const { clock, log } = setup({ now: 1000 });
    const step = (n: number) => () => {
      log.push(`step${n}@${clock.now()}`);
      if (n < 4) clock.setTimeout(step(n + 1), n * 100);
    };
    clock.setTimeout(step(1), 0);
    expect(clock.runAll()).toBe(1600);
    expect(log).toEqual(["step1@1000", "step2@1100", "step3@1300", "step4@1600"]);
  });
});

describe("FakeClock: errors in callbacks", () => {
  it("propagates a callback's error at once, leaving the clock at that timer and the rest pending", () => {
    const { clock, log, at } = setup();
    clock.setInterval(() => {
      log.push(`boom@${clock.now()}`);
      throw new Error("boom");
    }, 10);
    clock.setTimeout(at("after"), 10);
    clock.setTimeout(at("later"), 15);
    expect(() => clock.tick(30)).toThrow("boom");
    expect(clock.now()).toBe(10);
    expect(clock.countTimers()).toBe(3); // the interval was rescheduled before its callback ran
    expect(() => clock.next()).not.toThrow();
    expect(log).toEqual(["boom@10", "after@10"]);
    expect(() => clock.runAll()).toThrow("boom");
    expect(clock.now()).toBe(20);
    expect(log).toEqual(["boom@10", "after@10", "later@15", "boom@20"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: random programs of timer calls against a plain, linear-scan model.

interface ModelTimer {
  id: number;
  at: number;
  period: number | undefined;
  fn: () => void;
}

/** Obviously correct: finds the next timer by scanning all of them. */
class Model {
  time = 0;
  timers: ModelTimer[] = [];
  nextId = 1;
  constructor(readonly loopLimit: number) {}
  add(fn: () => void, delay: number | undefined, interval: boolean): number {
    let d = delay === undefined || Number.isNaN(delay) || delay < 0 || delay === Infinity ? 0 : Math.floor(delay);
    if (interval) d = Math.max(1, d);
    const timer = { id: this.nextId++, at: this.time + d, period: interval ? d : undefined, fn };
    this.timers.push(timer);
    return timer.id;
  }
  clear(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }
  earliest(): ModelTimer | undefined {
    let best: ModelTimer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }
  run(t: ModelTimer): void {
    this.time = t.at;
    if (t.period === undefined) this.clear(t.id);
    else t.at += t.period;
    t.fn();
  }
  tick(ms: number): number {
    const target = this.time + ms;
    for (let t = this.earliest(); t && t.at <= target; t = this.earliest()) this.run(t);
    this.time = target;
    return this.time;
  }
  next(): number {
    const t = this.earliest();
    if (t) this.run(t);
    return this.time;
  }
  runAll(): number {
    for (let ran = 0; this.earliest(); ran++) {
      if (ran === this.loopLimit) throw new Error(`Aborting after running ${this.loopLimit} timers, assuming an infinite loop!`);
      this.next();
    }
    return this.time;
  }
}

interface World {
  model: Model;
  modelLog: string[];
}
interface Real {
  clock: FakeClock;
  log: string[];
}

/** What a scheduled callback does besides logging: nothing, schedule a follow-up, clear a timer, or throw. */
type Then = { kind: "none" } | { kind: "schedule"; delay: number } | { kind: "clear"; id: number } | { kind: "throw" };

function thenText(then: Then): string {
  if (then.kind === "schedule") return `, then setTimeout(${then.delay})`;
  if (then.kind === "clear") return `, then clearTimeout(${then.id})`;
  if (then.kind === "throw") return ", then throw";
  return "";
}

/** Calls `act` on both sides; both must return the same value or throw the same message. */
function same(call: string, real: () => unknown, model: () => unknown): void {
  const attempt = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const got = attempt(real);
  const want = attempt(model);
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${call}: got ${JSON.stringify(got)}, the rules give ${JSON.stringify(want)}`);
}

function check(call: string, m: World, r: Real): void {
  if (r.clock.now() !== m.model.time) throw new Error(`after ${call}: now() is ${r.clock.now()}, the rules give ${m.model.time}`);
  if (r.clock.countTimers() !== m.model.timers.length) throw new Error(`after ${call}: countTimers() is ${r.clock.countTimers()}, the rules give ${m.model.timers.length}`);
  if (JSON.stringify(r.log) !== JSON.stringify(m.modelLog)) throw new Error(`after ${call}: callbacks ran as [${r.log.join(", ")}], the rules give [${m.modelLog.join(", ")}]`);
}

type Cmd = fc.Command<World, Real>;

function cmd(text: string, act: (m: World, r: Real) => void): Cmd {
  return {
    check: () => true,
    run(m, r) {
      act(m, r);
      check(text, m, r);
    },
    toString: () => text,
  };
}

function schedule(interval: boolean, delay: number | undefined, then: Then): Cmd {
  const name = `${interval ? "setInterval" : "setTimeout"}(${String(delay)}${thenText(then)})`;
  return cmd(name, (m, r) => {
    const label = `t${m.model.nextId}`; // the id the timer gets
    const callback = (log: string[], now: () => number, setT: (fn: () => void, d: number) => void, clear: (id: number) => void) => () => {
      log.push(`${label}@${now()}`);
      if (then.kind === "schedule") setT(() => log.push(`${label}+${then.delay}@${now()}`), then.delay);
      if (then.kind === "clear") clear(then.id);
      if (then.kind === "throw") throw new Error(`callback ${label} threw`);
    };
    const realFn = callback(r.log, () => r.clock.now(), (fn, d) => r.clock.setTimeout(fn, d), (id) => r.clock.clearTimeout(id));
    const modelFn = callback(m.modelLog, () => m.model.time, (fn, d) => m.model.add(fn, d, false), (id) => m.model.clear(id));
    same(name, () => (interval ? r.clock.setInterval(realFn, delay) : r.clock.setTimeout(realFn, delay)), () => m.model.add(modelFn, delay, interval));
  });
}

const delay = fc.constantFrom<number | undefined>(0, 1, 2, 3, 5, 8, 2.5, -1, undefined);
const then = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Then>({ kind: "none" }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 4).map((d): Then => ({ kind: "schedule", delay: d })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((id): Then => ({ kind: "clear", id })) },
  { weight: 1, arbitrary: fc.constant<Then>({ kind: "throw" }) },
);
const commands = fc.commands(
  [
    fc.tuple(delay, then).map(([d, t]) => schedule(false, d, t)),
    fc.tuple(fc.constantFrom(1, 2, 3, 4), then.filter((t) => t.kind !== "throw")).map(([d, t]) => schedule(true, d, t)),
    fc.tuple(fc.integer({ min: 1, max: 8 }), fc.boolean()).map(([id, asInterval]) =>
      cmd(`${asInterval ? "clearInterval" : "clearTimeout"}(${id})`, (m, r) => {
        if (asInterval) r.clock.clearInterval(id);
        else r.clock.clearTimeout(id);
        m.model.clear(id);
      }),
    ),
    fc.constantFrom(0, 1, 2, 3, 5, 10).map((ms) => cmd(`tick(${ms})`, (m, r) => same(`tick(${ms})`, () => r.clock.tick(ms), () => m.model.tick(ms)))),
    fc.constant(cmd("next()", (m, r) => same("next()", () => r.clock.next(), () => m.model.next()))),
    fc.constant(cmd("runAll()", (m, r) => same("runAll()", () => r.clock.runAll(), () => m.model.runAll()))),
  ],
  { maxCommands: 30 },
);

function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

describe("FakeClock: any sequence of calls", () => {
  it("agrees with a linear-scan model on every callback run, now(), countTimers() and return value (loopLimit 6)", () => {
    const report = fc.check(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: { model: new Model(6), modelLog: [] }, real: { clock: new FakeClock({ loopLimit: 6 }), log: [] } }), cmds);
      }),
      { numRuns: 100 },
    );
    failOnCounterexample(report);
  });
});

// ---------------------------------------------------------------------------------------------

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

describe("FakeClock: complexity", () => {
  it("runs an interval 80,000 times beside 19,800 pending timers in O(log n) per timer (a heap, not a scan of every pending timer)", () => {
    const clock = new FakeClock();
    const rand = prng(11);
    const never = () => {
      throw new Error("a timer due after the tick ran");
    };
    const ids: number[] = [];
    for (let i = 0; i < 22_000; i++) ids.push(clock.setTimeout(never, 1_000_000 + Math.floor(rand() * 1_000_000)));
    for (let i = 0; i < ids.length; i += 10) clock.clearTimeout(ids[i]);
    let beats = 0;
    let late = 0;
    const interval = clock.setInterval(() => {
      beats++;
      if (clock.now() !== beats) late++;
    }, 1);
    clock.tick(80_000);
    expect([beats, late]).toEqual([80_000, 0]);
    clock.clearInterval(interval);
    expect(clock.countTimers()).toBe(19_800);
  });
});
