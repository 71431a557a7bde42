import fc from "fast-check";
import { GcraLimiter, type GcraResult } from "./solution";

function setup(opts: { limit?: number; periodMs?: number; burst?: number } = {}) {
  const clock = { t: 0 };
  const limiter = new GcraLimiter({ limit: opts.limit ?? 10, periodMs: opts.periodMs ?? 1000, burst: opts.burst ?? 3, now: () => clock.t });
  return { clock, limiter };
}

const allowed = (r: GcraResult) => r.allowed;

describe("GcraLimiter: validation", () => {
  it("throws a RangeError for a limit, periodMs or burst that is not a positive integer", () => {
    const now = () => 0;
    for (const limit of [0, -1, 1.5, NaN, Infinity]) expect(() => new GcraLimiter({ limit, periodMs: 1000, burst: 1, now })).toThrow(RangeError);
    for (const periodMs of [0, -1000, 999.5, NaN, Infinity]) expect(() => new GcraLimiter({ limit: 1, periodMs, burst: 1, now })).toThrow(RangeError);
    for (const burst of [0, -2, 2.5, NaN, Infinity]) expect(() => new GcraLimiter({ limit: 1, periodMs: 1000, burst, now })).toThrow(RangeError);
  });

  it("throws a RangeError when periodMs is not divisible by limit (T must be a whole number of ms)", () => {
    expect(() => new GcraLimiter({ limit: 3, periodMs: 1000, burst: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => new GcraLimiter({ limit: 4, periodMs: 1000, burst: 1, now: () => 0 })).not.toThrow();
  });

  it("throws a RangeError for a cost that is not an integer from 1 to burst, without using up anything", () => {
    const { limiter } = setup({ burst: 3 });
    for (const cost of [0, -1, 1.5, 4, NaN]) expect(() => limiter.attempt("k", cost)).toThrow(RangeError);
    expect(limiter.attempt("k", 3)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 300 });
  });
});

describe("GcraLimiter: the decision", () => {
  it("sustains exactly one request per T after the burst is used up", () => {
    const { clock, limiter } = setup({ limit: 20, periodMs: 1000, burst: 5 }); // T = 50
    for (let i = 0; i < 5; i++) expect(limiter.attempt("k").allowed).toBe(true);
    const decisions: boolean[] = [];
    for (let t = 1; t <= 500; t++) {
      clock.t = t;
      decisions.push(limiter.attempt("k").allowed);
    }
    // One request fits every 50 ms: at t = 50, 100, ..., 500.
    expect(decisions.filter(Boolean).length).toBe(10);
    expect(decisions.map((d, i) => (d ? i + 1 : 0)).filter((t) => t > 0)).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
  });

  it("allows a request that arrives exactly at allowAt (t >= allowAt, not t > allowAt)", () => {
    const { clock, limiter } = setup({ burst: 1 }); // T = 100
    expect(limiter.attempt("k").allowed).toBe(true); // TAT 100
    clock.t = 100;
    expect(limiter.attempt("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 100 });
  });

  it("handles many requests with the same timestamp: exactly `burst` are allowed", () => {
    const { clock, limiter } = setup({ burst: 4 });
    clock.t = 12_345;
    const results = Array.from({ length: 10 }, () => limiter.attempt("same-ms"));
    expect(results.filter(allowed).length).toBe(4);
    expect(results.map((r) => r.remaining)).toEqual([3, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(results.slice(4).every((r) => r.retryAfterMs === 100 && r.resetAfterMs === 400)).toBe(true);
  });

  it("does not let an idle key bank unused time (base = max(tat, t))", () => {
    const { clock, limiter } = setup({ burst: 2 });
    limiter.attempt("k");
    clock.t = 10_000; // idle for a long time
    const results = Array.from({ length: 4 }, () => limiter.attempt("k"));
    expect(results.map(allowed)).toEqual([true, true, false, false]);
    expect(results[0]).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0, resetAfterMs: 100 });
  });

  it("does not push the TAT on a rejected request: a client retrying too early is not locked out", () => {
    const { clock, limiter } = setup({ burst: 1 });
    limiter.attempt("k"); // TAT 100
    for (let t = 10; t < 100; t += 10) {
      clock.t = t;
      expect(limiter.attempt("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100 - t, resetAfterMs: 100 - t });
    }
    clock.t = 100;
    expect(limiter.attempt("k").allowed).toBe(true);
  });

  it("weighs a request by its cost, and a rejected costly request leaves room for a cheap one", () => {
    const { clock, limiter } = setup({ burst: 5 }); // T = 100
    expect(limiter.attempt("k", 3)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0, resetAfterMs: 300 });
    expect(limiter.attempt("k", 3)).toEqual({ allowed: false, remaining: 2, retryAfterMs: 100, resetAfterMs: 300 });
    expect(limiter.attempt("k", 2)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 500 });
    clock.t = 250;
    expect(limiter.attempt("k", 4)).toEqual({ allowed: false, remaining: 2, retryAfterMs: 150, resetAfterMs: 250 });
    expect(limiter.attempt("k", 2)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 450 });
  });

  it("rounds `remaining` down between two intervals", () => {
    const { clock, limiter } = setup({ burst: 3 });
    for (let i = 0; i < 3; i++) limiter.attempt("k"); // TAT 300
    clock.t = 250; // TAT 300 is 50 ms ahead; after this request 150 ms: 1.5 intervals are free
    expect(limiter.attempt("k")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0, resetAfterMs: 150 });
    expect(limiter.attempt("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 250 });
    expect(limiter.attempt("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 50, resetAfterMs: 250 });
  });
});

describe("GcraLimiter: a clock that goes backwards", () => {
  it("treats a backwards jump as no time passing, without extra requests or negative numbers", () => {
    const { clock, limiter } = setup({ burst: 2 });
    clock.t = 1000;
    limiter.attempt("k");
    limiter.attempt("k"); // TAT 1200
    clock.t = 0;
    const result = limiter.attempt("k");
    expect(result).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100, resetAfterMs: 200 });
    clock.t = 1100;
    expect(limiter.attempt("k").allowed).toBe(true);
  });

  it("keeps one time for the whole limiter, not one per key", () => {
    const { clock, limiter } = setup({ burst: 1 });
    clock.t = 1000;
    limiter.attempt("a");
    clock.t = 0; // back in time: for the limiter it is still 1000
    expect(limiter.attempt("b")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 100 });
    expect(limiter.attempt("b")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100, resetAfterMs: 100 });
    clock.t = 1050; // for the limiter, b's request was at 1000: 50 ms to go
    expect(limiter.attempt("b")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 50, resetAfterMs: 50 });
    clock.t = 1100;
    expect(limiter.attempt("b").allowed).toBe(true);
  });
});

