import fc from "fast-check";
import { Coordinator, type LogRecord, type Participant, type RecoveryLog, type TxResult } from "./solution";

/**
 * Fails with fast-check's smallest failing case and what went wrong in it (fc.check rather than
 * fc.assert, so the message carries both the shrunk scenario and the first difference).
 */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

const TIMEOUT = 100;

/** How a participant answers prepare: "lost" = prepared, then the reply is lost; "slow" = prepared, answers yes too late. */
type PrepareScript = "yes" | "no" | "fail" | "lost" | "slow";
/** Successive phase 2 calls: "fail" = no effect, "lost" = done, reply lost. After the list: "ok". */
type CallScript = readonly ("ok" | "fail" | "lost")[];
interface Script {
  prepare?: PrepareScript;
  commit?: CallScript;
  abort?: CallScript;
}

class Crash extends Error {
  constructor() {
    super("coordinator crashed");
    this.name = "Crash";
  }
}

function describeRecord(r: LogRecord): string {
  return r.type === "begin" ? `log begin ${r.txId} [${r.participants.join(",")}]` : `log ${r.type} ${r.txId}`;
}

/**
 * Participants and a log shared by successive coordinators. Every log append and participant call
 * is a "step" of the current coordinator; a crash at step k makes that step and everything after
 * it a no-op (appends throw, calls reject) until the next coordinator is built.
 */
function world(names: readonly string[], scripts: Record<string, Record<string, Script>> = {}) {
  const trace: string[] = [];
  const records: LogRecord[] = [];
  const state = new Map<string, "prepared" | "committed" | "aborted">();
  const violations: string[] = [];
  const counts = new Map<string, number>();
  let epoch = 0;
  let steps = 0;
  let crashAt = Infinity;
  let crashed = false;
  const step = (ep: number, description: string): boolean => {
    if (ep !== epoch || crashed) return false;
    steps++;
    if (steps === crashAt) {
      crashed = true;
      return false;
    }
    trace.push(description);
    return true;
  };
  const scriptOf = (name: string, tx: string): Script => scripts[tx]?.[name] ?? {};
  const nextOutcome = (name: string, method: "commit" | "abort", tx: string) => {
    const key = `${name}.${method}(${tx})`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return scriptOf(name, tx)[method]?.[n] ?? "ok";
  };
  const participantsFor = (ep: number): Participant[] =>
    names.map((name) => ({
      name,
      async prepare(tx: string) {
        if (!step(ep, `${name}.prepare(${tx})`)) throw new Crash();
        const key = `${name}:${tx}`;
        if (state.has(key)) violations.push(`${name} was asked to prepare ${tx} twice`);
        const s = scriptOf(name, tx).prepare ?? "yes";
        if (s === "no") {
          state.set(key, "aborted");
          return "no" as const;
        }
        if (s === "fail") throw new Error("prepare failed");
        state.set(key, "prepared");
        if (s === "lost") throw new Error("connection reset");
        if (s === "slow") await new Promise<void>((resolve) => setTimeout(resolve, TIMEOUT + 1));
        return "yes" as const;
      },
      async commit(tx: string) {
        if (!step(ep, `${name}.commit(${tx})`)) throw new Crash();
        const outcome = nextOutcome(name, "commit", tx);
        if (outcome === "fail") throw new Error("commit failed");
        const key = `${name}:${tx}`;
        const now = state.get(key);
        if (now === "prepared" || now === "committed") state.set(key, "committed");
        else violations.push(`${name} was told to commit ${tx} while ${now ?? "not prepared"}`);
        if (outcome === "lost") throw new Error("connection reset");
      },
      async abort(tx: string) {
        if (!step(ep, `${name}.abort(${tx})`)) throw new Crash();
        const outcome = nextOutcome(name, "abort", tx);
        if (outcome === "fail") throw new Error("abort failed");
        const key = `${name}:${tx}`;
        if (state.get(key) === "committed") violations.push(`${name} was told to abort ${tx} after committing it`);
        else state.set(key, "aborted");
        if (outcome === "lost") throw new Error("connection reset");
      },
    }));
  const logFor = (ep: number): RecoveryLog => ({
    append(record) {
      if (!step(ep, describeRecord(record))) throw new Crash();
      records.push(record);
    },
    records: () => records.slice(),
  });
  return {
    trace,
    records,
    state,
    violations,
    get crashed() {
      return crashed;
    },
    /** A new coordinator on the same log and participants; it crashes at its step `at`, if given. */
    coordinator(options: { maxAttempts: number }, at?: number): Coordinator {
      epoch++;
      steps = 0;
      crashed = false;
      crashAt = at ?? Infinity;
      return new Coordinator(participantsFor(epoch), logFor(epoch), { prepareTimeoutMs: TIMEOUT, ...options });
    },
  };
}

