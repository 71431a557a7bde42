import { SagaOrchestrator, TimeoutError, type SagaStep, type StepKind } from "./solution";

type Outcome = "ok" | "fail" | "timeout-applied" | "timeout-lost";

/** Fake participants: each step follows its script of outcomes (the last one repeats). */
function world() {
  const applied = new Set<string>();
  const calls: string[] = [];
  const step = (name: string, kind: StepKind, script: Outcome[] = ["ok"]): SagaStep => {
    let n = 0;
    return {
      name,
      kind,
      async action(key) {
        calls.push(`action ${key}`);
        const outcome = script[Math.min(n++, script.length - 1)];
        if (outcome === "ok" || outcome === "timeout-applied") applied.add(key);
        if (outcome === "fail") throw new Error("declined");
        if (outcome !== "ok") throw new TimeoutError();
      },
      async status(key) {
        calls.push(`status ${key}`);
        return applied.has(key) ? "applied" : "not-applied";
      },
      ...(kind === "compensatable"
        ? {
            async compensate(key: string) {
              calls.push(`compensate ${key}`);
              applied.delete(key.replace(/:compensate$/, ""));
            },
          }
        : {}),
    };
  };
  return { applied, calls, step };
}

describe("SagaOrchestrator", () => {
  it("runs every step in order with deterministic keys and completes", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable"), w.step("charge", "pivot"), w.step("ship", "retriable")], { maxAttempts: 3 });
    expect(await saga.run("order-1")).toBe("completed");
    expect(w.calls).toEqual(["action order-1:reserve", "action order-1:charge", "action order-1:ship"]);
    expect(saga.history("order-1")).toEqual(["reserve:action:ok", "charge:action:ok", "ship:action:ok"]);
  });

  it("compensates the steps already done, in reverse order, when the pivot fails", async () => {
    const w = world();
    const saga = new SagaOrchestrator(
      [w.step("reserve", "compensatable"), w.step("authorize", "compensatable"), w.step("charge", "pivot", ["fail"]), w.step("ship", "retriable")],
      { maxAttempts: 3 },
    );
    expect(await saga.run("order-2")).toBe("compensated");
    expect(saga.history("order-2")).toEqual([
      "reserve:action:ok",
      "authorize:action:ok",
      "charge:action:failed",
      "authorize:compensate:ok",
      "reserve:compensate:ok",
    ]);
    expect(w.calls.slice(-2)).toEqual(["compensate order-2:authorize:compensate", "compensate order-2:reserve:compensate"]);
    expect([...w.applied]).toEqual([]);
  });

  it("retries a failing step after the pivot instead of compensating", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable"), w.step("charge", "pivot"), w.step("ship", "retriable", ["fail", "fail", "ok"])], {
      maxAttempts: 3,
    });
    expect(await saga.run("order-3")).toBe("completed");
    expect(saga.history("order-3")).toEqual(["reserve:action:ok", "charge:action:ok", "ship:action:failed", "ship:action:failed", "ship:action:ok"]);
  });

  it("asks the participant after a timeout: an applied pivot means the saga goes forward", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable"), w.step("charge", "pivot", ["timeout-applied"]), w.step("ship", "retriable")], {
      maxAttempts: 3,
    });
    expect(await saga.run("order-4")).toBe("completed");
    expect(saga.history("order-4")).toEqual(["reserve:action:ok", "charge:action:timeout", "charge:status:applied", "ship:action:ok"]);
    expect(w.calls).toContain("status order-4:charge");
  });

  it("returns a finished saga's result again without calling anything", async () => {
    const w = world();
    const saga = new SagaOrchestrator([w.step("reserve", "compensatable"), w.step("charge", "pivot", ["fail"])], { maxAttempts: 3 });
    expect(await saga.run("order-5")).toBe("compensated");
    const callsBefore = w.calls.length;
    expect(await saga.run("order-5")).toBe("compensated");
    expect(w.calls.length).toBe(callsBefore);
  });
});
