import { BurnRateAlert, Histogram } from "./solution";

function latencies() {
  const h = new Histogram([100, 250, 500, 1000]);
  for (const ms of [50, 80, 100, 120, 200, 240, 300, 900, 1500, 2000]) h.observe(ms);
  return h;
}

describe("Histogram", () => {
  it("counts cumulatively, with le inclusive and a final +Inf bucket", () => {
    const h = latencies();
    expect(h.buckets()).toEqual([
      { le: 100, count: 3 },
      { le: 250, count: 6 },
      { le: 500, count: 7 },
      { le: 1000, count: 8 },
      { le: Infinity, count: 10 },
    ]);
    expect([h.count(), h.sum()]).toEqual([10, 5490]);
  });

  it("estimates quantiles by linear interpolation inside the target bucket", () => {
    const h = latencies();
    expect(h.quantile(0.5)).toBeCloseTo(200, 9); // 100 + 150 * (5 - 3) / 3
    expect(h.quantile(0.1)).toBeCloseTo(100 / 3, 9); // first bucket: lower edge 0
    expect(h.quantile(0.95)).toBe(1000); // +Inf bucket → highest finite bound
  });

  it("returns null for the quantile of an empty histogram", () => {
    expect(new Histogram([1, 2]).quantile(0.5)).toBeNull();
  });
});

describe("BurnRateAlert", () => {
  const page = { name: "page", longWindowMs: 3_600_000, shortWindowMs: 300_000, threshold: 14.4 };

  it("does not fire when only the short window burns fast", () => {
    const alert = new BurnRateAlert({ objective: 0.99, rules: [page] });
    for (let k = 1; k <= 1000; k++) alert.record(k * 3600, true);
    for (let k = 0; k < 40; k++) alert.record(3_600_000, false);
    const [status] = alert.evaluate(3_600_000);
    expect(status?.longBurnRate).toBeCloseTo(40 / 1040 / 0.01, 6);
    expect(status?.shortBurnRate).toBeCloseTo(40 / 124 / 0.01, 6);
    expect(status?.firing).toBe(false);
  });

  it("fires when both windows burn above the threshold, and stops once the short window is clean", () => {
    const alert = new BurnRateAlert({ objective: 0.99, rules: [page] });
    for (let k = 1; k <= 1000; k++) alert.record(k * 3600, true);
    for (let k = 0; k < 200; k++) alert.record(3_600_000, false);
    expect(alert.evaluate(3_600_000)[0]?.firing).toBe(true);
    expect(alert.evaluate(4_000_000)).toEqual([expect.objectContaining({ name: "page", shortBurnRate: 0, firing: false })]);
  });
});
