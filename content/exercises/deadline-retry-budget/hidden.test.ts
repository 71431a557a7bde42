import fc from "fast-check";
import { RetryingClient, RpcError, type ClientOptions, type StatusCode } from "./solution";

const options: ClientOptions = {
  maxAttempts: 3,
  initialBackoffMs: 100,
  maxBackoffMs: 1000,
  backoffMultiplier: 2,
  retryableCodes: ["UNAVAILABLE"],
  marginMs: 50,
  minAttemptMs: 100,
  budget: { percent: 10, minPerSecond: 0, burst: 2 },
};

type Step = { after: number; ok?: string; fail?: StatusCode | "plain" } | "hang";

/** An attempt function playing a script; logs "#n at +t timeout ms" relative to its creation. */
function scripted(steps: Step[]) {
  const start = Date.now();
  const log: string[] = [];
  const errors: unknown[] = [];
  const attempt = (timeoutMs: number, n: number) => {
    log.push(`#${n} at +${Date.now() - start} timeout ${timeoutMs}`);
    const step = steps[n - 1] ?? "hang";
    return new Promise<string>((resolve, reject) => {
      if (step === "hang") return;
      const error = step.fail === "plain" ? new Error("plain") : step.fail ? new RpcError(step.fail, `attempt ${n}`) : undefined;
      if (error) errors.push(error);
      setTimeout(() => (error ? reject(error) : resolve(step.ok ?? "ok")), step.after);
    });
  };
  return { attempt, log, errors, elapsed: () => Date.now() - start };
}

const unavailable = (after: number): Step => ({ after, fail: "UNAVAILABLE" });

/** Settles a call and reports what and when, relative to `start`. */
async function outcome(promise: Promise<unknown>, start: number): Promise<string> {
  try {
    return `ok ${String(await promise)} at +${Date.now() - start}`;
  } catch (e) {
    const name = e instanceof RpcError ? e.code : e instanceof Error ? `${e.name}(${e.message})` : String(e);
    return `${name} at +${Date.now() - start}`;
  }
}

describe("RetryingClient: construction and arguments", () => {
  it("throws a RangeError for every option out of range, and accepts the boundaries", () => {
    const bad: Partial<ClientOptions>[] = [
      { maxAttempts: 0 }, { maxAttempts: 1.5 }, { maxAttempts: NaN },
      { initialBackoffMs: -1 }, { initialBackoffMs: 0.5 }, { initialBackoffMs: NaN },
      { maxBackoffMs: 99 }, { maxBackoffMs: 100.5 }, { maxBackoffMs: Infinity },
      { backoffMultiplier: 0.99 }, { backoffMultiplier: NaN }, { backoffMultiplier: Infinity },
      { marginMs: -1 }, { marginMs: 1.5 }, { marginMs: NaN },
      { minAttemptMs: 0 }, { minAttemptMs: 2.5 }, { minAttemptMs: Infinity },
      { budget: { percent: -1, minPerSecond: 0, burst: 1 } }, { budget: { percent: 101, minPerSecond: 0, burst: 1 } },
      { budget: { percent: 10.5, minPerSecond: 0, burst: 1 } }, { budget: { percent: 10, minPerSecond: -1, burst: 1 } },
      { budget: { percent: 10, minPerSecond: 0.5, burst: 1 } }, { budget: { percent: 10, minPerSecond: 0, burst: 0 } },
      { budget: { percent: 10, minPerSecond: 0, burst: 1.5 } }, { budget: { percent: 10, minPerSecond: NaN, burst: 1 } },
    ];
    for (const change of bad) {
      expect(() => new RetryingClient({ ...options, ...change }), JSON.stringify(change)).toThrow(RangeError);
    }
    const edge: ClientOptions = {
      ...options, maxAttempts: 1, initialBackoffMs: 0, maxBackoffMs: 0, backoffMultiplier: 1, marginMs: 0, minAttemptMs: 1,
      budget: { percent: 0, minPerSecond: 0, burst: 1 },
    };
    expect(() => new RetryingClient(edge)).not.toThrow();
    expect(() => new RetryingClient({ ...options, budget: { percent: 100, minPerSecond: 5, burst: 3 } })).not.toThrow();
    expect(new RetryingClient({ ...options, budget: { percent: 10, minPerSecond: 0, burst: 3 } }).retryBudget).toBe(3000);
  });

  it("rejects a non-finite deadline with a RangeError without calling the attempt or depositing", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 50, minPerSecond: 0, burst: 1 } });
    await client.call(Date.now() + 1000, scripted([unavailable(10), unavailable(10)]).attempt).catch(() => {});
    expect(client.retryBudget).toBe(0);
    for (const deadline of [NaN, Infinity, -Infinity]) {
      const s = scripted([{ after: 1 }]);
      await expect(client.call(deadline, s.attempt)).rejects.toThrow(RangeError);
      expect(s.log).toEqual([]);
    }
    expect(client.retryBudget).toBe(0);
  });
});

