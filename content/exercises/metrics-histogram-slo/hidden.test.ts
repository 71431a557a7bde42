import fc from "fast-check";
import { BurnRateAlert, type BurnRateRule, Histogram } from "./solution";

function histogramOf(bounds: number[], values: number[]) {
  const h = new Histogram(bounds);
  for (const value of values) h.observe(value);
  return h;
}

describe("Histogram: input rules", () => {
  it("rejects bounds that are empty, not finite, not > 0 or not strictly increasing", () => {
    for (const bounds of [[], [0, 1], [-1, 5], [1, NaN], [1, Infinity], [5, 3], [1, 2, 2]]) {
      expect(() => new Histogram(bounds)).toThrow(RangeError);
    }
    expect(() => new Histogram([0.5])).not.toThrow();
  });

  it("keeps its own copy of the bounds", () => {
    const bounds = [10, 20];
    const h = new Histogram(bounds);
    bounds[0] = 1000;
    h.observe(15);
    expect(h.buckets()).toEqual([{ le: 10, count: 0 }, { le: 20, count: 1 }, { le: Infinity, count: 1 }]);
  });

  it("rejects negative, NaN and infinite observations without recording them, and puts 0 in the first bucket", () => {
    const h = new Histogram([10]);
    for (const value of [-1, NaN, Infinity]) expect(() => h.observe(value)).toThrow(RangeError);
    expect([h.count(), h.sum()]).toEqual([0, 0]);
    h.observe(0);
    expect(h.buckets()).toEqual([{ le: 10, count: 1 }, { le: Infinity, count: 1 }]);
  });

  it("puts a value equal to a bound in that bound's bucket (le is inclusive) and values above all bounds in +Inf", () => {
    const h = histogramOf([10, 20], [10, 20, 20.5, 10.000001]);
    expect(h.buckets()).toEqual([{ le: 10, count: 1 }, { le: 20, count: 3 }, { le: Infinity, count: 4 }]);
  });

  it("throws a RangeError for a quantile outside [0, 1] or NaN", () => {
    const h = histogramOf([10], [5]);
    for (const q of [-0.01, 1.01, NaN]) expect(() => h.quantile(q)).toThrow(RangeError);
    expect(h.quantile(0)).toBe(0);
    expect(h.quantile(1)).toBe(10);
  });
});

describe("Histogram: quantiles", () => {
  it("skips empty buckets: q = 0 gives the lower edge of the first non-empty bucket, never NaN", () => {
    const h = histogramOf([10, 20, 30], [25, 25]);
    expect(h.quantile(0)).toBe(20);
    expect(h.quantile(0.5)).toBe(25); // 20 + 10 * (1 - 0) / 2
    expect(h.quantile(1)).toBe(30);
  });

  it("stops at the first bucket whose cumulative count reaches the rank exactly", () => {
    const h = histogramOf([100, 200, 300], [50, 250]);
    expect(h.quantile(0.5)).toBe(100); // rank 1 = cumulative count of le=100, not the next non-empty bucket
    expect(h.quantile(0.75)).toBe(250); // rank 1.5 → le=300: 200 + 100 * 0.5 / 1
  });

  it("returns the highest finite bound when the quantile falls in the +Inf bucket", () => {
    const h = histogramOf([10, 20], [50, 60, 70]);
    expect([h.quantile(0), h.quantile(0.5), h.quantile(1)]).toEqual([20, 20, 20]);
  });

  it("matches the interpolation formula on random data and never decreases as q grows", () => {
    const bounds = [1, 2, 5, 10, 25, 50, 100];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 130 }), { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), (values, percents) => {
        const h = histogramOf(bounds, values);
        const perBucket = [...bounds.map((b, i) => values.filter((v) => v <= b && (i === 0 || v > (bounds[i - 1] as number))).length), values.filter((v) => v > 100).length];
        let running = 0;
        expect(h.buckets()).toEqual(perBucket.map((c, i) => ({ le: bounds[i] ?? Infinity, count: (running += c) })));
        let previous = -Infinity;
        for (const q of [...percents.map((p) => p / 100)].sort((a, b) => a - b)) {
          const rank = q * values.length;
          let below = 0;
          let want = 100;
          for (let i = 0; i < perBucket.length; i++) {
            const inBucket = perBucket[i] as number;
            if (inBucket > 0 && below + inBucket >= rank) {
              const lower = i === 0 ? 0 : (bounds[i - 1] as number);
              want = i === bounds.length ? 100 : lower + (((bounds[i] as number) - lower) * (rank - below)) / inBucket;
              break;
            }
            below += inBucket;
          }
          const got = h.quantile(q) as number;
          expect(`quantile(${q}) ≈ ${got.toFixed(6)}`).toBe(`quantile(${q}) ≈ ${want.toFixed(6)}`);
          expect(got).toBeGreaterThanOrEqual(previous - 1e-9);
          previous = got;
        }
      }),
      { numRuns: 150 },
    );
  });
});

