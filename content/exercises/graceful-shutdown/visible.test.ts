import { EventEmitter } from "node:events";
import { createGracefulShutdown, ShutdownError } from "./solution";

/** Work that takes `ms` of (virtual) time and then resolves with `value`. */
function work<T>(ms: number, value: T): () => Promise<T> {
  return () => new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

describe("graceful shutdown", () => {
  it("on SIGTERM: readiness goes false at once, in-flight work finishes, resources close, exit(0)", async () => {
    const signals = new EventEmitter();
    const exit = fn();
    const closeDb = fn();
    const gs = createGracefulShutdown({ exit, drainTimeoutMs: 1000, signals });
    gs.register({ name: "db", timeoutMs: 500, close: closeDb });
    const running = gs.track(work(300, "report"));
    signals.emit("SIGTERM");
    expect(gs.ready).toBe(false);
    expect(gs.phase).toBe("draining");
    await clock.advanceAsync(299);
    expect(closeDb).toHaveBeenCalledTimes(0); // still draining
    await clock.advanceAsync(1);
    expect(await running).toBe("report");
    expect(closeDb).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
    expect(gs.phase).toBe("exited");
  });

  it("keeps accepting work during readinessDelayMs, then refuses it with a ShutdownError", async () => {
    const signals = new EventEmitter();
    const gs = createGracefulShutdown({ exit: fn(), drainTimeoutMs: 1000, readinessDelayMs: 100, signals });
    signals.emit("SIGINT");
    expect([gs.ready, gs.accepting, gs.phase]).toEqual([false, true, "unready"]);
    await clock.advanceAsync(99);
    await expect(gs.track(work(10, "late but welcome"))).resolves.toBe("late but welcome");
    await clock.advanceAsync(1);
    expect(gs.accepting).toBe(false);
    await expect(gs.track(work(10, "too late"))).rejects.toBeInstanceOf(ShutdownError);
  });

  it("answers 503 through wrap() once it stops accepting, and /readyz reports readiness", async () => {
    const signals = new EventEmitter();
    const gs = createGracefulShutdown({ exit: fn(), drainTimeoutMs: 1000, readinessDelayMs: 50, signals });
    const server = gs.wrap({ fetch: () => new Response("hello") });
    expect((await server.fetch(new Request("http://svc/readyz"))).status).toBe(200);
    signals.emit("SIGTERM");
    expect((await server.fetch(new Request("http://svc/readyz"))).status).toBe(503);
    expect(await (await server.fetch(new Request("http://svc/hello"))).text()).toBe("hello");
    await clock.advanceAsync(50);
    const refused = await server.fetch(new Request("http://svc/hello"));
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: "shutting_down" });
  });

  it("closes a resource only after everything that depends on it has closed", async () => {
    const signals = new EventEmitter();
    const order: string[] = [];
    const gs = createGracefulShutdown({ exit: fn(), drainTimeoutMs: 1000, signals });
    gs.register({ name: "db", timeoutMs: 100, close: () => void order.push("db") });
    gs.register({ name: "http", timeoutMs: 100, dependsOn: ["db"], close: () => new Promise<void>((resolve) => setTimeout(resolve, 20)) });
    gs.register({ name: "metrics", timeoutMs: 100, close: () => void order.push("metrics") });
    const closed = gs.shutdown();
    await clock.advanceAsync(19);
    expect(order).toEqual(["metrics"]); // http is still closing, so db waits
    await clock.advanceAsync(1);
    expect(order).toEqual(["metrics", "db"]);
    expect(await closed).toBe(0);
  });

  it("exits with 1 when in-flight work outlives drainTimeoutMs, and at once on a second signal", async () => {
    const signals = new EventEmitter();
    const exit = fn();
    const gs = createGracefulShutdown({ exit, drainTimeoutMs: 100, signals });
    void gs.track(work(5000, "slow"));
    signals.emit("SIGTERM");
    await clock.advanceAsync(100);
    expect(exit).toHaveBeenCalledWith(1);

    const exit2 = fn();
    const other = new EventEmitter();
    const gs2 = createGracefulShutdown({ exit: exit2, drainTimeoutMs: 10_000, signals: other });
    void gs2.track(work(5000, "slow"));
    other.emit("SIGTERM");
    other.emit("SIGINT"); // the operator pressed Ctrl-C again
    expect(exit2).toHaveBeenCalledWith(1);
    expect(gs2.phase).toBe("exited");
  });
});