const show = (r: TxResult) => `${r.txId} ${r.outcome} pending=[${r.pending.join(",")}]`;

describe("Coordinator: construction", () => {
  const log: RecoveryLog = { append: () => {}, records: () => [] };
  const p = (name: string): Participant => ({ name, prepare: async () => "yes", commit: async () => {}, abort: async () => {} });
  const ok = { prepareTimeoutMs: 10, maxAttempts: 1 };

  it("throws a TypeError for no participants, an empty name or a duplicate name, before looking at the options", () => {
    expect(() => new Coordinator([], log, ok)).toThrow(TypeError);
    expect(() => new Coordinator([p("")], log, ok)).toThrow(TypeError);
    expect(() => new Coordinator([p("a"), p("b"), p("a")], log, ok)).toThrow(TypeError);
    expect(() => new Coordinator([], log, { prepareTimeoutMs: -1, maxAttempts: 0 })).toThrow(TypeError);
  });

  it("throws a RangeError for a prepareTimeoutMs that is not finite and > 0, or a maxAttempts that is not a positive integer", () => {
    for (const prepareTimeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new Coordinator([p("a")], log, { prepareTimeoutMs, maxAttempts: 1 })).toThrow(RangeError);
    }
    for (const maxAttempts of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new Coordinator([p("a")], log, { prepareTimeoutMs: 10, maxAttempts })).toThrow(RangeError);
    }
    expect(() => new Coordinator([p("a")], log, { prepareTimeoutMs: 0.5, maxAttempts: 1 })).not.toThrow();
  });

  it("neither reads nor writes the log when it is built", () => {
    const untouchable: RecoveryLog = {
      append: () => {
        throw new Error("append called");
      },
      records: () => {
        throw new Error("records called");
      },
    };
    expect(() => new Coordinator([p("a"), p("b")], untouchable, ok)).not.toThrow();
  });
});

