import fc from "fast-check";
import { Pool, PoolDrainedError, PoolTimeoutError } from "./solution";

interface Conn {
  id: number;
}

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets pending promise callbacks run (no time passes). */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Observes a promise without awaiting it (and without leaving a rejection unhandled). */
function observe<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined, error: undefined as unknown };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

interface Options {
  max?: number;
  acquireTimeoutMs?: number;
  /** Per-call behaviour of create: a delay in ms, and/or an error to fail with. */
  plan?: Array<{ delay?: number; error?: Error; throwSync?: boolean }>;
}

function setup(options: Options = {}) {
  let next = 0;
  let calls = 0;
  const destroyed: number[] = [];
  const create = fn((): Promise<Conn> => {
    const step = options.plan?.[calls] ?? {};
    calls++;
    if (step.throwSync && step.error) throw step.error;
    return new Promise<Conn>((resolve, reject) => {
      const finish = () => (step.error ? reject(step.error) : resolve({ id: ++next }));
      if (step.delay) setTimeout(finish, step.delay);
      else finish();
    });
  });
  const pool = new Pool<Conn>({
    create,
    destroy: (conn) => {
      destroyed.push(conn.id);
    },
    max: options.max ?? 2,
    acquireTimeoutMs: options.acquireTimeoutMs ?? 100,
  });
  return { pool, create, destroyed };
}

function counts(pool: Pool<Conn>) {
  return { size: pool.size, available: pool.available, pending: pool.pending };
}

describe("Pool: construction and lending", () => {
  it("throws a RangeError for a bad max or acquireTimeoutMs, and creates nothing up front", () => {
    const create = fn(async (): Promise<Conn> => ({ id: 1 }));
    for (const max of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => new Pool<Conn>({ create, max, acquireTimeoutMs: 100 })).toThrow(RangeError);
    }
    for (const acquireTimeoutMs of [0, -5, NaN]) {
      expect(() => new Pool<Conn>({ create, max: 1, acquireTimeoutMs })).toThrow(RangeError);
    }
    expect(() => new Pool<Conn>({ create, max: 1, acquireTimeoutMs: Infinity })).not.toThrow();
    expect(create).toHaveBeenCalledTimes(0);
  });

  it("lends the most recently released idle resource, without creating", async () => {
    const { pool, create } = setup({ max: 3 });
    const a = await pool.acquire();
    const b = await pool.acquire();
    const c = await pool.acquire();
    pool.release(b);
    pool.release(a);
    pool.release(c);
    expect(counts(pool)).toEqual({ size: 3, available: 3, pending: 0 });
    expect(await pool.acquire()).toBe(c);
    expect(await pool.acquire()).toBe(a);
    expect(await pool.acquire()).toBe(b);
    expect(create).toHaveBeenCalledTimes(3);
    expect(clock.pending()).toBe(0);
  });

  it("counts a slot as soon as its create starts, and never exceeds max", async () => {
    const { pool, create } = setup({ max: 3, acquireTimeoutMs: 1000, plan: [{ delay: 10 }, { delay: 10 }, { delay: 10 }] });
    const callers = Array.from({ length: 7 }, () => observe(pool.acquire()));
    expect(create).toHaveBeenCalledTimes(3);
    expect(counts(pool)).toEqual({ size: 3, available: 0, pending: 4 });
    await clock.advanceAsync(10);
    await flush();
    expect(callers.map((c) => c.settled)).toEqual([true, true, true, false, false, false, false]);
    expect(callers.map((c) => c.value?.id)).toEqual([1, 2, 3, undefined, undefined, undefined, undefined]);
    expect(create).toHaveBeenCalledTimes(3);
  });
});

