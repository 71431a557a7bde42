export interface Assumptions {
  /** Daily active users (> 0). */
  dailyActiveUsers: number;
  /** Requests per user per day, reads and writes together (> 0). */
  actionsPerUserPerDay: number;
  /** How those requests split: [4, 1] means 4 reads for every write. Each >= 0, not both 0. */
  readWriteRatio: readonly [reads: number, writes: number];
  /** Bytes stored by one write and sent by one read (>= 0). */
  objectSizeBytes: number;
  /** How long data is kept, in days (a positive integer). */
  retentionDays: number;
  /** Peak traffic / average traffic (>= 1). */
  peakFactor: number;
  /** Copies of every stored byte (a positive integer). */
  replicationFactor: number;
  /** Requests per second one server handles (> 0). */
  qpsPerServer: number;
}

export interface Estimate {
  readsPerDay: number;
  writesPerDay: number;
  readQps: number;
  writeQps: number;
  peakReadQps: number;
  peakWriteQps: number;
  /** New bytes stored per day, all replicas included. */
  storagePerDayBytes: number;
  storagePerYearBytes: number;
  /** Bytes stored once the retention window is full, all replicas included. */
  storageTotalBytes: number;
  /** Average bytes per second received from clients (replication traffic not included). */
  ingressBytesPerSec: number;
  /** Average bytes per second sent to clients. */
  egressBytesPerSec: number;
  /** Servers needed for the peak of reads and writes together. */
  servers: number;
}

export const SECONDS_PER_DAY = 86_400;
export const DAYS_PER_YEAR = 365;

/**
 * Validates the assumptions (RangeError naming the first bad field), then applies the formulas of
 * the exercise in their order; only servers is rounded (up).
 */
export function estimate(a: Assumptions): Estimate {
  throw new Error("Not implemented");
}

/**
 * "1.5 KB", "999 B", "1 MB", "9.13 PB"; with { binary: true } powers of 1024 ("1.5 KiB").
 * Whole bytes in B, three significant digits in the larger units, carry 1000 KB to 1 MB.
 */
export function formatBytes(bytes: number, options: { binary?: boolean } = {}): string {
  throw new Error("Not implemented");
}
