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

/** An attempt function that plays a script: each attempt settles `after` ms with a value or a code. */
function scripted(steps: { after: number; ok?: string; fail?: StatusCode }[]) {
  const start = Date.now();
  const log: string[] = [];
  const attempt = (timeoutMs: number, n: number) => {
    log.push(`#${n} at +${Date.now() - start} timeout ${timeoutMs}`);
    const step = steps[n - 1];
    return new Promise<string>((resolve, reject) => {
      if (!step) return; // never settles
      setTimeout(() => (step.fail ? reject(new RpcError(step.fail, step.fail.toLowerCase())) : resolve(step.ok ?? "")), step.after);
    });
  };
  return { attempt, log, elapsed: () => Date.now() - start };
}

describe("RetryingClient", () => {
  it("passes the time left minus the margin downstream and resolves with the result", async () => {
    const client = new RetryingClient(options);
    const s = scripted([{ after: 30, ok: "pong" }]);
    await expect(client.call(Date.now() + 1000, s.attempt)).resolves.toBe("pong");
    expect(s.log).toEqual(["#1 at +0 timeout 950"]);
    expect(s.elapsed()).toBe(30);
  });

  it("retries UNAVAILABLE after an exponential backoff, each attempt with the time still left", async () => {
    const client = new RetryingClient(options);
    const s = scripted([{ after: 200, fail: "UNAVAILABLE" }, { after: 200, fail: "UNAVAILABLE" }, { after: 10, ok: "done" }]);
    await expect(client.call(Date.now() + 1000, s.attempt)).resolves.toBe("done");
    expect(s.log).toEqual(["#1 at +0 timeout 950", "#2 at +300 timeout 650", "#3 at +700 timeout 250"]);
    expect(client.retryBudget).toBe(0); // started full at 2000; two retries
  });

  it("does not retry a code that is not retryable", async () => {
    const client = new RetryingClient(options);
    const s = scripted([{ after: 5, fail: "INVALID_ARGUMENT" }, { after: 5, ok: "never" }]);
    await expect(client.call(Date.now() + 1000, s.attempt)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(s.log).toHaveLength(1);
    expect(client.retryBudget).toBe(2000);
  });

  it("rejects with DEADLINE_EXCEEDED at the deadline when an attempt hangs", async () => {
    const client = new RetryingClient(options);
    const s = scripted([]); // the first attempt never answers
    const error = await client.call(Date.now() + 500, s.attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: "DEADLINE_EXCEEDED", message: "deadline exceeded" });
    expect(s.elapsed()).toBe(500);
  });

  it("stops retrying when the budget is spent, and earns retries back from traffic", async () => {
    const client = new RetryingClient({ ...options, budget: { percent: 50, minPerSecond: 0, burst: 1 } });
    const failing = () => scripted([{ after: 10, fail: "UNAVAILABLE" }, { after: 10, fail: "UNAVAILABLE" }, { after: 10, fail: "UNAVAILABLE" }]);
    const first = failing();
    await expect(client.call(Date.now() + 1000, first.attempt)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(first.log).toHaveLength(2); // one retry, then the budget is empty
    const second = failing();
    await expect(client.call(Date.now() + 1000, second.attempt)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(second.log).toHaveLength(1); // 500 thousandths: not a whole retry
    const third = failing();
    await expect(client.call(Date.now() + 1000, third.attempt)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(third.log).toHaveLength(2); // 1000: one retry
  });
});
