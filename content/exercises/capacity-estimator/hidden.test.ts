import fc from "fast-check";
import { DAYS_PER_YEAR, SECONDS_PER_DAY, estimate, formatBytes, type Assumptions, type Estimate } from "./solution";

const base: Assumptions = {
  dailyActiveUsers: 864_000,
  actionsPerUserPerDay: 10,
  readWriteRatio: [4, 1],
  objectSizeBytes: 500,
  retentionDays: 30,
  peakFactor: 3,
  replicationFactor: 2,
  qpsPerServer: 100,
};

/** Relative closeness, for floating-point results computed in a possibly different order. */
function near(got: number, want: number, label: string): void {
  const ok = got === want || Math.abs(got - want) <= 1e-9 * Math.max(Math.abs(got), Math.abs(want));
  if (!ok) throw new Error(`${label} is ${got}, the formulas give ${want}`);
}

const FIELDS = ["readsPerDay", "writesPerDay", "readQps", "writeQps", "peakReadQps", "peakWriteQps", "storagePerDayBytes", "storagePerYearBytes", "storageTotalBytes", "ingressBytesPerSec", "egressBytesPerSec"] as const;

function expectEstimate(got: Estimate, want: Omit<Estimate, "servers"> & { servers: number }): void {
  for (const field of FIELDS) near(got[field], want[field], field);
  expect(got.servers).toBe(want.servers);
}

describe("estimate: the formulas", () => {
  it("gives exact figures for a round example (864k users, 10 actions, 4:1, 500 B, 30 days, 3x peak, 2 replicas)", () => {
    expectEstimate(estimate(base), {
      readsPerDay: 6_912_000,
      writesPerDay: 1_728_000,
      readQps: 80,
      writeQps: 20,
      peakReadQps: 240,
      peakWriteQps: 60,
      storagePerDayBytes: 1_728_000_000,
      storagePerYearBytes: 630_720_000_000,
      storageTotalBytes: 51_840_000_000,
      ingressBytesPerSec: 10_000,
      egressBytesPerSec: 40_000,
      servers: 3,
    });
    expect(SECONDS_PER_DAY).toBe(86_400);
    expect(DAYS_PER_YEAR).toBe(365);
  });

  it("rounds servers up, and asks for exactly n servers when the peak is exactly n servers' worth", () => {
    expect(estimate({ ...base, qpsPerServer: 100 }).servers).toBe(3); // 300 / 100 = 3
    expect(estimate({ ...base, qpsPerServer: 120 }).servers).toBe(3); // 2.5
    expect(estimate({ ...base, qpsPerServer: 150 }).servers).toBe(2); // 2
    expect(estimate({ ...base, qpsPerServer: 299 }).servers).toBe(2); // 1.003
    expect(estimate({ ...base, qpsPerServer: 300 }).servers).toBe(1);
    expect(estimate({ ...base, qpsPerServer: 1e9 }).servers).toBe(1);
    expect(estimate({ ...base, qpsPerServer: 0.5 }).servers).toBe(600);
  });

  it("sizes servers for reads and writes together, at the peak", () => {
    // Average load 100 QPS, peak 300: 80 + 20 reads and writes at 3x.
    expect(estimate({ ...base, peakFactor: 1, qpsPerServer: 50 }).servers).toBe(2);
    expect(estimate({ ...base, peakFactor: 3, qpsPerServer: 50 }).servers).toBe(6);
    expect(estimate({ ...base, readWriteRatio: [0, 1], qpsPerServer: 50 }).servers).toBe(6);
    expect(estimate({ ...base, readWriteRatio: [1, 0], qpsPerServer: 50 }).servers).toBe(6);
  });

  it("handles read-only and write-only ratios, and treats [8, 2] like [4, 1]", () => {
    const readOnly = estimate({ ...base, readWriteRatio: [1, 0] });
    expect([readOnly.writesPerDay, readOnly.storagePerDayBytes, readOnly.ingressBytesPerSec]).toEqual([0, 0, 0]);
    near(readOnly.readsPerDay, 8_640_000, "readsPerDay");
    const writeOnly = estimate({ ...base, readWriteRatio: [0, 3] });
    expect([writeOnly.readsPerDay, writeOnly.egressBytesPerSec]).toEqual([0, 0]);
    near(writeOnly.storagePerDayBytes, 8_640_000 * 500 * 2, "storagePerDayBytes");
    const scaled = estimate({ ...base, readWriteRatio: [8, 2] });
    for (const field of FIELDS) near(scaled[field], estimate(base)[field], field);
  });

  it("multiplies storage by replication but not bandwidth, and bandwidth by object size but not QPS", () => {
    const three = estimate({ ...base, replicationFactor: 3, objectSizeBytes: 1000 });
    near(three.storagePerDayBytes, 1_728_000 * 1000 * 3, "storagePerDayBytes");
    near(three.storageTotalBytes, 1_728_000 * 1000 * 3 * 30, "storageTotalBytes");
    near(three.ingressBytesPerSec, 20 * 1000, "ingressBytesPerSec");
    near(three.egressBytesPerSec, 80 * 1000, "egressBytesPerSec");
    near(three.readQps, 80, "readQps");
    const empty = estimate({ ...base, objectSizeBytes: 0 });
    expect([empty.storagePerDayBytes, empty.ingressBytesPerSec, empty.egressBytesPerSec]).toEqual([0, 0, 0]);
    near(empty.peakWriteQps, 60, "peakWriteQps");
  });

  it("keeps storage for retentionDays (not a year) in the total, and a 365-day year", () => {
    const week = estimate({ ...base, retentionDays: 7 });
    near(week.storageTotalBytes, 1_728_000_000 * 7, "storageTotalBytes");
    near(week.storagePerYearBytes, 1_728_000_000 * 365, "storagePerYearBytes");
    const decade = estimate({ ...base, retentionDays: 3650 });
    near(decade.storageTotalBytes, 1_728_000_000 * 3650, "storageTotalBytes");
  });

  it("keeps fractional results unrounded (1 user, 1 action: 1/86400 QPS)", () => {
    const tiny = estimate({ ...base, dailyActiveUsers: 1, actionsPerUserPerDay: 1, readWriteRatio: [1, 1], peakFactor: 2.5, objectSizeBytes: 3 });
    near(tiny.readsPerDay, 0.5, "readsPerDay");
    near(tiny.readQps, 0.5 / 86_400, "readQps");
    near(tiny.peakWriteQps, 1.25 / 86_400, "peakWriteQps");
    near(tiny.storagePerDayBytes, 3, "storagePerDayBytes");
    near(tiny.egressBytesPerSec, 1.5 / 86_400, "egressBytesPerSec");
    expect(tiny.servers).toBe(1);
  });
});