describe("Pool: waiting", () => {
  it("serves queued callers first come, first served, handing over synchronously on release", async () => {
    const { pool } = setup({ max: 1, acquireTimeoutMs: 1000 });
    const held = await pool.acquire();
    const order: string[] = [];
    const waiting = ["w1", "w2", "w3", "w4"].map((name) =>
      pool.acquire().then((conn) => {
        order.push(name);
        return conn;
      }),
    );
    expect(pool.pending).toBe(4);
    pool.release(held);
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 3 });
    for (let i = 0; i < 3; i++) {
      const conn = await waiting[i];
      pool.release(conn as Conn);
    }
    const last = await waiting[3];
    expect(last).toBe(held);
    expect(order).toEqual(["w1", "w2", "w3", "w4"]);
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 0 });
  });

  it("times out exactly acquireTimeoutMs after acquire(), not earlier", async () => {
    const { pool } = setup({ max: 1, acquireTimeoutMs: 100 });
    await pool.acquire();
    await clock.advanceAsync(30);
    const caller = observe(pool.acquire());
    await clock.advanceAsync(99);
    await flush();
    expect(caller.settled).toBe(false);
    expect(pool.pending).toBe(1);
    await clock.advanceAsync(1);
    await flush();
    expect(caller.error).toBeInstanceOf(PoolTimeoutError);
    expect((caller.error as Error).name).toBe("PoolTimeoutError");
    expect(pool.pending).toBe(0);
  });

  it("never gives a resource to a timed-out caller: the next caller in line gets it", async () => {
    const { pool } = setup({ max: 1, acquireTimeoutMs: 100 });
    const held = await pool.acquire();
    const first = observe(pool.acquire()); // times out at t=100
    await clock.advanceAsync(50);
    const second = observe(pool.acquire()); // would time out at t=150
    await clock.advanceAsync(50);
    await flush();
    expect(first.error).toBeInstanceOf(PoolTimeoutError);
    expect(pool.pending).toBe(1);
    await clock.advanceAsync(20);
    pool.release(held); // t=120
    await flush();
    expect(second.value).toBe(held);
    expect(first.value).toBeUndefined();
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 0 });
    expect(clock.pending()).toBe(0);
  });

  it("keeps a released resource idle when the only waiter has timed out", async () => {
    const { pool } = setup({ max: 1, acquireTimeoutMs: 100 });
    const held = await pool.acquire();
    const caller = observe(pool.acquire());
    await clock.advanceAsync(100);
    await flush();
    expect(caller.error).toBeInstanceOf(PoolTimeoutError);
    pool.release(held);
    expect(counts(pool)).toEqual({ size: 1, available: 1, pending: 0 });
    expect(await pool.acquire()).toBe(held);
  });

  it("clears the timer of every caller it serves", async () => {
    const { pool } = setup({ max: 2, acquireTimeoutMs: 100, plan: [{ delay: 5 }, { delay: 5 }] });
    const a = observe(pool.acquire());
    const b = observe(pool.acquire());
    const c = observe(pool.acquire());
    await clock.advanceAsync(5);
    await flush();
    pool.release(a.value as Conn);
    await flush();
    expect(c.value).toBe(a.value);
    expect(b.settled).toBe(true);
    expect(clock.pending()).toBe(0);
  });
});

