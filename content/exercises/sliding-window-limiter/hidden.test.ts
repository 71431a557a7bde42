import fc from "fast-check";
import { createSlidingWindowLimiter } from "./solution";

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

/** Throws a message naming the call and both answers. */
function same(call: string, got: unknown, want: unknown): void {
  if (!Object.is(got, want)) throw new Error(`${call} returned ${String(got)}, the rules give ${String(want)}`);
}

/** Small deterministic PRNG (mulberry32). */
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

function limiterAt(limit: number, windowMs: number) {
  const time = { t: 0 };
  const limiter = createSlidingWindowLimiter({ limit, windowMs, now: () => time.t });
  return { limiter, time };
}

describe("createSlidingWindowLimiter: validation", () => {
  it("throws a RangeError unless limit is a positive integer", () => {
    for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createSlidingWindowLimiter({ limit, windowMs: 1000 })).toThrow(RangeError);
    }
  });

  it("throws a RangeError unless windowMs is a finite number > 0", () => {
    for (const windowMs of [0, -1000, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createSlidingWindowLimiter({ limit: 1, windowMs })).toThrow(RangeError);
    }
  });
});

describe("createSlidingWindowLimiter: the window", () => {
  it("is open on the left: a hit exactly windowMs ago no longer counts, one ms later than that does", () => {
    const { limiter, time } = limiterAt(1, 1000);
    time.t = 5000;
    expect(limiter.hit("k").allowed).toBe(true);
    time.t = 5999;
    expect(limiter.hit("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
    time.t = 6000;
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it("slides continuously instead of resetting at fixed boundaries", () => {
    const { limiter, time } = limiterAt(2, 1000);
    time.t = 900;
    expect(limiter.hit("k").allowed).toBe(true);
    time.t = 1100;
    expect(limiter.hit("k").allowed).toBe(true);
    time.t = 1500; // a fixed window [1000, 2000) would hold only one hit here
    expect(limiter.hit("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 400 });
    time.t = 1900;
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it("does not record rejected hits", () => {
    const { limiter, time } = limiterAt(2, 1000);
    limiter.hit("k"); // t = 0
    time.t = 100;
    limiter.hit("k");
    for (const t of [200, 500, 900, 999]) {
      time.t = t;
      expect(limiter.hit("k").allowed).toBe(false);
    }
    time.t = 1000; // only the hit at 100 is still counted
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    time.t = 1100;
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it("reports retryAfterMs as the time until the oldest counted hit leaves the window", () => {
    const { limiter, time } = limiterAt(3, 1000);
    for (const t of [0, 200, 400]) {
      time.t = t;
      limiter.hit("k");
    }
    time.t = 500;
    expect(limiter.hit("k").retryAfterMs).toBe(500);
    time.t = 1000; // the hit at 0 has left; 200, 400, 1000 are now counted
    expect(limiter.hit("k").allowed).toBe(true);
    time.t = 1100;
    expect(limiter.hit("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100 });
    time.t = 1200;
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it("counts hits in the same millisecond separately", () => {
    const { limiter, time } = limiterAt(3, 250);
    time.t = 42;
    expect([0, 1, 2, 3].map(() => limiter.hit("k"))).toEqual([
      { allowed: true, remaining: 2, retryAfterMs: 0 },
      { allowed: true, remaining: 1, retryAfterMs: 0 },
      { allowed: true, remaining: 0, retryAfterMs: 0 },
      { allowed: false, remaining: 0, retryAfterMs: 250 },
    ]);
    time.t = 292;
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it("gives back capacity as old hits slide out", () => {
    const { limiter, time } = limiterAt(4, 1000);
    for (const t of [0, 10, 20, 30]) {
      time.t = t;
      limiter.hit("k");
    }
    time.t = 1015; // 0 and 10 have left, 20 and 30 remain
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    time.t = 5000; // everything has left
    expect(limiter.hit("k")).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
  });

  it("uses Date.now when no clock is given", () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.hit("k").allowed).toBe(true);
    clock.advance(300);
    expect(limiter.hit("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 700 });
    clock.advance(700);
    expect(limiter.hit("k").allowed).toBe(true);
  });
});

describe("createSlidingWindowLimiter: keys", () => {
  it("keeps keys independent, including names like __proto__ and constructor", () => {
    const { limiter, time } = limiterAt(2, 1000);
    const keys = ["__proto__", "constructor", "toString", "hasOwnProperty", "alice", ""];
    for (const key of keys) expect(limiter.hit(key)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    time.t = 10;
    for (const key of keys) expect(limiter.hit(key)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    time.t = 20;
    for (const key of keys) expect(limiter.hit(key)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 980 });
  });

  it("matches a brute-force model over 5,000 random hits on a few keys", () => {
    const rand = prng(2024);
    for (let round = 0; round < 10; round++) {
      const limit = 1 + Math.floor(rand() * 5);
      const windowMs = 10 + Math.floor(rand() * 990);
      let t = Math.floor(rand() * 1_000_000);
      const limiter = createSlidingWindowLimiter({ limit, windowMs, now: () => t });
      const model = new Map<string, number[]>();
      let divergence = "";
      for (let i = 0; i < 500 && divergence === ""; i++) {
        // Mostly small steps (often 0), sometimes exactly one window, sometimes a long pause.
        const r = rand();
        t += r < 0.3 ? 0 : r < 0.9 ? Math.floor(rand() * (windowMs / 4)) : r < 0.95 ? windowMs : windowMs * 3;
        const key = `k${Math.floor(rand() * 3)}`;
        const log = (model.get(key) ?? []).filter((x) => x > t - windowMs);
        let want: { allowed: boolean; remaining: number; retryAfterMs: number };
        if (log.length < limit) {
          log.push(t);
          want = { allowed: true, remaining: limit - log.length, retryAfterMs: 0 };
        } else {
          want = { allowed: false, remaining: 0, retryAfterMs: (log[0] as number) + windowMs - t };
        }
        model.set(key, log);
        const got = limiter.hit(key);
        if (got.allowed !== want.allowed || got.remaining !== want.remaining || got.retryAfterMs !== want.retryAfterMs) {
          divergence =
            `limit ${limit}, windowMs ${windowMs}, hit #${i + 1} on ${key} at t=${t}: ` +
            `got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
        }
      }
      expect(divergence).toBe("");
    }
  });
});

/** The spec, brute force: each key's allowed hits, filtered to the window on every hit. */
class LimiterModel {
  now = 0;
  readonly #logs = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}
  hit(key: string): { allowed: boolean; remaining: number; retryAfterMs: number } {
    const log = (this.#logs.get(key) ?? []).filter((time) => time > this.now - this.windowMs);
    this.#logs.set(key, log);
    if (log.length >= this.limit) return { allowed: false, remaining: 0, retryAfterMs: (log[0] as number) + this.windowMs - this.now };
    log.push(this.now);
    return { allowed: true, remaining: this.limit - log.length, retryAfterMs: 0 };
  }
}

interface Real {
  limiter: ReturnType<typeof createSlidingWindowLimiter>;
  time: { t: number };
}
type Command = fc.Command<LimiterModel, Real>;

/** Prints a result with its fields in a fixed order, whatever order the solution built them in. */
const show = (r: { allowed: boolean; remaining: number; retryAfterMs: number }) =>
  `{ allowed: ${r.allowed}, remaining: ${r.remaining}, retryAfterMs: ${r.retryAfterMs} }`;

const WINDOW_MS = 100;
const hit = fc.constantFrom("a", "b", "c").map(
  (key): Command => ({
    check: () => true,
    run(model, real) {
      same(`hit(${key})`, show(real.limiter.hit(key)), show(model.hit(key)));
    },
    toString: () => `hit(${key})`,
  }),
);
// Pauses around the window's length, where the boundary mistakes show.
const advance = fc.constantFrom(1, 10, 40, WINDOW_MS - 1, WINDOW_MS, WINDOW_MS + 1, 3 * WINDOW_MS).map(
  (ms): Command => ({
    check: () => true,
    run(model, real) {
      model.now += ms;
      real.time.t += ms;
    },
    toString: () => `advance(${ms}ms)`,
  }),
);
const limit = fc.integer({ min: 1, max: 3 }).map((n) => ({ n, toString: () => `createSlidingWindowLimiter({ limit: ${n}, windowMs: ${WINDOW_MS} })` }));

describe("createSlidingWindowLimiter: any sequence of hits and pauses", () => {
  it("answers every hit like the brute-force definition of the window, on three keys", () => {
    const report = fc.check(
      fc.property(limit, fc.commands([hit, advance], { size: "+1" }), ({ n }, cmds) => {
        fc.modelRun(() => {
          const time = { t: 0 };
          const limiter = createSlidingWindowLimiter({ limit: n, windowMs: WINDOW_MS, now: () => time.t });
          return { model: new LimiterModel(n, WINDOW_MS), real: { limiter, time } };
        }, cmds);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});

describe("createSlidingWindowLimiter: cost", () => {
  it("handles 90,000 hits on one key with a limit of 30,000 quickly (O(1) amortised per hit)", () => {
    const { limiter, time } = limiterAt(30_000, 60_000);
    let allowed = 0;
    for (let i = 0; i < 90_000; i++) {
      time.t = i;
      if (limiter.hit("hot").allowed) allowed++;
    }
    // t = 0..29,999 fill the window; 30,000..59,999 are rejected; from 60,000 on one slot frees per ms.
    expect(allowed).toBe(60_000);
  });

  it("reclaims idle keys: 250,000 one-off API keys over time neither slow down nor exhaust memory", () => {
    const { limiter, time } = limiterAt(3, 5000);
    // Realistic 64-character API keys: a limiter that never forgets a key holds all of them.
    const apiKey = (i: number) => `sk_live_${i.toString(36).padStart(8, "0")}${"x".repeat(48)}`;
    let allowed = 0;
    for (let i = 0; i < 250_000; i++) {
      time.t = i;
      if (limiter.hit(apiKey(i)).allowed) allowed++;
    }
    expect(allowed).toBe(250_000);
    // Old keys start from scratch, recent ones are still remembered.
    expect(limiter.hit(apiKey(0))).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(limiter.hit(apiKey(249_999))).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
  });
});