describe("estimate: validation", () => {
  const bad: [keyof Assumptions, unknown[]][] = [
    ["dailyActiveUsers", [0, -1, Number.NaN, Number.POSITIVE_INFINITY]],
    ["actionsPerUserPerDay", [0, -0.5, Number.NaN, Number.POSITIVE_INFINITY]],
    ["readWriteRatio", [[0, 0], [-1, 1], [1, -1], [-1, 2], [2, -1], [Number.NaN, 1], [1, Number.POSITIVE_INFINITY], [Number.POSITIVE_INFINITY, 0]]],
    ["objectSizeBytes", [-1, Number.NaN, Number.POSITIVE_INFINITY]],
    ["retentionDays", [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]],
    ["peakFactor", [0.99, 0, -2, Number.NaN, Number.POSITIVE_INFINITY]],
    ["replicationFactor", [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]],
    ["qpsPerServer", [0, -10, Number.NaN, Number.POSITIVE_INFINITY]],
  ];

  it("throws a RangeError naming the field for every invalid value", () => {
    for (const [field, values] of bad) {
      for (const value of values) {
        const call = () => estimate({ ...base, [field]: value });
        expect(call, `${field}: ${String(value)}`).toThrow(RangeError);
        expect(call, `${field}: ${String(value)}`).toThrow(new RegExp(field));
      }
    }
  });

  it("accepts the boundary values: zero-byte objects, a peak factor of exactly 1, one replica, one day, a zero on one side of the ratio", () => {
    expect(() => estimate({ ...base, objectSizeBytes: 0, peakFactor: 1, replicationFactor: 1, retentionDays: 1, readWriteRatio: [0, 5] })).not.toThrow();
    expect(() => estimate({ ...base, dailyActiveUsers: 0.001, actionsPerUserPerDay: 0.001, qpsPerServer: 0.001, readWriteRatio: [2.5, 0] })).not.toThrow();
  });

  it("reports the first invalid field in the order of the interface", () => {
    const everythingWrong = { dailyActiveUsers: 0, actionsPerUserPerDay: 0, readWriteRatio: [0, 0], objectSizeBytes: -1, retentionDays: 0, peakFactor: 0, replicationFactor: 0, qpsPerServer: 0 } as const;
    const order = ["dailyActiveUsers", "actionsPerUserPerDay", "readWriteRatio", "objectSizeBytes", "retentionDays", "peakFactor", "replicationFactor", "qpsPerServer"] as const;
    const a: Record<string, unknown> = { ...everythingWrong };
    for (const field of order) {
      expect(() => estimate(a as unknown as Assumptions)).toThrow(new RegExp(field));
      a[field] = base[field];
    }
    expect(() => estimate(a as unknown as Assumptions)).not.toThrow();
  });
});

