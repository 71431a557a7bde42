import fc from "fast-check";
import { SagaOrchestrator, TimeoutError, type SagaResult, type SagaStep, type StepKind } from "./solution";

type ActionOutcome = "ok" | "fail" | "timeout-applied" | "timeout-lost";
type CompensateOutcome = "ok" | "fail" | "timeout-applied" | "timeout-lost";

interface Script {
  action?: ActionOutcome[];
  compensate?: CompensateOutcome[];
  /** Virtual milliseconds each call takes (to catch overlapping calls). */
  delayMs?: number;
}

/**
 * Fake participants. Each step follows its scripts; a script is read per key (so per saga), and
 * its last outcome repeats. `applied` holds the action keys whose effect currently exists.
 */
function world() {
  const applied = new Set<string>();
  const calls: string[] = [];
  let busy = 0;
  let overlapped = false;
  const counters = new Map<string, number>();
  const pick = <T>(script: T[], counterKey: string): T => {
    const n = counters.get(counterKey) ?? 0;
    counters.set(counterKey, n + 1);
    return script[Math.min(n, script.length - 1)] as T;
  };
  const call = async <T>(delayMs: number, body: () => T): Promise<T> => {
    if (busy++ > 0) overlapped = true;
    try {
      if (delayMs > 0) await new Promise<void>((resolve) => setTimeout(() => resolve(), delayMs));
      return body();
    } finally {
      busy--;
    }
  };
  const step = (name: string, kind: StepKind, script: Script = {}): SagaStep => {
    const delayMs = script.delayMs ?? 0;
    const base: SagaStep = {
      name,
      kind,
      action: (key) =>
        call(delayMs, () => {
          calls.push(`action ${key}`);
          const outcome = pick(script.action ?? ["ok"], `action ${key}`);
          if (outcome === "ok" || outcome === "timeout-applied") applied.add(key);
          if (outcome === "fail") throw new Error("declined");
          if (outcome !== "ok") throw new TimeoutError();
        }),
      status: (key) =>
        call(delayMs, () => {
          calls.push(`status ${key}`);
          return applied.has(key) ? ("applied" as const) : ("not-applied" as const);
        }),
    };
    if (kind !== "compensatable") return base;
    return {
      ...base,
      compensate: (key) =>
        call(delayMs, () => {
          calls.push(`compensate ${key}`);
          const outcome = pick(script.compensate ?? ["ok"], `compensate ${key}`);
          if (outcome === "ok" || outcome === "timeout-applied") applied.delete(key.replace(/:compensate$/, ""));
          if (outcome === "fail") throw new Error("refund service down");
          if (outcome !== "ok") throw new TimeoutError();
        }),
    };
  };
  return { applied, calls, step, overlapped: () => overlapped };
}

describe("SagaOrchestrator: construction", () => {
  it("throws a RangeError for a maxAttempts that is not a positive integer", () => {
    const w = world();
    for (const maxAttempts of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => new SagaOrchestrator([w.step("a", "pivot")], { maxAttempts })).toThrow(RangeError);
    }
  });

  it("throws a TypeError for duplicate or empty names, kinds out of order, two pivots, or a compensatable step without compensate", () => {
    const w = world();
    const options = { maxAttempts: 2 };
    expect(() => new SagaOrchestrator([w.step("a", "compensatable"), w.step("a", "pivot")], options)).toThrow(TypeError);
    expect(() => new SagaOrchestrator([w.step("", "pivot")], options)).toThrow(TypeError);
    expect(() => new SagaOrchestrator([w.step("p", "pivot"), w.step("c", "compensatable")], options)).toThrow(TypeError);
    expect(() => new SagaOrchestrator([w.step("r", "retriable"), w.step("p", "pivot")], options)).toThrow(TypeError);
    expect(() => new SagaOrchestrator([w.step("p", "pivot"), w.step("q", "pivot")], options)).toThrow(TypeError);
    const { compensate: _dropped, ...noUndo } = w.step("c", "compensatable");
    expect(() => new SagaOrchestrator([noUndo], options)).toThrow(TypeError);
    expect(() => new SagaOrchestrator([w.step("c", "compensatable"), w.step("r", "retriable")], options)).not.toThrow();
  });

  it("completes a saga without steps at once", async () => {
    const saga = new SagaOrchestrator([], { maxAttempts: 1 });
    expect(await saga.run("empty")).toBe("completed");
    expect(saga.history("empty")).toEqual([]);
  });
});