const HALF = 0.5; // an objective whose error budget (0.5) is exact in floating point

describe("BurnRateAlert: input rules", () => {
  const rule = (overrides: Partial<BurnRateRule>): BurnRateRule => ({ name: "r", longWindowMs: 100, shortWindowMs: 10, threshold: 1, ...overrides });

  it("rejects an objective outside (0, 1) and bad rules", () => {
    for (const objective of [0, 1, -0.5, 1.5, NaN]) expect(() => new BurnRateAlert({ objective, rules: [] })).toThrow(RangeError);
    const bad = [rule({ shortWindowMs: 100 }), rule({ shortWindowMs: 200 }), rule({ threshold: 0 }), rule({ longWindowMs: Infinity }), rule({ shortWindowMs: -1 }), rule({ threshold: NaN })];
    for (const r of bad) expect(() => new BurnRateAlert({ objective: HALF, rules: [r] })).toThrow(RangeError);
    expect(() => new BurnRateAlert({ objective: HALF, rules: [rule({})] })).not.toThrow();
  });

  it("rejects an event earlier than the previous one, but accepts equal times", () => {
    const alert = new BurnRateAlert({ objective: HALF, rules: [rule({})] });
    alert.record(50, true);
    alert.record(50, false);
    expect(() => alert.record(49, false)).toThrow(RangeError);
    expect(() => alert.record(NaN, false)).toThrow(RangeError);
    expect(alert.evaluate(50)[0]?.longBurnRate).toBe(1); // 1 bad of 2 → 0.5 / 0.5; the rejected events were not kept
  });
});

describe("BurnRateAlert: windows and firing", () => {
  it("counts events in (now - w, now]: exactly w old has left, at now is in, after now is not yet", () => {
    const alert = new BurnRateAlert({ objective: HALF, rules: [{ name: "r", longWindowMs: 100, shortWindowMs: 10, threshold: 1 }] });
    alert.record(0, false); // exactly 100 old at now = 100: out of the long window
    alert.record(90, false); // exactly 10 old: out of the short window, in the long one
    alert.record(95, true);
    alert.record(100, true); // at now: in both
    alert.record(150, false); // in the future at now = 100
    const [status] = alert.evaluate(100);
    expect(status).toEqual({ name: "r", longBurnRate: (1 / 3) / 0.5, shortBurnRate: 0, firing: false });
  });

  it("reports 0 (not NaN) for an empty window", () => {
    const alert = new BurnRateAlert({ objective: HALF, rules: [{ name: "r", longWindowMs: 100, shortWindowMs: 10, threshold: 1 }] });
    expect(alert.evaluate(1000)).toEqual([{ name: "r", longBurnRate: 0, shortBurnRate: 0, firing: false }]);
  });

  it("divides the error rate by the error budget", () => {
    const alert = new BurnRateAlert({ objective: 0.875, rules: [{ name: "r", longWindowMs: 100, shortWindowMs: 10, threshold: 4 }] });
    for (let k = 0; k < 3; k++) alert.record(95, true);
    alert.record(95, false);
    expect(alert.evaluate(100)[0]).toEqual({ name: "r", longBurnRate: 2, shortBurnRate: 2, firing: false }); // 0.25 / 0.125
  });

  it("fires only strictly above the threshold, in both windows", () => {
    const rule = { name: "r", longWindowMs: 100, shortWindowMs: 10, threshold: 2 };
    const atThreshold = new BurnRateAlert({ objective: 0.75, rules: [rule] });
    atThreshold.record(95, false);
    atThreshold.record(95, true); // error rate 0.5 → burn rate exactly 2
    expect(atThreshold.evaluate(100)[0]).toEqual({ ...{ name: "r" }, longBurnRate: 2, shortBurnRate: 2, firing: false });
    atThreshold.record(96, false); // 2 of 3 bad → 2.67 in both
    expect(atThreshold.evaluate(100)[0]?.firing).toBe(true);
  });

  it("needs both windows: an old incident (long only) or a blip (short only) does not fire", () => {
    const rule = { name: "r", longWindowMs: 100, shortWindowMs: 10, threshold: 1.5 };
    const old = new BurnRateAlert({ objective: HALF, rules: [rule] });
    for (let k = 0; k < 9; k++) old.record(10, false);
    old.record(95, true);
    expect(old.evaluate(100)[0]).toEqual({ name: "r", longBurnRate: 1.8, shortBurnRate: 0, firing: false });
    const blip = new BurnRateAlert({ objective: HALF, rules: [rule] });
    for (let k = 0; k < 9; k++) blip.record(10, true);
    blip.record(95, false);
    expect(blip.evaluate(100)[0]).toEqual({ name: "r", longBurnRate: 0.2, shortBurnRate: 2, firing: false });
  });

  it("evaluates several rules independently, in rule order", () => {
    const alert = new BurnRateAlert({
      objective: HALF,
      rules: [
        { name: "page", longWindowMs: 60, shortWindowMs: 5, threshold: 1.5 },
        { name: "ticket", longWindowMs: 600, shortWindowMs: 30, threshold: 1 },
      ],
    });
    for (let k = 0; k < 10; k++) alert.record(k * 10, true); // 0..90, all good
    for (let k = 0; k < 10; k++) alert.record(560, false);
    const statuses = alert.evaluate(560);
    expect(statuses.map((s) => [s.name, s.firing])).toEqual([["page", true], ["ticket", false]]);
    expect(statuses[1]?.longBurnRate).toBe(1); // 10 bad of 20 in (-40, 560]
  });
});