describe("formatBytes", () => {
  it("picks the largest SI unit that is at most the value, from B to EB", () => {
    expect([0, 1, 999, 1000, 1e6, 1e9, 1e12, 1e15, 1e18].map((b) => formatBytes(b))).toEqual(["0 B", "1 B", "999 B", "1 KB", "1 MB", "1 GB", "1 TB", "1 PB", "1 EB"]);
    expect([999_999, 999_499_999, 1e21, 2.5e22].map((b) => formatBytes(b))).toEqual(["1 MB", "999 MB", "1000 EB", "25000 EB"]);
  });

  it("rounds to whole bytes in B and to three significant digits above, without trailing zeros", () => {
    expect([0.4, 0.5, 1.5, 998.5, 999.4].map((b) => formatBytes(b))).toEqual(["0 B", "1 B", "2 B", "999 B", "999 B"]);
    expect([1234, 12_345, 123_456, 1500, 2000, 10_050, 100_000].map((b) => formatBytes(b))).toEqual(["1.23 KB", "12.3 KB", "123 KB", "1.5 KB", "2 KB", "10.1 KB", "100 KB"]);
    expect([9.125e15, 21.9e12, 45_678_901].map((b) => formatBytes(b))).toEqual(["9.13 PB", "21.9 TB", "45.7 MB"]);
  });

  it("carries a value that rounds up to the base into the next unit", () => {
    expect([999.5, 999_500, 999_600, 999_999_999, 999.5e15].map((b) => formatBytes(b))).toEqual(["1 KB", "1 MB", "1 MB", "1 GB", "1 EB"]);
    expect(formatBytes(999.7e18)).toBe("1000 EB");
    expect([1023.5, 1023.4].map((b) => formatBytes(b, { binary: true }))).toEqual(["1 KiB", "1023 B"]);
  });

  it("uses powers of 1024 and IEC names with { binary: true }, and SI with { binary: false }", () => {
    expect([1023, 1024, 1536, 1_048_576, 1_000_000, 2 ** 30 * 5.5, 2 ** 40, 2 ** 50, 2 ** 60, 2 ** 70].map((b) => formatBytes(b, { binary: true }))).toEqual([
      "1023 B", "1 KiB", "1.5 KiB", "1 MiB", "977 KiB", "5.5 GiB", "1 TiB", "1 PiB", "1 EiB", "1020 EiB",
    ]);
    expect(formatBytes(1_048_575, { binary: true })).toBe("1020 KiB");
    expect(formatBytes(1024, { binary: false })).toBe("1.02 KB");
  });

  it("throws a RangeError for negative, NaN and infinite byte counts", () => {
    for (const bytes of [-1, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => formatBytes(bytes)).toThrow(RangeError);
    expect(() => formatBytes(-1, { binary: true })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: the scaling laws every estimate must obey, on random assumptions.

const assumptions: fc.Arbitrary<Assumptions> = fc.record({
  dailyActiveUsers: fc.integer({ min: 1, max: 500_000_000 }),
  actionsPerUserPerDay: fc.double({ min: 0.01, max: 500, noNaN: true }),
  readWriteRatio: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 })),
  objectSizeBytes: fc.integer({ min: 0, max: 10_000_000 }),
  retentionDays: fc.integer({ min: 1, max: 3650 }),
  peakFactor: fc.double({ min: 1, max: 20, noNaN: true }),
  replicationFactor: fc.integer({ min: 1, max: 5 }),
  qpsPerServer: fc.integer({ min: 1, max: 100_000 }),
});

function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

/** ceil(x), allowing either neighbour when x is within floating-point noise of an integer. */
function serversOk(servers: number, load: number): boolean {
  const candidates = new Set([Math.ceil(load * (1 - 1e-12)), Math.ceil(load * (1 + 1e-12)), Math.ceil(load)]);
  return candidates.has(servers);
}

describe("estimate: properties", () => {
  it("agrees with the formulas, conserves requests, and sizes the fewest servers that carry the peak", () => {
    const report = fc.check(
      fc.property(assumptions, (a) => {
        const e = estimate(a);
        const [r, w] = a.readWriteRatio;
        const requests = a.dailyActiveUsers * a.actionsPerUserPerDay;
        near(e.readsPerDay + e.writesPerDay, requests, "readsPerDay + writesPerDay");
        near(e.writesPerDay, (requests * w) / (r + w), "writesPerDay");
        near(e.readQps * SECONDS_PER_DAY, e.readsPerDay, "readQps × 86400");
        near(e.peakReadQps, e.readQps * a.peakFactor, "peakReadQps");
        near(e.peakWriteQps, e.writeQps * a.peakFactor, "peakWriteQps");
        near(e.storagePerDayBytes, e.writesPerDay * a.objectSizeBytes * a.replicationFactor, "storagePerDayBytes");
        near(e.storagePerYearBytes, e.storagePerDayBytes * 365, "storagePerYearBytes");
        near(e.storageTotalBytes, e.storagePerDayBytes * a.retentionDays, "storageTotalBytes");
        near(e.ingressBytesPerSec, e.writeQps * a.objectSizeBytes, "ingressBytesPerSec");
        near(e.egressBytesPerSec, e.readQps * a.objectSizeBytes, "egressBytesPerSec");
        const load = (e.peakReadQps + e.peakWriteQps) / a.qpsPerServer;
        if (!serversOk(e.servers, load)) throw new Error(`servers is ${e.servers} for a peak of ${load} servers' worth`);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });

  it("scales linearly with users and per-user actions, and never needs fewer servers for more load", () => {
    const report = fc.check(
      fc.property(assumptions, (a) => {
        const one = estimate(a);
        const twice = estimate({ ...a, dailyActiveUsers: a.dailyActiveUsers * 2 });
        const busier = estimate({ ...a, actionsPerUserPerDay: a.actionsPerUserPerDay * 2 });
        for (const field of FIELDS) {
          near(twice[field], one[field] * 2, `${field} with twice the users`);
          near(busier[field], one[field] * 2, `${field} with twice the actions`);
        }
        if (twice.servers < one.servers) throw new Error(`twice the users needs ${twice.servers} servers, fewer than ${one.servers}`);
        const peakier = estimate({ ...a, peakFactor: a.peakFactor * 2 });
        near(peakier.storageTotalBytes, one.storageTotalBytes, "storageTotalBytes with a higher peak");
        near(peakier.ingressBytesPerSec, one.ingressBytesPerSec, "ingressBytesPerSec (an average) with a higher peak");
        near(peakier.peakReadQps, one.peakReadQps * 2, "peakReadQps with twice the peak factor");
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});

describe("formatBytes: properties", () => {
  const UNITS = { si: ["B", "KB", "MB", "GB", "TB", "PB", "EB"], binary: ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"] };

  it("prints a number within rounding distance of the input, in a unit that never shrinks as bytes grow", () => {
    const report = fc.check(
      fc.property(fc.double({ min: 0, max: 1e20, noNaN: true }), fc.double({ min: 0, max: 1e20, noNaN: true }), fc.boolean(), (x, y, binary) => {
        const units = binary ? UNITS.binary : UNITS.si;
        const baseValue = binary ? 1024 : 1000;
        const parse = (text: string) => {
          const match = /^(\d+(?:\.\d+)?) ([A-Za-z]+)$/.exec(text);
          if (!match) throw new Error(`formatBytes printed "${text}"`);
          const k = units.indexOf(match[2] as string);
          if (k < 0) throw new Error(`formatBytes printed an unknown unit in "${text}"`);
          return { value: Number(match[1]), k };
        };
        const [small, large] = x <= y ? [x, y] : [y, x];
        const a = parse(formatBytes(small, { binary }));
        const b = parse(formatBytes(large, { binary }));
        if (a.k > b.k) throw new Error(`${small} bytes printed in a larger unit than ${large} bytes`);
        const back = a.value * baseValue ** a.k;
        const tolerance = a.k === 0 ? 0.5 : 0.005 * small;
        if (Math.abs(back - small) > tolerance + 1e-9) throw new Error(`${small} bytes printed as ${formatBytes(small, { binary })}`);
        if (a.k < 6 && a.value >= baseValue) throw new Error(`${small} bytes printed as ${formatBytes(small, { binary })}: should use the next unit`);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});
