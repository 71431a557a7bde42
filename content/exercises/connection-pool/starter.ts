/** Rejection reason of an acquire() that waited longer than acquireTimeoutMs. */
export class PoolTimeoutError extends Error {
  override name = "PoolTimeoutError";
}

/** Rejection reason of acquire() calls made after (or still unserved at) drain(). */
export class PoolDrainedError extends Error {
  override name = "PoolDrainedError";
}

export interface PoolOptions<T> {
  /** Opens a new resource. May reject (or throw). */
  create: () => Promise<T>;
  /** Closes a resource; called only by drain(). Optional. */
  destroy?: (resource: T) => Promise<void> | void;
  /** Maximum number of resources at the same time (idle + borrowed + being created). */
  max: number;
  /** Max wait of acquire(), in ms (> 0; Infinity = no timeout). */
  acquireTimeoutMs: number;
}

/**
 * A pool of at most `max` resources, created lazily.
 *
 * acquire(): idle resource (most recently released first) -> else create if size < max
 * -> else queue (FIFO). Rejects with PoolTimeoutError after acquireTimeoutMs; a timed-out caller
 * never receives a resource later. Clear every timer once its caller is served.
 */
export class Pool<T> {
  /** @throws {RangeError} unless max is a positive integer and acquireTimeoutMs > 0. */
  constructor(opts: PoolOptions<T>) {
    throw new Error("Not implemented");
  }

  acquire(): Promise<T> {
    throw new Error("Not implemented");
  }

  /** Hands the resource to the first queued caller, or makes it idle. Throws if it is not borrowed. */
  release(resource: T): void {
    throw new Error("Not implemented");
  }

  /** idle + borrowed + being created */
  get size(): number {
    throw new Error("Not implemented");
  }

  /** idle resources */
  get available(): number {
    throw new Error("Not implemented");
  }

  /** queued acquire() calls */
  get pending(): number {
    throw new Error("Not implemented");
  }

  /**
   * Rejects unserved callers and later acquire() calls with PoolDrainedError, destroys idle
   * resources now and borrowed ones on release; resolves when everything is destroyed.
   */
  drain(): Promise<void> {
    throw new Error("Not implemented");
  }
}