// ---- Model-based test ---------------------------------------------------------------------------

interface AlertModel {
  time: number;
  events: { at: number; good: boolean }[];
}

interface AlertReal {
  alert: BurnRateAlert;
}

const OBJECTIVE = 0.75; // error budget 0.25: dividing by it is exact, so burn rates compare exactly
const RULES: BurnRateRule[] = [
  { name: "fast", longWindowMs: 60, shortWindowMs: 5, threshold: 2 },
  { name: "slow", longWindowMs: 360, shortWindowMs: 30, threshold: 1 },
];

function modelBurn(m: AlertModel, now: number, windowMs: number) {
  const inWindow = m.events.filter((e) => e.at > now - windowMs && e.at <= now);
  return inWindow.length === 0 ? 0 : inWindow.filter((e) => !e.good).length / inWindow.length / (1 - OBJECTIVE);
}

class Record implements fc.Command<AlertModel, AlertReal> {
  constructor(readonly good: boolean, readonly count: number) {}
  check = () => true;
  run(m: AlertModel, r: AlertReal) {
    for (let k = 0; k < this.count; k++) {
      m.events.push({ at: m.time, good: this.good });
      r.alert.record(m.time, this.good);
    }
  }
  toString = () => `record ${this.count} × ${this.good ? "good" : "bad"}`;
}

class Advance implements fc.Command<AlertModel, AlertReal> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: AlertModel) {
    m.time += this.ms;
  }
  toString = () => `time += ${this.ms}`;
}

class Evaluate implements fc.Command<AlertModel, AlertReal> {
  constructor(readonly lookAhead: number) {}
  check = () => true;
  run(m: AlertModel, r: AlertReal) {
    const now = m.time + this.lookAhead;
    const want = RULES.map((rule) => {
      const longBurnRate = modelBurn(m, now, rule.longWindowMs);
      const shortBurnRate = modelBurn(m, now, rule.shortWindowMs);
      return { name: rule.name, longBurnRate, shortBurnRate, firing: longBurnRate > rule.threshold && shortBurnRate > rule.threshold };
    });
    expect(r.alert.evaluate(now)).toEqual(want);
  }
  toString = () => `evaluate(now + ${this.lookAhead})`;
}

describe("BurnRateAlert: model check", () => {
  it("matches a model of windows, burn rates and firing over random event streams", () => {
    const commands = fc.commands(
      [
        fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 })).map(([good, count]) => new Record(good, count)),
        fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(5, 30, 60, 360)).map((ms) => new Advance(ms)),
        fc.constantFrom(0, 0, 5, 30).map((ahead) => new Evaluate(ahead)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: { time: 0, events: [] }, real: { alert: new BurnRateAlert({ objective: OBJECTIVE, rules: RULES }) } }), cmds);
      }),
      { numRuns: 150 },
    );
  });
});
