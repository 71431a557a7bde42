import fc from "fast-check";
import { ShardRouter, WrongShardError, type Move, type Request, type Shard } from "./solution";

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

/** What a call did: its value, or the class and message of what it threw (with a WrongShardError's fields). */
function outcome(call: () => unknown): string {
  try {
    return `returned ${JSON.stringify(call())}`;
  } catch (e) {
    if (e instanceof WrongShardError) return `threw WrongShardError(${e.currentVersion}, ${JSON.stringify(e.shard)})`;
    return e instanceof Error ? `threw ${e.constructor.name}(${JSON.stringify(e.message)})` : `threw ${String(e)}`;
  }
}

/** The fewest moves that balance these loads: the most loaded nodes keep the larger share. */
function minimumMoves(loads: number[]): number {
  const total = loads.reduce((a, b) => a + b, 0);
  const q = Math.floor(total / loads.length);
  const r = total % loads.length;
  return [...loads].sort((a, b) => b - a).reduce((sum, load, i) => sum + Math.max(0, load - (i < r ? q + 1 : q)), 0);
}

/** Checks a plan against the shards it was made for; returns the placement after it, or throws why not. */
function checkPlan(shards: readonly Shard[], nodes: readonly string[], plan: readonly Move[]): Map<string, string> {
  const placement = new Map(shards.map((s) => [s.id, s.node]));
  const loads = () => nodes.map((n) => [...placement.values()].filter((x) => x === n).length);
  const minimum = minimumMoves(loads());
  const seen = new Set<string>();
  for (const m of plan) {
    const at = placement.get(m.shardId);
    if (at === undefined) throw new Error(`plan moves unknown shard ${m.shardId}`);
    if (seen.has(m.shardId)) throw new Error(`plan moves ${m.shardId} twice`);
    if (m.from !== at) throw new Error(`plan says ${m.shardId} is on ${m.from}, it is on ${at}`);
    if (!nodes.includes(m.to) || m.to === m.from) throw new Error(`plan moves ${m.shardId} to ${m.to}`);
    seen.add(m.shardId);
    placement.set(m.shardId, m.to);
  }
  const after = loads();
  if (Math.max(...after) - Math.min(...after) > 1) throw new Error(`plan ${JSON.stringify(plan)} leaves loads ${JSON.stringify(after)} for nodes ${nodes.join(",")}`);
  if (plan.length !== minimum) throw new Error(`plan ${JSON.stringify(plan)} has ${plan.length} moves, ${minimum} are enough`);
  return placement;
}

/** Builds a map with shards split at the given keys (in order, each split of the shard owning it). */
function mapWith(nodes: string[], splits: string[]): ShardRouter {
  const map = new ShardRouter(nodes);
  for (const at of splits) map.split(map.route(at).id, at);
  return map;
}

describe("ShardRouter: construction and nodes", () => {
  it("rejects an empty node list, empty names and duplicates with the stated RangeErrors", () => {
    expect(() => new ShardRouter([])).toThrow(new RangeError("at least one node is required"));
    expect(() => new ShardRouter(["n1", ""])).toThrow(new RangeError("a node name is a non-empty string"));
    expect(() => new ShardRouter(["n1", "n2", "n1"])).toThrow(new RangeError("node n1 already exists"));
    expect(() => new ShardRouter(["n1", ""])).toThrow(RangeError);
  });

  it("adds nodes at the end without a new map version, refusing empty and duplicate names", () => {
    const map = new ShardRouter(["b", "a"]);
    map.addNode("c");
    expect(map.nodes).toEqual(["b", "a", "c"]);
    expect(map.version).toBe(1);
    expect(map.route("x").node).toBe("b");
    expect(() => map.addNode("a")).toThrow(new RangeError("node a already exists"));
    expect(() => map.addNode("")).toThrow(new RangeError("a node name is a non-empty string"));
    expect(() => map.addNode(7 as unknown as string), "a name that is not a string").toThrow(new RangeError("a node name is a non-empty string"));
    const copy = map.nodes;
    copy.push("zzz");
    expect(map.nodes).toEqual(["b", "a", "c"]);
  });
});