describe("Coordinator: phase 1", () => {
  it("stops at the first no vote, asks nobody after it, and aborts only the participants that voted yes", async () => {
    const w = world(["a", "b", "c", "d"], { t1: { c: { prepare: "no" } } });
    const coord = w.coordinator({ maxAttempts: 1 });
    expect(show(await coord.execute("t1"))).toBe("t1 aborted pending=[]");
    expect(w.trace).toEqual(["log begin t1 [a,b,c,d]", "a.prepare(t1)", "b.prepare(t1)", "c.prepare(t1)", "a.abort(t1)", "b.abort(t1)", "log end t1"]);
    expect(w.records).toEqual([
      { type: "begin", txId: "t1", participants: ["a", "b", "c", "d"] },
      { type: "end", txId: "t1" },
    ]);
  });

  it("treats a rejected prepare as a failure: that participant may be prepared, so it is told to abort", async () => {
    const w = world(["a", "b", "c"], { t1: { b: { prepare: "lost" } } });
    const coord = w.coordinator({ maxAttempts: 1 });
    expect(show(await coord.execute("t1"))).toBe("t1 aborted pending=[]");
    expect(w.trace.slice(1)).toEqual(["a.prepare(t1)", "b.prepare(t1)", "a.abort(t1)", "b.abort(t1)", "log end t1"]);
    expect(w.state.get("b:t1")).toBe("aborted");
  });

  it("treats a prepare that throws synchronously as a failure, and an answer other than yes as a no vote", async () => {
    const log: LogRecord[] = [];
    const calls: string[] = [];
    const participant = (name: string, prepare: () => Promise<"yes" | "no">): Participant => ({
      name,
      prepare,
      commit: async () => {
        calls.push(`${name}.commit`);
      },
      abort: async () => {
        calls.push(`${name}.abort`);
      },
    });
    const throwing = participant("t", () => {
      throw new Error("boom");
    });
    const odd = participant("o", () => Promise.resolve("maybe" as "yes"));
    const coord = new Coordinator([participant("y", async () => "yes"), throwing], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 50, maxAttempts: 1 });
    expect(show(await coord.execute("t1"))).toBe("t1 aborted pending=[]");
    expect(calls).toEqual(["y.abort", "t.abort"]);
    calls.length = 0;
    const coord2 = new Coordinator([participant("y", async () => "yes"), odd], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 50, maxAttempts: 1 });
    expect(show(await coord2.execute("t2"))).toBe("t2 aborted pending=[]");
    expect(calls).toEqual(["y.abort"]);
  });

  it("counts a vote that arrives 1 ms before prepareTimeoutMs, and stops waiting at prepareTimeoutMs without waiting for a late answer", async () => {
    const log: LogRecord[] = [];
    const calls: string[] = [];
    const voter = (name: string, delayMs: number): Participant => ({
      name,
      prepare: () => new Promise((resolve) => setTimeout(() => resolve("yes"), delayMs)),
      commit: async () => {
        calls.push(`${name}.commit`);
      },
      abort: async () => {
        calls.push(`${name}.abort`);
      },
    });
    const fast = new Coordinator([voter("a", 99), voter("b", 99)], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 100, maxAttempts: 1 });
    let start = Date.now();
    expect(show(await fast.execute("t1"))).toBe("t1 committed pending=[]");
    expect(Date.now() - start).toBe(198);
    expect(calls).toEqual(["a.commit", "b.commit"]);

    calls.length = 0;
    const slow = new Coordinator([voter("a", 10), voter("b", 500), voter("c", 0)], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 100, maxAttempts: 1 });
    start = Date.now();
    expect(show(await slow.execute("t2"))).toBe("t2 aborted pending=[]");
    expect(Date.now() - start).toBe(110);
    expect(calls).toEqual(["a.abort", "b.abort"]);
    expect(slow.decision("t2")).toBe("abort");
  });
});

describe("Coordinator: timers", () => {
  it("leaves no timer behind once every prepare has answered in time", async () => {
    const log: LogRecord[] = [];
    const p = (name: string): Participant => ({ name, prepare: async () => "yes", commit: async () => {}, abort: async () => {} });
    const coord = new Coordinator([p("a"), p("b"), p("c")], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 1000, maxAttempts: 1 });
    expect((await coord.execute("t1")).outcome).toBe("committed");
    expect(clock.pending()).toBe(0);
  });
});