describe("Pool: failing and slow create", () => {
  it("rejects the caller of a failing create with that error and frees the slot", async () => {
    const boom = new Error("connection refused");
    const { pool, create } = setup({ max: 1, plan: [{ error: boom }, {}] });
    let caught: unknown;
    await pool.acquire().catch((error: unknown) => {
      caught = error;
    });
    expect(caught).toBe(boom);
    expect(counts(pool)).toEqual({ size: 0, available: 0, pending: 0 });
    const conn = await pool.acquire();
    expect(conn.id).toBe(1);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it("treats a synchronous throw from create like a rejection", async () => {
    const boom = new TypeError("bad config");
    const { pool } = setup({ max: 1, plan: [{ error: boom, throwSync: true }, {}] });
    let thrown = false;
    let caught: unknown;
    try {
      const p = pool.acquire();
      await p.catch((error: unknown) => {
        caught = error;
      });
    } catch {
      thrown = true;
    }
    expect(thrown).toBe(false);
    expect(caught).toBe(boom);
    expect(pool.size).toBe(0);
    expect((await pool.acquire()).id).toBe(1);
  });

  it("after a failed create, starts a new create for the first queued caller", async () => {
    const boom = new Error("timeout connecting");
    const { pool, create } = setup({ max: 1, acquireTimeoutMs: 1000, plan: [{ delay: 10, error: boom }, { delay: 10 }] });
    const first = observe(pool.acquire());
    const second = observe(pool.acquire());
    const third = observe(pool.acquire());
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 2 });
    await clock.advanceAsync(10);
    await flush();
    expect(first.error).toBe(boom);
    expect(create).toHaveBeenCalledTimes(2);
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 1 });
    await clock.advanceAsync(10);
    await flush();
    expect(second.value?.id).toBe(1);
    expect(third.settled).toBe(false);
  });

  it("times out a caller whose create is slow, then gives the late resource to the next caller", async () => {
    const { pool, create } = setup({ max: 1, acquireTimeoutMs: 100, plan: [{ delay: 150 }] });
    const slow = observe(pool.acquire());
    await clock.advanceAsync(60);
    const next = observe(pool.acquire()); // queued at t=60, deadline t=160
    await clock.advanceAsync(40);
    await flush();
    expect(slow.error).toBeInstanceOf(PoolTimeoutError);
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 1 });
    await clock.advanceAsync(50); // t=150: the connection arrives
    await flush();
    expect(next.value?.id).toBe(1);
    expect(slow.value).toBeUndefined();
    expect(create).toHaveBeenCalledTimes(1);
    expect(counts(pool)).toEqual({ size: 1, available: 0, pending: 0 });
  });

  it("keeps a late resource idle when nobody is waiting for it", async () => {
    const { pool, create } = setup({ max: 2, acquireTimeoutMs: 100, plan: [{ delay: 300 }] });
    const slow = observe(pool.acquire());
    await clock.advanceAsync(100);
    await flush();
    expect(slow.error).toBeInstanceOf(PoolTimeoutError);
    expect(pool.size).toBe(1);
    await clock.advanceAsync(200);
    await flush();
    expect(counts(pool)).toEqual({ size: 1, available: 1, pending: 0 });
    expect((await pool.acquire()).id).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe("Pool: release errors", () => {
  it("throws on unknown, idle or double-released resources and changes nothing", async () => {
    const { pool } = setup({ max: 2 });
    const a = await pool.acquire();
    const b = await pool.acquire();
    pool.release(a);
    const before = counts(pool);
    expect(() => pool.release({ id: 1 })).toThrow(); // looks the same, is not the same object
    expect(() => pool.release(a)).toThrow(); // idle
    expect(counts(pool)).toEqual(before);
    pool.release(b);
    expect(() => pool.release(b)).toThrow();
    expect(counts(pool)).toEqual({ size: 2, available: 2, pending: 0 });
  });
});

describe("Pool: drain", () => {
  it("rejects queued callers and later acquires, and destroys borrowed resources on release", async () => {
    const { pool, destroyed } = setup({ max: 2, acquireTimeoutMs: 1000 });
    const a = await pool.acquire();
    const b = await pool.acquire();
    const queued = [observe(pool.acquire()), observe(pool.acquire())];
    const drained = observe(pool.drain());
    await flush();
    expect(queued.map((q) => q.error instanceof PoolDrainedError)).toEqual([true, true]);
    expect(queued.map((q) => (q.error as Error).name)).toEqual(["PoolDrainedError", "PoolDrainedError"]);
    expect(destroyed).toEqual([]);
    expect(counts(pool)).toEqual({ size: 2, available: 0, pending: 0 });
    expect(drained.settled).toBe(false);
    await expect(pool.acquire()).rejects.toThrow(PoolDrainedError);

    pool.release(b);
    await flush();
    expect(destroyed).toEqual([b.id]);
    expect(pool.size).toBe(1);
    expect(drained.settled).toBe(false);
    expect(() => pool.release(b)).toThrow();

    pool.release(a);
    await flush();
    expect(destroyed).toEqual([b.id, a.id]);
    expect(drained.settled).toBe(true);
    expect(pool.size).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it("rejects a caller whose create is in flight, and destroys that resource when it arrives", async () => {
    const { pool, destroyed } = setup({ max: 1, acquireTimeoutMs: 1000, plan: [{ delay: 50 }] });
    const caller = observe(pool.acquire());
    const drained = observe(pool.drain());
    await flush();
    expect(caller.error).toBeInstanceOf(PoolDrainedError);
    expect(pool.size).toBe(1);
    expect(drained.settled).toBe(false);
    await clock.advanceAsync(50);
    await flush();
    expect(destroyed).toEqual([1]);
    expect(drained.settled).toBe(true);
    expect(pool.size).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it("ignores errors from destroy, resolves every drain() call (at once when the pool is empty), and treats a failed create as done", async () => {
    const boom = new Error("create failed during drain");
    let destroyCalls = 0;
    let next = 0;
    let creates = 0;
    const pool = new Pool<Conn>({
      create: () => {
        creates++;
        if (creates === 3) return new Promise<Conn>((_, reject) => setTimeout(() => reject(boom), 20));
        return Promise.resolve({ id: ++next });
      },
      destroy: (conn) => {
        destroyCalls++;
        if (conn.id === 1) throw new Error("sync destroy failure");
        return Promise.reject(new Error("async destroy failure"));
      },
      max: 3,
      acquireTimeoutMs: 1000,
    });
    const a = await pool.acquire();
    const b = await pool.acquire();
    const third = observe(pool.acquire()); // its create fails at t=20
    pool.release(a);
    pool.release(b);
    const first = observe(pool.drain());
    const second = observe(pool.drain());
    await flush();
    expect(third.error).toBeInstanceOf(PoolDrainedError);
    expect(destroyCalls).toBe(2);
    expect(first.settled).toBe(false);
    await clock.advanceAsync(20);
    await flush();
    expect(first.settled && first.error === undefined).toBe(true);
    expect(second.settled && second.error === undefined).toBe(true);
    expect(pool.size).toBe(0);

    // A pool that holds nothing has nothing to wait for: it drains at once.
    const empty = setup({ max: 1 }).pool;
    const emptyDrained = observe(empty.drain());
    await flush();
    expect(emptyDrained.settled && emptyDrained.error === undefined).toBe(true);
  });
});

describe("Pool: waiting forever and draining slowly", () => {
  it("with acquireTimeoutMs Infinity, a queued caller waits without a timer until a release", async () => {
    const { pool } = setup({ max: 1, acquireTimeoutMs: Infinity });
    const held = await pool.acquire();
    const caller = observe(pool.acquire());
    expect(clock.pending()).toBe(0);
    await clock.advanceAsync(3_600_000);
    await flush();
    expect(caller.settled).toBe(false);
    expect(pool.pending).toBe(1);
    pool.release(held);
    await flush();
    expect(caller.value).toBe(held);
  });

  it("drain() resolves only once every asynchronous destroy has finished", async () => {
    let next = 0;
    const finished: number[] = [];
    const pool = new Pool<Conn>({
      create: async () => ({ id: ++next }),
      destroy: (conn) => new Promise<void>((resolve) => setTimeout(() => {
        finished.push(conn.id);
        resolve();
      }, 30)),
      max: 2,
      acquireTimeoutMs: 1000,
    });
    const a = await pool.acquire();
    const b = await pool.acquire();
    pool.release(a);
    const drained = observe(pool.drain());
    await clock.advanceAsync(10);
    pool.release(b); // destroyed from t=10 to t=40
    await flush();
    expect(pool.size).toBe(0);
    await clock.advanceAsync(29); // t=39: b's destroy is still running
    await flush();
    expect(finished).toEqual([a.id]);
    expect(drained.settled).toBe(false);
    await clock.advanceAsync(1);
    await flush();
    expect(finished).toEqual([a.id, b.id]);
    expect(drained.settled).toBe(true);
  });
});

describe("Pool: under load", () => {
  it("keeps its invariants with 40 random workers (never over max, never lends a resource twice)", async () => {
    const random = prng(42);
    const max = 4;
    const { pool, create } = setup({
      max,
      acquireTimeoutMs: 60,
      plan: Array.from({ length: 50 }, () => ({ delay: 1 + Math.floor(random() * 5) })),
    });
    const inUse = new Set<number>();
    const problems: string[] = [];
    let served = 0;
    let timedOut = 0;
    const worker = async (startAt: number, holdFor: number) => {
      await new Promise<void>((resolve) => setTimeout(resolve, startAt));
      let conn: Conn;
      try {
        conn = await pool.acquire();
      } catch (error) {
        if (error instanceof PoolTimeoutError) timedOut++;
        else problems.push(`unexpected error ${String(error)}`);
        return;
      }
      if (inUse.has(conn.id)) problems.push(`connection ${conn.id} lent twice`);
      inUse.add(conn.id);
      served++;
      if (pool.size > max) problems.push(`size ${pool.size} > max`);
      await new Promise<void>((resolve) => setTimeout(resolve, holdFor));
      inUse.delete(conn.id);
      pool.release(conn);
    };
    const workers = Array.from({ length: 40 }, () => worker(Math.floor(random() * 100), 5 + Math.floor(random() * 30)));
    for (let t = 0; t < 400; t += 5) {
      await clock.advanceAsync(5);
      await flush();
      if (pool.size > max) problems.push(`size ${pool.size} > max at t=${t}`);
    }
    await Promise.all(workers);
    expect(problems).toEqual([]);
    expect(served + timedOut).toBe(40);
    expect(served).toBeGreaterThan(20);
    expect(create.calls.length).toBeLessThanOrEqual(max);
    expect(counts(pool)).toEqual({ size: create.calls.length, available: create.calls.length, pending: 0 });
    expect(clock.pending()).toBe(0);
  });
});

// Model-based test: random sequences of acquire(), release() and time passing, with creates that
// take a while and sometimes fail, checked after every step against a small model of the rules.

const MODEL_TIMEOUT_MS = 50;

interface CreateStep {
  delay: number;
  fails: boolean;
}

interface ModelCaller {
  name: string;
  /** "waiting", "#<id>" (served with resource <id>), "timeout" or "create failed". */
  outcome: string;
  hasTimer: boolean;
}

type ModelTimer =
  | { at: number; seq: number; kind: "timeout"; caller: ModelCaller }
  | { at: number; seq: number; kind: "create"; caller: ModelCaller; fails: boolean };

/** The pool's rules, on explicit state and explicit timers. */
class PoolModel {
  readonly callers: ModelCaller[] = [];
  readonly idle: number[] = [];
  readonly borrowed: number[] = [];
  readonly waiters: ModelCaller[] = [];
  timers: ModelTimer[] = [];
  creating = 0;
  #creates = 0;
  #lastId = 0;
  #seq = 0;
  now = 0;

  constructor(
    readonly max: number,
    readonly plan: CreateStep[],
  ) {}

  acquire(): ModelCaller {
    const caller: ModelCaller = { name: `a${this.callers.length + 1}`, outcome: "waiting", hasTimer: false };
    this.callers.push(caller);
    const resource = this.idle.pop();
    if (resource !== undefined) {
      this.#lend(caller, resource);
      return caller;
    }
    caller.hasTimer = true;
    this.#addTimer({ at: this.now + MODEL_TIMEOUT_MS, seq: 0, kind: "timeout", caller });
    if (this.size < this.max) this.#startCreate(caller);
    else this.waiters.push(caller);
    return caller;
  }

  release(id: number): void {
    this.borrowed.splice(this.borrowed.indexOf(id), 1);
    this.#takeBack(id);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      if (due.kind === "timeout") {
        due.caller.hasTimer = false;
        const queued = this.waiters.indexOf(due.caller);
        if (queued >= 0) this.waiters.splice(queued, 1);
        due.caller.outcome = "timeout";
      } else this.#createDone(due.caller, due.fails);
    }
    this.now = until;
  }

  get size(): number {
    return this.idle.length + this.borrowed.length + this.creating;
  }

  #addTimer(timer: ModelTimer): void {
    timer.seq = this.#seq++;
    this.timers.push(timer);
  }

  #startCreate(caller: ModelCaller): void {
    const step = this.plan[this.#creates++ % this.plan.length] as CreateStep;
    this.creating++;
    this.#addTimer({ at: this.now + step.delay, seq: 0, kind: "create", caller, fails: step.fails });
  }

  #createDone(caller: ModelCaller, fails: boolean): void {
    this.creating--;
    if (fails) {
      if (caller.outcome === "waiting") this.#settle(caller, "create failed");
      const next = this.waiters.shift();
      if (next) this.#startCreate(next);
      return;
    }
    const id = ++this.#lastId;
    if (caller.outcome === "waiting") this.#lend(caller, id);
    else this.#takeBack(id);
  }

  #takeBack(id: number): void {
    const next = this.waiters.shift();
    if (next) this.#lend(next, id);
    else this.idle.push(id);
  }

  #lend(caller: ModelCaller, id: number): void {
    this.borrowed.push(id);
    this.#settle(caller, `#${id}`);
  }

  #settle(caller: ModelCaller, outcome: string): void {
    caller.outcome = outcome;
    if (caller.hasTimer) {
      caller.hasTimer = false;
      this.timers = this.timers.filter((t) => !(t.kind === "timeout" && t.caller === caller));
    }
  }
}