describe("RetryingClient: deadlines", () => {
  it("refuses to start an attempt with less than minAttemptMs downstream, but still deposits", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 30, minPerSecond: 0, burst: 1 } });
    await client.call(Date.now() + 1000, scripted([unavailable(10), unavailable(10)]).attempt).catch(() => {});
    expect(client.retryBudget).toBe(0);
    const start = Date.now();
    const tooLate = scripted([{ after: 1 }]);
    const error = await client.call(start + 149, tooLate.attempt).catch((e: unknown) => e); // 149 - 50 = 99 < 100
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: "DEADLINE_EXCEEDED", message: "deadline exceeded" });
    expect(tooLate.log).toEqual([]);
    expect(Date.now()).toBe(start);
    expect(client.retryBudget).toBe(300);
    const justEnough = scripted([{ after: 1, ok: "yes" }]);
    await expect(client.call(Date.now() + 150, justEnough.attempt)).resolves.toBe("yes");
    expect(justEnough.log).toEqual(["#1 at +0 timeout 100"]);
    const past = scripted([{ after: 1 }]);
    await expect(client.call(Date.now() - 10, past.attempt)).rejects.toMatchObject({ code: "DEADLINE_EXCEEDED" });
    expect(past.log).toEqual([]);
  });

  it("treats an answer in the deadline's millisecond as too late, and one a millisecond earlier as in time", async () => {
    const client = new RetryingClient(options);
    const start = Date.now();
    expect(await outcome(client.call(start + 500, scripted([{ after: 499, ok: "in time" }]).attempt), start)).toBe("ok in time at +499");
    const later = Date.now();
    expect(await outcome(client.call(later + 500, scripted([{ after: 500, ok: "late" }]).attempt), later)).toBe("DEADLINE_EXCEEDED at +500");
  });

  it("ignores an attempt's outcome after the deadline, success or failure", async () => {
    const client = new RetryingClient({ ...options, retryableCodes: ["UNAVAILABLE", "DEADLINE_EXCEEDED"] });
    const start = Date.now();
    const s = scripted([unavailable(800)]);
    expect(await outcome(client.call(start + 600, s.attempt), start)).toBe("DEADLINE_EXCEEDED at +600");
    await clock.advanceAsync(1000);
    expect(s.log).toEqual(["#1 at +0 timeout 550"]); // no retry: a retry at the deadline never fits
    expect(client.retryBudget).toBe(2000);
  });

  it("retries only when the attempt after the backoff still gets minAttemptMs, without spending a token otherwise", async () => {
    const client = new RetryingClient(options);
    let start = Date.now();
    const fits = scripted([unavailable(750), { after: 1, ok: "second" }]);
    expect(await outcome(client.call(start + 1000, fits.attempt), start)).toBe("ok second at +851");
    expect(fits.log).toEqual(["#1 at +0 timeout 950", "#2 at +850 timeout 100"]);
    expect(client.retryBudget).toBe(1000); // 2000 - 1000 for the retry
    start = Date.now();
    const tight = scripted([unavailable(751), { after: 1, ok: "never" }]);
    const error = await client.call(start + 1000, tight.attempt).catch((e: unknown) => e);
    expect(error).toBe(tight.errors[0]); // the failure itself, at once
    expect(Date.now() - start).toBe(751);
    expect(tight.log).toHaveLength(1);
    expect(client.retryBudget).toBe(1100); // its deposit only
  });
});

