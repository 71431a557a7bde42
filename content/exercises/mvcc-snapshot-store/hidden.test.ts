import fc from "fast-check";
import { MvccStore, SerializationError, TransactionClosedError, type Transaction } from "./solution";

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

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

function commitAll(db: MvccStore<number>, writes: Record<string, number | null>): void {
  const tx = db.begin();
  for (const [k, v] of Object.entries(writes)) {
    if (v === null) tx.delete(k);
    else tx.put(k, v);
  }
  tx.commit();
}

describe("MvccStore: reads", () => {
  it("does not see a commit that happened after it began, even on a first read after that commit", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    const reader = db.begin();
    commitAll(db, { x: 2, y: 9 });
    commitAll(db, { x: 3 });
    expect([reader.get("x"), reader.get("y")]).toEqual([1, undefined]);
    const later = db.begin();
    expect([later.get("x"), later.get("y")]).toEqual([3, 9]);
  });

  it("sees a version committed exactly at its snapshot", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    commitAll(db, { x: 2 });
    expect(db.begin().get("x")).toBe(2);
  });

  it("reads its own last write, its own delete over a committed value, and a put after its delete", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1, y: 2 });
    const tx = db.begin();
    tx.put("x", 10);
    tx.put("x", 11);
    tx.delete("y");
    expect([tx.get("x"), tx.get("y")]).toEqual([11, undefined]);
    tx.put("y", 5);
    expect(tx.get("y")).toBe(5);
    tx.delete("z");
    expect(tx.get("z")).toBeUndefined();
  });

  it("reads a committed delete as absent, and a value written again after it", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    const before = db.begin();
    commitAll(db, { x: null });
    const between = db.begin();
    commitAll(db, { x: 3 });
    expect([before.get("x"), between.get("x"), db.begin().get("x")]).toEqual([1, undefined, 3]);
  });

  it("stores falsy values as real values", () => {
    const db = new MvccStore<number | null | string>();
    const tx = db.begin();
    tx.put("zero", 0);
    tx.put("null", null);
    tx.put("empty", "");
    tx.commit();
    const r = db.begin();
    expect([r.get("zero"), r.get("null"), r.get("empty")]).toEqual([0, null, ""]);
  });
});

describe("MvccStore: commit", () => {
  it("names the first conflicting key in the order the transaction first wrote its keys, and stores none of its writes", () => {
    const db = new MvccStore<number>();
    const loser = db.begin();
    loser.put("c", 1);
    loser.put("b", 1);
    loser.put("a", 1);
    loser.put("c", 2);
    commitAll(db, { a: 7, b: 7 });
    const error = caught(() => loser.commit());
    expect(error).toBeInstanceOf(SerializationError);
    expect(error).toBeInstanceOf(Error);
    expect((error as SerializationError).key).toBe("b");
    expect(loser.status).toBe("aborted");
    const r = db.begin();
    expect([r.get("a"), r.get("b"), r.get("c")]).toEqual([7, 7, undefined]);
    expect(db.versionCount("c")).toBe(0);
  });

  it("treats deletes as writes on both sides of a conflict", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    const a = db.begin();
    const b = db.begin();
    a.delete("x");
    b.delete("x");
    a.commit();
    expect(caught(() => b.commit())).toBeInstanceOf(SerializationError);
    const c = db.begin();
    const d = db.begin();
    c.delete("ghost"); // deleting a key that never existed is a write too
    d.put("ghost", 1);
    c.commit();
    expect(caught(() => d.commit())).toBeInstanceOf(SerializationError);
  });

  it("does not conflict with a commit from before it began, with an aborted writer, or on keys it only read", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    const tx = db.begin();
    const aborted = db.begin();
    aborted.put("x", 99);
    aborted.abort();
    const other = db.begin();
    other.put("y", 5);
    other.commit();
    expect(tx.get("y")).toBeUndefined();
    tx.put("x", 2);
    tx.commit();
    expect(tx.status).toBe("committed");
    expect(db.begin().get("x")).toBe(2);
  });

  it("allows write skew: both on-call doctors go off call", () => {
    const db = new MvccStore<boolean>();
    const setup = db.begin();
    setup.put("alice", true);
    setup.put("bob", true);
    setup.commit();
    const t1 = db.begin();
    const t2 = db.begin();
    // Each checks that the other is still on call, then leaves.
    if (t1.get("bob")) t1.put("alice", false);
    if (t2.get("alice")) t2.put("bob", false);
    t1.commit();
    t2.commit();
    const r = db.begin();
    expect([r.get("alice"), r.get("bob")]).toEqual([false, false]);
  });

  it("commits a read-only transaction and an empty one", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    const ro = db.begin();
    expect(ro.get("x")).toBe(1);
    ro.commit();
    const empty = db.begin();
    empty.commit();
    expect([ro.status, empty.status]).toEqual(["committed", "committed"]);
  });
});