describe("Coordinator: phase 2", () => {
  it("retries a failing commit up to maxAttempts calls, moving on to the next participant after each acknowledgement", async () => {
    const w = world(["a", "b"], { t1: { a: { commit: ["fail", "lost"] } } });
    const coord = w.coordinator({ maxAttempts: 3 });
    expect(show(await coord.execute("t1"))).toBe("t1 committed pending=[]");
    expect(w.trace).toEqual(["log begin t1 [a,b]", "a.prepare(t1)", "b.prepare(t1)", "log commit t1", "a.commit(t1)", "a.commit(t1)", "a.commit(t1)", "b.commit(t1)", "log end t1"]);
    expect(coord.decision("t1")).toBe("commit");
  });

  it("leaves a participant pending after maxAttempts failed calls, still tells the next one, and writes no end record", async () => {
    const w = world(["a", "b", "c"], { t1: { a: { commit: ["fail", "fail"] }, c: { commit: ["lost", "fail", "fail", "fail"] } } });
    const coord = w.coordinator({ maxAttempts: 2 });
    expect(show(await coord.execute("t1"))).toBe("t1 committed pending=[a,c]");
    expect(w.trace.slice(5)).toEqual(["a.commit(t1)", "a.commit(t1)", "b.commit(t1)", "c.commit(t1)", "c.commit(t1)"]);
    expect(w.records.map((r) => r.type)).toEqual(["begin", "commit"]);
    // recover() on the same coordinator retries: every participant of the begin record, in order.
    expect((await coord.recover()).map(show)).toEqual(["t1 committed pending=[c]"]);
    expect(w.trace.slice(10)).toEqual(["a.commit(t1)", "b.commit(t1)", "c.commit(t1)", "c.commit(t1)"]);
    expect((await coord.recover()).map(show)).toEqual(["t1 committed pending=[]"]);
    expect(w.records.map((r) => r.type)).toEqual(["begin", "commit", "end"]);
    expect(await coord.recover()).toEqual([]);
    expect(w.violations).toEqual([]);
  });

  it("retries an abort that throws synchronously, like a rejected one", async () => {
    const log: LogRecord[] = [];
    let aborts = 0;
    const flaky: Participant = {
      name: "f",
      prepare: async () => "yes",
      commit: async () => {},
      abort: () => {
        aborts++;
        if (aborts === 1) throw new Error("sync failure");
        return Promise.resolve();
      },
    };
    const no: Participant = { name: "n", prepare: async () => "no", commit: async () => {}, abort: async () => {} };
    const coord = new Coordinator([flaky, no], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 50, maxAttempts: 2 });
    expect(show(await coord.execute("t1"))).toBe("t1 aborted pending=[]");
    expect(aborts).toBe(2);
    expect(log.map((r) => r.type)).toEqual(["begin", "end"]);
  });

  it("rejects a transaction id the log already has, without appending or calling anything", async () => {
    const w = world(["a"]);
    const coord = w.coordinator({ maxAttempts: 1 });
    await coord.execute("t1");
    const before = w.trace.length;
    await expect(coord.execute("t1")).rejects.toThrow(/t1/);
    const fresh = w.coordinator({ maxAttempts: 1 }, 3); // crashes before t2's end record
    await fresh.execute("t2").catch(() => undefined);
    const next = w.coordinator({ maxAttempts: 1 });
    await expect(next.execute("t2")).rejects.toThrow(/t2/);
    expect(w.trace.length).toBe(before + 2);
  });
});

