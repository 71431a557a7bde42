import { TaskScheduler } from "./solution";

function setup(maxAttempts = 3) {
  let t = 0;
  const s = new TaskScheduler({ now: () => t, leaseMs: 30, maxAttempts, backoffBaseMs: 10, backoffMaxMs: 1000 });
  return { s, at: (time: number) => void (t = time) };
}

describe("TaskScheduler", () => {
  it("runs a one-off task once, at its time", () => {
    const { s, at } = setup();
    s.schedule({ id: "email", at: 50 });
    at(49);
    expect(s.poll()).toBeUndefined();
    at(50);
    const lease = s.poll();
    expect(lease).toMatchObject({ taskId: "email", scheduledAt: 50, attempt: 1, expiresAt: 80 });
    expect(s.ack(lease?.leaseId ?? "")).toBe(true);
    at(5000);
    expect(s.poll()).toBeUndefined();
  });

  it("retries an expired lease after the backoff, counted from the expiry", () => {
    const { s, at } = setup();
    s.schedule({ id: "report", firstAt: 0, everyMs: 100 });
    const first = s.poll(); // expires at 30, retry at 40
    at(39);
    expect(s.poll()).toBeUndefined();
    expect(s.ack(first?.leaseId ?? "")).toBe(false);
    at(40);
    expect(s.poll()).toMatchObject({ taskId: "report", scheduledAt: 0, attempt: 2, expiresAt: 70 });
  });

  it("doubles the backoff after each failure and dead-letters the run after maxAttempts", () => {
    const { s, at } = setup(3);
    s.schedule({ id: "report", firstAt: 0, everyMs: 100 });
    s.fail(s.poll()?.leaseId ?? ""); // t=0, retry at 10
    at(10);
    s.fail(s.poll()?.leaseId ?? ""); // t=10, retry at 30
    at(29);
    expect(s.poll()).toBeUndefined();
    at(30);
    const third = s.poll();
    expect(third?.attempt).toBe(3);
    expect(s.fail(third?.leaseId ?? "")).toBe(true);
    expect(s.deadLetters).toEqual([{ taskId: "report", scheduledAt: 0, attempts: 3, failedAt: 30 }]);
  });

  it("coalesces missed ticks into one run for the latest tick", () => {
    const { s, at } = setup();
    s.schedule({ id: "sync", firstAt: 0, everyMs: 10 });
    at(25);
    expect(s.poll()?.scheduledAt).toBe(20);
    expect(s.poll()).toBeUndefined();
  });

  it("never starts a second run of a task while one is in progress", () => {
    const { s, at } = setup();
    s.schedule({ id: "sync", firstAt: 0, everyMs: 10 });
    at(25);
    const lease = s.poll();
    at(41);
    expect(s.poll()).toBeUndefined(); // ticks 30 and 40 passed, but the run for 20 is still going
    at(42);
    expect(s.ack(lease?.leaseId ?? "")).toBe(true);
    expect(s.poll()).toMatchObject({ taskId: "sync", scheduledAt: 40, attempt: 1 });
  });
});
