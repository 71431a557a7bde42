export interface SlidingWindowOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export interface HitResult {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
}

export interface SlidingWindowLimiter {
  hit(key: string): HitResult;
}

/**
 * Sliding log with a Set of timestamps per key (insertion order = time order), and a sweep of idle
 * keys once every `windowMs` of clock time.
 */
export function createSlidingWindowLimiter(opts: SlidingWindowOptions): SlidingWindowLimiter {
  const { limit, windowMs, now = Date.now } = opts;
  if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`bad limit ${limit}`);
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError(`bad windowMs ${windowMs}`);

  const logs = new Map<string, Set<number>>();
  let lastSweep = -Infinity;

  function dropExpired(log: Set<number>, cutoff: number): void {
    for (const time of log) {
      if (time > cutoff) break;
      log.delete(time);
    }
  }

  return {
    hit(key: string): HitResult {
      const t = now();
      const cutoff = t - windowMs;
      if (t - lastSweep >= windowMs) {
        for (const [k, log] of logs) {
          dropExpired(log, cutoff);
          if (log.size === 0) logs.delete(k);
        }
        lastSweep = t;
      }
      let log = logs.get(key);
      if (log === undefined) {
        log = new Set();
        logs.set(key, log);
      }
      dropExpired(log, cutoff);
      if (log.size >= limit) {
        const oldest = log.values().next().value as number;
        return { allowed: false, remaining: 0, retryAfterMs: oldest + windowMs - t };
      }
      log.add(t);
      return { allowed: true, remaining: limit - log.size, retryAfterMs: 0 };
    },
  };
}