describe("Coordinator: crashes and recovery", () => {
  it("propagates a crash while logging the decision at once: nobody is told anything, and recovery aborts everyone", async () => {
    const w = world(["a", "b"]);
    const coord = w.coordinator({ maxAttempts: 1 }, 4); // step 4 = appending the commit record
    await expect(coord.execute("t1")).rejects.toBeInstanceOf(Crash);
    expect(w.trace).toEqual(["log begin t1 [a,b]", "a.prepare(t1)", "b.prepare(t1)"]);
    const next = w.coordinator({ maxAttempts: 1 });
    expect(next.decision("t1")).toBe("abort");
    expect((await next.recover()).map(show)).toEqual(["t1 aborted pending=[]"]);
    expect(w.trace.slice(3)).toEqual(["a.abort(t1)", "b.abort(t1)", "log end t1"]);
    expect([w.state.get("a:t1"), w.state.get("b:t1")]).toEqual(["aborted", "aborted"]);
  });

  it("rejects with the log's own error and calls nobody after it, even when the crash is not the first failure", async () => {
    const log: LogRecord[] = [];
    const calls: string[] = [];
    const disk = new Error("disk gone");
    const p = (name: string): Participant => ({
      name,
      prepare: async () => {
        calls.push(`${name}.prepare`);
        return "yes";
      },
      commit: async () => {
        calls.push(`${name}.commit`);
      },
      abort: async () => {
        calls.push(`${name}.abort`);
      },
    });
    const failingLog: RecoveryLog = {
      append: (r) => {
        if (r.type !== "begin") throw disk;
        log.push(r);
      },
      records: () => log,
    };
    const coord = new Coordinator([p("a"), p("b")], failingLog, { prepareTimeoutMs: 50, maxAttempts: 3 });
    await expect(coord.execute("t1")).rejects.toBe(disk);
    expect(calls).toEqual(["a.prepare", "b.prepare"]);
  });

  it("commits everyone again after a crash that came after the commit record, even those that had acknowledged", async () => {
    const w = world(["a", "b"]);
    const coord = w.coordinator({ maxAttempts: 1 }, 6); // step 6 = b.commit(t1)
    await coord.execute("t1").catch(() => undefined);
    expect(w.trace).toEqual(["log begin t1 [a,b]", "a.prepare(t1)", "b.prepare(t1)", "log commit t1", "a.commit(t1)"]);
    const next = w.coordinator({ maxAttempts: 1 });
    expect(next.decision("t1")).toBe("commit");
    expect((await next.recover()).map(show)).toEqual(["t1 committed pending=[]"]);
    expect(w.trace.slice(5)).toEqual(["a.commit(t1)", "b.commit(t1)", "log end t1"]);
    expect([w.state.get("a:t1"), w.state.get("b:t1")]).toEqual(["committed", "committed"]);
  });

  it("finishes in-flight transactions in the order of their begin records and leaves ended ones alone", async () => {
    const records: LogRecord[] = [
      { type: "begin", txId: "old", participants: ["a", "b"] },
      { type: "end", txId: "old" },
      { type: "begin", txId: "x", participants: ["b"] },
      { type: "begin", txId: "y", participants: ["b", "a"] },
      { type: "commit", txId: "y" },
      { type: "commit", txId: "x" },
    ];
    const calls: string[] = [];
    const p = (name: string): Participant => ({
      name,
      prepare: async () => "yes",
      commit: async (tx) => {
        calls.push(`${name}.commit(${tx})`);
      },
      abort: async (tx) => {
        calls.push(`${name}.abort(${tx})`);
      },
    });
    const coord = new Coordinator([p("a"), p("b")], { append: (r) => void records.push(r), records: () => records.slice() }, { prepareTimeoutMs: 50, maxAttempts: 1 });
    expect((await coord.recover()).map(show)).toEqual(["x committed pending=[]", "y committed pending=[]"]);
    expect(calls).toEqual(["b.commit(x)", "b.commit(y)", "a.commit(y)"]);
    expect(records.slice(6)).toEqual([
      { type: "end", txId: "x" },
      { type: "end", txId: "y" },
    ]);
  });

  it("refuses to recover a transaction naming an unknown participant, before calling anyone", async () => {
    const records: LogRecord[] = [
      { type: "begin", txId: "x", participants: ["a"] },
      { type: "begin", txId: "y", participants: ["a", "ghost"] },
    ];
    const calls: string[] = [];
    const a: Participant = { name: "a", prepare: async () => "yes", commit: async () => void calls.push("commit"), abort: async () => void calls.push("abort") };
    const coord = new Coordinator([a], { append: (r) => void records.push(r), records: () => records }, { prepareTimeoutMs: 50, maxAttempts: 1 });
    await expect(coord.recover()).rejects.toThrow(/ghost/);
    expect(calls).toEqual([]);
    expect(records.length).toBe(2);
  });
});

