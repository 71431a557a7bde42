import fc from "fast-check";
import { CircuitBreaker, CircuitOpenError } from "./solution";

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk sequence and the wrong answer).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

/** Throws a message naming the call and both answers. */
function same(call: string, got: unknown, want: unknown): void {
  if (!Object.is(got, want)) throw new Error(`${call} returned ${String(got)}, the rules give ${String(want)}`);
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * An action scripted call by call: "ok" resolves, "fail" rejects, "hold" returns a promise the test
 * settles later (kept in `held`). Calls beyond the script fail the test.
 */
function scripted(script: Array<"ok" | "fail" | "hold">) {
  const held: Deferred<string>[] = [];
  let call = 0;
  const action = fn(() => {
    const step = script[call++];
    if (step === "ok") return Promise.resolve(`ok #${call}`);
    if (step === "fail") return Promise.reject(new Error(`fail #${call}`));
    if (step === "hold") {
      const d = deferred<string>();
      held.push(d);
      return d.promise;
    }
    throw new Error(`unexpected call #${call} of the action`);
  });
  return { action, held };
}

function breakerWith(script: Array<"ok" | "fail" | "hold">, failureThreshold: number, resetTimeoutMs: number) {
  const time = { t: 0 };
  const { action, held } = scripted(script);
  const breaker = new CircuitBreaker(action, { failureThreshold, resetTimeoutMs, now: () => time.t });
  return { breaker, action, held, time };
}

/**
 * Marks a promise as handled, so that if an assertion fails before the test awaits it, its
 * rejection does not surface as an unhandled rejection. Awaiting it later still sees the outcome.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Fires and swallows the outcome: returns "ok", "error" (the action's) or "open" (CircuitOpenError). */
async function outcome(breaker: CircuitBreaker<string>): Promise<string> {
  try {
    await breaker.fire();
    return "ok";
  } catch (error) {
    return error instanceof CircuitOpenError ? "open" : "error";
  }
}

describe("CircuitBreaker: options", () => {
  it("throws a RangeError unless failureThreshold is a positive integer", () => {
    for (const failureThreshold of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new CircuitBreaker(() => Promise.resolve(1), { failureThreshold, resetTimeoutMs: 1000 })).toThrow(RangeError);
    }
  });

  it("throws a RangeError unless resetTimeoutMs is a finite number >= 0", () => {
    for (const resetTimeoutMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new CircuitBreaker(() => Promise.resolve(1), { failureThreshold: 1, resetTimeoutMs })).toThrow(RangeError);
    }
    expect(() => new CircuitBreaker(() => Promise.resolve(1), { failureThreshold: 1, resetTimeoutMs: 0 })).not.toThrow();
  });
});

