/**
 * A generic async resource pool (database connections, sockets, browser pages, ...).
 *
 * State:
 *   idle      resources ready to lend (a stack: the most recently released is lent first)
 *   borrowed  resources lent out and not yet released
 *   creating  slots whose `create()` is still running (each on behalf of one acquirer)
 *   waiters   acquirers queued because every slot was taken (FIFO)
 *
 * `size = idle + borrowed + creating` never exceeds `max`. Every acquirer that is not served at once
 * gets one timer, cleared as soon as it is settled, so a served pool leaves no timers behind.
 */
export class PoolTimeoutError extends Error {
  override name = "PoolTimeoutError";
}

export class PoolDrainedError extends Error {
  override name = "PoolDrainedError";
}

export interface PoolOptions<T> {
  create: () => Promise<T>;
  destroy?: (resource: T) => Promise<void> | void;
  max: number;
  acquireTimeoutMs: number;
}

interface Acquirer<T> {
  resolve: (resource: T) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  settled: boolean;
}

export class Pool<T> {
  readonly #create: () => Promise<T>;
  readonly #destroy: ((resource: T) => Promise<void> | void) | undefined;
  readonly #max: number;
  readonly #timeoutMs: number;

  readonly #idle: T[] = [];
  readonly #borrowed = new Set<T>();
  #creating = 0;
  /** A Set keeps insertion order (FIFO) and removes a timed-out waiter in O(1). */
  readonly #waiters = new Set<Acquirer<T>>();
  /** Acquirers whose resource is being created (so that drain() can reject them). */
  readonly #creators = new Set<Acquirer<T>>();

  #destroying = 0;
  #drainPromise: Promise<void> | undefined;
  #resolveDrain: (() => void) | undefined;

  constructor(opts: PoolOptions<T>) {
    if (!Number.isInteger(opts.max) || opts.max < 1) {
      throw new RangeError(`max must be a positive integer, got ${opts.max}`);
    }
    if (!(opts.acquireTimeoutMs > 0)) {
      throw new RangeError(`acquireTimeoutMs must be > 0 (or Infinity), got ${opts.acquireTimeoutMs}`);
    }
    this.#create = opts.create;
    this.#destroy = opts.destroy;
    this.#max = opts.max;
    this.#timeoutMs = opts.acquireTimeoutMs;
  }

  get size(): number {
    return this.#idle.length + this.#borrowed.size + this.#creating;
  }

  get available(): number {
    return this.#idle.length;
  }

  get pending(): number {
    return this.#waiters.size;
  }

  acquire(): Promise<T> {
    if (this.#drainPromise) return Promise.reject(new PoolDrainedError("the pool is drained"));
    if (this.#idle.length > 0) {
      const resource = this.#idle.shift() as T;
      this.#borrowed.add(resource);
      return Promise.resolve(resource);
    }
    return new Promise<T>((resolve, reject) => {
      const acquirer: Acquirer<T> = { resolve, reject, timer: undefined, settled: false };
      if (Number.isFinite(this.#timeoutMs)) {
        acquirer.timer = setTimeout(() => this.#timeOut(acquirer), this.#timeoutMs);
      }
      if (this.size < this.#max) this.#createFor(acquirer);
      else this.#waiters.add(acquirer);
    });
  }

  release(resource: T): void {
    if (!this.#borrowed.has(resource)) {
      throw new Error("release(): this resource is not currently borrowed from this pool");
    }
    this.#borrowed.delete(resource);
    this.#takeBack(resource);
  }

  drain(): Promise<void> {
    if (this.#drainPromise) return this.#drainPromise;
    this.#drainPromise = new Promise<void>((resolve) => {
      this.#resolveDrain = resolve;
    });
    for (const waiter of this.#waiters) this.#fail(waiter, new PoolDrainedError("the pool was drained"));
    this.#waiters.clear();
    for (const creator of this.#creators) this.#fail(creator, new PoolDrainedError("the pool was drained"));
    for (const resource of this.#idle.splice(0)) this.#destroyResource(resource);
    this.#checkDrained();
    return this.#drainPromise;
  }

  /** A resource nobody holds any more: hand it to the first waiter, keep it idle, or destroy it. */
  #takeBack(resource: T): void {
    if (this.#drainPromise) {
      this.#destroyResource(resource);
      return;
    }
    const waiter = this.#shiftWaiter();
    if (waiter) this.#lend(waiter, resource);
    else this.#idle.push(resource);
  }

  #createFor(acquirer: Acquirer<T>): void {
    this.#creating++;
    this.#creators.add(acquirer);
    let created: Promise<T>;
    try {
      created = Promise.resolve(this.#create());
    } catch (error) {
      created = Promise.reject(error); // a synchronous throw counts as a failed create
    }
    created.then(
      (resource) => {
        this.#creating--;
        this.#creators.delete(acquirer);
        if (!acquirer.settled) this.#lend(acquirer, resource);
        else this.#takeBack(resource); // its acquirer timed out (or the pool drained) meanwhile
      },
      (error: unknown) => {
        this.#creating--;
        this.#creators.delete(acquirer);
        this.#fail(acquirer, error);
        // The slot is free again: let the first waiter try to create.
        if (this.#drainPromise) this.#checkDrained();
        else {
          const waiter = this.#shiftWaiter();
          if (waiter) this.#createFor(waiter);
        }
      },
    );
  }

  #lend(acquirer: Acquirer<T>, resource: T): void {
    this.#borrowed.add(resource);
    this.#settle(acquirer);
    acquirer.resolve(resource);
  }

  #fail(acquirer: Acquirer<T>, error: unknown): void {
    if (acquirer.settled) return;
    this.#settle(acquirer);
    acquirer.reject(error);
  }

  #settle(acquirer: Acquirer<T>): void {
    acquirer.settled = true;
    if (acquirer.timer !== undefined) clearTimeout(acquirer.timer);
    acquirer.timer = undefined;
  }

  #timeOut(acquirer: Acquirer<T>): void {
    acquirer.timer = undefined;
    this.#waiters.delete(acquirer); // it must never be served later
    this.#fail(acquirer, new PoolTimeoutError(`acquire() timed out after ${this.#timeoutMs} ms`));
  }

  #shiftWaiter(): Acquirer<T> | undefined {
    for (const waiter of this.#waiters) {
      this.#waiters.delete(waiter);
      return waiter;
    }
    return undefined;
  }

  #destroyResource(resource: T): void {
    this.#destroying++;
    let done: Promise<unknown>;
    try {
      done = Promise.resolve(this.#destroy?.(resource));
    } catch (error) {
      done = Promise.reject(error);
    }
    // A failing destroy must not break drain(): the resource is gone either way.
    done
      .catch(() => undefined)
      .then(() => {
        this.#destroying--;
        this.#checkDrained();
      });
  }

  #checkDrained(): void {
    if (this.#drainPromise && this.size === 0 && this.#destroying === 0) this.#resolveDrain?.();
  }
}
