import { CircuitBreaker, CircuitOpenError } from "./solution";

const boom = () => Promise.reject(new Error("downstream is down"));

describe("CircuitBreaker", () => {
  it("passes calls through and returns their results while closed", async () => {
    const action = fn(() => Promise.resolve("ok"));
    const breaker = new CircuitBreaker(action, { failureThreshold: 2, resetTimeoutMs: 1000, now: () => 0 });
    await expect(breaker.fire()).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("rethrows the action's own error unchanged", async () => {
    const error = new Error("timeout talking to payments");
    const breaker = new CircuitBreaker(() => Promise.reject(error), { failureThreshold: 5, resetTimeoutMs: 1000, now: () => 0 });
    await expect(breaker.fire()).rejects.toBe(error);
  });

  it("opens after `failureThreshold` consecutive failures and then fails fast without calling the action", async () => {
    const action = fn(boom);
    const breaker = new CircuitBreaker(action, { failureThreshold: 2, resetTimeoutMs: 1000, now: () => 0 });
    await expect(breaker.fire()).rejects.toThrow("downstream is down");
    expect(breaker.state).toBe("closed");
    await expect(breaker.fire()).rejects.toThrow("downstream is down");
    expect(breaker.state).toBe("open");
    await expect(breaker.fire()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it("becomes half-open after resetTimeoutMs and closes again when the trial call succeeds", async () => {
    let t = 0;
    let healthy = false;
    const breaker = new CircuitBreaker(() => (healthy ? Promise.resolve("recovered") : boom()), {
      failureThreshold: 1,
      resetTimeoutMs: 1000,
      now: () => t,
    });
    await expect(breaker.fire()).rejects.toThrow("downstream is down");
    expect(breaker.state).toBe("open");
    t = 1000;
    expect(breaker.state).toBe("half-open");
    healthy = true;
    await expect(breaker.fire()).resolves.toBe("recovered");
    expect(breaker.state).toBe("closed");
  });

  it("opens again when the trial call fails", async () => {
    let t = 0;
    const breaker = new CircuitBreaker(boom, { failureThreshold: 1, resetTimeoutMs: 1000, now: () => t });
    await expect(breaker.fire()).rejects.toThrow("downstream is down");
    t = 1000;
    await expect(breaker.fire()).rejects.toThrow("downstream is down");
    expect(breaker.state).toBe("open");
    await expect(breaker.fire()).rejects.toBeInstanceOf(CircuitOpenError);
  });
});
