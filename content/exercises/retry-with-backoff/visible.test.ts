import { retry } from "./solution";

// Timers run on the sandbox's virtual clock.
declare function setTimeout(callback: () => void, ms: number): unknown;

/** A sleep that records the requested delays and resolves at once. */
function instantSleep() {
  return fn((_ms: number) => Promise.resolve());
}

describe("retry", () => {
  it("resolves with the first successful result without sleeping", async () => {
    const sleep = instantSleep();
    const work = fn((_attempt: number) => Promise.resolve("done"));
    await expect(retry(work, { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, sleep })).resolves.toBe("done");
    expect(work.calls).toEqual([[1]]);
    expect(sleep).toHaveBeenCalledTimes(0);
  });

  it("retries failures with exponentially growing delays and passes the attempt number", async () => {
    const sleep = instantSleep();
    const work = fn((attempt: number) => (attempt < 3 ? Promise.reject(new Error(`attempt ${attempt} failed`)) : Promise.resolve(`ok on ${attempt}`)));
    await expect(retry(work, { retries: 5, baseDelayMs: 100, maxDelayMs: 10_000, sleep })).resolves.toBe("ok on 3");
    expect(work.calls).toEqual([[1], [2], [3]]);
    expect(sleep.calls).toEqual([[100], [200]]);
  });

  it("rejects with the last error once the retries are used up", async () => {
    const sleep = instantSleep();
    const work = fn((attempt: number) => Promise.reject(new Error(`attempt ${attempt} failed`)));
    await expect(retry(work, { retries: 2, baseDelayMs: 50, maxDelayMs: 1000, sleep })).rejects.toThrow("attempt 3 failed");
    expect(work).toHaveBeenCalledTimes(3);
  });

  it("stops at once when shouldRetry says the error is not worth retrying", async () => {
    const sleep = instantSleep();
    const work = fn((_attempt: number) => Promise.reject(new Error("400 Bad Request")));
    const shouldRetry = (error: unknown) => !(error instanceof Error && error.message.startsWith("4"));
    await expect(retry(work, { retries: 5, baseDelayMs: 100, maxDelayMs: 1000, sleep, shouldRetry })).rejects.toThrow("400 Bad Request");
    expect(work).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledTimes(0);
  });

  it("works with a real timer-based sleep (the test clock is virtual, so this takes no real time)", async () => {
    const start = clock.now();
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const work = (attempt: number) => (attempt < 4 ? Promise.reject(new Error("busy")) : Promise.resolve(clock.now() - start));
    await expect(retry(work, { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, sleep })).resolves.toBe(100 + 200 + 400);
  });
});