interface RealPool {
  pool: Pool<Conn>;
  callers: Array<{ name: string; state: ReturnType<typeof observe<Conn>> }>;
  resources: Map<number, Conn>;
  timersBefore: number;
}

function describeReal(real: RealPool): string {
  const outcomes = real.callers.map(({ name, state }) => {
    if (!state.settled) return `${name}:waiting`;
    if (state.value) return `${name}:#${state.value.id}`;
    return `${name}:${state.error instanceof PoolTimeoutError ? "timeout" : "create failed"}`;
  });
  const { pool } = real;
  return `${outcomes.join(" ")} | size=${pool.size} available=${pool.available} pending=${pool.pending} timers=${clock.pending() - real.timersBefore}`;
}

function describeModel(model: PoolModel): string {
  const outcomes = model.callers.map((c) => `${c.name}:${c.outcome}`);
  return `${outcomes.join(" ")} | size=${model.size} available=${model.idle.length} pending=${model.waiters.length} timers=${model.timers.length}`;
}

function compare(model: PoolModel, real: RealPool, step: string): void {
  const want = describeModel(model);
  const got = describeReal(real);
  if (got !== want) throw new Error(`after ${step}:\n  pool  ${got}\n  model ${want}`);
}

class AcquireCommand implements fc.AsyncCommand<PoolModel, RealPool> {
  check(): boolean {
    return true;
  }
  async run(model: PoolModel, real: RealPool): Promise<void> {
    const caller = model.acquire();
    real.callers.push({ name: caller.name, state: observe(real.pool.acquire()) });
    await flush();
    compare(model, real, `acquire() as ${caller.name}`);
  }
  toString(): string {
    return "acquire()";
  }
}

