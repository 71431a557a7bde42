import fc from "fast-check";
import { TokenBucket } from "./solution";

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

function bucketAt(capacity: number, refillPerSecond: number) {
  const time = { t: 0 };
  const bucket = new TokenBucket({ capacity, refillPerSecond, now: () => time.t });
  return { bucket, time };
}

describe("TokenBucket: validation", () => {
  it("rejects capacities that are not finite and > 0", () => {
    for (const capacity of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new TokenBucket({ capacity, refillPerSecond: 1 })).toThrow(RangeError);
    }
  });

  it("rejects refill rates that are negative or not finite, and accepts 0", () => {
    for (const refillPerSecond of [-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new TokenBucket({ capacity: 1, refillPerSecond })).toThrow(RangeError);
    }
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0 })).not.toThrow();
  });

  it("throws a RangeError when asked for 0, negative, NaN or infinite tokens, and removes nothing", () => {
    const { bucket } = bucketAt(5, 1);
    for (const tokens of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => bucket.tryRemove(tokens)).toThrow(RangeError);
    }
    expect(bucket.available()).toBe(5);
  });
});

describe("TokenBucket: removing", () => {
  it("takes one token by default and more when asked", () => {
    const { bucket } = bucketAt(10, 0);
    expect(bucket.tryRemove()).toBe(true);
    expect(bucket.available()).toBe(9);
    expect(bucket.tryRemove(4)).toBe(true);
    expect(bucket.available()).toBe(5);
  });

  it("allows taking exactly what is left, and fractional amounts", () => {
    const { bucket } = bucketAt(2.5, 0);
    expect(bucket.available()).toBe(2.5);
    expect(bucket.tryRemove(0.5)).toBe(true);
    expect(bucket.tryRemove(2)).toBe(true);
    expect(bucket.available()).toBe(0);
    expect(bucket.tryRemove(0.25)).toBe(false);
  });

  it("never lets a request larger than the capacity through, even when full", () => {
    const { bucket, time } = bucketAt(5, 100);
    expect(bucket.tryRemove(6)).toBe(false);
    time.t = 1_000_000;
    expect(bucket.tryRemove(5.5)).toBe(false);
    expect(bucket.available()).toBe(5);
  });

  it("does not go into debt: failed requests leave the balance untouched", () => {
    const { bucket, time } = bucketAt(4, 4); // 1 token per 250 ms
    expect(bucket.tryRemove(4)).toBe(true);
    time.t = 125;
    expect(bucket.tryRemove()).toBe(false); // 0.5 available
    expect(bucket.tryRemove()).toBe(false);
    time.t = 250;
    expect(bucket.available()).toBeCloseTo(1, 9); // the failures cost nothing
    expect(bucket.tryRemove()).toBe(true);
    expect(bucket.available()).toBeCloseTo(0, 9);
  });
});