describe("ShardRouter: splits and routing", () => {
  it("routes a key equal to a start to that shard and a key equal to an end to the next shard", () => {
    const map = mapWith(["n1"], ["m", "b", "t"]);
    expect(map.shards().map((s) => [s.id, s.start, s.end])).toEqual([["s1", "", "b"], ["s3", "b", "m"], ["s2", "m", "t"], ["s4", "t", null]]);
    const owner = (key: string) => map.route(key).id;
    expect(["", "a", "azzz", "b", "ba", "l\uffff", "m", "s", "t", "tt", "\uffff"].map(owner)).toEqual(["s1", "s1", "s1", "s3", "s3", "s3", "s2", "s2", "s4", "s4", "s4"]);
  });

  it("refuses split points on or outside the shard's bounds, an unknown shard first, changing nothing", () => {
    const map = mapWith(["n1"], ["m"]);
    const before = map.shards();
    expect(() => map.split("s9", "")).toThrow(new RangeError("unknown shard s9"));
    expect(() => map.split("s2", "m")).toThrow(new RangeError("split point m is not inside shard s2"));
    expect(() => map.split("s1", "m")).toThrow(new RangeError("split point m is not inside shard s1"));
    expect(() => map.split("s1", "")).toThrow(new RangeError("split point  is not inside shard s1"));
    expect(() => map.split("s1", "n")).toThrow(RangeError);
    expect(() => map.split("s2", "a")).toThrow(RangeError);
    expect(map.version).toBe(2);
    expect(map.shards()).toEqual(before);
    expect(map.split("s1", "l\uffff").id).toBe("s3");
    expect(map.split("s2", "m\u0000").id).toBe("s4");
  });

  it("keeps the new shard on the split shard's node and stamps both halves, leaving other shards' versions alone", () => {
    const map = new ShardRouter(["n1", "n2"]);
    map.split("s1", "m"); // v2
    map.move("s2", "n2"); // v3
    const right = map.split("s2", "t"); // v4
    expect(right).toEqual({ id: "s3", start: "t", end: null, node: "n2", version: 4 });
    expect(map.shards()).toEqual([
      { id: "s1", start: "", end: "m", node: "n1", version: 2 },
      { id: "s2", start: "m", end: "t", node: "n2", version: 4 },
      { id: "s3", start: "t", end: null, node: "n2", version: 4 },
    ]);
  });

  it("hands out snapshots that later splits and moves do not change", () => {
    const map = new ShardRouter(["n1", "n2"]);
    const routed = map.route("k");
    const listed = map.shards();
    const right = map.split("s1", "m");
    map.move("s1", "n2");
    map.split("s2", "x");
    expect(routed).toEqual({ id: "s1", start: "", end: null, node: "n1", version: 1 });
    expect(listed).toEqual([{ id: "s1", start: "", end: null, node: "n1", version: 1 }]);
    expect(right).toEqual({ id: "s2", start: "m", end: null, node: "n1", version: 2 });
    (map.shards()[0] as { node: string }).node = "hacked";
    expect(map.route("a").node).toBe("n2");
  });
});

describe("ShardRouter: moves", () => {
  it("reports an unknown shard before an unknown node, and a no-op move as false without a new version", () => {
    const map = new ShardRouter(["n1", "n2"]);
    expect(() => map.move("s2", "n9")).toThrow(new RangeError("unknown shard s2"));
    expect(() => map.move("s1", "n9")).toThrow(new RangeError("unknown node n9"));
    expect(map.move("s1", "n1")).toBe(false);
    expect(map.version).toBe(1);
    expect(map.route("a").version).toBe(1);
    expect(map.move("s1", "n2")).toBe(true);
    expect(map.move("s1", "n1")).toBe(true);
    expect(map.version).toBe(3);
    expect(map.route("a")).toEqual({ id: "s1", start: "", end: null, node: "n1", version: 3 });
  });
});