describe("CircuitBreaker: closed", () => {
  it("counts only consecutive failures: a success resets the count", async () => {
    const { breaker } = breakerWith(["fail", "fail", "ok", "fail", "fail", "fail"], 3, 1000);
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      results.push(await outcome(breaker));
      results.push(breaker.state);
    }
    expect(results).toEqual(["error", "closed", "error", "closed", "ok", "closed", "error", "closed", "error", "closed"]);
    expect(await outcome(breaker)).toBe("error");
    expect(breaker.state).toBe("open");
  });

  it("opens on exactly the failureThreshold-th consecutive failure", async () => {
    const { breaker, action } = breakerWith(["fail", "fail", "fail", "fail"], 4, 1000);
    for (let i = 1; i <= 3; i++) {
      await outcome(breaker);
      expect(breaker.state).toBe("closed");
    }
    await outcome(breaker);
    expect(breaker.state).toBe("open");
    expect(await outcome(breaker)).toBe("open");
    expect(action).toHaveBeenCalledTimes(4);
  });

  it("lets concurrent calls through while closed and resolves each with its own result", async () => {
    const { breaker, held } = breakerWith(["hold", "hold", "hold"], 1, 1000);
    const calls = [handled(breaker.fire()), handled(breaker.fire()), handled(breaker.fire())];
    expect(held).toHaveLength(3);
    held.forEach((d, i) => d.resolve(`value ${i}`));
    await expect(Promise.all(calls)).resolves.toEqual(["value 0", "value 1", "value 2"]);
    expect(breaker.state).toBe("closed");
  });

  it("rethrows any rejection value unchanged, including non-Error values", async () => {
    const reasons: unknown[] = ["a string", { code: "ECONNRESET" }, 42];
    let i = 0;
    const breaker = new CircuitBreaker(() => Promise.reject(reasons[i++]), { failureThreshold: 10, resetTimeoutMs: 1000, now: () => 0 });
    for (const reason of reasons) await expect(breaker.fire()).rejects.toBe(reason);
  });

  it("treats an action that throws synchronously as a failure and rejects (fire never throws)", async () => {
    const error = new Error("sync boom");
    const breaker = new CircuitBreaker<string>(
      () => {
        throw error;
      },
      { failureThreshold: 1, resetTimeoutMs: 1000, now: () => 0 },
    );
    let promise: Promise<string> | undefined;
    expect(() => {
      promise = breaker.fire();
    }).not.toThrow();
    await expect(promise).rejects.toBe(error);
    expect(breaker.state).toBe("open");
  });
});