describe("RetryingClient: hygiene", () => {
  it("names its errors RpcError and leaves no timer behind once a call has settled", async () => {
    const client = new RetryingClient(options);
    const error = new RpcError("NOT_FOUND", "no such user");
    expect([error.name, error.code, error.message, error instanceof Error]).toEqual(["RpcError", "NOT_FOUND", "no such user", true]);
    await expect(client.call(Date.now() + 1000, scripted([{ after: 10, ok: "fine" }]).attempt)).resolves.toBe("fine");
    expect(clock.pending()).toBe(0);
    await expect(client.call(Date.now() + 1000, scripted([{ after: 10, fail: "NOT_FOUND" }]).attempt)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(clock.pending()).toBe(0);
    await expect(client.call(Date.now() + 1000, scripted([unavailable(10), { after: 10, ok: "retried" }]).attempt)).resolves.toBe("retried");
    expect(clock.pending()).toBe(0);
  });
});

describe("RetryingClient: retries", () => {
  it("rejects with the last failure itself once maxAttempts attempts failed", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 10, minPerSecond: 0, burst: 5 } });
    const start = Date.now();
    const s = scripted([unavailable(10), unavailable(10), unavailable(10), { after: 1, ok: "fourth" }]);
    const error = await client.call(start + 5000, s.attempt).catch((e: unknown) => e);
    expect(error).toBe(s.errors[2]);
    expect(s.log).toEqual(["#1 at +0 timeout 4950", "#2 at +110 timeout 4840", "#3 at +320 timeout 4630"]);
    expect(Date.now() - start).toBe(330);
    expect(client.retryBudget).toBe(3000); // two retries; the final failure costs nothing
  });

  it("makes one attempt only with maxAttempts 1", async () => {
    const client = new RetryingClient({ ...options, maxAttempts: 1 });
    const s = scripted([unavailable(10), { after: 1 }]);
    await expect(client.call(Date.now() + 1000, s.attempt)).rejects.toBe(s.errors[0]);
    expect(s.log).toHaveLength(1);
    expect(client.retryBudget).toBe(2000);
  });

  it("floors and caps the backoff: 10, 15, 22, 33, 40, 40 ms for 10 ms x 1.5 up to 40", async () => {
    const client = new RetryingClient({
      ...options, maxAttempts: 7, initialBackoffMs: 10, backoffMultiplier: 1.5, maxBackoffMs: 40,
      budget: { percent: 10, minPerSecond: 0, burst: 10 },
    });
    const s = scripted([unavailable(1), unavailable(1), unavailable(1), unavailable(1), unavailable(1), unavailable(1), { after: 1, ok: "x" }]);
    await expect(client.call(Date.now() + 10_000, s.attempt)).resolves.toBe("x");
    // each attempt fails after 1 ms; the waits between attempts are the backoffs
    expect(s.log.map((line) => Number(/\+([\d.]+)/.exec(line)?.[1]))).toEqual([0, 11, 27, 50, 84, 125, 166]);
  });

  it("retries at once with a zero backoff", async () => {
    const client = new RetryingClient({ ...options, initialBackoffMs: 0, maxBackoffMs: 0 });
    const s = scripted([unavailable(5), unavailable(5), { after: 5, ok: "third" }]);
    await expect(client.call(Date.now() + 1000, s.attempt)).resolves.toBe("third");
    expect(s.log).toEqual(["#1 at +0 timeout 950", "#2 at +5 timeout 945", "#3 at +10 timeout 940"]);
  });

  it("never retries plain errors, synchronous throws or codes not listed, and spends nothing on them", async () => {
    const client = new RetryingClient({ ...options, retryableCodes: ["UNAVAILABLE", "RESOURCE_EXHAUSTED"] });
    for (const fail of ["plain", "INTERNAL", "DEADLINE_EXCEEDED", "NOT_FOUND"] as const) {
      const s = scripted([{ after: 5, fail }, { after: 1, ok: "never" }]);
      await expect(client.call(Date.now() + 1000, s.attempt)).rejects.toBe(s.errors[0]);
      expect(s.log, fail).toHaveLength(1);
    }
    const thrown = new TypeError("bad request object");
    let calls = 0;
    const throwing = () => {
      calls++;
      throw thrown;
    };
    await expect(client.call(Date.now() + 1000, throwing)).rejects.toBe(thrown);
    expect(calls).toBe(1);
    const exhausted = scripted([{ after: 5, fail: "RESOURCE_EXHAUSTED" }, { after: 1, ok: "listed" }]);
    await expect(client.call(Date.now() + 1000, exhausted.attempt)).resolves.toBe("listed");
    expect(client.retryBudget).toBe(1000);
  });

  it("retries a DEADLINE_EXCEEDED returned by the server before the deadline when it is listed", async () => {
    const client = new RetryingClient({ ...options, retryableCodes: ["DEADLINE_EXCEEDED"] });
    const s = scripted([{ after: 100, fail: "DEADLINE_EXCEEDED" }, { after: 1, ok: "again" }]);
    await expect(client.call(Date.now() + 1000, s.attempt)).resolves.toBe("again");
    expect(s.log).toEqual(["#1 at +0 timeout 950", "#2 at +200 timeout 750"]);
  });
});