describe("ShardRouter: serving requests made with a cached map", () => {
  it("accepts a request whose version equals the shard's version and refuses one a version older", () => {
    const map = new ShardRouter(["n1", "n2"]);
    map.split("s1", "m"); // v2
    map.move("s1", "n2"); // v3: s1 has version 3
    expect(map.serve({ key: "a", shardId: "s1", version: 3 })).toEqual({ id: "s1", start: "", end: "m", node: "n2", version: 3 });
    expect(() => map.serve({ key: "a", shardId: "s1", version: 2 })).toThrow(WrongShardError);
    expect(map.serve({ key: "z", shardId: "s2", version: 2 }).id).toBe("s2"); // s2 did not change since v2
  });

  it("refuses the left half of a split for a client whose map predates the split", () => {
    const map = new ShardRouter(["n1"]);
    map.split("s1", "m"); // v2
    try {
      map.serve({ key: "a", shardId: "s1", version: 1 });
      throw new Error("serve accepted a request made before the split of its shard");
    } catch (e) {
      expect(e).toBeInstanceOf(WrongShardError);
      expect((e as WrongShardError).name).toBe("WrongShardError");
      expect((e as WrongShardError).currentVersion).toBe(2);
      expect((e as WrongShardError).shard).toEqual({ id: "s1", start: "", end: "m", node: "n1", version: 2 });
    }
  });

  it("answers an unknown shard id or a shard that does not own the key with the key's current owner", () => {
    const map = mapWith(["n1"], ["m"]);
    for (const request of [
      { key: "q", shardId: "s7", version: 2 },
      { key: "q", shardId: "s1", version: 2 },
      { key: "m", shardId: "s1", version: 2 },
      { key: "l", shardId: "s2", version: 2 },
    ]) {
      const owner = map.route(request.key);
      expect(outcome(() => map.serve(request)), JSON.stringify(request)).toBe(`threw WrongShardError(2, ${JSON.stringify(owner)})`);
    }
  });

  it("throws a RangeError for a version that is not an integer from 1 to the current one, before any other check", () => {
    const map = mapWith(["n1"], ["m"]);
    for (const version of [0, -1, 1.5, 3, Number.NaN]) {
      expect(() => map.serve({ key: "a", shardId: "s9", version })).toThrow(new RangeError(`bad map version ${version}`));
    }
    expect(map.serve({ key: "a", shardId: "s1", version: 2 }).id).toBe("s1");
  });
});

describe("ShardRouter: rebalancing", () => {
  it("plans nothing for a balanced map, and planning alone changes nothing", () => {
    const map = mapWith(["n1", "n2"], ["m"]);
    map.move("s2", "n2");
    expect(map.planRebalance()).toEqual([]);
    expect(map.rebalance()).toEqual([]);
    expect(map.version).toBe(3);
    map.addNode("n3");
    expect(map.planRebalance()).toEqual([]); // 1, 1, 0 is balanced for 2 shards on 3 nodes
    map.split("s1", "c");
    map.split("s1", "b"); // n1: 3, n2: 1, n3: 0
    const before = map.shards();
    const plan = map.planRebalance();
    expect(plan).toHaveLength(1);
    checkPlan(before, map.nodes, plan);
    expect(map.planRebalance()).toHaveLength(1);
    expect(map.shards()).toEqual(before);
    expect(map.version).toBe(5);
  });

  it("spreads ten shards from one node over three with six moves, raising the version by six", () => {
    const map = mapWith(["n1", "n2", "n3"], ["b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    const before = map.shards();
    const plan = map.rebalance();
    const placement = checkPlan(before, map.nodes, plan);
    expect(plan).toHaveLength(6);
    expect(map.version).toBe(10 + 6);
    expect(map.shards().map((s) => [s.id, s.node])).toEqual(before.map((s) => [s.id, placement.get(s.id)]));
    for (const m of plan) expect(map.route(before.find((s) => s.id === m.shardId)?.start ?? "").version).toBeGreaterThan(10);
  });

  it("lets the most loaded nodes keep the larger share, whatever their order in the node list", () => {
    const map = mapWith(["n1", "n2", "n3"], ["b", "c", "d"]); // 4 shards on n1
    map.move("s1", "n2");
    map.move("s2", "n2");
    map.move("s3", "n3"); // n1: 1, n2: 2, n3: 1
    map.addNode("n4"); // 4 shards, 4 nodes: one move
    let plan = map.planRebalance();
    checkPlan(map.shards(), map.nodes, plan);
    const map2 = mapWith(["n1", "n2", "n3"], ["b", "c", "d"]);
    map2.move("s1", "n2");
    map2.move("s2", "n2");
    map2.move("s3", "n3");
    map2.move("s4", "n3"); // n1: 0, n2: 2, n3: 2 -> one move, not two
    plan = map2.planRebalance();
    expect(plan).toHaveLength(1);
    checkPlan(map2.shards(), map2.nodes, plan);
  });
});

describe("ShardRouter: rebalancing any placement", () => {
  it("balances every placement of up to 24 shards on up to 5 nodes with the fewest moves (property)", () => {
    const placement = fc.record({
      nodeCount: fc.integer({ min: 2, max: 5 }),
      owners: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 24 }),
    });
    const report = fc.check(
      fc.property(placement, ({ nodeCount, owners }) => {
        const nodes = Array.from({ length: nodeCount }, (_, i) => `n${i + 1}`);
        const map = mapWith(nodes, owners.slice(1).map((_, i) => `k${String(i + 1).padStart(2, "0")}`));
        map.shards().forEach((shard, i) => map.move(shard.id, nodes[(owners[i] ?? 0) % nodeCount]!));
        const before = map.shards();
        const version = map.version;
        checkPlan(before, nodes, map.planRebalance());
        const plan = map.rebalance();
        const placed = checkPlan(before, nodes, plan);
        expect(map.version).toBe(version + plan.length);
        expect(map.shards().map((s) => s.node)).toEqual(before.map((s) => placed.get(s.id)));
      }),
      { numRuns: 200 },
    );
    failOnCounterexample(report);
  });
});

