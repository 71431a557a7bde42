import { EventEmitter } from "node:events";
import fc from "fast-check";
import { createGracefulShutdown, ShutdownError, type GracefulShutdown, type Phase } from "./solution";

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk sequence and the wrong answer).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

function work<T>(ms: number, value: T): () => Promise<T> {
  return () => new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function setup(extra: { drainTimeoutMs?: number; readinessDelayMs?: number } = {}) {
  const signals = new EventEmitter();
  const exit = fn();
  const gs = createGracefulShutdown({ exit, drainTimeoutMs: extra.drainTimeoutMs ?? 1000, readinessDelayMs: extra.readinessDelayMs, signals });
  return { signals, exit, gs };
}

describe("graceful shutdown: configuration and registration", () => {
  it("throws a RangeError for a drainTimeoutMs that is not > 0 or a readinessDelayMs that is not >= 0", () => {
    for (const drainTimeoutMs of [0, -1, NaN, Infinity]) {
      expect(() => createGracefulShutdown({ exit: fn(), drainTimeoutMs, signals: new EventEmitter() })).toThrow(RangeError);
    }
    for (const readinessDelayMs of [-1, NaN, Infinity]) {
      expect(() => createGracefulShutdown({ exit: fn(), drainTimeoutMs: 1, readinessDelayMs, signals: new EventEmitter() })).toThrow(RangeError);
    }
    expect(() => createGracefulShutdown({ exit: fn(), drainTimeoutMs: 1, readinessDelayMs: 0, signals: new EventEmitter() })).not.toThrow();
  });

  it("refuses a resource timeout that is not > 0, a duplicate name and an unknown dependency, with the promised messages", () => {
    const { gs } = setup();
    for (const timeoutMs of [0, -5, NaN, Infinity]) expect(() => gs.register({ name: "x", timeoutMs, close: () => {} })).toThrow(RangeError);
    gs.register({ name: "db", timeoutMs: 10, close: () => {} });
    expect(() => gs.register({ name: "db", timeoutMs: 10, close: () => {} })).toThrow('duplicate resource "db"');
    expect(() => gs.register({ name: "http", timeoutMs: 10, dependsOn: ["db", "cache"], close: () => {} })).toThrow('unknown dependency "cache" of "http"');
    // The refused resource was not half-registered: the name is still free.
    expect(() => gs.register({ name: "http", timeoutMs: 10, dependsOn: ["db"], close: () => {} })).not.toThrow();
  });

  it("refuses to register once the shutdown has started, with a ShutdownError checked before anything else", () => {
    const { gs } = setup({ readinessDelayMs: 100 });
    gs.register({ name: "db", timeoutMs: 10, close: () => {} });
    void gs.shutdown();
    expect(() => gs.register({ name: "late", timeoutMs: 10, close: () => {} })).toThrow(ShutdownError);
    const error = (() => { try { gs.register({ name: "late", timeoutMs: 10, close: () => {} }); } catch (e) { return e as Error; } })();
    expect([error?.name, error instanceof Error]).toEqual(["ShutdownError", true]);
    expect(() => gs.register({ name: "db", timeoutMs: -1, close: () => {} })).toThrow("cannot register a resource during shutdown");
  });

  it("listens on process when no emitter is given, and stops listening after exit", async () => {
    const before = [process.listenerCount("SIGTERM"), process.listenerCount("SIGINT")];
    const exit = fn();
    const gs = createGracefulShutdown({ exit, drainTimeoutMs: 100 });
    expect([process.listenerCount("SIGTERM"), process.listenerCount("SIGINT")]).toEqual([before[0]! + 1, before[1]! + 1]);
    process.emit("SIGTERM");
    expect(gs.ready).toBe(false);
    await clock.advanceAsync(1);
    expect(exit).toHaveBeenCalledTimes(1);
    expect([process.listenerCount("SIGTERM"), process.listenerCount("SIGINT")]).toEqual(before);
  });
});

describe("graceful shutdown: readiness, accepting and draining", () => {
  it("goes running -> unready -> draining -> closing -> exited, with ready and accepting following the phase", async () => {
    const { signals, gs } = setup({ readinessDelayMs: 10, drainTimeoutMs: 500 });
    gs.register({ name: "db", timeoutMs: 100, close: () => sleep(30) });
    expect([gs.phase, gs.ready, gs.accepting]).toEqual(["running", true, true]);
    void gs.track(work(50, 1));
    signals.emit("SIGTERM");
    expect([gs.phase, gs.ready, gs.accepting]).toEqual(["unready", false, true]);
    await clock.advanceAsync(9);
    expect(gs.phase).toBe("unready");
    await clock.advanceAsync(1);
    expect([gs.phase, gs.ready, gs.accepting, gs.inFlight]).toEqual(["draining", false, false, 1]);
    await clock.advanceAsync(40);
    expect([gs.phase, gs.inFlight]).toEqual(["closing", 0]);
    await clock.advanceAsync(29);
    expect(gs.phase).toBe("closing");
    await clock.advanceAsync(1);
    expect(gs.phase).toBe("exited");
  });

  it("counts rejected work as settled: a failing request does not hold up the drain", async () => {
    const { signals, exit, gs } = setup({ drainTimeoutMs: 1000 });
    const failing = gs.track(() => sleep(20).then(() => Promise.reject(new Error("boom"))));
    const thrown = gs.track(() => { throw new TypeError("sync"); });
    expect(gs.inFlight).toBe(1); // the synchronous throw was never in flight
    await expect(thrown).rejects.toThrow("sync");
    signals.emit("SIGTERM");
    await expect(failing).rejects.toThrow("boom");
    await clock.advanceAsync(0);
    expect(exit).toHaveBeenCalledWith(0);
    expect(clock.now() - 1_700_000_000_000).toBe(20);
  });

  it("counts the drain deadline from when accepting stops, not from the signal", async () => {
    const { signals, exit, gs } = setup({ readinessDelayMs: 100, drainTimeoutMs: 200 });
    void gs.track(work(299, "just in time"));
    signals.emit("SIGTERM");
    await clock.advanceAsync(299);
    expect(exit).toHaveBeenCalledWith(0); // 299 < 100 + 200

    const second = setup({ readinessDelayMs: 100, drainTimeoutMs: 200 });
    void second.gs.track(work(301, "too slow"));
    second.signals.emit("SIGTERM");
    await clock.advanceAsync(299);
    expect(second.exit).toHaveBeenCalledTimes(0);
    await clock.advanceAsync(1);
    expect(second.exit).toHaveBeenCalledWith(1);
  });

  it("after a clean drain, no stale deadline fires later: exit is called once and no timer is left", async () => {
    const { signals, exit, gs } = setup({ drainTimeoutMs: 100 });
    const closeDb = fn(() => sleep(150));
    gs.register({ name: "db", timeoutMs: 500, close: closeDb });
    void gs.track(work(30, 1));
    signals.emit("SIGTERM");
    await clock.advanceAsync(179);
    expect(exit).toHaveBeenCalledTimes(0);
    await clock.advanceAsync(1); // drained at 30, db closed from 30 to 180; the deadline (100) passed unnoticed
    expect(closeDb).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(clock.pending()).toBe(0);
    await clock.advanceAsync(1000);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("serves requests through wrap() during the readiness delay and counts them in flight", async () => {
    const { signals, exit, gs } = setup({ readinessDelayMs: 50, drainTimeoutMs: 1000 });
    const app = { fetch: fn(async (req: Request) => { await sleep(100); return new Response(new URL(req.url).pathname); }) };
    const server = gs.wrap(app);
    const early = server.fetch(new Request("http://svc/early"));
    await clock.advanceAsync(100);
    expect([(await early).status, await (await early).text()]).toEqual([200, "/early"]);
    signals.emit("SIGTERM");
    const served = server.fetch(new Request("http://svc/orders"));
    await clock.advanceAsync(0);
    expect(gs.inFlight).toBe(1);
    await clock.advanceAsync(50);
    const ready = await server.fetch(new Request("http://svc/readyz"));
    expect([ready.status, await ready.text()]).toEqual([503, "shutting down"]);
    const refused = await server.fetch(new Request("http://svc/orders"));
    expect([refused.status, refused.headers.get("content-type"), await refused.text()]).toEqual([503, "application/json", '{"error":"shutting_down"}']);
    expect(app.fetch).toHaveBeenCalledTimes(2);
    expect(await (await served).text()).toBe("/orders");
    expect(exit).toHaveBeenCalledWith(0);
    const ok = setup().gs.wrap(app);
    const readyOk = await ok.fetch(new Request("http://svc/readyz"));
    expect([readyOk.status, await readyOk.text()]).toEqual([200, "ok"]);
    expect(app.fetch).toHaveBeenCalledTimes(2); // /readyz never reaches the app
  });
});

describe("graceful shutdown: closing resources", () => {
  it("starts independent resources together, last registered first, and each dependency after all its dependents", async () => {
    const { gs } = setup();
    const log: string[] = [];
    const res = (name: string, ms: number, dependsOn: string[] = []) =>
      gs.register({ name, timeoutMs: 1000, dependsOn, close: async () => { log.push(`${name}@${clock.now() - 1_700_000_000_000}`); await sleep(ms); } });
    res("db", 5);
    res("cache", 5);
    res("consumer", 30, ["db", "db"]);
    res("http", 10, ["db", "cache"]);
    res("tracing", 1);
    const code = gs.shutdown();
    await clock.advanceAsync(100);
    expect(await code).toBe(0);
    expect(log).toEqual(["tracing@0", "http@0", "consumer@0", "cache@10", "db@30"]);
  });

  it("times out a hung close after its own timeoutMs, moves on, and exits with 1", async () => {
    const { gs, exit } = setup();
    const closeDb = fn();
    gs.register({ name: "db", timeoutMs: 100, close: closeDb });
    gs.register({ name: "queue", timeoutMs: 40, dependsOn: ["db"], close: () => new Promise<void>(() => {}) });
    void gs.shutdown();
    await clock.advanceAsync(39);
    expect(closeDb).toHaveBeenCalledTimes(0);
    await clock.advanceAsync(1);
    expect(closeDb).toHaveBeenCalledTimes(1);
    await clock.advanceAsync(0);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it("disarms a close's timeout as soon as the close finishes", async () => {
    const { gs, exit } = setup();
    gs.register({ name: "db", timeoutMs: 1000, close: () => sleep(500) });
    gs.register({ name: "cache", timeoutMs: 1000, close: () => sleep(10) });
    void gs.shutdown();
    await clock.advanceAsync(100);
    expect(clock.pending()).toBe(2); // db's sleep and db's timeout; cache's timeout is gone
    await clock.advanceAsync(400);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("gives each close its own timeout, counted from its own close() call", async () => {
    const { gs, exit } = setup();
    gs.register({ name: "db", timeoutMs: 50, close: () => sleep(45) });
    gs.register({ name: "http", timeoutMs: 50, dependsOn: ["db"], close: () => sleep(45) });
    expect(await gs.shutdown()).toBe(0); // db runs from 45 to 90: fine, its clock started at 45
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("exits with 1 when a close throws or rejects, and still closes what it was waiting on", async () => {
    for (const close of [() => { throw new Error("sync"); }, () => Promise.reject(new Error("async"))]) {
      const { gs, exit } = setup();
      const closeDb = fn();
      gs.register({ name: "db", timeoutMs: 100, close: closeDb });
      gs.register({ name: "http", timeoutMs: 100, dependsOn: ["db"], close });
      expect(await gs.shutdown()).toBe(1);
      expect(closeDb).toHaveBeenCalledTimes(1);
      expect(exit).toHaveBeenCalledWith(1);
    }
  });

  it("ignores a close that settles after its timeout", async () => {
    const { gs, exit } = setup();
    const order: string[] = [];
    gs.register({ name: "db", timeoutMs: 100, close: () => void order.push("db") });
    gs.register({ name: "http", timeoutMs: 20, dependsOn: ["db"], close: () => sleep(30).then(() => void order.push("http late")) });
    expect(await gs.shutdown()).toBe(1);
    await clock.advanceAsync(50);
    expect(order).toEqual(["db", "http late"]);
    expect(exit).toHaveBeenCalledTimes(1);
  });
});

describe("graceful shutdown: signals and idempotency", () => {
  it("returns the same promise from repeated shutdown() calls and never forces through them", async () => {
    const { gs, exit } = setup();
    gs.register({ name: "db", timeoutMs: 100, close: () => sleep(10) });
    const first = gs.shutdown();
    expect(gs.shutdown()).toBe(first);
    expect(exit).toHaveBeenCalledTimes(0);
    expect(await first).toBe(0);
    expect(gs.shutdown()).toBe(first);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it("forces exit(1) on a signal after shutdown() and then calls nothing else, even when closes settle", async () => {
    const { signals, gs, exit } = setup();
    const closeDb = fn();
    gs.register({ name: "db", timeoutMs: 500, close: closeDb });
    gs.register({ name: "http", timeoutMs: 500, dependsOn: ["db"], close: () => sleep(100) });
    const result = gs.shutdown();
    await clock.advanceAsync(50);
    signals.emit("SIGINT");
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(gs.phase).toBe("exited");
    expect(await result).toBe(1);
    await clock.advanceAsync(1000);
    expect(closeDb).toHaveBeenCalledTimes(0);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(clock.pending()).toBe(0);
    signals.emit("SIGTERM"); // after exit: no listener any more
    expect(exit).toHaveBeenCalledTimes(1);
    expect([signals.listenerCount("SIGTERM"), signals.listenerCount("SIGINT")]).toEqual([0, 0]);
  });

  it("forces on a second signal during the readiness delay too", async () => {
    const { signals, gs, exit } = setup({ readinessDelayMs: 100 });
    signals.emit("SIGTERM");
    signals.emit("SIGTERM");
    expect(exit).toHaveBeenCalledWith(1);
    await expect(gs.track(work(1, 1))).rejects.toThrow("server is shutting down");
  });

  it("forces during the drain, and the work that finishes afterwards starts nothing", async () => {
    const { signals, gs, exit } = setup({ drainTimeoutMs: 1000 });
    const closeDb = fn();
    gs.register({ name: "db", timeoutMs: 100, close: closeDb });
    const running = gs.track(work(50, "finished"));
    signals.emit("SIGTERM");
    await clock.advanceAsync(10);
    signals.emit("SIGTERM");
    expect(exit).toHaveBeenCalledWith(1);
    expect(await running).toBe("finished");
    await clock.advanceAsync(100);
    expect(closeDb).toHaveBeenCalledTimes(0);
    expect(exit).toHaveBeenCalledTimes(1);
  });
});

// ---- model-based: any scenario of work, signals and resources against a timeline model -------------

type Behaviour = { kind: "fulfil" | "reject"; ms: number } | { kind: "sync" | "throw" | "hang" };
interface ResourceSpec { timeoutMs: number; behaviour: Behaviour; deps: number[] }
type Ev = { at: number; op: "work"; ms: number; fails: boolean } | { at: number; op: "signal"; name: "SIGTERM" | "SIGINT" } | { at: number; op: "shutdown" };
interface Scenario { readinessDelayMs: number; drainTimeoutMs: number; resources: ResourceSpec[]; events: Ev[] }

const NAMES = ["r0", "r1", "r2", "r3"];

function describeBehaviour(b: Behaviour): string {
  switch (b.kind) {
    case "fulfil": return `sleep(${b.ms})`;
    case "reject": return `sleep(${b.ms}).then(() => Promise.reject(new Error()))`;
    case "sync": return "{}";
    case "throw": return "{ throw new Error() }";
    case "hang": return "new Promise(() => {})";
  }
}

function describeScenario(s: Scenario): string {
  const lines = [`createGracefulShutdown({ drainTimeoutMs: ${s.drainTimeoutMs}, readinessDelayMs: ${s.readinessDelayMs} })`];
  s.resources.forEach((r, i) => lines.push(`register({ name: "${NAMES[i]}", timeoutMs: ${r.timeoutMs}, dependsOn: [${r.deps.map((d) => `"${NAMES[d]}"`).join(", ")}], close: () => ${describeBehaviour(r.behaviour)} })`));
  for (const e of s.events) {
    if (e.op === "work") lines.push(`at ${e.at}: track(() => sleep(${e.ms})${e.fails ? ".then(() => Promise.reject(new Error()))" : ""})`);
    else if (e.op === "signal") lines.push(`at ${e.at}: emit("${e.name}")`);
    else lines.push(`at ${e.at}: shutdown()`);
  }
  return lines.join("; ");
}

interface Expected {
  accepted: boolean[]; // per event index, for work events
  observed: { phase: Phase; inFlight: number }[]; // per event, just before it
  closes: string[]; // "name@time", sorted
  exits: string[]; // "code@time"
}

/** The timeline, computed directly from the rules; undefined when two things would coincide. */
function model(s: Scenario): Expected | undefined {
  const external = new Set(s.events.map((e) => e.at));
  const internal: number[] = [];
  const triggerIdx = s.events.findIndex((e) => e.op !== "work");
  const t0 = triggerIdx >= 0 ? s.events[triggerIdx]!.at : Infinity;
  const stopAt = t0 + s.readinessDelayMs;
  if (s.readinessDelayMs > 0 && triggerIdx >= 0) internal.push(stopAt);
  const accepted = s.events.map((e, i) => e.op === "work" && (i < triggerIdx || triggerIdx < 0 || e.at < stopAt));
  const finishes = s.events.map((e, i) => (e.op === "work" && accepted[i] ? e.at + e.ms : -1));
  for (const f of finishes) if (f >= 0) internal.push(f);
  let drainEnd = Infinity;
  let forced = false;
  const closeStart: number[] = [];
  const closeEnd: number[] = [];
  let exitAt = Infinity;
  if (triggerIdx >= 0) {
    const lastFinish = Math.max(stopAt, ...finishes);
    const deadline = stopAt + s.drainTimeoutMs;
    if (lastFinish === deadline) return undefined;
    if (lastFinish > stopAt) internal.push(deadline);
    drainEnd = Math.min(lastFinish, deadline);
    forced = lastFinish > deadline;
    for (let i = s.resources.length - 1; i >= 0; i--) {
      const r = s.resources[i]!;
      let start = drainEnd;
      for (let j = i + 1; j < s.resources.length; j++) if (s.resources[j]!.deps.includes(i)) start = Math.max(start, closeEnd[j]!);
      const b = r.behaviour;
      let took: number;
      if (b.kind === "fulfil" || b.kind === "reject") {
        if (b.ms === r.timeoutMs) return undefined;
        took = Math.min(b.ms, r.timeoutMs);
        if (b.kind === "reject" || b.ms > r.timeoutMs) forced = true;
      } else if (b.kind === "hang") {
        took = r.timeoutMs;
        forced = true;
      } else {
        took = 0;
        if (b.kind === "throw") forced = true;
      }
      closeStart[i] = start;
      closeEnd[i] = start + took;
      internal.push(start, start + took);
    }
    exitAt = Math.max(drainEnd, ...closeEnd);
  }
  // Things the scenario starts by itself at t0 (no delay) may share t0; anything else may not meet an event.
  for (const t of internal) if (external.has(t) && !(t === t0 && stopAt === t0)) return undefined;
  let code = forced ? 1 : 0;
  const forceIdx = s.events.findIndex((e, i) => i > triggerIdx && triggerIdx >= 0 && e.op === "signal" && e.at < exitAt);
  const naturalExit = exitAt;
  let cut = Infinity;
  if (forceIdx >= 0) {
    cut = s.events[forceIdx]!.at;
    exitAt = cut;
    code = 1;
  }
  const observed = s.events.map((e, i) => {
    const inFlight = s.events.filter((w, j) => j < i && finishes[j]! > e.at).length;
    let phase: Phase;
    if (triggerIdx < 0 || i <= triggerIdx) phase = "running";
    else if (forceIdx >= 0 && i > forceIdx) phase = "exited";
    else if (e.at >= naturalExit) phase = "exited";
    else if (e.at >= drainEnd) phase = "closing";
    else if (e.at >= stopAt) phase = "draining";
    else phase = "unready";
    return { phase, inFlight };
  });
  const closes = s.resources.flatMap((_, i) => (triggerIdx >= 0 && closeStart[i]! < cut ? [`${NAMES[i]}@${closeStart[i]}`] : [])).sort();
  const exits = exitAt < Infinity ? [`${code}@${exitAt}`] : [];
  return { accepted, observed, closes, exits };
}

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  fc.record({ kind: fc.constantFrom<"fulfil" | "reject">("fulfil", "fulfil", "reject"), ms: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constantFrom<"sync" | "throw" | "hang">("sync", "throw", "hang") }),
);
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    readinessDelayMs: fc.constantFrom(0, 0, 15, 40),
    drainTimeoutMs: fc.integer({ min: 10, max: 120 }),
    resources: fc.array(fc.record({ timeoutMs: fc.integer({ min: 5, max: 50 }), behaviour, deps: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) }), { maxLength: 4 }),
    events: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ at: fc.integer({ min: 0, max: 200 }), op: fc.constant<"work">("work"), ms: fc.integer({ min: 1, max: 150 }), fails: fc.boolean() }) },
        { weight: 2, arbitrary: fc.record({ at: fc.integer({ min: 0, max: 200 }), op: fc.constant<"signal">("signal"), name: fc.constantFrom<"SIGTERM" | "SIGINT">("SIGTERM", "SIGINT") }) },
        { weight: 1, arbitrary: fc.record({ at: fc.integer({ min: 0, max: 200 }), op: fc.constant<"shutdown">("shutdown") }) },
      ),
      { maxLength: 8 },
    ),
  })
  .map((s) => ({
    ...s,
    // Dependencies point at earlier resources only; events happen at distinct times, in order.
    resources: s.resources.map((r, i) => ({ ...r, deps: r.deps.filter((d) => d < i) })),
    events: [...new Map(s.events.map((e) => [e.at, e])).values()].sort((a, b) => a.at - b.at),
  }));

async function run(s: Scenario): Promise<Expected> {
  const base = clock.now();
  const rel = () => clock.now() - base;
  const signals = new EventEmitter();
  const exits: string[] = [];
  const closes: string[] = [];
  const gs: GracefulShutdown = createGracefulShutdown({ exit: (code) => void exits.push(`${code}@${rel()}`), drainTimeoutMs: s.drainTimeoutMs, readinessDelayMs: s.readinessDelayMs, signals });
  s.resources.forEach((r, i) =>
    gs.register({
      name: NAMES[i]!,
      timeoutMs: r.timeoutMs,
      dependsOn: r.deps.map((d) => NAMES[d]!),
      close: () => {
        closes.push(`${NAMES[i]}@${rel()}`);
        const b = r.behaviour;
        if (b.kind === "fulfil") return sleep(b.ms);
        if (b.kind === "reject") return sleep(b.ms).then(() => Promise.reject(new Error("close failed")));
        if (b.kind === "throw") throw new Error("close failed");
        if (b.kind === "hang") return new Promise<void>(() => {});
      },
    }),
  );
  const outcomes: Promise<boolean>[] = [];
  const observed: { phase: Phase; inFlight: number }[] = [];
  for (const e of s.events) {
    await clock.advanceAsync(e.at - rel());
    observed.push({ phase: gs.phase, inFlight: gs.inFlight });
    if (e.op === "work") {
      const p = gs.track(() => sleep(e.ms).then(() => (e.fails ? Promise.reject(new Error("work failed")) : "done")));
      outcomes.push(p.then(() => true, (error: unknown) => !(error instanceof ShutdownError)));
    } else {
      outcomes.push(Promise.resolve(false));
      if (e.op === "signal") signals.emit(e.name);
      else void gs.shutdown();
    }
  }
  await clock.runAllAsync();
  const accepted = await Promise.all(outcomes);
  return { accepted, observed, closes: closes.sort(), exits };
}

describe("graceful shutdown: any scenario", () => {
  it("matches a timeline model: what is accepted, the phase and in-flight count at every event, when each close() and exit() happen", async () => {
    const report = await fc.check(
      fc.asyncProperty(scenario.map((s) => Object.assign(s, { toString: () => describeScenario(s) })), async (s) => {
        const want = model(s);
        fc.pre(want !== undefined);
        const got = await run(s);
        const names = ["accepted", "observed", "closes", "exits"] as const;
        for (const k of names) {
          if (JSON.stringify(got[k]) !== JSON.stringify(want![k])) {
            throw new Error(`${k}: got ${JSON.stringify(got[k])}, the rules give ${JSON.stringify(want![k])}`);
          }
        }
      }),
      { numRuns: 100 },
    );
    failOnCounterexample(report);
  });
});