describe("RetryingClient: the retry budget", () => {
  it("counts exact tenths: nine 10% deposits are not a retry, ten are", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 10, minPerSecond: 0, burst: 1 } });
    const failTwice = () => scripted([unavailable(1), unavailable(1), { after: 1, ok: "third" }]);
    await expect(client.call(Date.now() + 1000, failTwice().attempt)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(client.retryBudget).toBe(0);
    for (let i = 0; i < 9; i++) await client.call(Date.now() + 1000, scripted([{ after: 1 }]).attempt);
    expect(client.retryBudget).toBe(900);
    const ninth = scripted([unavailable(1), { after: 1, ok: "retried" }]);
    await expect(client.call(Date.now() + 1000, ninth.attempt)).resolves.toBe("retried"); // its own deposit makes 1000
    expect(client.retryBudget).toBe(0);
  });

  it("caps the balance at burst retries: deposits and earnings beyond it are lost", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 100, minPerSecond: 1, burst: 2 } });
    for (let i = 0; i < 5; i++) await client.call(Date.now() + 1000, scripted([{ after: 1 }]).attempt);
    clock.advance(60_000);
    expect(client.retryBudget).toBe(2000);
    const s = scripted([unavailable(1), unavailable(1), unavailable(1), unavailable(1)]);
    await expect(client.call(Date.now() + 1000, s.attempt)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(s.log).toHaveLength(3);
  });

  it("earns minPerSecond retries per second of time, counted per millisecond", async () => {
    const client = new RetryingClient({ ...options, initialBackoffMs: 0, maxBackoffMs: 0, maxAttempts: 2, budget: { percent: 0, minPerSecond: 2, burst: 1 } });
    const first = scripted([unavailable(1), unavailable(1)]);
    await client.call(Date.now() + 1000, first.attempt).catch(() => {}); // withdraws at +1, ends at +2
    expect(first.log).toHaveLength(2);
    expect(client.retryBudget).toBe(2);
    clock.advance(248);
    expect(client.retryBudget).toBe(498);
    const early = scripted([unavailable(1), { after: 1, ok: "x" }]);
    await expect(client.call(Date.now() + 1000, early.attempt)).rejects.toMatchObject({ code: "UNAVAILABLE" }); // 500: not yet
    expect(early.log).toHaveLength(1);
    clock.advance(248);
    const onTime = scripted([unavailable(2), { after: 1, ok: "x" }]);
    await expect(client.call(Date.now() + 1000, onTime.attempt)).resolves.toBe("x"); // fails when the balance is exactly 1000
    expect(onTime.log).toHaveLength(2);
    expect(client.retryBudget).toBe(2);
  });

  it("earns during a backoff, and shares one budget between concurrent calls", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 0, minPerSecond: 5, burst: 1 } });
    const start = Date.now();
    const a = scripted([unavailable(10), unavailable(200), { after: 1, ok: "a" }]);
    const b = scripted([unavailable(15), { after: 1, ok: "b" }]);
    const results = Promise.all([outcome(client.call(start + 2000, a.attempt), start), outcome(client.call(start + 2000, b.attempt), start)]);
    // a withdraws the only retry at +10; b fails at +15 with 25 thousandths: final;
    // a fails again at +310 with the budget full again (capped at 1000): a second retry.
    expect(await results).toEqual(["ok a at +511", "UNAVAILABLE at +15"]);
    expect(a.log).toEqual(["#1 at +0 timeout 1950", "#2 at +110 timeout 1840", "#3 at +510 timeout 1440"]);
    expect(b.log).toHaveLength(1);
  });
});

// Model-based test: sequences of calls (each with a scripted series of attempt outcomes) and time
// passing, checked call by call against a direct simulation of the rules: every attempt's start and
// timeout, the outcome and its time, and the budget afterwards.

/** Fails with fast-check's smallest failing case and what went wrong in it. */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