describe("CircuitBreaker: open", () => {
  it("rejects with CircuitOpenError (an Error) and never calls the action", async () => {
    const { breaker, action } = breakerWith(["fail"], 1, 1000);
    await outcome(breaker);
    for (let i = 0; i < 5; i++) {
      const error = await breaker.fire().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CircuitOpenError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("turns half-open exactly resetTimeoutMs after opening, without needing a call", async () => {
    const { breaker, time } = breakerWith(["fail"], 1, 1000);
    time.t = 500;
    await outcome(breaker); // opens at t = 500
    time.t = 1499;
    expect(breaker.state).toBe("open");
    time.t = 1500;
    expect(breaker.state).toBe("half-open");
  });

  it("does not extend the open period when calls are rejected", async () => {
    const { breaker, time } = breakerWith(["fail", "ok"], 1, 1000);
    await outcome(breaker); // opens at 0
    for (const t of [100, 500, 999]) {
      time.t = t;
      expect(await outcome(breaker)).toBe("open");
    }
    time.t = 1000;
    expect(breaker.state).toBe("half-open");
    expect(await outcome(breaker)).toBe("ok");
  });
});

describe("CircuitBreaker: half-open", () => {
  it("lets exactly one trial call through; others fail fast while it is in flight", async () => {
    const { breaker, action, held, time } = breakerWith(["fail", "hold", "ok"], 1, 1000);
    await outcome(breaker);
    time.t = 1000;
    const trial = handled(breaker.fire());
    expect(breaker.state).toBe("half-open");
    const others = await Promise.all([outcome(breaker), outcome(breaker), outcome(breaker)]);
    expect(others).toEqual(["open", "open", "open"]);
    expect(action).toHaveBeenCalledTimes(2);
    (held[0] as Deferred<string>).resolve("trial passed");
    await expect(trial).resolves.toBe("trial passed");
    expect(breaker.state).toBe("closed");
    expect(await outcome(breaker)).toBe("ok");
    expect(action).toHaveBeenCalledTimes(3);
  });

  it("after a successful trial, needs failureThreshold new failures to open again", async () => {
    const { breaker, time } = breakerWith(["fail", "fail", "ok", "fail", "fail", "fail"], 2, 1000);
    await outcome(breaker);
    await outcome(breaker);
    expect(breaker.state).toBe("open");
    time.t = 1000;
    expect(await outcome(breaker)).toBe("ok"); // trial
    expect(breaker.state).toBe("closed");
    expect(await outcome(breaker)).toBe("error");
    expect(breaker.state).toBe("closed");
    expect(await outcome(breaker)).toBe("error");
    expect(breaker.state).toBe("open");
  });

  it("reopens for a full resetTimeoutMs counted from when the trial failed", async () => {
    const { breaker, held, time } = breakerWith(["fail", "hold"], 1, 1000);
    await outcome(breaker); // opens at 0
    time.t = 1000;
    const trial = handled(breaker.fire()); // trial starts at 1000...
    time.t = 1300;
    const error = new Error("trial failed");
    (held[0] as Deferred<string>).reject(error); // ...and fails at 1300
    await expect(trial).rejects.toBe(error);
    expect(breaker.state).toBe("open");
    time.t = 2299;
    expect(breaker.state).toBe("open");
    expect(await outcome(breaker)).toBe("open");
    time.t = 2300;
    expect(breaker.state).toBe("half-open");
  });

  it("goes through several open / half-open cycles and calls the action only for trials", async () => {
    const { breaker, action, time } = breakerWith(["fail", "fail", "fail", "fail", "ok", "ok"], 1, 100);
    const log: string[] = [];
    for (let t = 0; t <= 450; t += 50) {
      time.t = t;
      log.push(`${t}:${await outcome(breaker)}:${breaker.state}`);
    }
    expect(log).toEqual([
      "0:error:open",
      "50:open:open",
      "100:error:open",
      "150:open:open",
      "200:error:open",
      "250:open:open",
      "300:error:open",
      "350:open:open",
      "400:ok:closed",
      "450:ok:closed",
    ]);
    expect(action).toHaveBeenCalledTimes(6);
  });

  it("with resetTimeoutMs = 0, is half-open immediately after opening", async () => {
    const { breaker } = breakerWith(["fail", "ok"], 1, 0);
    expect(await outcome(breaker)).toBe("error");
    expect(breaker.state).toBe("half-open");
    expect(await outcome(breaker)).toBe("ok");
    expect(breaker.state).toBe("closed");
  });
});

describe("CircuitBreaker: late results", () => {
  it("ignores a success from a call that started before the circuit opened", async () => {
    const { breaker, held } = breakerWith(["hold", "hold"], 1, 1000);
    const slow = handled(breaker.fire());
    const fast = handled(breaker.fire());
    (held[1] as Deferred<string>).reject(new Error("fast failure"));
    await expect(fast).rejects.toThrow("fast failure");
    expect(breaker.state).toBe("open");
    (held[0] as Deferred<string>).resolve("late success");
    await expect(slow).resolves.toBe("late success"); // the caller still gets its result
    expect(breaker.state).toBe("open");
  });

  it("ignores a failure from a call that started before the circuit opened (the timer is not restarted)", async () => {
    const { breaker, held, time } = breakerWith(["hold", "hold"], 1, 1000);
    const first = handled(breaker.fire());
    const second = handled(breaker.fire());
    (held[0] as Deferred<string>).reject(new Error("first"));
    await expect(first).rejects.toThrow("first"); // opens at 0
    time.t = 600;
    (held[1] as Deferred<string>).reject(new Error("second"));
    await expect(second).rejects.toThrow("second");
    time.t = 1000;
    expect(breaker.state).toBe("half-open");
  });
});

describe("CircuitBreaker: late results after a full cycle", () => {
  it("ignores late results even when the circuit has opened and closed again since the call started", async () => {
    const { breaker, held, time } = breakerWith(["hold", "fail", "ok"], 1, 100);
    const slow = handled(breaker.fire()); // started while closed
    expect(await outcome(breaker)).toBe("error"); // opens at 0
    time.t = 100;
    expect(await outcome(breaker)).toBe("ok"); // the trial closes the circuit
    (held[0] as Deferred<string>).reject(new Error("late"));
    await expect(slow).rejects.toThrow("late");
    expect(breaker.state).toBe("closed"); // a stale failure must not open the new closed period

    // The same with a late success: it must not reset the new period's count of failures.
    const second = breakerWith(["hold", "fail", "fail", "ok", "fail", "fail"], 2, 100);
    const slowSuccess = handled(second.breaker.fire());
    expect(await outcome(second.breaker)).toBe("error");
    expect(await outcome(second.breaker)).toBe("error"); // opens at 0
    second.time.t = 100;
    expect(await outcome(second.breaker)).toBe("ok"); // closed, 0 failures
    expect(await outcome(second.breaker)).toBe("error"); // 1 failure
    (second.held[0] as Deferred<string>).resolve("late");
    await expect(slowSuccess).resolves.toBe("late");
    expect(await outcome(second.breaker)).toBe("error"); // 2 consecutive failures: the stale success did not reset the count
    expect(second.breaker.state).toBe("open");
  });
});

/**
 * The spec as a model: the breaker's fields, plus the calls still running (started in which
 * "epoch", and whether they are the trial). The epoch changes whenever the circuit opens or
 * closes; a call that settles in another epoch than the one it started in changes nothing.
 */
class BreakerModel {
  now = 0;
  failures = 0;
  openedAt: number | null = null;
  trialInFlight = false;
  epoch = 0;
  readonly running: { epoch: number; isTrial: boolean }[] = [];
  constructor(
    readonly threshold: number,
    readonly resetTimeoutMs: number,
  ) {}
  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === null) return "closed";
    if (this.trialInFlight) return "half-open";
    return this.now - this.openedAt >= this.resetTimeoutMs ? "half-open" : "open";
  }
  /** Whether `fire()` calls the action now; if so, the call is returned (and marked as the trial). */
  start(): { epoch: number; isTrial: boolean } | null {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.trialInFlight)) return null;
    const isTrial = state === "half-open";
    if (isTrial) this.trialInFlight = true;
    return { epoch: this.epoch, isTrial };
  }
  settle(call: { epoch: number; isTrial: boolean }, ok: boolean): void {
    if (call.isTrial) {
      this.trialInFlight = false;
      if (ok) this.#close();
      else this.#open();
    } else if (call.epoch === this.epoch && this.openedAt === null) {
      this.failures = ok ? 0 : this.failures + 1;
      if (this.failures >= this.threshold) this.#open();
    }
  }
  #open(): void {
    this.openedAt = this.now;
    this.epoch++;
  }
  #close(): void {
    this.openedAt = null;
    this.failures = 0;
    this.epoch++;
  }
}

