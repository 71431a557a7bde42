import fc from "fast-check";
import { ConcurrencyError, EventStore, Projection, Repository, type EventData, type RecordedEvent } from "./solution";

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

const ev = (type: string, n = 0): EventData => ({ type, data: { n } });
/** An order-sensitive fold: replaying an event twice, skipping one or reordering shows in the result. */
const trail = {
  initial: "",
  apply: (s: string, e: RecordedEvent) => `${s}${e.type}${(e.data as { n: number }).n};`,
};
const tag = (e: RecordedEvent) => `${e.streamId}#${e.version}@${e.position}`;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Wraps readStream to record every fromVersion asked for. */
function spyReads(store: EventStore): number[] {
  const asked: number[] = [];
  const original = store.readStream.bind(store);
  store.readStream = (id: string, from?: number) => {
    asked.push(from ?? 1);
    return original(id, from);
  };
  return asked;
}

describe("EventStore: append", () => {
  it("checks the stream id, then expectedVersion, then the events, all before concurrency", () => {
    const store = new EventStore();
    store.append("s", 0, [ev("A")]);
    expect(() => store.append("", -1, [])).toThrow(TypeError);
    expect(() => store.append(7 as unknown as string, 0, [ev("A")])).toThrow(TypeError);
    for (const v of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => store.append("s", v, [ev("B")])).toThrow(RangeError);
    expect(() => store.append("s", -1, [])).toThrow(RangeError);
    const empty = thrown(() => store.append("s", 5, [])); // stale version AND no events: the events are checked first
    expect(empty).toBeInstanceOf(RangeError);
    expect(empty).not.toBeInstanceOf(ConcurrencyError);
    expect(store.readAll().map(tag)).toEqual(["s#1@1"]);
  });

  it("throws a ConcurrencyError (an Error) for a version behind or ahead, and for 0 on an existing stream", () => {
    const store = new EventStore();
    store.append("s", 0, [ev("A"), ev("B")]);
    for (const expected of [0, 1, 3, 10]) {
      const error = thrown(() => store.append("s", expected, [ev("C")]));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ streamId: "s", expectedVersion: expected, actualVersion: 2 });
    }
    expect(store.version("s")).toBe(2);
  });

  it("stores nothing for a failed append and leaves no gap in the positions", () => {
    const store = new EventStore();
    store.append("a", 0, [ev("A")]);
    thrown(() => store.append("a", 0, [ev("X"), ev("Y")]));
    store.append("b", 0, [ev("B")]);
    store.append("a", 1, [ev("C")]);
    expect(store.readAll().map(tag)).toEqual(["a#1@1", "b#1@2", "a#2@3"]);
  });

  it("records frozen events that keep the data object as given", () => {
    const store = new EventStore();
    const data = { amount: 5 };
    store.append("a", 0, [{ type: "Deposited", data }]);
    const [e] = store.readStream("a");
    expect(Object.isFrozen(e)).toBe(true);
    expect(e?.data).toBe(data);
    expect(e).toEqual({ type: "Deposited", data, streamId: "a", version: 1, position: 1 });
  });

  it("is not affected by changes to the array passed in or to arrays it returned", () => {
    const store = new EventStore();
    const batch = [ev("A"), ev("B")];
    store.append("a", 0, batch);
    batch.push(ev("C"));
    store.readStream("a").push(store.readStream("a")[0] as RecordedEvent);
    store.readAll().length = 0;
    expect(store.readAll().map(tag)).toEqual(["a#1@1", "a#2@2"]);
    expect(store.version("a")).toBe(2);
  });
});

