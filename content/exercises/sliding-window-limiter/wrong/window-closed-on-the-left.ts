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

/** FIFO queue as a singly linked list: O(1) push and shift, and nothing to compact. */
interface QueueNode<T> {
  readonly item: T;
  next: QueueNode<T> | undefined;
}

class Queue<T> {
  #head: QueueNode<T> | undefined;
  #tail: QueueNode<T> | undefined;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(item: T): void {
    const node: QueueNode<T> = { item, next: undefined };
    if (this.#tail) this.#tail.next = node;
    else this.#head = node;
    this.#tail = node;
    this.#length++;
  }

  /** The oldest item. Only call when `length > 0`. */
  peek(): T {
    return (this.#head as QueueNode<T>).item;
  }

  /** Removes and returns the oldest item. Only call when `length > 0`. */
  shift(): T {
    const node = this.#head as QueueNode<T>;
    this.#head = node.next;
    if (!this.#head) this.#tail = undefined;
    this.#length--;
    return node.item;
  }
}

/**
 * Sliding-log rate limiter.
 *
 * - `logs` maps each key to the timestamps of its allowed hits still inside the window, oldest
 *   first. A key's log never holds more than `limit` entries, since rejected hits are not recorded.
 * - `expiryKeys`/`expiryTimes` list every recorded hit of every key in time order. Before each hit, entries that
 *   have left the window are popped from its front, and the matching (oldest) timestamp is removed
 *   from that key's log; a key whose log becomes empty is deleted. Every recorded hit is pushed and
 *   popped once, so a hit costs O(1) amortised and idle keys are reclaimed without timers or scans.
 */
export function createSlidingWindowLimiter(opts: SlidingWindowOptions): SlidingWindowLimiter {
  const { limit, windowMs, now = Date.now } = opts;
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  if (!Number.isFinite(windowMs) || windowMs <= 0) {
    throw new RangeError(`windowMs must be a finite number > 0, got ${windowMs}`);
  }

  const logs = new Map<string, Queue<number>>();
  // Two parallel queues (rather than one of { key, time } objects): one allocation less per hit.
  const expiryKeys = new Queue<string>();
  const expiryTimes = new Queue<number>();
  let latest = -Infinity;

  /** Forgets every hit at or before `t - windowMs`: the window (t - windowMs, t] is open on the left. */
  function expire(t: number): void {
    const cutoff = t - windowMs;
    while (expiryTimes.length > 0 && expiryTimes.peek() < cutoff) {
      expiryTimes.shift();
      const key = expiryKeys.shift();
      const log = logs.get(key);
      if (log === undefined) continue;
      log.shift();
      if (log.length === 0) logs.delete(key);
    }
  }

  return {
    hit(key: string): HitResult {
      // A clock that steps backwards must not reorder the expiry queue.
      const t = Math.max(now(), latest);
      latest = t;
      expire(t);

      const log = logs.get(key);
      const count = log?.length ?? 0;
      if (log !== undefined && count >= limit) {
        return { allowed: false, remaining: 0, retryAfterMs: log.peek() + windowMs - t };
      }
      if (log === undefined) {
        const fresh = new Queue<number>();
        fresh.push(t);
        logs.set(key, fresh);
      } else {
        log.push(t);
      }
      expiryKeys.push(key);
      expiryTimes.push(t);
      return { allowed: true, remaining: limit - count - 1, retryAfterMs: 0 };
    },
  };
}
