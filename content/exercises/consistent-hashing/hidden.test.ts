import fc from "fast-check";
import { HashRing } from "./solution";

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

/** A toy hash: named points come from the table, numeric keys hash to their own value. */
function tableHash(table: Record<string, number>) {
  return (s: string): number => table[s] ?? Number(s);
}

/** A test-side 32-bit hash (FNV-1a + fmix32), so expected owners can be computed by brute force. */
function mixHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** All points of a ring, by definition. */
function pointsOf(nodes: Iterable<string>, virtualNodes: number, hash: (s: string) => number) {
  const points: { position: number; id: string }[] = [];
  for (const id of nodes) {
    for (let i = 0; i < virtualNodes; i++) points.push({ position: hash(`${id}#${i}`), id });
  }
  return points;
}

/** The owner by definition: scan every point (smallest position >= h, then smaller id first). */
function bruteForceOwner(points: readonly { position: number; id: string }[], h: number) {
  let best: { position: number; id: string } | undefined;
  let smallest: { position: number; id: string } | undefined;
  const before = (a: { position: number; id: string }, b: { position: number; id: string }) =>
    a.position < b.position || (a.position === b.position && a.id < b.id);
  for (const point of points) {
    if (!smallest || before(point, smallest)) smallest = point;
    if (point.position >= h && (!best || before(point, best))) best = point;
  }
  return (best ?? smallest)?.id;
}

function countOwners(ring: HashRing, keys: readonly string[]) {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const owner = ring.getNode(key) ?? "(none)";
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return counts;
}

describe("HashRing: construction", () => {
  it("throws a RangeError unless virtualNodes is a positive integer", () => {
    for (const virtualNodes of [0, -1, 2.5, NaN, Infinity]) {
      expect(() => new HashRing({ virtualNodes })).toThrow(RangeError);
    }
    expect(() => new HashRing()).not.toThrow();
    expect(() => new HashRing({})).not.toThrow();
    expect(() => new HashRing({ virtualNodes: 1 })).not.toThrow();
  });

  it("places 100 virtual nodes named id#0 .. id#99 by default", () => {
    const seen = new Set<string>();
    const ring = new HashRing({
      hash: (s) => {
        seen.add(s);
        return mixHash(s);
      },
    });
    ring.addNode("cache-1");
    const expected = Array.from({ length: 100 }, (_, i) => `cache-1#${i}`);
    expect([...seen].filter((s) => s.startsWith("cache-1#")).sort()).toEqual(expected.sort());
  });
});