describe("SagaOrchestrator: before the pivot", () => {
  it("compensates nothing when the first step fails", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable", { action: ["fail"] }), w.step("charge", "pivot")], { maxAttempts: 2 });
    expect(await saga.run("s")).toBe("compensated");
    expect(saga.history("s")).toEqual(["reserve:action:failed"]);
    expect(w.calls).toEqual(["action s:reserve"]);
  });

  it("treats a timeout that the participant reports as not applied as a failure, and does not compensate that step", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [w.step("reserve", "compensatable"), w.step("hold", "compensatable", { action: ["timeout-lost"] }), w.step("charge", "pivot")],
      { maxAttempts: 2 },
    );
    expect(await saga.run("s")).toBe("compensated");
    expect(saga.history("s")).toEqual(["reserve:action:ok", "hold:action:timeout", "hold:status:not-applied", "reserve:compensate:ok"]);
    expect([...w.applied]).toEqual([]);
  });

  it("treats a compensatable step whose timeout was applied as done, and compensates it if the pivot then fails", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [w.step("reserve", "compensatable", { action: ["timeout-applied"] }), w.step("hold", "compensatable"), w.step("charge", "pivot", { action: ["timeout-lost"] })],
      { maxAttempts: 2 },
    );
    expect(await saga.run("s")).toBe("compensated");
    expect(saga.history("s")).toEqual([
      "reserve:action:timeout",
      "reserve:status:applied",
      "hold:action:ok",
      "charge:action:timeout",
      "charge:status:not-applied",
      "hold:compensate:ok",
      "reserve:compensate:ok",
    ]);
    expect([...w.applied]).toEqual([]);
  });

  it("treats a synchronous throw or a non-Error rejection from an action as a failure", async () => {
    const w = world();
    const throwsAtOnce: SagaStep = { ...w.step("charge", "pivot"), action: () => { throw new Error("bad card"); } };
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable"), throwsAtOnce], { maxAttempts: 2 });
    expect(await saga.run("a")).toBe("compensated");
    const rejectsString: SagaStep = { ...w.step("charge", "pivot"), action: () => Promise.reject("no") };
    const other = new SagaOrchestrator([w.step("reserve", "compensatable"), rejectsString], { maxAttempts: 2 });
    expect(await other.run("b")).toBe("compensated");
    expect(other.history("b")).toEqual(["reserve:action:ok", "charge:action:failed", "reserve:compensate:ok"]);
  });
});

