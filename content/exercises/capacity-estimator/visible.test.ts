import { estimate, formatBytes, type Assumptions } from "./solution";

const linkSharing: Assumptions = {
  dailyActiveUsers: 10_000_000,
  actionsPerUserPerDay: 20,
  readWriteRatio: [9, 1],
  objectSizeBytes: 1000,
  retentionDays: 1095,
  peakFactor: 3,
  replicationFactor: 3,
  qpsPerServer: 1000,
};

describe("estimate", () => {
  it("splits requests by the read:write ratio and turns them into average and peak QPS", () => {
    const e = estimate(linkSharing);
    expect(e.readsPerDay).toBeCloseTo(180_000_000, 3);
    expect(e.writesPerDay).toBeCloseTo(20_000_000, 3);
    expect(e.readQps).toBeCloseTo(2083.333333, 5);
    expect(e.writeQps).toBeCloseTo(231.481481, 5);
    expect(e.peakReadQps).toBeCloseTo(6250, 5);
    expect(e.peakWriteQps).toBeCloseTo(694.444444, 5);
  });

  it("computes storage with replication, bandwidth without it, and rounds servers up", () => {
    const e = estimate(linkSharing);
    expect(e.storagePerDayBytes).toBeCloseTo(60e9, 0);
    expect(e.storagePerYearBytes).toBeCloseTo(21.9e12, 0);
    expect(e.storageTotalBytes).toBeCloseTo(65.7e12, 0);
    expect(e.ingressBytesPerSec).toBeCloseTo(231_481.481481, 3);
    expect(e.egressBytesPerSec).toBeCloseTo(2_083_333.333333, 3);
    expect(e.servers).toBe(7);
  });

  it("throws a RangeError naming the first invalid field", () => {
    expect(() => estimate({ ...linkSharing, peakFactor: 0.5 })).toThrow(RangeError);
    expect(() => estimate({ ...linkSharing, peakFactor: 0.5 })).toThrow(/peakFactor/);
  });
});

describe("formatBytes", () => {
  it("uses SI units with three significant digits by default", () => {
    expect(formatBytes(60e9)).toBe("60 GB");
    expect(formatBytes(65.7e12)).toBe("65.7 TB");
    expect(formatBytes(2_083_333.33)).toBe("2.08 MB");
    expect(formatBytes(999)).toBe("999 B");
  });

  it("uses powers of 1024 with { binary: true }, and carries 1000 KB over to 1 MB", () => {
    expect(formatBytes(60e9, { binary: true })).toBe("55.9 GiB");
    expect(formatBytes(1536, { binary: true })).toBe("1.5 KiB");
    expect(formatBytes(999_600)).toBe("1 MB");
  });
});