describe("TokenBucket: refill", () => {
  it("never refills when refillPerSecond is 0", () => {
    const { bucket, time } = bucketAt(2, 0);
    bucket.tryRemove(2);
    time.t = 10_000_000;
    expect(bucket.available()).toBe(0);
    expect(bucket.tryRemove()).toBe(false);
  });

  it("refills in proportion to elapsed milliseconds (fractions count)", () => {
    const { bucket, time } = bucketAt(100, 8);
    bucket.tryRemove(100);
    for (const [ms, expected] of [[1, 0.008], [125, 1], [500, 4], [1000, 8], [3125, 25]] as const) {
      time.t = ms;
      expect(bucket.available()).toBeCloseTo(expected, 9);
    }
  });

  it("counts elapsed time once, however often the balance is read", () => {
    const { bucket, time } = bucketAt(10, 1);
    bucket.tryRemove(10);
    for (let ms = 0; ms <= 4000; ms += 10) {
      time.t = ms;
      bucket.available();
      bucket.tryRemove(5); // fails until 5 tokens have accumulated
    }
    // Reading the balance every 10 ms must not add the same milliseconds twice: 4 s at 1/s is 4.
    expect(bucket.available()).toBeCloseTo(4, 9);
  });

  it("loses refill that would overflow the capacity (a full bucket does not bank time)", () => {
    const { bucket, time } = bucketAt(2, 1);
    time.t = 5000; // full the whole time: the 5 tokens earned are lost
    expect(bucket.tryRemove(2)).toBe(true);
    expect(bucket.available()).toBe(0);
    time.t = 5500;
    expect(bucket.available()).toBeCloseTo(0.5, 9);
  });

  it("sustains exactly the refill rate under constant pressure", () => {
    // 10 tokens/s, burst 5, a request every 50 ms for 10 s: 5 (burst) + 100 (refill) succeed.
    const { bucket, time } = bucketAt(5, 10);
    let allowed = 0;
    for (let ms = 0; ms <= 10_000; ms += 50) {
      time.t = ms;
      if (bucket.tryRemove()) allowed++;
    }
    expect(allowed).toBe(105);
  });

  it("uses Date.now when no clock is given", () => {
    const bucket = new TokenBucket({ capacity: 4, refillPerSecond: 2 });
    expect(bucket.tryRemove(4)).toBe(true);
    expect(bucket.tryRemove()).toBe(false);
    clock.advance(750);
    expect(bucket.available()).toBeCloseTo(1.5, 9);
    expect(bucket.tryRemove()).toBe(true);
  });
});

/**
 * The spec as a few lines of arithmetic. The rates make every refill a multiple of 1/16 token per
 * millisecond, and any pause long enough to earn more than the capacity is capped, so every usual
 * formula (elapsed * rate / 1000, elapsed / 1000 * rate, ...) gives exact balances and the
 * comparisons can be exact, boundaries included.
 */
class BucketModel {
  tokens: number;
  now = 0;
  #last = 0;
  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
  ) {
    this.tokens = capacity;
  }
  refill(): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((this.now - this.#last) * this.refillPerSecond) / 1000);
    this.#last = this.now;
  }
}

interface Real {
  bucket: TokenBucket;
  time: { t: number };
}
type Command = fc.Command<BucketModel, Real>;

const advance = fc.constantFrom(1, 2, 4, 8, 16, 100, 10_000).map(
  (ms): Command => ({
    check: () => true,
    run(model, real) {
      model.now += ms;
      real.time.t += ms;
    },
    toString: () => `advance(${ms}ms)`,
  }),
);

const tryRemove = fc.constantFrom(0.5, 1, 1.5, 2, 3, 5).map(
  (tokens): Command => ({
    check: () => true,
    run(model, real) {
      model.refill();
      const want = model.tokens >= tokens;
      if (want) model.tokens -= tokens;
      same(`tryRemove(${tokens})`, real.bucket.tryRemove(tokens), want);
    },
    toString: () => `tryRemove(${tokens})`,
  }),
);

const available = fc.constant<Command>({
  check: () => true,
  run(model, real) {
    model.refill();
    same("available()", real.bucket.available(), model.tokens);
  },
  toString: () => "available()",
});

const shape = fc
  .record({ capacity: fc.constantFrom(1, 2.5, 4), refillPerSecond: fc.constantFrom(0, 62.5, 125, 250, 1000) })
  .map((opts) => ({ ...opts, toString: () => `new TokenBucket({ capacity: ${opts.capacity}, refillPerSecond: ${opts.refillPerSecond} })` }));

describe("TokenBucket: any sequence of calls and pauses", () => {
  it("agrees with the spec's arithmetic on every tryRemove and available, whatever happened before", () => {
    const report = fc.check(
      fc.property(shape, fc.commands([advance, tryRemove, available], { size: "+1" }), ({ capacity, refillPerSecond }, cmds) => {
        fc.modelRun(() => {
          const time = { t: 0 };
          const bucket = new TokenBucket({ capacity, refillPerSecond, now: () => time.t });
          return { model: new BucketModel(capacity, refillPerSecond), real: { bucket, time } };
        }, cmds);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});