class ReleaseCommand implements fc.AsyncCommand<PoolModel, RealPool> {
  constructor(readonly id: number) {}
  check(model: Readonly<PoolModel>): boolean {
    return model.borrowed.includes(this.id);
  }
  async run(model: PoolModel, real: RealPool): Promise<void> {
    model.release(this.id);
    real.pool.release(real.resources.get(this.id) as Conn);
    await flush();
    compare(model, real, this.toString());
  }
  toString(): string {
    return `release(#${this.id})`;
  }
}

class ReleaseIdleCommand implements fc.AsyncCommand<PoolModel, RealPool> {
  constructor(readonly id: number) {}
  check(model: Readonly<PoolModel>): boolean {
    return model.idle.includes(this.id);
  }
  async run(model: PoolModel, real: RealPool): Promise<void> {
    let threw = false;
    try {
      real.pool.release(real.resources.get(this.id) as Conn);
    } catch {
      threw = true;
    }
    await flush();
    if (!threw) throw new Error(`${this.toString()} did not throw`);
    compare(model, real, this.toString());
  }
  toString(): string {
    return `release(#${this.id}) while it is idle: throws`;
  }
}

class AdvanceCommand implements fc.AsyncCommand<PoolModel, RealPool> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(model: PoolModel, real: RealPool): Promise<void> {
    model.advance(this.ms);
    await clock.advanceAsync(this.ms);
    await flush();
    compare(model, real, this.toString());
  }
  toString(): string {
    return `advance(${this.ms} ms)`;
  }
}