describe("EventStore: reads", () => {
  it("reads a stream from a version: the last one, past the end, zero, negative and unknown streams", () => {
    const store = new EventStore();
    store.append("a", 0, [ev("A"), ev("B"), ev("C")]);
    expect(store.readStream("a", 3).map(tag)).toEqual(["a#3@3"]);
    expect(store.readStream("a", 4)).toEqual([]);
    expect(store.readStream("a", 0).length).toBe(3);
    expect(store.readStream("a", -7).length).toBe(3);
    expect(store.readStream("nope")).toEqual([]);
    expect(store.version("nope")).toBe(0);
  });

  it("reads everything from a position, across streams in append order", () => {
    const store = new EventStore();
    store.append("a", 0, [ev("A")]);
    store.append("b", 0, [ev("B"), ev("C")]);
    store.append("a", 1, [ev("D")]);
    expect(store.readAll(2).map(tag)).toEqual(["b#1@2", "b#2@3", "a#2@4"]);
    expect(store.readAll(4).map(tag)).toEqual(["a#2@4"]);
    expect(store.readAll(5)).toEqual([]);
    expect(store.readAll(0).length).toBe(4);
  });
});

describe("Repository: snapshots", () => {
  it("throws a RangeError for a snapshotEvery that is not a positive integer", () => {
    for (const snapshotEvery of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new Repository(new EventStore(), trail, { snapshotEvery })).toThrow(RangeError);
    }
  });

  it("snapshots when a save reaches or crosses a multiple of snapshotEvery, at the version the save reached", () => {
    const repo = new Repository(new EventStore(), trail, { snapshotEvery: 3 });
    const seen: (number | undefined)[] = [];
    let version = 0;
    for (const size of [2, 2, 1, 1, 4]) {
      const batch = Array.from({ length: size }, (_, i) => ev("E", version + i + 1));
      version = repo.save("s", version, batch);
      seen.push(repo.snapshotOf("s")?.version);
    }
    expect(seen).toEqual([undefined, 4, 4, 6, 10]);
    expect(repo.snapshotOf("s")).toEqual({ state: "E1;E2;E3;E4;E5;E6;E7;E8;E9;E10;", version: 10 });
    expect(repo.snapshotOf("other")).toBeUndefined();
  });

  it("takes a snapshot on the first save when snapshotEvery is 1, and none when a save fails", () => {
    const store = new EventStore();
    const repo = new Repository(store, trail, { snapshotEvery: 1 });
    repo.save("s", 0, [ev("A")]);
    expect(repo.snapshotOf("s")).toEqual({ state: "A0;", version: 1 });
    expect(() => repo.save("s", 0, [ev("B")])).toThrow(ConcurrencyError);
    expect(repo.snapshotOf("s")).toEqual({ state: "A0;", version: 1 });
    expect(store.version("s")).toBe(1);
  });

  it("loads from the latest snapshot plus only the events after it, equal to a full replay", () => {
    const store = new EventStore();
    const repo = new Repository(store, trail, { snapshotEvery: 2 });
    repo.save("s", 0, [ev("A", 1), ev("B", 2), ev("C", 3)]); // snapshot at 3
    store.append("s", 3, [ev("D", 4)]); // written by someone else: no snapshot
    const asked = spyReads(store);
    const loaded = repo.load("s");
    expect(asked).toEqual([4]);
    expect(loaded).toEqual({ state: "A1;B2;C3;D4;", version: 4 });
    const fresh = new Repository(store, trail, { snapshotEvery: 100 });
    expect(fresh.load("s")).toEqual(loaded);
  });

  it("reads a stream with no snapshot from version 1, and a snapshot with nothing after it as is", () => {
    const store = new EventStore();
    const repo = new Repository(store, trail, { snapshotEvery: 2 });
    repo.save("s", 0, [ev("A")]);
    repo.save("t", 0, [ev("B"), ev("C")]);
    const asked = spyReads(store);
    expect(repo.load("s")).toEqual({ state: "A0;", version: 1 });
    expect(repo.load("t")).toEqual({ state: "B0;C0;", version: 2 });
    expect(asked).toEqual([1, 3]);
  });
});

