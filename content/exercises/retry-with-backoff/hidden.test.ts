import fc from "fast-check";
import { retry } from "./solution";

// Timers run on the sandbox's virtual clock.
declare function setTimeout(callback: () => void, ms: number): unknown;

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

/** A sleep that records the requested delays and resolves at once. */
function instantSleep() {
  return fn((_ms: number) => Promise.resolve());
}

function delaysOf(sleep: { calls: [number][] }): number[] {
  return sleep.calls.map(([ms]) => ms);
}

/** Always fails, with a distinct error per attempt. */
function alwaysFailing() {
  const errors: Error[] = [];
  const work = fn((attempt: number) => {
    const error = new Error(`attempt ${attempt} failed`);
    errors.push(error);
    return Promise.reject(error);
  });
  return { work, errors };
}

/** The rejection reason of a promise that must reject. */
async function reasonOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got the value ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
}

/** Marks a promise as handled, so an early assertion failure cannot leave it rejected unobserved. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Lets microtasks run (promise callbacks), without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe("retry: options", () => {
  it("rejects with a RangeError for invalid options, without calling fn", async () => {
    const bad: Array<Partial<{ retries: number; baseDelayMs: number; maxDelayMs: number }>> = [
      { retries: -1 },
      { retries: 1.5 },
      { retries: Number.NaN },
      { retries: Number.POSITIVE_INFINITY },
      { baseDelayMs: -1 },
      { baseDelayMs: Number.NaN },
      { baseDelayMs: Number.POSITIVE_INFINITY },
      { maxDelayMs: -1 },
      { maxDelayMs: Number.NaN },
    ];
    const work = fn((_attempt: number) => Promise.resolve("unexpected"));
    for (const override of bad) {
      const opts = { retries: 2, baseDelayMs: 10, maxDelayMs: 100, sleep: instantSleep(), ...override };
      await expect(retry(work, opts)).rejects.toThrow(RangeError);
    }
    expect(work).toHaveBeenCalledTimes(0);
  });

  it("accepts retries = 0, a base delay of 0 and an infinite maxDelayMs", async () => {
    const sleep = instantSleep();
    const work = fn((_attempt: number) => Promise.resolve(1));
    await expect(retry(work, { retries: 0, baseDelayMs: 0, maxDelayMs: Number.POSITIVE_INFINITY, sleep })).resolves.toBe(1);
  });
});

describe("retry: attempts", () => {
  it("makes exactly retries + 1 attempts, numbered from 1, and sleeps only between them", async () => {
    const sleep = instantSleep();
    const { work } = alwaysFailing();
    await expect(retry(work, { retries: 4, baseDelayMs: 10, maxDelayMs: 1000, sleep })).rejects.toThrow("attempt 5 failed");
    expect(work.calls).toEqual([[1], [2], [3], [4], [5]]);
    expect(sleep).toHaveBeenCalledTimes(4);
  });

  it("with retries = 0, tries once and never sleeps", async () => {
    const sleep = instantSleep();
    const { work, errors } = alwaysFailing();
    const reason = await reasonOf(retry(work, { retries: 0, baseDelayMs: 10, maxDelayMs: 1000, sleep }));
    expect(reason).toBe(errors[0]);
    expect(work).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledTimes(0);
  });

  it("rejects with the very last error object, not the first one", async () => {
    const { work, errors } = alwaysFailing();
    const reason = await reasonOf(retry(work, { retries: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: instantSleep() }));
    expect(errors).toHaveLength(4);
    expect(reason).toBe(errors[3]);
    expect(reason).not.toBe(errors[0]);
  });

  it("stops as soon as an attempt succeeds", async () => {
    const sleep = instantSleep();
    const work = fn((attempt: number) => (attempt === 4 ? Promise.resolve({ attempt }) : Promise.reject(new Error("nope"))));
    await expect(retry(work, { retries: 10, baseDelayMs: 5, maxDelayMs: 1000, sleep })).resolves.toEqual({ attempt: 4 });
    expect(work).toHaveBeenCalledTimes(4);
    expect(delaysOf(sleep)).toEqual([5, 10, 20]);
  });

  it("treats a synchronous throw from fn like a rejection", async () => {
    const sleep = instantSleep();
    const work = fn((attempt: number): Promise<string> => {
      if (attempt < 3) throw new Error("sync failure");
      return Promise.resolve("recovered");
    });
    await expect(retry(work, { retries: 5, baseDelayMs: 10, maxDelayMs: 1000, sleep })).resolves.toBe("recovered");
    expect(delaysOf(sleep)).toEqual([10, 20]);
  });

  it("passes rejection values through unchanged, even when they are not Errors", async () => {
    const work = fn((attempt: number) => Promise.reject(`plain string ${attempt}`));
    await expect(retry(work, { retries: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: instantSleep() })).rejects.toBe("plain string 2");
  });
});

describe("retry: delays", () => {
  it("doubles the delay from baseDelayMs and caps it at maxDelayMs", async () => {
    const sleep = instantSleep();
    const { work } = alwaysFailing();
    await expect(retry(work, { retries: 7, baseDelayMs: 100, maxDelayMs: 1000, sleep })).rejects.toThrow("attempt 8 failed");
    expect(delaysOf(sleep)).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it("uses maxDelayMs for every wait when it is below baseDelayMs, and no cap when it is Infinity", async () => {
    const capped = instantSleep();
    await expect(retry(alwaysFailing().work, { retries: 3, baseDelayMs: 500, maxDelayMs: 300, sleep: capped })).rejects.toThrow("attempt 4 failed");
    expect(delaysOf(capped)).toEqual([300, 300, 300]);
    const uncapped = instantSleep();
    await expect(retry(alwaysFailing().work, { retries: 5, baseDelayMs: 3, maxDelayMs: Number.POSITIVE_INFINITY, sleep: uncapped })).rejects.toThrow(
      "attempt 6 failed",
    );
    expect(delaysOf(uncapped)).toEqual([3, 6, 12, 24, 48]);
  });

  it("keeps every wait within the cap after 1,100 retries (no overflow to Infinity or NaN)", async () => {
    const sleep = instantSleep();
    await expect(retry(alwaysFailing().work, { retries: 1100, baseDelayMs: 1, maxDelayMs: 30_000, sleep })).rejects.toThrow("attempt 1101 failed");
    const delays = delaysOf(sleep);
    expect(delays).toHaveLength(1100);
    expect(delays.slice(0, 16)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 30_000]);
    expect(delays.every((ms) => ms === Math.min(30_000, ms) && Number.isFinite(ms))).toBe(true);
    expect(delays[1099]).toBe(30_000);
  });

  it("keeps a base delay of 0 at 0 after 1,100 retries (0 times an overflowed power of two is NaN)", async () => {
    const sleep = instantSleep();
    await expect(retry(alwaysFailing().work, { retries: 1100, baseDelayMs: 0, maxDelayMs: 30_000, sleep })).rejects.toThrow("attempt 1101 failed");
    const delays = delaysOf(sleep);
    expect(delays).toHaveLength(1100);
    expect(delays.filter((ms) => ms !== 0)).toEqual([]);
  });

  it("waits for sleep to resolve before the next attempt", async () => {
    const pending: Deferred<void>[] = [];
    const sleep = fn((_ms: number) => {
      const d = deferred<void>();
      pending.push(d);
      return d.promise;
    });
    const work = fn((attempt: number) => (attempt < 3 ? Promise.reject(new Error("again")) : Promise.resolve("third time lucky")));
    const result = handled(retry(work, { retries: 5, baseDelayMs: 10, maxDelayMs: 1000, sleep }));
    await flush();
    expect(work).toHaveBeenCalledTimes(1);
    expect(pending).toHaveLength(1);
    (pending[0] as Deferred<void>).resolve();
    await flush();
    expect(work).toHaveBeenCalledTimes(2);
    expect(pending).toHaveLength(2);
    (pending[1] as Deferred<void>).resolve();
    await expect(result).resolves.toBe("third time lucky");
    expect(work).toHaveBeenCalledTimes(3);
  });

  it("stops and rejects with the sleep's error when sleep rejects", async () => {
    const aborted = new Error("aborted");
    const sleep = fn((_ms: number) => Promise.reject(aborted));
    const { work } = alwaysFailing();
    await expect(retry(work, { retries: 5, baseDelayMs: 10, maxDelayMs: 1000, sleep })).rejects.toBe(aborted);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("spaces the attempts in virtual time when sleep uses setTimeout", async () => {
    const start = clock.now();
    const at: number[] = [];
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const work = (attempt: number) => {
      at.push(clock.now() - start);
      return attempt < 5 ? Promise.reject(new Error("busy")) : Promise.resolve("ok");
    };
    await expect(retry(work, { retries: 6, baseDelayMs: 250, maxDelayMs: 1500, sleep })).resolves.toBe("ok");
    expect(at).toEqual([0, 250, 750, 1750, 3250]);
  });
});

describe("retry: shouldRetry", () => {
  it("is asked about each failure and ends the retries as soon as it says no", async () => {
    const sleep = instantSleep();
    const fatal = new Error("fatal: 401");
    const work = fn((attempt: number) => Promise.reject(attempt === 3 ? fatal : new Error(`transient ${attempt}`)));
    const shouldRetry = fn((error: unknown) => !(error instanceof Error && error.message.startsWith("fatal")));
    await expect(retry(work, { retries: 10, baseDelayMs: 10, maxDelayMs: 1000, sleep, shouldRetry })).rejects.toBe(fatal);
    expect(work).toHaveBeenCalledTimes(3);
    expect(delaysOf(sleep)).toEqual([10, 20]);
    expect(shouldRetry).toHaveBeenCalledTimes(3);
    expect(shouldRetry).toHaveBeenCalledWith(fatal);
  });

  it("is not consulted about the last failure, when no retries are left", async () => {
    const shouldRetry = fn((_error: unknown) => true);
    const { work, errors } = alwaysFailing();
    const reason = await reasonOf(retry(work, { retries: 2, baseDelayMs: 10, maxDelayMs: 1000, sleep: instantSleep(), shouldRetry }));
    expect(reason).toBe(errors[2]);
    expect(shouldRetry.calls.map(([error]) => error)).toEqual([errors[0], errors[1]]);
    const once = fn((_error: unknown) => true);
    await expect(retry(alwaysFailing().work, { retries: 0, baseDelayMs: 10, maxDelayMs: 1000, sleep: instantSleep(), shouldRetry: once })).rejects.toThrow("attempt 1 failed");
    expect(once).toHaveBeenCalledTimes(0);
  });

  it("does not sleep or retry when shouldRetry rejects the first error", async () => {
    const sleep = instantSleep();
    const { work, errors } = alwaysFailing();
    const reason = await reasonOf(retry(work, { retries: 3, baseDelayMs: 10, maxDelayMs: 1000, sleep, shouldRetry: () => false }));
    expect(reason).toBe(errors[0]);
    expect(work).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledTimes(0);
  });
});

/** The rules, step by step, for an operation that fails `failures` times and then succeeds. */
function expectedRun(c: { retries: number; baseDelayMs: number; maxDelayMs: number; failures: number; refuseAttempt: number | undefined }): string {
  const asked: number[] = [];
  const sleeps: number[] = [];
  for (let attempt = 1; ; attempt++) {
    if (attempt > c.failures) return describeRun(attempt, asked, sleeps, `resolves with the value of attempt ${attempt}`);
    const end = `rejects with the error of attempt ${attempt}`;
    if (attempt > c.retries) return describeRun(attempt, asked, sleeps, end);
    asked.push(attempt);
    if (c.refuseAttempt === attempt) return describeRun(attempt, asked, sleeps, end);
    sleeps.push(Math.min(c.maxDelayMs, c.baseDelayMs * 2 ** (attempt - 1)));
  }
}