describe("SagaOrchestrator: after the pivot", () => {
  it("does not retry a retriable step whose timeout turned out applied", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("charge", "pivot"), w.step("ship", "retriable", { action: ["timeout-applied"] }), w.step("email", "retriable")], {
      maxAttempts: 3,
    });
    expect(await saga.run("s")).toBe("completed");
    expect(w.calls).toEqual(["action s:charge", "action s:ship", "status s:ship", "action s:email"]);
  });

  it("gives a retriable step exactly maxAttempts attempts (timeouts included), then reports stuck without compensating", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [w.step("reserve", "compensatable"), w.step("charge", "pivot"), w.step("ship", "retriable", { action: ["fail", "timeout-lost", "fail", "ok"] })],
      { maxAttempts: 3 },
    );
    expect(await saga.run("s")).toBe("stuck");
    expect(saga.history("s")).toEqual([
      "reserve:action:ok",
      "charge:action:ok",
      "ship:action:failed",
      "ship:action:timeout",
      "ship:status:not-applied",
      "ship:action:failed",
    ]);
    expect(w.calls.some((c) => c.startsWith("compensate"))).toBe(false);
  });

  it("resumes a stuck saga at the stuck step with a fresh attempt budget, without repeating done steps", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [w.step("charge", "pivot"), w.step("ship", "retriable", { action: ["fail", "fail", "fail", "ok"] }), w.step("email", "retriable")],
      { maxAttempts: 2 },
    );
    expect(await saga.run("s")).toBe("stuck");
    expect(await saga.run("s")).toBe("completed");
    expect(saga.history("s")).toEqual(["charge:action:ok", "ship:action:failed", "ship:action:failed", "ship:action:failed", "ship:action:ok", "email:action:ok"]);
    expect(w.calls.filter((c) => c === "action s:ship")).toHaveLength(4);
    expect(await saga.run("s")).toBe("completed");
    expect(w.calls).toHaveLength(6);
  });
});

describe("SagaOrchestrator: compensations", () => {
  it("retries a compensation on any failure, up to maxAttempts, then resumes the remaining ones in reverse order on the next run", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [
        w.step("reserve", "compensatable"),
        w.step("hold", "compensatable", { compensate: ["fail", "timeout-lost", "ok"] }),
        w.step("charge", "pivot", { action: ["fail"] }),
      ],
      { maxAttempts: 2 },
    );
    expect(await saga.run("s")).toBe("stuck");
    expect(saga.history("s")).toEqual(["reserve:action:ok", "hold:action:ok", "charge:action:failed", "hold:compensate:failed", "hold:compensate:timeout"]);
    expect(w.applied.has("s:reserve")).toBe(true);
    expect(await saga.run("s")).toBe("compensated");
    expect(saga.history("s").slice(5)).toEqual(["hold:compensate:ok", "reserve:compensate:ok"]);
    expect([...w.applied]).toEqual([]);
    expect(w.calls.filter((c) => c.startsWith("action"))).toEqual(["action s:reserve", "action s:hold", "action s:charge"]);
  });

  it("uses the same compensation key on every retry", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable", { compensate: ["timeout-applied", "ok"] }), w.step("charge", "pivot", { action: ["fail"] })], {
      maxAttempts: 3,
    });
    expect(await saga.run("o-9")).toBe("compensated");
    expect(w.calls.filter((c) => c.startsWith("compensate"))).toEqual(["compensate o-9:reserve:compensate", "compensate o-9:reserve:compensate"]);
  });
});

describe("SagaOrchestrator: runs", () => {
  it("joins a run in progress instead of starting a second one", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable", { delayMs: 10 }), w.step("charge", "pivot", { delayMs: 10 })], { maxAttempts: 1 });
    const results = await Promise.all([saga.run("s"), saga.run("s"), saga.run("s")]);
    expect(results).toEqual(["completed", "completed", "completed"]);
    expect(w.calls).toEqual(["action s:reserve", "action s:charge"]);
  });

  it("never has two calls of one saga in flight at once", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [
        w.step("reserve", "compensatable", { delayMs: 5 }),
        w.step("hold", "compensatable", { delayMs: 5, compensate: ["fail", "ok"] }),
        w.step("charge", "pivot", { delayMs: 5, action: ["timeout-lost"] }),
      ],
      { maxAttempts: 3 },
    );
    expect(await saga.run("s")).toBe("compensated");
    expect(w.overlapped()).toBe(false);
  });

  it("keeps sagas with different ids apart, and history returns a copy ([] for an unknown id)", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable"), w.step("charge", "pivot", { action: ["ok"] })], { maxAttempts: 1 });
    expect(await saga.run("a")).toBe("completed");
    expect(await saga.run("b")).toBe("completed");
    expect(w.calls).toEqual(["action a:reserve", "action a:charge", "action b:reserve", "action b:charge"]);
    const h = saga.history("a");
    h.push("tampered");
    expect(saga.history("a")).toEqual(["reserve:action:ok", "charge:action:ok"]);
    expect(saga.history("nope")).toEqual([]);
  });
});