// ---- Model-based test ---------------------------------------------------------------------------
// The model is a leaky bucket "meter": per key, the backlog in ms that drains one ms per ms.

interface Model {
  interval: number;
  burst: number;
  time: number; // the real clock (may go back)
  used: number; // the largest time used so far
  backlog: Map<string, { level: number; at: number }>;
}

type Real = { limiter: GcraLimiter; clock: { t: number } };

class Attempt implements fc.Command<Model, Real> {
  constructor(readonly key: string, readonly cost: number) {}
  check(m: Readonly<Model>) {
    return this.cost <= m.burst;
  }
  run(m: Model, r: Real) {
    const t = Math.max(m.time, m.used);
    m.used = t;
    const entry = m.backlog.get(this.key);
    const current = entry ? Math.max(0, entry.level - (t - entry.at)) : 0;
    const capacity = m.burst * m.interval;
    const needed = current + this.cost * m.interval;
    let want: GcraResult;
    if (needed <= capacity) {
      m.backlog.set(this.key, { level: needed, at: t });
      want = { allowed: true, remaining: Math.floor((capacity - needed) / m.interval), retryAfterMs: 0, resetAfterMs: needed };
    } else {
      want = { allowed: false, remaining: Math.floor((capacity - current) / m.interval), retryAfterMs: needed - capacity, resetAfterMs: current };
    }
    expect(r.limiter.attempt(this.key, this.cost)).toEqual(want);
  }
  toString() {
    return `attempt(${JSON.stringify(this.key)}, ${this.cost})`;
  }
}

class Tick implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    m.time += this.ms;
    r.clock.t = m.time;
  }
  toString() {
    return this.ms >= 0 ? `clock += ${this.ms}` : `clock -= ${-this.ms} (backwards)`;
  }
}

describe("GcraLimiter: model check", () => {
  it("matches a leaky-bucket model on random sequences of attempts, equal timestamps and backward clock jumps", () => {
    const settings = fc.record({ limit: fc.constantFrom(1, 2, 4, 5, 10), burst: fc.integer({ min: 1, max: 4 }) });
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 1, max: 4 })).map(([key, cost]) => new Attempt(key, cost)),
        fc.constantFrom("a", "b").map((key) => new Attempt(key, 1)),
        fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constantFrom(0, 0, 1, 100), fc.integer({ min: -300, max: -1 })).map((ms) => new Tick(ms)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(settings, commands, ({ limit, burst }, cmds) => {
        const periodMs = 1000;
        const setupRun = () => {
          const clock = { t: 0 };
          const limiter = new GcraLimiter({ limit, periodMs, burst, now: () => clock.t });
          const model: Model = { interval: periodMs / limit, burst, time: 0, used: -Infinity, backlog: new Map() };
          return { model, real: { limiter, clock } };
        };
        fc.modelRun(setupRun, cmds);
      }),
      { numRuns: 200 },
    );
  });
});