describe("HashRing: lookups", () => {
  it("compares positions as numbers: exact hits, the next point up, and wrap-around", () => {
    // 900 < 1000 < 20000 as numbers, but "1000" < "20000" < "900" as strings.
    const ring = new HashRing({
      virtualNodes: 2,
      hash: tableHash({ "a#0": 900, "a#1": 50_000, "b#0": 1000, "b#1": 4_000_000_000, "c#0": 20_000, "c#1": 30_000 }),
    });
    for (const id of ["a", "b", "c"]) ring.addNode(id);
    const expectations: [string, string][] = [
      ["0", "a"],
      ["900", "a"],
      ["901", "b"],
      ["1000", "b"],
      ["1001", "c"],
      ["20000", "c"],
      ["25000", "c"],
      ["30001", "a"],
      ["50001", "b"],
      ["4000000000", "b"],
      ["4000000001", "a"],
      ["4294967295", "a"],
    ];
    for (const [key, owner] of expectations) expect(`${key} -> ${ring.getNode(key)}`).toBe(`${key} -> ${owner}`);
  });

  it("breaks position ties by the smaller node id, whatever the order of adding", () => {
    const constant = () => 42; // every point and every key at the same position
    for (const order of [
      ["b", "a", "c"],
      ["c", "b", "a"],
      ["a", "c", "b"],
    ]) {
      const ring = new HashRing({ virtualNodes: 3, hash: constant });
      for (const id of order) ring.addNode(id);
      expect(ring.getNode("anything")).toBe("a");
      ring.removeNode("a");
      expect(ring.getNode("anything")).toBe("b");
    }
  });

  it("matches a brute-force scan of the ring on random clusters with many colliding positions", () => {
    const random = prng(2024);
    const coarse = (s: string) => mixHash(s) % 5000; // only 5,000 positions: lots of ties and exact hits
    const nodes = new Set<string>();
    const ring = new HashRing({ virtualNodes: 20, hash: coarse });
    for (let round = 0; round < 12; round++) {
      const id = `n${Math.floor(random() * 15)}`;
      if (nodes.has(id) && random() < 0.6) {
        nodes.delete(id);
        ring.removeNode(id);
      } else {
        nodes.add(id);
        ring.addNode(id);
      }
      const points = pointsOf(nodes, 20, coarse);
      const mismatches: string[] = [];
      for (let k = 0; k < 150; k++) {
        const key = `key-${Math.floor(random() * 1_000_000)}`;
        const expected = bruteForceOwner(points, coarse(key));
        const actual = ring.getNode(key);
        if (actual !== expected) mismatches.push(`${key} (hash ${coarse(key)}): expected ${expected}, got ${actual}`);
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    }
  });
});

describe("HashRing: membership", () => {
  it("returns undefined again once every node has been removed; unknown removals are no-ops", () => {
    const ring = new HashRing({ virtualNodes: 5 });
    ring.removeNode("ghost");
    ring.addNode("a");
    ring.addNode("b");
    ring.removeNode("ghost");
    expect(ring.getNode("k")).toBeDefined();
    ring.removeNode("a");
    expect(ring.getNode("k")).toBe("b");
    ring.removeNode("b");
    expect(ring.getNode("k")).toBeUndefined();
  });

  it("treats adding an existing node as a no-op (one removal takes it off the ring)", () => {
    const ring = new HashRing({ virtualNodes: 10, hash: mixHash });
    ring.addNode("a");
    ring.addNode("b");
    ring.addNode("a");
    ring.addNode("a");
    const reference = new HashRing({ virtualNodes: 10, hash: mixHash });
    reference.addNode("a");
    reference.addNode("b");
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
    expect(keys.map((k) => ring.getNode(k))).toEqual(keys.map((k) => reference.getNode(k)));
    ring.removeNode("a");
    expect(keys.filter((k) => ring.getNode(k) !== "b")).toEqual([]);
  });

  it("on removal, moves only the removed node's keys and spreads them over the other nodes", () => {
    const ring = new HashRing();
    const nodes = Array.from({ length: 8 }, (_, i) => `10.0.0.${i + 1}:11211`);
    for (const id of nodes) ring.addNode(id);
    const keys = Array.from({ length: 5000 }, (_, i) => `session:${i * 7919}`);
    const before = keys.map((k) => ring.getNode(k));
    const victim = nodes[3] as string;
    ring.removeNode(victim);
    const receivers = new Set<string>();
    let moved = 0;
    const wrong: string[] = [];
    keys.forEach((key, i) => {
      const now = ring.getNode(key);
      if (before[i] === victim) {
        if (now === victim || now === undefined) wrong.push(`${key} still maps to ${now}`);
        else receivers.add(now);
        moved++;
      } else if (now !== before[i]) {
        wrong.push(`${key} moved from ${before[i]} to ${now}`);
      }
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(moved).toBeGreaterThan(0);
    expect(receivers.size).toBeGreaterThanOrEqual(5); // virtual nodes share the load out
  });

  it("on addition, moves keys only to the new node, and about 1/n of them", () => {
    const ring = new HashRing();
    for (let i = 0; i < 6; i++) ring.addNode(`shard-${i}`);
    const keys = Array.from({ length: 7000 }, (_, i) => `order/${i}`);
    const before = keys.map((k) => ring.getNode(k));
    ring.addNode("shard-6");
    let moved = 0;
    const wrong: string[] = [];
    keys.forEach((key, i) => {
      const now = ring.getNode(key);
      if (now !== before[i]) {
        if (now !== "shard-6") wrong.push(`${key} moved from ${before[i]} to ${now}`);
        moved++;
      }
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    // 1/7 of 7,000 = 1,000 keys on average.
    expect(moved).toBeGreaterThan(500);
    expect(moved).toBeLessThan(1500);
  });

  it("returns to exactly the old mapping after adding and removing a node", () => {
    const ring = new HashRing({ virtualNodes: 50 });
    for (const id of ["a", "b", "c", "d"]) ring.addNode(id);
    const keys = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    const before = keys.map((k) => ring.getNode(k));
    ring.addNode("e");
    ring.removeNode("b");
    ring.addNode("b");
    ring.removeNode("e");
    expect(keys.map((k) => ring.getNode(k))).toEqual(before);
  });
});

describe("HashRing: default hash", () => {
  it("is deterministic across instances and independent of the order of adding", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `node-${i}`);
    const a = new HashRing();
    const b = new HashRing();
    for (const id of ids) a.addNode(id);
    for (const id of [...ids].reverse()) b.addNode(id);
    const keys = Array.from({ length: 2000 }, (_, i) => `key:${i}`);
    expect(keys.map((k) => a.getNode(k))).toEqual(keys.map((k) => b.getNode(k)));
  });

  it("spreads 10,000 keys over 5 nodes within ±25% of the mean (4 clusters, one outlier up to ±40% tolerated)", () => {
    const clusters: { nodes: string[]; key: (i: number) => string }[] = [
      { nodes: ["node-0", "node-1", "node-2", "node-3", "node-4"], key: (i) => `key-${i}` },
      { nodes: ["cache-a", "cache-b", "cache-c", "cache-d", "cache-e"], key: (i) => `user:${i}` },
      { nodes: ["db1", "db2", "db3", "db4", "db5"], key: (i) => `key-${i}` },
      { nodes: ["shard-01", "shard-02", "shard-03", "shard-04", "shard-05"], key: (i) => `user:${i}` },
    ];
    const deviations: number[] = [];
    for (const cluster of clusters) {
      const ring = new HashRing();
      for (const id of cluster.nodes) ring.addNode(id);
      const counts = countOwners(
        ring,
        Array.from({ length: 10_000 }, (_, i) => cluster.key(i)),
      );
      const worst = Math.max(...cluster.nodes.map((id) => Math.abs((counts.get(id) ?? 0) - 2000) / 2000));
      deviations.push(Math.round(worst * 100));
    }
    // `deviations` holds the worst deviation from the mean, in %, of each cluster.
    expect(deviations.filter((d) => d > 40)).toEqual([]);
    expect(deviations.filter((d) => d > 25).length).toBeLessThanOrEqual(1);
  });
});

/**
 * Membership changes and lookups in any order, against the definition (brute force over the points
 * of the current set of nodes). 40 positions for 4 nodes x 3 virtual nodes: ties, exact hits and
 * wrap-arounds are everywhere.
 */
const coarseHash = (s: string) => mixHash(s) % 40;
type Model = { nodes: Set<string> };
type Command = fc.Command<Model, HashRing>;

const nodeId = fc.constantFrom("a", "b", "c", "d");
const membership = [
  nodeId.map(
    (id): Command => ({
      check: () => true,
      run: (model, ring) => {
        model.nodes.add(id);
        ring.addNode(id);
      },
      toString: () => `addNode(${id})`,
    }),
  ),
  nodeId.map(
    (id): Command => ({
      check: () => true,
      run: (model, ring) => {
        model.nodes.delete(id);
        ring.removeNode(id);
      },
      toString: () => `removeNode(${id})`,
    }),
  ),
];
const lookup = fc.integer({ min: 0, max: 39 }).map(
  (n): Command => ({
    check: () => true,
    run: (model, ring) => {
      const key = `k${n}`;
      const expected = bruteForceOwner(pointsOf(model.nodes, 3, coarseHash), coarseHash(key));
      const actual = ring.getNode(key);
      if (actual !== expected) throw new Error(`getNode(${key}) (hash ${coarseHash(key)}) returned ${actual}, the ring of {${[...model.nodes].sort().join(", ")}} gives ${expected}`);
    },
    toString: () => `getNode(k${n})`,
  }),
);

describe("HashRing: any sequence of membership changes and lookups", () => {
  it("always answers like a brute-force scan of the current nodes' points (ties, exact hits, wrap-around)", () => {
    // fc.check, then one error with the shrunk sequence and what went wrong in it.
    const report = fc.check(
      fc.property(fc.commands([...membership, lookup, lookup], { size: "+1" }), (cmds) => {
        fc.modelRun(() => ({ model: { nodes: new Set<string>() }, real: new HashRing({ virtualNodes: 3, hash: coarseHash }) }), cmds);
      }),
      { numRuns: 200 },
    );
    if (report.failed) {
      const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
      throw new Error(`Smallest failing sequence: new HashRing({ virtualNodes: 3, hash }), ${fc.stringify(report.counterexample?.[0]).replace(/\s*\/\*replayPath=.*?\*\//, "")}\n${cause}`);
    }
  });
});