describe("MvccStore: closed transactions", () => {
  it("throws TransactionClosedError from every method after commit, abort or a failed commit, and changes nothing", () => {
    const db = new MvccStore<number>();
    const committed = db.begin();
    committed.commit();
    const aborted = db.begin();
    aborted.put("x", 1);
    aborted.abort();
    const failed = db.begin();
    failed.put("k", 1);
    commitAll(db, { k: 2 });
    caught(() => failed.commit());
    for (const tx of [committed, aborted, failed] as Transaction<number>[]) {
      const calls = [() => tx.get("k"), () => tx.put("k", 3), () => tx.delete("k"), () => tx.commit(), () => tx.abort()];
      for (const call of calls) expect(caught(call)).toBeInstanceOf(TransactionClosedError);
    }
    expect([committed.status, aborted.status, failed.status]).toEqual(["committed", "aborted", "aborted"]);
    expect([db.begin().get("k"), db.begin().get("x")]).toEqual([2, undefined]);
  });
});

describe("MvccStore: vacuum", () => {
  it("keeps every version an active snapshot reads, and the newest for future transactions", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 }); // x@1
    const s1 = db.begin();
    commitAll(db, { x: 2 }); // x@2: nobody reads it once x@3 exists
    commitAll(db, { x: 3 }); // x@3
    const s3 = db.begin();
    commitAll(db, { x: 4 }); // x@4
    expect(db.versionCount("x")).toBe(4);
    expect(db.vacuum()).toBe(1);
    expect(db.versionCount("x")).toBe(3);
    expect([s1.get("x"), s3.get("x"), db.begin().get("x")]).toEqual([1, 3, 4]);
    expect(db.vacuum()).toBe(0);
    s1.abort();
    expect(db.vacuum()).toBe(1);
    s3.commit();
    expect(db.vacuum()).toBe(1);
    expect(db.versionCount("x")).toBe(1);
  });

  it("removes a deleted key entirely once every active transaction sees the delete", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1, y: 1 });
    commitAll(db, { x: null });
    const after = db.begin(); // sees the delete
    expect(db.vacuum()).toBe(2);
    expect([db.versionCount("x"), db.versionCount("y")]).toEqual([0, 1]);
    expect(after.get("x")).toBeUndefined();
    after.put("x", 5);
    after.commit();
    expect(db.begin().get("x")).toBe(5);
  });

  it("keeps a delete that an older active transaction could still conflict with", () => {
    const db = new MvccStore<number>();
    const old = db.begin(); // snapshot 0
    commitAll(db, { ghost: null }); // a delete of a key that never existed, at 1
    expect(db.vacuum()).toBe(0);
    expect(db.versionCount("ghost")).toBe(1);
    old.put("ghost", 1);
    expect(caught(() => old.commit())).toBeInstanceOf(SerializationError);
    expect(db.vacuum()).toBe(1);
    expect(db.versionCount("ghost")).toBe(0);
  });

  it("keeps the value an older snapshot reads under a newer delete", () => {
    const db = new MvccStore<number>();
    commitAll(db, { x: 1 });
    const old = db.begin();
    commitAll(db, { x: null });
    expect(db.vacuum()).toBe(0);
    expect(old.get("x")).toBe(1);
    expect(db.versionCount("x")).toBe(2);
  });

  it("returns 0 on an empty store and counts 0 versions for unknown keys", () => {
    const db = new MvccStore<number>();
    expect(db.vacuum()).toBe(0);
    expect(db.versionCount("nope")).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based test: interleaved transactions against a model that keeps every version forever
// (so vacuum must never change a read), plus the version counts the vacuum rule gives.

interface MVersion {
  key: string;
  ts: number;
  value: number | null; // null: tombstone
  removed: boolean;
}
interface MTx {
  snapshot: number;
  status: "active" | "committed" | "aborted";
  writes: Map<string, number | null>;
}
class Model {
  counter = 0;
  versions: MVersion[] = [];
  txs: MTx[] = [];
  slots = new Map<string, MTx>();

  read(key: string, ts: number): number | undefined {
    let found: MVersion | undefined;
    for (const v of this.versions) if (v.key === key && v.ts <= ts && (!found || v.ts > found.ts)) found = v;
    return found && found.value !== null ? found.value : undefined;
  }

  vacuum(): number {
    const active = this.txs.filter((t) => t.status === "active").map((t) => t.snapshot);
    const snapshots = [...active, this.counter];
    let removed = 0;
    for (const v of this.versions) {
      if (v.removed) continue;
      const same = this.versions.filter((w) => w.key === v.key);
      const newest = same.reduce((a, b) => (b.ts > a.ts ? b : a));
      const next = Math.min(...same.filter((w) => w.ts > v.ts).map((w) => w.ts));
      const tombstoneGone = newest.value === null && active.every((s) => newest.ts <= s);
      const read = snapshots.some((s) => v.ts <= s && s < next);
      if (tombstoneGone || !read) {
        v.removed = true;
        removed++;
      }
    }
    return removed;
  }

  count(key: string): number {
    return this.versions.filter((v) => v.key === key && !v.removed).length;
  }
}

interface Real {
  db: MvccStore<number>;
  slots: Map<string, Transaction<number>>;
}

const KEYS = ["a", "b"];
/** Three named slots, each holding the transaction it last began (a learner's `const A = db.begin()`). */
const SLOTS = ["A", "B", "C"];

function same(what: string, got: unknown, want: unknown): void {
  if (got !== want) throw new Error(`${what}: got ${String(got)}, the rules give ${String(want)}`);
}

/** Runs `f` on the real transaction; returns its result or the name of the error class it threw. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof SerializationError) return `SerializationError(${e.key})`;
    if (e instanceof TransactionClosedError) return "TransactionClosedError";
    throw e;
  }
}

type Cmd = fc.Command<Model, Real>;
const cmd = (text: string, run: (m: Model, r: Real) => void, pre: (m: Readonly<Model>) => boolean = () => true): Cmd => ({
  check: pre,
  run(m, r) {
    run(m, r);
    for (const k of KEYS) same(`versionCount("${k}") after ${text}`, r.db.versionCount(k), m.count(k));
  },
  toString: () => text,
});

const slotArb = fc.constantFrom(...SLOTS);
const keyArb = fc.constantFrom(...KEYS);
const hasTx = (slot: string) => (m: Readonly<Model>) => m.slots.has(slot);
const tx = (r: Real, slot: string) => r.slots.get(slot) as Transaction<number>;

const writeCommand = fc.tuple(slotArb, keyArb, fc.option(fc.integer({ min: 0, max: 9 }), { nil: null })).map(([slot, k, v]) =>
  cmd(
    v === null ? `${slot}.delete("${k}")` : `${slot}.put("${k}", ${v})`,
    (m, r) => {
      const t = m.slots.get(slot) as MTx;
      const want = t.status === "active" ? undefined : "TransactionClosedError";
      if (t.status === "active") t.writes.set(k, v);
      same(v === null ? `${slot}.delete("${k}")` : `${slot}.put("${k}")`, outcome(() => (v === null ? tx(r, slot).delete(k) : tx(r, slot).put(k, v))), want);
    },
    hasTx(slot),
  ),
);

/** A one-statement transaction (what an autocommit UPDATE is): begin, write, commit. */
const autocommitCommand = fc.tuple(keyArb, fc.option(fc.integer({ min: 0, max: 9 }), { nil: null })).map(([k, v]) =>
  cmd(`{ const t = db.begin(); t.${v === null ? `delete("${k}")` : `put("${k}", ${v})`}; t.commit(); }`, (m, r) => {
    m.counter++;
    m.txs.push({ snapshot: m.counter - 1, status: "committed", writes: new Map() });
    m.versions.push({ key: k, ts: m.counter, value: v, removed: false });
    const t = r.db.begin();
    if (v === null) t.delete(k);
    else t.put(k, v);
    same(`autocommit of "${k}"`, outcome(() => t.commit()), undefined);
  }),
);

const beginCommand = slotArb.map((slot) =>
      cmd(
        `${slot} = db.begin()`,
        (m, r) => {
          const t: MTx = { snapshot: m.counter, status: "active", writes: new Map() };
          m.txs.push(t);
          m.slots.set(slot, t);
          r.slots.set(slot, r.db.begin());
        },
        // Only replace a closed transaction: one left active would hold back vacuum forever.
        (m) => m.slots.get(slot)?.status !== "active",
      ),
    );

const endCommand = fc.tuple(slotArb, fc.constantFrom(true, true, true, false)).map(([slot, commit]) =>
  cmd(
    `${slot}.${commit ? "commit" : "abort"}()`,
    (m, r) => {
      const t = m.slots.get(slot) as MTx;
      let want: unknown = "TransactionClosedError";
      if (t.status === "active" && !commit) {
        t.status = "aborted";
        want = undefined;
      } else if (t.status === "active") {
        const conflict = [...t.writes.keys()].find((k) => m.versions.some((v) => v.key === k && v.ts > t.snapshot));
        if (conflict !== undefined) {
          t.status = "aborted";
          want = `SerializationError(${conflict})`;
        } else {
          m.counter++;
          for (const [key, value] of t.writes) m.versions.push({ key, ts: m.counter, value, removed: false });
          t.status = "committed";
          want = undefined;
        }
      }
      same(`${slot}.${commit ? "commit" : "abort"}()`, outcome(() => (commit ? tx(r, slot).commit() : tx(r, slot).abort())), want);
      same(`${slot}.status`, tx(r, slot).status, t.status);
    },
    hasTx(slot),
  ),
);

const getCommand = fc.tuple(slotArb, keyArb).map(([slot, k]) =>
      cmd(
        `${slot}.get("${k}")`,
        (m, r) => {
          const t = m.slots.get(slot) as MTx;
          let want: unknown = "TransactionClosedError";
          if (t.status === "active") {
            const own = t.writes.get(k);
            want = own !== undefined ? (own === null ? undefined : own) : m.read(k, t.snapshot);
          }
          same(`${slot}.get("${k}")`, outcome(() => tx(r, slot).get(k)), want);
        },
        hasTx(slot),
      ),
    );

const commands = fc.commands<Model, Real>(
  [
    beginCommand,
    beginCommand,
    autocommitCommand,
    autocommitCommand,
    endCommand,
    endCommand,
    writeCommand,
    writeCommand,
    getCommand,
    getCommand,
    fc.constant(null).map(() => cmd("db.vacuum()", (m, r) => same("db.vacuum()", r.db.vacuum(), m.vacuum()))),
  ],
  { maxCommands: 40, size: "max" },
);

describe("MvccStore: interleaved transactions", () => {
  it("agree with a store that never forgets a version on every read, write, commit, conflict and abort, and vacuum removes exactly the unreadable versions", () => {
    const report = fc.check(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: new Model(), real: { db: new MvccStore<number>(), slots: new Map() } }), cmds);
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});
