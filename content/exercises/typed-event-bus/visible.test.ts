import { EventBus, TimeoutError } from "./solution";

type Events = { "order.paid": { id: number }; shutdown: undefined };

describe("EventBus", () => {
  it("calls listeners synchronously, in registration order, with the payload", () => {
    const bus = new EventBus<Events>();
    const seen: string[] = [];
    bus.on("order.paid", ({ id }) => seen.push(`first ${id}`));
    bus.on("order.paid", ({ id }) => seen.push(`second ${id}`));
    expect(bus.emit("order.paid", { id: 7 })).toEqual({ delivered: 2, errors: [] });
    expect(seen).toEqual(["first 7", "second 7"]);
  });

  it("unsubscribes with the function returned by on, and calls a once listener once", () => {
    const bus = new EventBus<Events>();
    const onListener = fn();
    const onceListener = fn();
    const stop = bus.on("shutdown", onListener);
    bus.once("shutdown", onceListener);
    bus.emit("shutdown", undefined);
    stop();
    bus.emit("shutdown", undefined);
    expect(onListener).toHaveBeenCalledTimes(1);
    expect(onceListener).toHaveBeenCalledTimes(1);
    expect(bus.listenerCount("shutdown")).toBe(0);
  });

  it("keeps calling listeners after one throws, and reports the error", () => {
    const reported: unknown[] = [];
    const bus = new EventBus<Events>({ onListenerError: (error, event) => reported.push([event, (error as Error).message]) });
    const after = fn();
    bus.on("order.paid", () => {
      throw new Error("analytics down");
    });
    bus.on("order.paid", after);
    const result = bus.emit("order.paid", { id: 1 });
    expect(result.delivered).toBe(2);
    expect(result.errors.map((e) => (e as Error).message)).toEqual(["analytics down"]);
    expect(after).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([["order.paid", "analytics down"]]);
  });

  it("waitFor resolves with the next payload and leaves nothing behind", async () => {
    const bus = new EventBus<Events>();
    const paid = bus.waitFor("order.paid", { timeoutMs: 1000 });
    expect(bus.listenerCount("order.paid")).toBe(1);
    bus.emit("order.paid", { id: 8 });
    await expect(paid).resolves.toEqual({ id: 8 });
    expect(bus.listenerCount("order.paid")).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it("waitFor rejects with a TimeoutError when the event does not come in time", async () => {
    const bus = new EventBus<Events>();
    const outcome = bus.waitFor("shutdown", { timeoutMs: 100 }).catch((error: unknown) => error);
    await clock.advanceAsync(100);
    expect(await outcome).toBeInstanceOf(TimeoutError);
    expect(bus.listenerCount("shutdown")).toBe(0);
  });
});