describe("Pool: model check", () => {
  it("matches a model of the rules over random acquire/release/time sequences with slow and failing creates", async () => {
    const plan = fc.array(fc.record({ delay: fc.constantFrom(1, 10, 30, 80), fails: fc.boolean() }), { minLength: 1, maxLength: 6 });
    const commands = fc.commands(
      [
        fc.constant(null).map(() => new AcquireCommand()),
        fc.integer({ min: 1, max: 4 }).map((id) => new ReleaseCommand(id)),
        fc.integer({ min: 1, max: 4 }).map((id) => new ReleaseIdleCommand(id)),
        fc.constantFrom(1, 5, 10, 25, 50).map((ms) => new AdvanceCommand(ms)),
      ],
      { maxCommands: 40, size: "max" },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ max: fc.integer({ min: 1, max: 3 }), creates: plan }), commands, async ({ max, creates: steps }, cmds) => {
        let calls = 0;
        let lastId = 0;
        const resources = new Map<number, Conn>();
        const create = (): Promise<Conn> => {
          const step = steps[calls++ % steps.length] as CreateStep;
          return new Promise<Conn>((resolve, reject) => {
            setTimeout(() => {
              if (step.fails) reject(new Error("connection refused"));
              else {
                const conn = { id: ++lastId };
                resources.set(conn.id, conn);
                resolve(conn);
              }
            }, step.delay);
          });
        };
        const setup = () => {
          const pool = new Pool<Conn>({ create, max, acquireTimeoutMs: MODEL_TIMEOUT_MS });
          const model = new PoolModel(max, steps);
          return { model, real: { pool, callers: [], resources, timersBefore: clock.pending() } };
        };
        try {
          await fc.asyncModelRun(setup, cmds);
        } finally {
          await clock.advanceAsync(1000); // let this run's timers finish before the next run
        }
      }),
      // The report then ends with the first difference between the pool and the model.
      { numRuns: 150, includeErrorInReport: true },
    );
  });
});