/** The breaker under test, an action whose next outcome each command chooses, and the calls held open. */
interface Real {
  breaker: CircuitBreaker<string>;
  time: { t: number };
  next: Outcome;
  calls: number;
  /** The promise the action returned on its last "hold" call, until fire() has recorded it. */
  lastHold: Deferred<string> | null;
  held: { action: Deferred<string>; fired: Promise<string> }[];
}
type Command = fc.AsyncCommand<BreakerModel, Real>;
/** How the action behaves on its next call: resolve, reject, throw synchronously, or hang until settled. */
type Outcome = "ok" | "fail" | "throw" | "hold";

/** What a settled fire() did, in words, compared as strings so that a failure shows both sides. */
async function settledAs(fired: Promise<string>): Promise<string> {
  try {
    return `resolves ${await fired}`;
  } catch (error) {
    if (error instanceof CircuitOpenError) return "rejects with CircuitOpenError";
    return `rejects with ${error instanceof Error ? error.message : String(error)}`;
  }
}

function expectState(model: BreakerModel, real: Real, after: string): void {
  same(`state after ${after}`, real.breaker.state, model.state);
}

const fire = fc.constantFrom<Outcome>("ok", "fail", "throw", "hold").map(
  (outcome): Command => ({
    check: () => true,
    async run(model, real) {
      const call = model.start();
      real.next = outcome;
      const before = real.calls;
      const fired = real.breaker.fire();
      const called = real.calls > before;
      if (called !== (call !== null)) {
        handled(fired);
        throw new Error(`fire() ${called ? "called" : "did not call"} the action; in state "${model.state}" the rules say it ${call !== null ? "calls" : "does not call"} it`);
      }
      if (call === null) {
        same("fire()", await settledAs(fired), "rejects with CircuitOpenError");
      } else if (outcome === "hold") {
        model.running.push(call);
        real.held.push({ action: real.lastHold as Deferred<string>, fired: handled(fired) });
        real.lastHold = null;
      } else {
        same("fire()", await settledAs(fired), outcome === "ok" ? "resolves ok" : "rejects with down");
        model.settle(call, outcome === "ok");
      }
      expectState(model, real, this.toString());
    },
    toString: () => `fire() [the action ${{ ok: "resolves", fail: "rejects", throw: "throws", hold: "hangs" }[outcome]}]`,
  }),
);