describe("ShardRouter: complexity", () => {
  it("routes 300,000 keys over 6,000 shards quickly (O(log S) per route)", () => {
    const map = new ShardRouter(["n1"]);
    const key = (i: number) => `k${String(i).padStart(5, "0")}`;
    for (let i = 1; i < 6000; i++) map.split(map.route(key(i)).id, key(i));
    let wrong = 0;
    for (let i = 0; i < 300_000; i++) {
      const shard = map.route(`${key(i % 6000)}x`);
      if (shard.start !== (i % 6000 === 0 ? "" : key(i % 6000))) wrong++;
    }
    expect(wrong).toBe(0);
  });
});

// ---- Model-based test: random splits, moves, new nodes, rebalances and requests from cached maps ----

/** The rules, written plainly: a list of shards scanned linearly. */
class Model {
  shards: Shard[] = [];
  nodes: string[];
  version = 1;
  private nextId = 1;

  constructor(nodes: string[]) {
    this.nodes = [...nodes];
    this.shards = [{ id: `s${this.nextId++}`, start: "", end: null, node: nodes[0] ?? "", version: 1 }];
  }

  private sorted(): Shard[] {
    return [...this.shards].sort((a, b) => (a.start < b.start ? -1 : 1));
  }

  owner(key: string, shards: readonly Shard[] = this.shards): Shard {
    return shards.find((s) => s.start <= key && (s.end === null || key < s.end)) as Shard;
  }

  split(id: string, at: string): Shard {
    const i = this.shards.findIndex((s) => s.id === id);
    const s = this.shards[i];
    if (s === undefined) throw new RangeError(`unknown shard ${id}`);
    if (!(s.start < at && (s.end === null || at < s.end))) throw new RangeError(`split point ${at} is not inside shard ${id}`);
    this.version++;
    const right = { id: `s${this.nextId++}`, start: at, end: s.end, node: s.node, version: this.version };
    this.shards[i] = { ...s, end: at, version: this.version };
    this.shards.push(right);
    return right;
  }

  move(id: string, node: string): boolean {
    const i = this.shards.findIndex((s) => s.id === id);
    const s = this.shards[i];
    if (s === undefined) throw new RangeError(`unknown shard ${id}`);
    if (!this.nodes.includes(node)) throw new RangeError(`unknown node ${node}`);
    if (s.node === node) return false;
    this.version++;
    this.shards[i] = { ...s, node, version: this.version };
    return true;
  }