class BudgetModel {
  balance: number;
  at: number;
  constructor(
    readonly o: ClientOptions,
    now: number,
  ) {
    this.balance = o.budget.burst * 1000;
    this.at = now;
  }
  refill(now: number): void {
    this.balance = Math.min(this.o.budget.burst * 1000, this.balance + (now - this.at) * this.o.budget.minPerSecond);
    this.at = now;
  }
  /** The rules for one call starting at `t`; returns the attempt log and the outcome, relative to t. */
  call(t: number, deadline: number, steps: Step[]): { log: string[]; result: string } {
    const o = this.o;
    const start = t;
    const log: string[] = [];
    this.refill(t);
    this.balance = Math.min(o.budget.burst * 1000, this.balance + o.budget.percent * 10);
    const fits = (at: number) => deadline - at - o.marginMs >= o.minAttemptMs;
    if (!fits(t)) return { log, result: `DEADLINE_EXCEEDED at +0` };
    for (let n = 1; ; n++) {
      log.push(`#${n} at +${t - start} timeout ${deadline - t - o.marginMs}`);
      const step = steps[n - 1] ?? "hang";
      let code: string;
      if (step === "hang" || t + Math.max(step.after, 1) >= deadline) {
        t = deadline;
        code = "DEADLINE_EXCEEDED";
      } else {
        t += Math.max(step.after, 1); // a 0 ms timer fires after 1 ms, as in Node
        if (!step.fail) return { log, result: `ok ${step.ok ?? "ok"} at +${t - start}` };
        code = step.fail === "plain" ? "Error(plain)" : step.fail;
      }
      const failed = { log, result: `${code} at +${t - start}` };
      if (!o.retryableCodes.includes(code as StatusCode) || n >= o.maxAttempts) return failed;
      const backoff = Math.min(o.maxBackoffMs, Math.floor(o.initialBackoffMs * o.backoffMultiplier ** (n - 1)));
      if (!fits(t + backoff)) return failed;
      this.refill(t);
      if (this.balance < 1000) return failed;
      this.balance -= 1000;
      t += backoff;
    }
  }
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ after: fc.constantFrom(1, 20, 150, 400), fail: fc.constantFrom<StatusCode | "plain">("UNAVAILABLE", "UNAVAILABLE", "RESOURCE_EXHAUSTED", "INTERNAL", "plain") }) },
  { weight: 2, arbitrary: fc.record({ after: fc.constantFrom(1, 20, 150), ok: fc.constant("v") }) },
  { weight: 1, arbitrary: fc.constant<Step>("hang") },
);

const showStep = (s: Step) => (s === "hang" ? "hang" : s.fail ? `${s.fail}@${s.after}` : `ok@${s.after}`);

const callArb = fc.record({
  gap: fc.constantFrom(0, 0, 7, 100, 600),
  budgetMs: fc.constantFrom(90, 150, 200, 400, 1000, 1500),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }),
}).map((c) => ({ ...c, toString: () => `advance(${c.gap}); call(now + ${c.budgetMs}, [${c.steps.map(showStep).join(", ")}])` }));

const optionsArb = fc
  .record({
    maxAttempts: fc.constantFrom(1, 2, 3, 4),
    initialBackoffMs: fc.constantFrom(0, 10, 100),
    backoffMultiplier: fc.constantFrom(1, 1.5, 2),
    marginMs: fc.constantFrom(0, 50),
    minAttemptMs: fc.constantFrom(1, 100),
    percent: fc.constantFrom(0, 10, 50),
    minPerSecond: fc.constantFrom(0, 1, 3),
    burst: fc.constantFrom(1, 2),
  })
  .map((r) => {
    const o: ClientOptions = {
      maxAttempts: r.maxAttempts, initialBackoffMs: r.initialBackoffMs, maxBackoffMs: Math.max(r.initialBackoffMs, 250),
      backoffMultiplier: r.backoffMultiplier, retryableCodes: ["UNAVAILABLE", "RESOURCE_EXHAUSTED"], marginMs: r.marginMs,
      minAttemptMs: r.minAttemptMs, budget: { percent: r.percent, minPerSecond: r.minPerSecond, burst: r.burst },
    };
    return { o, toString: () => `new RetryingClient(${JSON.stringify(o)})` };
  });

describe("RetryingClient: any sequence of calls", () => {
  it("matches a simulation of the rules: attempts, timeouts, outcomes, their times and the budget", async () => {
    const report = await fc.check(
      fc.asyncProperty(optionsArb, fc.array(callArb, { minLength: 1, maxLength: 8 }), async ({ o }, calls) => {
        const client = new RetryingClient(o);
        const model = new BudgetModel(o, Date.now());
        for (const [i, c] of calls.entries()) {
          clock.advance(c.gap);
          const start = Date.now();
          const want = model.call(start, start + c.budgetMs, c.steps);
          const s = scripted(c.steps);
          const got = await outcome(client.call(start + c.budgetMs, s.attempt), start);
          const where = `call ${i + 1} (${c})`;
          if (JSON.stringify(s.log) !== JSON.stringify(want.log)) throw new Error(`${where}: attempts ${JSON.stringify(s.log)}, the rules give ${JSON.stringify(want.log)}`);
          if (got !== want.result) throw new Error(`${where}: ${got}, the rules give ${want.result}`);
          model.refill(Date.now());
          if (client.retryBudget !== model.balance) throw new Error(`${where}: retryBudget ${client.retryBudget}, the rules give ${model.balance}`);
        }
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