function describeRun(attempts: number, asked: number[], sleeps: number[], end: string): string {
  return `${attempts} attempt(s), sleeps [${sleeps.join(", ")}], shouldRetry asked about attempts [${asked.join(", ")}], ${end}`;
}

describe("retry: any combination of options and failures", () => {
  it("makes the attempts, sleeps and shouldRetry calls the rules give, and settles with the right attempt", async () => {
    const cases = fc.record({
      retries: fc.integer({ min: 0, max: 6 }),
      baseDelayMs: fc.constantFrom(0, 1, 5, 100),
      maxDelayMs: fc.constantFrom(0, 50, 300, Number.POSITIVE_INFINITY),
      failures: fc.integer({ min: 0, max: 8 }),
      refuseAttempt: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    });
    const report = await fc.check(
      fc.asyncProperty(cases, async (c) => {
        const errors: Error[] = [];
        let attempts = 0;
        const asked: number[] = [];
        const sleeps: number[] = [];
        const work = (attempt: number) => {
          attempts++;
          if (attempt > c.failures) return Promise.resolve(`value ${attempt}`);
          errors[attempt] = new Error(`attempt ${attempt} failed`);
          return Promise.reject(errors[attempt]);
        };
        const shouldRetry = (error: unknown) => {
          const attempt = errors.indexOf(error as Error);
          asked.push(attempt);
          return attempt !== c.refuseAttempt;
        };
        const sleep = (ms: number) => {
          sleeps.push(ms);
          return Promise.resolve();
        };
        let end: string;
        try {
          const value = await retry(work, { retries: c.retries, baseDelayMs: c.baseDelayMs, maxDelayMs: c.maxDelayMs, sleep, shouldRetry });
          end = `resolves with the value of attempt ${String(value).replace("value ", "")}`;
        } catch (error) {
          end = `rejects with the error of attempt ${errors.indexOf(error as Error)}`;
        }
        const actual = describeRun(attempts, asked, sleeps, end);
        const expected = expectedRun(c);
        if (actual !== expected) throw new Error(`retry made ${actual}\nthe rules give ${expected}`);
      }),
      { numRuns: 200 },
    );
    if (report.failed) {
      const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
      throw new Error(`Smallest failing case: ${fc.stringify(report.counterexample?.[0])}\n${cause}`);
    }
  });
});