// ---- Model-based test -------------------------------------------------------------------------

const STEPS: ReadonlyArray<{ name: string; kind: StepKind }> = [
  { name: "reserve", kind: "compensatable" },
  { name: "hold", kind: "compensatable" },
  { name: "charge", kind: "pivot" },
  { name: "ship", kind: "retriable" },
  { name: "email", kind: "retriable" },
];
const MAX_ATTEMPTS = 2;
type Behaviour = Record<string, { action: ActionOutcome[]; compensate: CompensateOutcome[] }>;

/** The participants' answers depend only on (key, call number), so the model can replay them. */
function outcomeOf<T>(script: T[], counters: Map<string, number>, counterKey: string): T {
  const n = counters.get(counterKey) ?? 0;
  counters.set(counterKey, n + 1);
  return script[n % script.length] as T;
}

interface ModelSaga {
  phase: "forward" | "compensating" | "completed" | "compensated";
  next: number;
  log: string[];
}
interface Model {
  behaviour: Behaviour;
  counters: Map<string, number>;
  applied: Set<string>;
  sagas: Map<string, ModelSaga>;
}
interface Real {
  orchestrator: SagaOrchestrator;
  applied: Set<string>;
}

/** The spec, executed directly on the model's copy of the participants. */
function modelRun(m: Model, id: string): SagaResult {
  const saga = m.sagas.get(id) ?? { phase: "forward", next: 0, log: [] };
  m.sagas.set(id, saga);
  if (saga.phase === "completed" || saga.phase === "compensated") return saga.phase;
  const attempt = (name: string): boolean => {
    const key = `${id}:${name}`;
    const outcome = outcomeOf(m.behaviour[name]!.action, m.counters, `action ${key}`);
    if (outcome === "ok" || outcome === "timeout-applied") m.applied.add(key);
    if (outcome === "ok") return saga.log.push(`${name}:action:ok`) > 0;
    if (outcome === "fail") return saga.log.push(`${name}:action:failed`) < 0;
    saga.log.push(`${name}:action:timeout`);
    const status = m.applied.has(key) ? "applied" : "not-applied";
    saga.log.push(`${name}:status:${status}`);
    return status === "applied";
  };
  while (saga.phase === "forward" && saga.next < STEPS.length) {
    const step = STEPS[saga.next]!;
    if (step.kind === "retriable") {
      let done = false;
      for (let i = 0; i < MAX_ATTEMPTS && !done; i++) done = attempt(step.name);
      if (!done) return "stuck";
      saga.next++;
    } else if (attempt(step.name)) saga.next++;
    else {
      saga.phase = "compensating";
      saga.next--;
    }
  }
  if (saga.phase === "forward") {
    saga.phase = "completed";
    return "completed";
  }
  for (; saga.next >= 0; saga.next--) {
    const name = STEPS[saga.next]!.name;
    let done = false;
    for (let i = 0; i < MAX_ATTEMPTS && !done; i++) {
      const outcome = outcomeOf(m.behaviour[name]!.compensate, m.counters, `compensate ${id}:${name}:compensate`);
      if (outcome === "ok" || outcome === "timeout-applied") m.applied.delete(`${id}:${name}`);
      done = outcome === "ok";
      saga.log.push(`${name}:compensate:${outcome === "ok" ? "ok" : outcome === "fail" ? "failed" : "timeout"}`);
    }
    if (!done) return "stuck";
  }
  saga.phase = "compensated";
  return "compensated";
}

