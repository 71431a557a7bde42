import fc from "fast-check";
import { EventBus, TimeoutError } from "./solution";

type Events = { tick: number; job: { id: string }; other: string };

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("EventBus: registrations", () => {
  it("throws a RangeError for a bad maxListeners and a TypeError for a non-function listener", () => {
    for (const maxListeners of [0, -1, 1.5, NaN]) expect(() => new EventBus<Events>({ maxListeners })).toThrow(RangeError);
    expect(() => new EventBus<Events>({ maxListeners: Infinity })).not.toThrow();
    const bus = new EventBus<Events>();
    expect(() => bus.on("tick", "nope" as unknown as () => void)).toThrow(TypeError);
    expect(bus.listenerCount("tick")).toBe(0);
  });

  it("treats each registration of the same function separately", () => {
    const bus = new EventBus<Events>();
    const listener = fn();
    const stopFirst = bus.on("tick", listener);
    bus.on("tick", listener);
    expect(bus.emit("tick", 1).delivered).toBe(2);
    stopFirst();
    stopFirst();
    expect(bus.listenerCount("tick")).toBe(1);
    expect(bus.emit("tick", 2).delivered).toBe(1);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it("off removes the most recent registration of the function, and only for that event", () => {
    const bus = new EventBus<Events>();
    const calls: string[] = [];
    const shared = (n: number) => calls.push(`shared ${n}`);
    bus.on("tick", shared);
    bus.on("tick", (n) => calls.push(`middle ${n}`));
    bus.once("tick", shared);
    expect(bus.off("other", shared as unknown as (s: string) => void)).toBe(false);
    expect(bus.off("tick", shared)).toBe(true); // removes the once registration (the latest)
    bus.emit("tick", 1);
    bus.emit("tick", 2);
    expect(calls).toEqual(["shared 1", "middle 1", "shared 2", "middle 2"]);
    expect(bus.off("tick", shared)).toBe(true);
    expect(bus.off("tick", shared)).toBe(false);
  });

  it("enforces maxListeners per event, freeing slots on removal", () => {
    const bus = new EventBus<Events>({ maxListeners: 2 });
    const stop = bus.on("tick", () => {});
    bus.once("tick", () => {});
    expect(() => bus.on("tick", () => {})).toThrow(RangeError);
    expect(() => bus.once("tick", () => {})).toThrow(RangeError);
    expect(bus.listenerCount("tick")).toBe(2);
    expect(() => bus.on("other", () => {})).not.toThrow();
    stop();
    expect(() => bus.on("tick", () => {})).not.toThrow();
    bus.emit("tick", 1); // the once registration is gone now
    expect(bus.listenerCount("tick")).toBe(1);
    expect(() => new EventBus<Events>().on("tick", () => {})).not.toThrow();
    const defaults = new EventBus<Events>();
    for (let i = 0; i < 10; i++) defaults.on("tick", () => {});
    expect(() => defaults.on("tick", () => {})).toThrow(RangeError);
  });
});

describe("EventBus: emit", () => {
  it("ignores listeners added during an emit and skips listeners removed by an earlier one", () => {
    const bus = new EventBus<Events>();
    const calls: string[] = [];
    let stopC: () => void = () => {};
    bus.on("tick", () => {
      calls.push("a");
      stopC();
      bus.on("tick", () => calls.push("added"));
    });
    bus.on("tick", () => calls.push("b"));
    stopC = bus.on("tick", () => calls.push("c"));
    expect(bus.emit("tick", 1).delivered).toBe(2);
    expect(calls).toEqual(["a", "b"]);
  });

  it("removes a once registration before calling it, so a nested emit does not repeat it", () => {
    const bus = new EventBus<Events>();
    const calls: number[] = [];
    bus.once("tick", (n) => {
      calls.push(n);
      if (n < 3) bus.emit("tick", n + 1);
    });
    bus.emit("tick", 1);
    expect(calls).toEqual([1]);
    expect(bus.emit("tick", 5)).toEqual({ delivered: 0, errors: [] });
  });

  it("reports each error at once, in order, and survives a throwing reporter", () => {
    const log: string[] = [];
    const bus = new EventBus<Events>({
      onListenerError: (error) => {
        log.push(`reported ${(error as Error).message}`);
        throw new Error("reporter broken");
      },
    });
    bus.on("tick", () => {
      throw new Error("one");
    });
    bus.on("tick", () => log.push("middle runs"));
    bus.on("tick", () => {
      throw new Error("two");
    });
    let result: ReturnType<typeof bus.emit> | undefined;
    expect(() => {
      result = bus.emit("tick", 1);
    }).not.toThrow();
    expect(log).toEqual(["reported one", "middle runs", "reported two"]);
    expect(result?.errors.map((e) => (e as Error).message)).toEqual(["one", "two"]);
    expect(new EventBus<Events>().emit("tick", 1)).toEqual({ delivered: 0, errors: [] });
  });

  it("ignores what a synchronous listener returns when it is not a promise", async () => {
    const reported: unknown[] = [];
    const bus = new EventBus<Events>({ onListenerError: (error) => reported.push(error) });
    const returns: unknown[] = [null, undefined, 0, "done", {}, { then: "not a function" }, [1]];
    for (const value of returns) bus.on("tick", () => value);
    expect(bus.emit("tick", 1)).toEqual({ delivered: returns.length, errors: [] });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(reported).toEqual([]);
  });

  it("reports the rejection of an async listener when it happens, not in errors", async () => {
    const reported: unknown[] = [];
    const bus = new EventBus<Events>({ onListenerError: (error, event) => reported.push(`${event}: ${(error as Error).message}`) });
    bus.on("job", async ({ id }) => {
      await Promise.resolve();
      throw new Error(`job ${id} failed`);
    });
    const result = bus.emit("job", { id: "j1" });
    expect(result).toEqual({ delivered: 1, errors: [] });
    expect(reported).toEqual([]);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(reported).toEqual(["job: job j1 failed"]);
  });
});

describe("EventBus: waitFor", () => {
  it("rejects at once with the reason of an already aborted signal, registering nothing", async () => {
    const bus = new EventBus<Events>();
    const controller = new AbortController();
    controller.abort(new Error("cancelled early"));
    await expect(bus.waitFor("tick", { signal: controller.signal })).rejects.toThrow("cancelled early");
    expect(bus.listenerCount("tick")).toBe(0);
  });

  it("rejects with the abort reason on a later abort and cleans up listener and timer", async () => {
    const bus = new EventBus<Events>();
    const controller = new AbortController();
    const outcome = bus.waitFor("tick", { signal: controller.signal, timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(clock.pending()).toBe(1);
    const reason = new Error("user left");
    controller.abort(reason);
    expect(await outcome).toBe(reason);
    expect(bus.listenerCount("tick")).toBe(0);
    expect(clock.pending()).toBe(0);
    expect(bus.emit("tick", 1).delivered).toBe(0);
  });

  it("times out at exactly timeoutMs, and a later emit or abort changes nothing", async () => {
    const bus = new EventBus<Events>();
    const controller = new AbortController();
    let settled = "";
    const waiting = bus.waitFor("tick", { signal: controller.signal, timeoutMs: 250 }).then(
      (v) => (settled = `resolved ${v}`),
      (e: unknown) => (settled = e instanceof TimeoutError ? `timeout ${(e as Error).name}` : "other error"),
    );
    await clock.advanceAsync(249);
    expect(settled).toBe("");
    await clock.advanceAsync(1);
    await waiting;
    expect(settled).toBe("timeout TimeoutError");
    bus.emit("tick", 3);
    controller.abort();
    expect(settled).toBe("timeout TimeoutError");
    expect(bus.listenerCount("tick")).toBe(0);
  });

  it("waits without a deadline when no timeoutMs is given", async () => {
    const bus = new EventBus<Events>();
    let settled = "";
    const waiting = bus.waitFor("tick").then(
      (v) => (settled = `resolved ${v}`),
      (e: unknown) => (settled = `rejected ${(e as Error).name}`),
    );
    await clock.advanceAsync(24 * 60 * 60 * 1000);
    expect(settled).toBe("");
    expect(bus.listenerCount("tick")).toBe(1);
    bus.emit("tick", 42);
    await waiting;
    expect(settled).toBe("resolved 42");
  });

  it("rejects a bad timeoutMs and a waitFor beyond the limit with a RangeError", async () => {
    const bus = new EventBus<Events>({ maxListeners: 1 });
    for (const timeoutMs of [0, -5, NaN, Infinity]) {
      await expect(bus.waitFor("tick", { timeoutMs })).rejects.toThrow(RangeError);
    }
    expect(bus.listenerCount("tick")).toBe(0);
    const first = bus.waitFor("tick");
    await expect(bus.waitFor("tick")).rejects.toThrow(RangeError);
    bus.emit("tick", 9);
    await expect(first).resolves.toBe(9);
  });

  it("removes its abort listener from a long-lived signal once the event or the timeout came first", async () => {
    const bus = new EventBus<Events>();
    const controller = new AbortController();
    const signal = controller.signal;
    // Watch the listeners added to and removed from this one signal.
    const attached = new Set<unknown>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, listener: unknown, options?: unknown) => {
      if (type === "abort") attached.add(listener);
      add(type, listener as EventListener, options as AddEventListenerOptions);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, listener: unknown, options?: unknown) => {
      if (type === "abort") attached.delete(listener);
      remove(type, listener as EventListener, options as EventListenerOptions);
    }) as typeof signal.removeEventListener;

    const first = bus.waitFor("tick", { signal });
    const second = bus.waitFor("job", { signal, timeoutMs: 100 }).catch((error: unknown) => error);
    expect(attached.size).toBe(2);
    bus.emit("tick", 1);
    await expect(first).resolves.toBe(1);
    await clock.advanceAsync(100);
    expect(await second).toBeInstanceOf(TimeoutError);
    expect(attached.size).toBe(0); // a server-wide shutdown signal would otherwise collect one listener per waitFor
  });

  it("is called in registration order among the other listeners", async () => {
    const bus = new EventBus<Events>();
    const order: string[] = [];
    bus.on("tick", () => order.push("before"));
    const waited = bus.waitFor("tick").then((n) => order.push(`waitFor got ${n}`));
    bus.on("tick", () => order.push("after"));
    bus.emit("tick", 4);
    await waited;
    expect(order).toEqual(["before", "after", "waitFor got 4"]);
    expect(bus.listenerCount("tick")).toBe(2);
  });
});

describe("EventBus: model check", () => {
  it("matches a list-of-registrations model over 600 random operations", () => {
    const random = prng(4242);
    const bus = new EventBus<Events>({ maxListeners: 6 });
    type Reg = { name: string; once: boolean; stop: () => void; listener: (n: number) => void };
    const model: Reg[] = [];
    const calls: string[] = [];
    const listeners = Array.from({ length: 4 }, (_, i) => (n: number) => calls.push(`L${i}:${n}`));
    const mismatches: string[] = [];
    for (let step = 0; step < 600 && mismatches.length === 0; step++) {
      const r = random();
      if (r < 0.4) {
        const index = Math.floor(random() * listeners.length);
        const listener = listeners[index] as (n: number) => void;
        const once = random() < 0.4;
        if (model.length >= 6) {
          expect(() => (once ? bus.once("tick", listener) : bus.on("tick", listener))).toThrow(RangeError);
        } else {
          const stop = once ? bus.once("tick", listener) : bus.on("tick", listener);
          model.push({ name: `L${index}`, once, stop, listener });
        }
      } else if (r < 0.55 && model.length > 0) {
        const reg = model.splice(Math.floor(random() * model.length), 1)[0] as Reg;
        reg.stop();
      } else if (r < 0.7) {
        const index = Math.floor(random() * listeners.length);
        let at = -1;
        for (let i = model.length - 1; i >= 0; i--) if (model[i]?.listener === listeners[index]) { at = i; break; }
        if (at >= 0) model.splice(at, 1);
        const removed = bus.off("tick", listeners[index] as (n: number) => void);
        if (removed !== at >= 0) mismatches.push(`step ${step}: off returned ${removed}`);
      } else {
        calls.length = 0;
        const want = model.map((reg) => `${reg.name}:${step}`);
        for (let i = model.length - 1; i >= 0; i--) if (model[i]?.once) model.splice(i, 1);
        const result = bus.emit("tick", step);
        if (calls.join(",") !== want.join(",") || result.delivered !== want.length) {
          mismatches.push(`step ${step}: called ${calls.join(",")}, expected ${want.join(",")}`);
        }
      }
      if (bus.listenerCount("tick") !== model.length) mismatches.push(`step ${step}: listenerCount ${bus.listenerCount("tick")}, expected ${model.length}`);
    }
    expect(mismatches).toEqual([]);
  });
});

// Model-based test: random sequences of on/once/unsubscribe/off/emit with listeners that sometimes
// throw, checked against a list of registrations; a failure shows a shortest sequence.

const LISTENER_NAMES = ["L0", "L1", "L2", "Lthrows"] as const;
const MODEL_MAX_LISTENERS = 5;

interface ModelRegistration {
  readonly number: number;
  readonly name: string;
  readonly once: boolean;
}

class BusModel {
  /** Active registrations of "tick", in registration order. */
  list: ModelRegistration[] = [];
  registrations = 0;
}

interface RealBus {
  bus: EventBus<Events>;
  listeners: Array<(n: number) => void>;
  calls: string[];
  /** Unsubscribe functions, by registration number - 1. */
  stops: Array<() => void>;
}

function checkCount(model: BusModel, real: RealBus, step: string): void {
  const got = real.bus.listenerCount("tick");
  if (got !== model.list.length) throw new Error(`after ${step}: listenerCount("tick") is ${got}, expected ${model.list.length}`);
}

class RegisterCommand implements fc.Command<BusModel, RealBus> {
  constructor(
    readonly once: boolean,
    readonly listener: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(model: BusModel, real: RealBus): void {
    const listener = real.listeners[this.listener] as (n: number) => void;
    const full = model.list.length >= MODEL_MAX_LISTENERS;
    let stop: (() => void) | undefined;
    let threw: unknown;
    try {
      stop = this.once ? real.bus.once("tick", listener) : real.bus.on("tick", listener);
    } catch (error) {
      threw = error;
    }
    if (full !== threw instanceof RangeError) throw new Error(`${this}: ${full ? "expected a RangeError at the limit" : `threw ${String(threw)}`}`);
    if (!full) {
      const number = ++model.registrations;
      model.list.push({ number, name: LISTENER_NAMES[this.listener] as string, once: this.once });
      real.stops.push(stop as () => void);
    }
    checkCount(model, real, this.toString());
  }
  toString(): string {
    return `${this.once ? "once" : "on"}("tick", ${LISTENER_NAMES[this.listener]})`;
  }
}

class UnsubscribeCommand implements fc.Command<BusModel, RealBus> {
  constructor(readonly registration: number) {}
  check(model: Readonly<BusModel>): boolean {
    return this.registration <= model.registrations;
  }
  run(model: BusModel, real: RealBus): void {
    model.list = model.list.filter((r) => r.number !== this.registration);
    (real.stops[this.registration - 1] as () => void)();
    checkCount(model, real, this.toString());
  }
  toString(): string {
    return `unsubscribe of registration #${this.registration}`;
  }
}

class OffCommand implements fc.Command<BusModel, RealBus> {
  constructor(readonly listener: number) {}
  check(): boolean {
    return true;
  }
  run(model: BusModel, real: RealBus): void {
    const name = LISTENER_NAMES[this.listener] as string;
    const latest = model.list.map((r) => r.name).lastIndexOf(name);
    if (latest >= 0) model.list.splice(latest, 1);
    const removed = real.bus.off("tick", real.listeners[this.listener] as (n: number) => void);
    if (removed !== latest >= 0) throw new Error(`${this} returned ${removed}, expected ${latest >= 0}`);
    checkCount(model, real, this.toString());
  }
  toString(): string {
    return `off("tick", ${LISTENER_NAMES[this.listener]})`;
  }
}

class EmitCommand implements fc.Command<BusModel, RealBus> {
  check(): boolean {
    return true;
  }
  run(model: BusModel, real: RealBus): void {
    const want = model.list.map((r) => `#${r.number} ${r.name}`);
    const wantErrors = model.list.filter((r) => r.name === "Lthrows").length;
    model.list = model.list.filter((r) => !r.once);
    real.calls.length = 0;
    const result = real.bus.emit("tick", 0);
    const got = real.calls.join(", ");
    const wantNames = want.map((w) => w.split(" ")[1]).join(", ");
    if (got !== wantNames || result.delivered !== want.length || result.errors.length !== wantErrors) {
      throw new Error(`emit("tick") called [${got}] (delivered ${result.delivered}, ${result.errors.length} errors), expected [${want.join(", ")}] (${wantErrors} errors)`);
    }
    checkCount(model, real, "emit");
  }
  toString(): string {
    return `emit("tick")`;
  }
}

describe("EventBus: model check with shrinking", () => {
  it("matches a list of registrations over random on/once/unsubscribe/off/emit sequences, with a throwing listener", () => {
    const listener = fc.integer({ min: 0, max: LISTENER_NAMES.length - 1 });
    const commands = fc.commands(
      [
        listener.map((i) => new RegisterCommand(false, i)),
        listener.map((i) => new RegisterCommand(true, i)),
        fc.integer({ min: 1, max: 8 }).map((n) => new UnsubscribeCommand(n)),
        listener.map((i) => new OffCommand(i)),
        fc.constant(null).map(() => new EmitCommand()),
      ],
      { maxCommands: 40, size: "max" },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        const setup = () => {
          const calls: string[] = [];
          const listeners = LISTENER_NAMES.map((name) => () => {
            calls.push(name);
            if (name === "Lthrows") throw new Error("listener failed");
          });
          const bus = new EventBus<Events>({ maxListeners: MODEL_MAX_LISTENERS, onListenerError: () => {} });
          return { model: new BusModel(), real: { bus, listeners, calls, stops: [] } };
        };
        fc.modelRun(setup, cmds);
      }),
      // The report then ends with the first difference between the bus and the model.
      { numRuns: 200, includeErrorInReport: true },
    );
  });
});