describe("Projection", () => {
  it("starts at position 0 with the initial read model and applies events in global order", () => {
    const store = new EventStore();
    store.append("a", 0, [ev("A")]);
    store.append("b", 0, [ev("B")]);
    store.append("a", 1, [ev("C")]);
    const p = new Projection(store, trail);
    expect([p.position, p.state]).toEqual([0, ""]);
    expect(p.catchUp()).toBe(3);
    expect([p.position, p.state]).toEqual([3, "A0;B0;C0;"]);
    store.append("b", 1, [ev("D"), ev("E")]);
    expect(p.catchUp()).toBe(2);
    expect(p.catchUp()).toBe(0);
    expect([p.position, p.state]).toEqual([5, "A0;B0;C0;D0;E0;"]);
  });

  it("fills a gap in deliveries from the store, up to and including the delivered event and no further", () => {
    const store = new EventStore();
    store.append("a", 0, [ev("A"), ev("B"), ev("C"), ev("D"), ev("E")]);
    const all = store.readAll();
    const p = new Projection(store, trail);
    expect(p.deliver(all[0] as RecordedEvent)).toBe(true);
    expect(p.deliver(all[3] as RecordedEvent)).toBe(true); // 2 and 3 were missed
    expect([p.position, p.state]).toEqual([4, "A0;B0;C0;D0;"]);
    expect(p.deliver(all[2] as RecordedEvent)).toBe(false); // late duplicate
    expect(p.deliver(all[3] as RecordedEvent)).toBe(false);
    expect(p.state).toBe("A0;B0;C0;D0;");
    expect(p.catchUp()).toBe(1);
    expect(p.state).toBe("A0;B0;C0;D0;E0;");
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based test: the store is a plain list of events; the rules are read off it directly.

interface M {
  events: { stream: string; type: string; n: number }[];
  /** Each projection: how many events of the list it has applied. */
  applied: number[];
  /** Each repository's snapshotEvery. */
  every: number[];
  /** Each repository's latest snapshot version per stream. */
  snaps: Map<string, number>[];
}
interface R {
  /** How many events readStream has returned so far. */
  streamReads: number;
  store: EventStore;
  repos: Repository<string>[];
  projections: Projection<string>[];
}

function same(what: string, got: unknown, want: unknown): void {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`${what}: got ${g}, the rules give ${w}`);
}

const replay = (m: M, stream: string, upTo = Infinity) => {
  const mine = m.events.filter((e) => e.stream === stream).slice(0, upTo);
  return { state: mine.map((e) => `${e.type}${e.n};`).join(""), version: mine.length };
};
const fold = (m: M, count: number) => m.events.slice(0, count).map((e) => `${e.type}${e.n};`).join("");
const versionOf = (m: M, stream: string) => m.events.filter((e) => e.stream === stream).length;

const streamArb = fc.constantFrom("a", "b");
let counter = 0;
const commands = fc.commands<M, R>(
  [
    // Append through the store or through repository 0/1, with the right version or one off.
    fc.tuple(streamArb, fc.integer({ min: 1, max: 3 }), fc.constantFrom(-1, 0, 0, 0, 1), fc.integer({ min: -1, max: 1 })).map(([stream, size, off, via]) => ({
      check: (m: Readonly<M>) => versionOf(m as M, stream) + off >= 0,
      run(m, r) {
        const expected = versionOf(m, stream) + off;
        const batch = Array.from({ length: size }, () => ev("E", ++counter));
        const who = via < 0 ? "store" : `repo${via}`;
        const call = () => (via < 0 ? r.store.append(stream, expected, batch) : (r.repos[via] as Repository<string>).save(stream, expected, batch));
        let got: string;
        try {
          got = `version ${call()}`;
        } catch (e) {
          got = e instanceof ConcurrencyError ? `ConcurrencyError(actual ${e.actualVersion})` : String(e);
        }
        const actual = versionOf(m, stream);
        let want: string;
        if (actual === expected) {
          for (const e of batch) m.events.push({ stream, type: e.type, n: (e.data as { n: number }).n });
          want = `version ${actual + size}`;
          const every = m.every[via] as number;
          if (via >= 0 && Math.floor((actual + size) / every) > Math.floor(actual / every)) (m.snaps[via] as Map<string, number>).set(stream, actual + size);
        } else {
          want = `ConcurrencyError(actual ${actual})`;
        }
        same(`${who}.append/save("${stream}", ${expected}, ${size} events)`, got, want);
      },
      toString: () => `${via < 0 ? "store.append" : `repo${via}.save`}("${stream}", version${off === 0 ? "" : off > 0 ? "+1" : "-1"}, ${size} events)`,
    })),
    fc.tuple(fc.integer({ min: 0, max: 1 }), streamArb).map(([i, stream]) => ({
      check: () => true,
      run(m, r) {
        const before = r.streamReads;
        same(`repo${i}.load("${stream}")`, (r.repos[i] as Repository<string>).load(stream), replay(m, stream));
        const snapVersion = (m.snaps[i] as Map<string, number>).get(stream) ?? 0;
        same(`events repo${i}.load("${stream}") read from the store`, r.streamReads - before, versionOf(m, stream) - snapVersion);
        const snap = (r.repos[i] as Repository<string>).snapshotOf(stream);
        same(`repo${i}.snapshotOf("${stream}")?.version`, snap?.version ?? "none", (m.snaps[i] as Map<string, number>).get(stream) ?? "none");
        if (snap) same(`repo${i}.snapshotOf("${stream}") is a true state`, snap, replay(m, stream, snap.version));
      },
      toString: () => `repo${i}.load("${stream}")`,
    })),
    fc.integer({ min: 0, max: 1 }).map((i) => ({
      check: () => true,
      run(m, r) {
        const p = r.projections[i] as Projection<string>;
        same(`projection${i}.catchUp()`, p.catchUp(), m.events.length - (m.applied[i] as number));
        m.applied[i] = m.events.length;
        same(`projection${i} after catchUp`, [p.position, p.state], [m.events.length, fold(m, m.events.length)]);
      },
      toString: () => `projection${i}.catchUp()`,
    })),
    fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 12 })).map(([i, pos]) => ({
      check: (m: Readonly<M>) => pos <= m.events.length,
      run(m, r) {
        const p = r.projections[i] as Projection<string>;
        const event = r.store.readAll(pos)[0] as RecordedEvent;
        const before = m.applied[i] as number;
        same(`projection${i}.deliver(event ${pos})`, p.deliver(event), pos > before);
        m.applied[i] = Math.max(before, pos);
        const n = m.applied[i] as number;
        same(`projection${i} after deliver`, [p.position, p.state], [n, fold(m, n)]);
      },
      toString: () => `projection${i}.deliver(event at position ${pos})`,
    })),
    fc.integer({ min: 1, max: 12 }).map((from) => ({
      check: () => true,
      run(m, r) {
        same(
          `store.readAll(${from})`,
          r.store.readAll(from).map((e) => `${e.streamId}:${e.type}${(e.data as { n: number }).n}`),
          m.events.slice(from - 1).map((e) => `${e.stream}:${e.type}${e.n}`),
        );
      },
      toString: () => `store.readAll(${from})`,
    })),
  ],
  { maxCommands: 30, size: "max" },
);

describe("Event store, repositories and projections: any sequence of calls", () => {
  it("agree with a plain list of events on every append, save, load, snapshot, catch-up, delivery and read", () => {
    const report = fc.check(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 4 }), commands, (every0, every1, cmds) => {
        const setup = () => {
          const store = new EventStore();
          const counted = { streamReads: 0 };
          const readStream = store.readStream.bind(store);
          store.readStream = (id: string, from?: number) => {
            const events = readStream(id, from);
            counted.streamReads += events.length;
            return events;
          };
          return {
            model: { events: [], applied: [0, 0], every: [every0, every1], snaps: [new Map(), new Map()] } as M,
            real: Object.assign(counted, {
              store,
              repos: [new Repository(store, trail, { snapshotEvery: every0 }), new Repository(store, trail, { snapshotEvery: every1 })],
              projections: [new Projection(store, trail), new Projection(store, trail)],
            }),
          };
        };
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