function realWorld(behaviour: Behaviour): Real {
  const applied = new Set<string>();
  const counters = new Map<string, number>();
  const steps: SagaStep[] = STEPS.map(({ name, kind }) => ({
    name,
    kind,
    async action(key) {
      const outcome = outcomeOf(behaviour[name]!.action, counters, `action ${key}`);
      if (outcome === "ok" || outcome === "timeout-applied") applied.add(key);
      if (outcome === "fail") throw new Error("declined");
      if (outcome !== "ok") throw new TimeoutError();
    },
    async status(key) {
      return applied.has(key) ? "applied" : "not-applied";
    },
    ...(kind === "compensatable"
      ? {
          async compensate(key: string) {
            const outcome = outcomeOf(behaviour[name]!.compensate, counters, `compensate ${key}`);
            if (outcome === "ok" || outcome === "timeout-applied") applied.delete(key.replace(/:compensate$/, ""));
            if (outcome === "fail") throw new Error("refund service down");
            if (outcome !== "ok") throw new TimeoutError();
          },
        }
      : {}),
  }));
  return { orchestrator: new SagaOrchestrator(steps, { maxAttempts: MAX_ATTEMPTS }), applied };
}

function checkSaga(m: Model, r: Real, id: string, expected: SagaResult, actual: SagaResult): void {
  const call = `run(${id})`;
  expect(`${call} -> ${actual}`).toBe(`${call} -> ${expected}`);
  expect(`${call} history: ${r.orchestrator.history(id).join(", ")}`).toBe(`${call} history: ${m.sagas.get(id)!.log.join(", ")}`);
  const left = STEPS.map((s) => `${id}:${s.name}`).filter((key) => r.applied.has(key));
  if (actual === "completed") expect(`${call} completed with effects ${left.join(",")}`).toBe(`${call} completed with effects ${STEPS.map((s) => `${id}:${s.name}`).join(",")}`);
  if (actual === "compensated") expect(`${call} compensated but left effects: ${left.join(",")}`).toBe(`${call} compensated but left effects: `);
}

class RunCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly id: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const expected = modelRun(m, this.id);
    checkSaga(m, r, this.id, expected, await r.orchestrator.run(this.id));
  }
  toString = () => `await run(${this.id})`;
}

class ConcurrentRunsCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ids: [string, string]) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const [a, b] = this.ids;
    const actual = await Promise.all([r.orchestrator.run(a), r.orchestrator.run(b)]);
    const expectedA = modelRun(m, a);
    const expectedB = a === b ? expectedA : modelRun(m, b);
    checkSaga(m, r, a, expectedA, actual[0]);
    checkSaga(m, r, b, expectedB, actual[1]);
  }
  toString = () => `await Promise.all([run(${this.ids[0]}), run(${this.ids[1]})])`;
}

describe("SagaOrchestrator: model check", () => {
  it("matches the spec over random participant behaviours, re-runs and concurrent runs", async () => {
    const actionScript = fc.array(fc.constantFrom<ActionOutcome>("ok", "ok", "fail", "timeout-applied", "timeout-lost"), { minLength: 1, maxLength: 4 });
    const compensateScript = fc.array(fc.constantFrom<CompensateOutcome>("ok", "ok", "fail", "timeout-applied", "timeout-lost"), { minLength: 1, maxLength: 3 });
    const behaviour = fc.record(Object.fromEntries(STEPS.map((s) => [s.name, fc.record({ action: actionScript, compensate: compensateScript })]))) as fc.Arbitrary<Behaviour>;
    const id = fc.constantFrom("a", "b", "c");
    const commands = fc.commands(
      [id.map((x) => new RunCommand(x)), fc.tuple(id, id).map((ids) => new ConcurrentRunsCommand(ids))],
      { maxCommands: 8 },
    );
    await fc.assert(
      fc.asyncProperty(behaviour, commands, async (b, cmds) => {
        await fc.asyncModelRun(() => ({ model: { behaviour: b, counters: new Map<string, number>(), applied: new Set<string>(), sagas: new Map<string, ModelSaga>() }, real: realWorld(b) }), cmds);
      }),
      { numRuns: 200 },
    );
  });
});