  addNode(node: string): void {
    if (this.nodes.includes(node)) throw new RangeError(`node ${node} already exists`);
    this.nodes.push(node);
  }

  serve(r: Request): Shard {
    if (!Number.isInteger(r.version) || r.version < 1 || r.version > this.version) throw new RangeError(`bad map version ${r.version}`);
    const s = this.shards.find((x) => x.id === r.shardId);
    if (s && s.version <= r.version && s.start <= r.key && (s.end === null || r.key < s.end)) return s;
    throw new WrongShardError(this.version, this.owner(r.key));
  }

  listed(): Shard[] {
    return this.sorted();
  }
}

interface World {
  model: Model;
  /** Copies of the map that clients cached, each with its version. */
  caches: { version: number; shards: Shard[] }[];
}

type Cmd = fc.Command<World, ShardRouter>;

function compare(call: string, real: () => unknown, model: () => unknown): void {
  const got = outcome(real);
  const want = outcome(model);
  if (got !== want) throw new Error(`${call} ${got}, the rules give: ${want}`);
}

function cmd(text: string, run: (w: World, r: ShardRouter) => void): Cmd {
  return {
    check: () => true,
    run(w, r) {
      run(w, r);
      compare(`version after ${text}`, () => r.version, () => w.model.version);
      compare(`shards() after ${text}`, () => r.shards(), () => w.model.listed());
    },
    toString: () => text,
  };
}

const KEY = fc.string({ unit: fc.constantFrom("a", "b", "m", "z"), maxLength: 3 });
const SHARD = fc.integer({ min: 1, max: 7 }).map((i) => `s${i}`);
const NODE = fc.constantFrom("n1", "n2", "n3", "n4");

const commands = fc.commands(
  [
    fc.tuple(SHARD, KEY).map(([id, at]) => cmd(`split(${JSON.stringify(id)}, ${JSON.stringify(at)})`, (w, r) => compare(`split(${id}, ${JSON.stringify(at)})`, () => r.split(id, at), () => w.model.split(id, at)))),
    fc.tuple(SHARD, NODE).map(([id, node]) => cmd(`move(${JSON.stringify(id)}, ${JSON.stringify(node)})`, (w, r) => compare(`move(${id}, ${node})`, () => r.move(id, node), () => w.model.move(id, node)))),
    NODE.map((node) => cmd(`addNode(${JSON.stringify(node)})`, (w, r) => compare(`addNode(${node})`, () => r.addNode(node), () => w.model.addNode(node)))),
    KEY.map((key) => cmd(`route(${JSON.stringify(key)})`, (w, r) => compare(`route(${JSON.stringify(key)})`, () => r.route(key), () => w.model.owner(key)))),
    fc.constant(cmd("a client caches the map", (w) => void w.caches.push({ version: w.model.version, shards: w.model.listed() }))),
    fc.tuple(fc.nat(4), KEY).map(([c, key]) =>
      cmd(`a client with the map cached ${c + 1} caches ago sends a request for ${JSON.stringify(key)}`, (w, r) => {
        const cache = w.caches[w.caches.length - 1 - (c % Math.max(1, w.caches.length))] ?? { version: w.model.version, shards: w.model.listed() };
        const request = { key, shardId: w.model.owner(key, cache.shards).id, version: cache.version };
        compare(`serve(${JSON.stringify(request)})`, () => r.serve(request), () => w.model.serve(request));
      }),
    ),
    fc.constant(
      cmd("rebalance()", (w, r) => {
        const plan = r.rebalance();
        const placement = checkPlan(w.model.listed(), w.model.nodes, plan);
        for (const m of plan) w.model.move(m.shardId, placement.get(m.shardId) ?? m.to);
      }),
    ),
  ],
  { size: "+1" },
);

describe("ShardRouter: any sequence of operations", () => {
  it("agrees with a simple model on every route, split, move, version, rebalance and request from a stale or fresh cache", () => {
    const report = fc.check(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: { model: new Model(["n1", "n2"]), caches: [] }, real: new ShardRouter(["n1", "n2"]) }), cmds);
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
