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

const isPositive = (n: number) => Number.isFinite(n) && n > 0;
const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

export function estimate(a: Assumptions): Estimate {
  // Checked in the order of the fields, so the first bad one is the one reported.
  if (!isPositive(a.dailyActiveUsers)) throw new RangeError(`dailyActiveUsers must be a finite number > 0, got ${a.dailyActiveUsers}`);
  if (!isPositive(a.actionsPerUserPerDay)) throw new RangeError(`actionsPerUserPerDay must be a finite number > 0, got ${a.actionsPerUserPerDay}`);
  const [reads, writes] = a.readWriteRatio;
  if (!(Number.isFinite(reads) && Number.isFinite(writes) && reads >= 0 && writes >= 0 && reads + writes > 0)) {
    throw new RangeError(`readWriteRatio must be two finite numbers >= 0, not both 0, got [${reads}, ${writes}]`);
  }
  if (!(Number.isFinite(a.objectSizeBytes) && a.objectSizeBytes >= 0)) throw new RangeError(`objectSizeBytes must be a finite number >= 0, got ${a.objectSizeBytes}`);
  if (!isPositiveInteger(a.retentionDays)) throw new RangeError(`retentionDays must be a positive integer, got ${a.retentionDays}`);
  if (!(Number.isFinite(a.peakFactor) && a.peakFactor >= 1)) throw new RangeError(`peakFactor must be a finite number >= 1, got ${a.peakFactor}`);
  if (!isPositiveInteger(a.replicationFactor)) throw new RangeError(`replicationFactor must be a positive integer, got ${a.replicationFactor}`);
  if (!isPositive(a.qpsPerServer)) throw new RangeError(`qpsPerServer must be a finite number > 0, got ${a.qpsPerServer}`);

  // The formulas of the spec, in its order, so the floating-point results match to the last bit.
  const requestsPerDay = a.dailyActiveUsers * a.actionsPerUserPerDay;
  const writesPerDay = (requestsPerDay * writes) / (reads + writes);
  const readsPerDay = (requestsPerDay * reads) / (reads + writes);
  const readQps = readsPerDay / SECONDS_PER_DAY;
  const writeQps = writesPerDay / SECONDS_PER_DAY;
  const peakReadQps = readQps * a.peakFactor;
  const peakWriteQps = writeQps * a.peakFactor;
  const storagePerDayBytes = writesPerDay * a.objectSizeBytes * a.replicationFactor;
  return {
    readsPerDay,
    writesPerDay,
    readQps,
    writeQps,
    peakReadQps,
    peakWriteQps,
    storagePerDayBytes,
    storagePerYearBytes: storagePerDayBytes * DAYS_PER_YEAR,
    storageTotalBytes: storagePerDayBytes * a.retentionDays,
    // Clients send each object once; the copies between replicas are internal traffic.
    ingressBytesPerSec: writeQps * a.objectSizeBytes,
    egressBytesPerSec: readQps * a.objectSizeBytes,
    // Provision for the peak, rounded up: 2.1 servers' worth of load needs 3 servers.
    servers: Math.ceil((peakReadQps + peakWriteQps) / a.qpsPerServer),
  };
}

const SI_UNITS = ["B", "KB", "MB", "GB", "TB", "PB", "EB"] as const;
const BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"] as const;

/**
 * "1.5 KB", "999 B", "1 MB", "9.13 PB"; with { binary: true } powers of 1024 ("1.5 KiB").
 * Whole bytes in B, three significant digits in the larger units.
 */
export function formatBytes(bytes: number, options: { binary?: boolean } = {}): string {
  if (!(Number.isFinite(bytes) && bytes >= 0)) throw new RangeError(`bytes must be a finite number >= 0, got ${bytes}`);
  const base = options.binary === true ? 1024 : 1000;
  const units = options.binary === true ? BINARY_UNITS : SI_UNITS;
  let k = 0;
  while (k < units.length - 1 && bytes >= base ** (k + 1)) k++;
  let value = round(bytes / base ** k, k);
  // Rounding can carry into the next unit: 999.7 KB rounds to 1000 KB, printed as 1 MB.
  if (value === base && k < units.length - 1) {
    k++;
    value = 1;
  }
  return `${String(value)} ${units[k]}`;
}

function round(value: number, unitIndex: number): number {
  return unitIndex === 0 ? Math.round(value) : Number(value.toPrecision(3));
}