describe("Coordinator: decision", () => {
  it("answers pending while collecting votes, commit once the commit record is written, and abort for anything without one", async () => {
    const log: LogRecord[] = [];
    const seen: string[] = [];
    let coord: Coordinator | undefined;
    const a: Participant = {
      name: "a",
      prepare: async (tx) => {
        seen.push(`prepare ${coord?.decision(tx)}`);
        return tx === "t2" ? "no" : "yes";
      },
      commit: async (tx) => {
        seen.push(`commit ${coord?.decision(tx)}`);
      },
      abort: async (tx) => {
        seen.push(`abort ${coord?.decision(tx)}`);
      },
    };
    const b: Participant = {
      ...a,
      name: "b",
      prepare: async () => {
        throw new Error("lost");
      },
    };
    coord = new Coordinator([a], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 50, maxAttempts: 1 });
    expect(coord.decision("never-seen")).toBe("abort");
    await coord.execute("t1");
    expect(seen).toEqual(["prepare pending", "commit commit"]);
    expect(coord.decision("t1")).toBe("commit");
    seen.length = 0;
    const two = new Coordinator([a, b], { append: (r) => void log.push(r), records: () => log }, { prepareTimeoutMs: 50, maxAttempts: 1 });
    coord = two;
    await two.execute("t3");
    expect(seen).toEqual(["prepare pending", "abort abort", "abort abort"]);
    expect(two.decision("t3")).toBe("abort");
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based test: random participants' behaviour, crashes at any step of any coordinator.

interface Scenario {
  names: string[];
  maxAttempts: number;
  txs: { id: string; scripts: Record<string, Script> }[];
  /** The step at which the 1st, 2nd, ... coordinator crashes (none after the list). */
  crashes: number[];
}

/** The rules, written out as a straight-line simulation over the same steps as the world. */
function model(s: Scenario): { trace: string[]; results: string[] } {
  const trace: string[] = [];
  const results: string[] = [];
  const records: LogRecord[] = [];
  const counts = new Map<string, number>();
  let steps = 0;
  let crashAt = Infinity;
  let crashed = false;
  const CRASH = Symbol("crash");
  const step = (d: string): boolean => {
    if (crashed) return false;
    steps++;
    if (steps === crashAt) {
      crashed = true;
      return false;
    }
    trace.push(d);
    return true;
  };
  const append = (r: LogRecord) => {
    if (!step(describeRecord(r))) throw CRASH;
    records.push(r);
  };
  const scriptOf = (name: string, tx: string) => s.txs.find((t) => t.id === tx)?.scripts[name] ?? {};
  const prepare = (name: string, tx: string): "yes" | "no" | "failed" => {
    if (!step(`${name}.prepare(${tx})`)) return "failed";
    const p = scriptOf(name, tx).prepare ?? "yes";
    return p === "yes" ? "yes" : p === "no" ? "no" : "failed";
  };
  const tell = (name: string, method: "commit" | "abort", tx: string): boolean => {
    if (!step(`${name}.${method}(${tx})`)) return false;
    const key = `${name}.${method}(${tx})`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return (scriptOf(name, tx)[method]?.[n] ?? "ok") === "ok";
  };
  const finish = (tx: string, committed: boolean, targets: string[]) => {
    const pending: string[] = [];
    for (const t of targets) {
      let acked = false;
      for (let i = 0; i < s.maxAttempts && !acked; i++) acked = tell(t, committed ? "commit" : "abort", tx);
      if (!acked) pending.push(t);
    }
    if (pending.length === 0) append({ type: "end", txId: tx });
    return `${tx} ${committed ? "committed" : "aborted"} pending=[${pending.join(",")}]`;
  };
  const execute = (tx: string): string => {
    append({ type: "begin", txId: tx, participants: s.names });
    const toAbort: string[] = [];
    for (const name of s.names) {
      const vote = prepare(name, tx);
      if (vote === "yes") {
        toAbort.push(name);
        continue;
      }
      if (vote === "failed") toAbort.push(name);
      return finish(tx, false, toAbort);
    }
    append({ type: "commit", txId: tx });
    return finish(tx, true, s.names);
  };
  const recover = (): string => {
    const snapshot = records.slice();
    const out: string[] = [];
    for (const r of snapshot) {
      if (r.type !== "begin" || snapshot.some((e) => e.type === "end" && e.txId === r.txId)) continue;
      out.push(finish(r.txId, snapshot.some((e) => e.type === "commit" && e.txId === r.txId), [...r.participants]));
    }
    return `recover() = [${out.join("; ")}]`;
  };
  let epoch = 0;
  const restart = () => {
    steps = 0;
    crashed = false;
    crashAt = s.crashes[epoch++] ?? Infinity;
  };
  const attempt = (f: () => string) => {
    try {
      const r = f();
      if (!crashed) results.push(r);
    } catch (e) {
      if (e !== CRASH) throw e;
    }
  };
  restart();
  for (const tx of s.txs) {
    attempt(() => `execute(${tx.id}) = ${execute(tx.id)}`);
    while (crashed) {
      restart();
      attempt(recover);
    }
  }
  for (let i = 0; i < 4; i++) {
    restart();
    attempt(recover);
  }
  return { trace, results };
}

async function real(s: Scenario) {
  const w = world(
    s.names,
    Object.fromEntries(s.txs.map((t) => [t.id, t.scripts])),
  );
  const results: string[] = [];
  let epoch = 0;
  let coord = w.coordinator({ maxAttempts: s.maxAttempts }, s.crashes[epoch++]);
  const attempt = async (f: () => Promise<string>) => {
    try {
      const r = await f();
      if (!w.crashed) results.push(r);
    } catch (e) {
      if (!w.crashed) throw e;
    }
  };
  const recover = async () => `recover() = [${(await coord.recover()).map(show).join("; ")}]`;
  for (const tx of s.txs) {
    await attempt(async () => `execute(${tx.id}) = ${show(await coord.execute(tx.id))}`);
    while (w.crashed) {
      coord = w.coordinator({ maxAttempts: s.maxAttempts }, s.crashes[epoch++]);
      await attempt(recover);
    }
  }
  for (let i = 0; i < 4; i++) {
    coord = w.coordinator({ maxAttempts: s.maxAttempts }, s.crashes[epoch++]);
    await attempt(recover);
  }
  return { w, trace: w.trace, results };
}

function firstDifference(label: string, got: string[], want: string[]): string | undefined {
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    if (got[i] !== want[i]) {
      return `${label} #${i + 1}: got ${got[i] ?? "(nothing)"}, the rules give ${want[i] ?? "(nothing)"}\n  so far: ${want.slice(0, i).join(" | ")}`;
    }
  }
  return undefined;
}

const callScript = fc.array(fc.constantFrom<"fail" | "lost">("fail", "lost"), { maxLength: 2 });
const scriptArb = fc.record({ prepare: fc.constantFrom<PrepareScript>("yes", "yes", "yes", "no", "fail", "lost", "slow"), commit: callScript, abort: callScript });

const scenarioArb = fc
  .record({
    n: fc.integer({ min: 1, max: 3 }),
    maxAttempts: fc.integer({ min: 1, max: 2 }),
    txs: fc.array(fc.tuple(scriptArb, scriptArb, scriptArb), { minLength: 1, maxLength: 3 }),
    crashes: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }),
  })
  .map(({ n, maxAttempts, txs, crashes }): Scenario => {
    const names = ["a", "b", "c"].slice(0, n);
    const scenario: Scenario = {
      names,
      maxAttempts,
      txs: txs.map((scripts, i) => ({ id: `t${i + 1}`, scripts: Object.fromEntries(names.map((name, j) => [name, scripts[j] as Script])) })),
      crashes,
    };
    const describeScript = (sc: Script) =>
      [sc.prepare ?? "yes", sc.commit?.length ? `commit:${sc.commit.join("/")}` : "", sc.abort?.length ? `abort:${sc.abort.join("/")}` : ""].filter(Boolean).join(" ");
    return Object.assign(scenario, {
      toString: () =>
        `new Coordinator([${names.join(", ")}], log, { maxAttempts: ${maxAttempts} }); ` +
        scenario.txs.map((t) => `${t.id}: ${names.map((name) => `${name} ${describeScript(t.scripts[name] as Script)}`).join(", ")}`).join("; ") +
        `; coordinators crash at steps [${crashes.join(", ")}]`,
    });
  });

describe("Coordinator: any behaviour of the participants, a crash at any step", () => {
  it("calls, logs and answers exactly as the rules say, and every transaction ends all-committed or all-aborted", async () => {
    const report = await fc.check(
      fc.asyncProperty(scenarioArb, async (s) => {
        const want = model(s);
        const got = await real(s);
        const problem = firstDifference("step", got.trace, want.trace) ?? firstDifference("result", got.results, want.results);
        if (problem) throw new Error(problem);
        if (got.w.violations.length > 0) throw new Error(`protocol violations: ${got.w.violations.join("; ")}`);
        for (const r of got.w.records) {
          if (r.type !== "begin") continue;
          const committed = got.w.records.some((e) => e.type === "commit" && e.txId === r.txId);
          const states = r.participants.map((name) => got.w.state.get(`${name}:${r.txId}`) ?? "none");
          const finished = got.w.records.some((e) => e.type === "end" && e.txId === r.txId);
          const ok = committed ? states.every((st) => st === "committed") : states.every((st) => st !== "committed" && st !== "prepared");
          if (finished && !ok) throw new Error(`${r.txId} ended with participants ${states.join(", ")}`);
        }
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