const settle = fc.tuple(fc.constantFrom<"oldest" | "newest">("oldest", "newest"), fc.boolean()).map(
  ([which, ok]): Command => ({
    check: (model) => model.running.length > 0,
    async run(model, real) {
      const index = which === "oldest" ? 0 : model.running.length - 1;
      const [call] = model.running.splice(index, 1);
      const [held] = real.held.splice(index, 1);
      if (call === undefined || held === undefined) throw new Error("the model and the test lost track of the running calls");
      if (ok) held.action.resolve("late ok");
      else held.action.reject(new Error("late down"));
      same("the held call", await settledAs(held.fired), ok ? "resolves late ok" : "rejects with late down");
      model.settle(call, ok);
      expectState(model, real, this.toString());
    },
    toString: () => `${ok ? "resolve" : "reject"} the ${which} hanging call`,
  }),
);

const advance = fc.constantFrom(1, 50, 99, 100).map(
  (ms): Command => ({
    check: () => true,
    async run(model, real) {
      model.now += ms;
      real.time.t += ms;
      expectState(model, real, this.toString());
    },
    toString: () => `advance(${ms}ms)`,
  }),
);

const threshold = fc.integer({ min: 1, max: 2 }).map((n) => ({ n, toString: () => `new CircuitBreaker(action, { failureThreshold: ${n}, resetTimeoutMs: 100 })` }));

describe("CircuitBreaker: any sequence of calls, late results and pauses", () => {
  it("calls the action, settles each call and reports the state exactly as the rules say", async () => {
    const report = await fc.check(
      fc.asyncProperty(threshold, fc.commands([fire, settle, advance], { size: "+1" }), async ({ n }, cmds) => {
        await fc.asyncModelRun(() => {
          const time = { t: 0 };
          const real: Real = { breaker: undefined as unknown as CircuitBreaker<string>, time, next: "ok", calls: 0, lastHold: null, held: [] };
          real.breaker = new CircuitBreaker(
            () => {
              real.calls++;
              if (real.next === "ok") return Promise.resolve("ok");
              if (real.next === "fail") return Promise.reject(new Error("down"));
              if (real.next === "throw") throw new Error("down");
              real.lastHold = deferred<string>();
              return real.lastHold.promise;
            },
            { failureThreshold: n, resetTimeoutMs: 100, now: () => time.t },
          );
          return { model: new BreakerModel(n, 100), real };
        }, cmds);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});

describe("CircuitBreaker: clock", () => {
  it("uses Date.now when no clock is given", async () => {
    const breaker = new CircuitBreaker(() => Promise.reject(new Error("down")), { failureThreshold: 1, resetTimeoutMs: 5000 });
    await expect(breaker.fire()).rejects.toThrow("down");
    clock.advance(4999);
    expect(breaker.state).toBe("open");
    clock.advance(1);
    expect(breaker.state).toBe("half-open");
  });
});
