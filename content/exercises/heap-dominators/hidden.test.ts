import fc from "fast-check";
import { HeapAnalyzer, type HeapEdge, type HeapNode, type HeapSnapshot } from "./solution";

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

function snap(root: number, sizes: Record<number, number>, edges: [number, number][]): HeapSnapshot {
  return {
    root,
    nodes: Object.entries(sizes).map(([id, selfSize]) => ({ id: Number(id), name: `n${id}`, selfSize })),
    edges: edges.map(([from, to]) => ({ from, to })),
  };
}

describe("HeapAnalyzer: validation", () => {
  it("checks nodes (duplicates, sizes), then edges (from before to), then the root, with the promised messages", () => {
    const n = (id: number, selfSize = 1): HeapNode => ({ id, name: "x", selfSize });
    const e = (from: number, to: number): HeapEdge => ({ from, to });
    expect(() => new HeapAnalyzer({ root: 9, nodes: [n(1), n(1)], edges: [e(7, 8)] })).toThrow("duplicate node 1");
    for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
      expect(() => new HeapAnalyzer({ root: 9, nodes: [n(1), n(2, bad)], edges: [e(7, 8)] })).toThrow(RangeError);
    }
    expect(() => new HeapAnalyzer({ root: 1, nodes: [n(1, 0)], edges: [] })).not.toThrow();
    expect(() => new HeapAnalyzer({ root: 9, nodes: [n(1), n(2)], edges: [e(1, 2), e(7, 8)] })).toThrow("unknown node 7 in an edge");
    expect(() => new HeapAnalyzer({ root: 9, nodes: [n(1), n(2)], edges: [e(1, 8)] })).toThrow("unknown node 8 in an edge");
    expect(() => new HeapAnalyzer({ root: 9, nodes: [n(1), n(2)], edges: [e(1, 2)] })).toThrow("unknown root 9");
  });

  it("throws a RangeError for unknown ids in every query, and for a bad n", () => {
    const heap = new HeapAnalyzer(snap(0, { 0: 0, 1: 5 }, [[0, 1]]));
    expect(() => heap.isReachable(2)).toThrow(RangeError);
    expect(() => heap.immediateDominator(2)).toThrow("unknown node 2");
    expect(() => heap.retainedSize(-1)).toThrow("unknown node -1");
    expect(() => heap.retainingPath(2)).toThrow(RangeError);
    for (const bad of [-1, 1.5, NaN]) expect(() => heap.topRetainers(bad)).toThrow(RangeError);
    expect(heap.topRetainers(0)).toEqual([]);
  });
});

describe("HeapAnalyzer: dominators", () => {
  it("iterates to a fixed point: a loop entered from two sides is dominated by the root", () => {
    const heap = new HeapAnalyzer(snap(0, { 0: 1, 1: 2, 2: 4, 3: 8, 4: 16 }, [[0, 1], [0, 2], [1, 3], [2, 4], [3, 4], [4, 3]]));
    expect([1, 2, 3, 4].map((id) => heap.immediateDominator(id))).toEqual([0, 0, 0, 0]);
    expect([0, 1, 2, 3, 4].map((id) => heap.retainedSize(id))).toEqual([31, 2, 4, 8, 16]);
  });

  it("handles the irreducible graph of Cooper, Harvey and Kennedy's figure 4 (ids not in order)", () => {
    // Paper's nodes 6(root),5,4,3,2,1 renamed to ids 60,50,40,30,20,10.
    const heap = new HeapAnalyzer(
      snap(60, { 10: 1, 20: 1, 30: 1, 40: 1, 50: 1, 60: 1 }, [[60, 50], [60, 40], [50, 10], [40, 20], [40, 30], [10, 20], [20, 10], [20, 30], [30, 20]]),
    );
    expect([10, 20, 30, 40, 50].map((id) => heap.immediateDominator(id))).toEqual([60, 60, 60, 60, 60]);
    expect(heap.retainedSize(40)).toBe(1);
  });

  it("does not mistake the first retainer for the dominator", () => {
    // 1 is reached first (BFS and DFS both), but 2 also reaches 3.
    const heap = new HeapAnalyzer(snap(0, { 0: 0, 1: 10, 2: 20, 3: 30, 4: 40 }, [[0, 1], [1, 3], [0, 2], [2, 4], [4, 3]]));
    expect(heap.immediateDominator(3)).toBe(0);
    expect(heap.retainedSize(1)).toBe(10);
    expect(heap.retainedSize(2)).toBe(60);
  });

  it("ignores self-loops, repeated edges and edges back into the root", () => {
    const heap = new HeapAnalyzer(snap(0, { 0: 1, 1: 10, 2: 100 }, [[0, 1], [1, 1], [1, 2], [1, 2], [2, 0], [2, 1]]));
    expect([heap.immediateDominator(1), heap.immediateDominator(2)]).toEqual([0, 1]);
    expect([heap.retainedSize(0), heap.retainedSize(1), heap.retainedSize(2)]).toEqual([111, 110, 100]);
    expect(heap.retainingPath(2)).toEqual([0, 1, 2]);
  });

  it("keeps retained sizes of garbage at 0 and lets edges from garbage change no dominator", () => {
    const heap = new HeapAnalyzer(snap(5, { 5: 1, 6: 10, 7: 100, 8: 1000, 9: 5 }, [[5, 6], [6, 7], [8, 7], [8, 9], [9, 8]]));
    expect([heap.isReachable(5), heap.isReachable(7), heap.isReachable(8), heap.isReachable(9)]).toEqual([true, true, false, false]);
    expect(heap.immediateDominator(7)).toBe(6);
    expect([heap.retainedSize(8), heap.retainedSize(9), heap.retainedSize(6), heap.retainedSize(5)]).toEqual([0, 0, 110, 111]);
    expect([heap.immediateDominator(8), heap.retainingPath(9)]).toEqual([undefined, undefined]);
  });
});

describe("HeapAnalyzer: top retainers and paths", () => {
  it("breaks retained-size ties by increasing id, excludes root and garbage, and returns at most n fresh objects", () => {
    const heap = new HeapAnalyzer(snap(0, { 0: 0, 9: 5, 3: 5, 7: 5, 4: 50, 8: 999 }, [[0, 9], [0, 3], [0, 7], [0, 4]]));
    expect(heap.topRetainers(10).map((r) => r.id)).toEqual([4, 3, 7, 9]);
    const top = heap.topRetainers(2);
    expect(top).toEqual([{ id: 4, name: "n4", retainedSize: 50 }, { id: 3, name: "n3", retainedSize: 5 }]);
    top[0]!.retainedSize = 0;
    expect(heap.topRetainers(1)[0]!.retainedSize).toBe(50);
    // 3 is found first (through 1) but ties are settled by id, not by discovery order.
    const shared = new HeapAnalyzer(snap(0, { 0: 0, 1: 5, 2: 5, 3: 5 }, [[0, 1], [1, 3], [0, 3], [0, 2]]));
    expect(shared.topRetainers(3).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it("prefers fewer edges over smaller ids, and smaller ids at the first difference on a tie", () => {
    // 0→1→2→3→9 and 0→4→6→9 are longer than 0→5→9 and 0→6→9; 0→6 is listed first, but 5 < 6.
    const heap = new HeapAnalyzer(snap(0, { 0: 0, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 9: 1 }, [[0, 6], [0, 1], [1, 2], [2, 3], [3, 9], [6, 9], [0, 5], [5, 9], [0, 4], [4, 6]]));
    expect(heap.retainingPath(9)).toEqual([0, 5, 9]); // 0→6→9 is as short: 5 < 6
    expect(heap.retainingPath(6)).toEqual([0, 6]);
    expect(heap.retainingPath(3)).toEqual([0, 1, 2, 3]);
  });

  it("walks a 10,000-object linked list without running out of stack", () => {
    const nodes: HeapNode[] = [];
    const edges: HeapEdge[] = [];
    for (let i = 0; i < 10_000; i++) {
      nodes.push({ id: i, name: "node", selfSize: 1 });
      if (i > 0) edges.push({ from: i - 1, to: i });
    }
    const heap = new HeapAnalyzer({ root: 0, nodes, edges });
    expect(heap.retainedSize(1)).toBe(9_999);
    expect(heap.immediateDominator(9_999)).toBe(9_998);
    expect(heap.retainingPath(9_999)).toHaveLength(10_000);
  });
});

// ---- against a brute-force model ---------------------------------------------------------------------

/** Reachable set from the root, optionally pretending one node is gone. */
function reach(s: HeapSnapshot, removed?: number): Set<number> {
  const seen = new Set<number>();
  if (s.root === removed) return seen;
  const stack = [s.root];
  seen.add(s.root);
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const e of s.edges) {
      if (e.from === v && e.to !== removed && !seen.has(e.to)) {
        seen.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return seen;
}

/** The definitions, one node at a time: what dies when v is removed; the path, greedily. */
function bruteForce(s: HeapSnapshot) {
  const all = reach(s);
  const size = new Map(s.nodes.map((n) => [n.id, n.selfSize]));
  const dominated = new Map<number, Set<number>>(); // d -> nodes d dominates (itself included)
  for (const n of s.nodes) {
    const alive = reach(s, n.id);
    dominated.set(n.id, new Set([...all].filter((v) => !alive.has(v))));
  }
  const retained = (id: number) => [...dominated.get(id)!].reduce((sum, v) => sum + size.get(v)!, 0);
  const idom = (id: number): number | undefined => {
    if (!all.has(id) || id === s.root) return undefined;
    const strict = s.nodes.map((n) => n.id).filter((d) => d !== id && dominated.get(d)!.has(id));
    // The closest strict dominator is the one dominated by all the others.
    return strict.find((d) => strict.every((o) => dominated.get(o)!.has(d)));
  };
  const distanceTo = (target: number) => {
    const dist = new Map<number, number>([[target, 0]]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of s.edges) {
        const d = dist.get(e.to);
        if (d !== undefined && (dist.get(e.from) ?? Infinity) > d + 1) {
          dist.set(e.from, d + 1);
          changed = true;
        }
      }
    }
    return dist;
  };
  const path = (id: number): number[] | undefined => {
    if (!all.has(id)) return undefined;
    const dist = distanceTo(id);
    const out = [s.root];
    while (out[out.length - 1] !== id) {
      const v = out[out.length - 1]!;
      const next = s.edges.filter((e) => e.from === v && dist.get(e.to) === dist.get(v)! - 1).map((e) => e.to);
      out.push(Math.min(...next));
    }
    return out;
  };
  const top = [...all]
    .filter((id) => id !== s.root)
    .map((id) => ({ id, name: `n${id}`, retainedSize: retained(id) }))
    .sort((a, b) => b.retainedSize - a.retainedSize || a.id - b.id);
  return { all, retained: (id: number) => (all.has(id) ? retained(id) : 0), idom, path, top };
}

const smallHeap = fc
  .record({
    count: fc.integer({ min: 1, max: 9 }),
    sizes: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 9, maxLength: 9 }),
    edges: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 20 }),
    root: fc.nat(8),
    shuffle: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ count, sizes, edges, root, shuffle }) => {
    // Ids are spread out and listed in a rotated order, so nothing can rely on id = index.
    const ids = Array.from({ length: count }, (_, i) => ((i + shuffle) % count) * 3 + 1);
    const s: HeapSnapshot = {
      root: ids[root % count]!,
      nodes: ids.map((id, i) => ({ id, name: `n${id}`, selfSize: sizes[i]! })),
      edges: edges.map(([a, b]) => ({ from: ids[a % count]!, to: ids[b % count]! })),
    };
    return Object.assign(s, {
      toString: () => `new HeapAnalyzer({ root: ${s.root}, nodes: [${s.nodes.map((n) => `#${n.id} ${n.selfSize} B`).join(", ")}], edges: [${s.edges.map((e) => `${e.from}→${e.to}`).join(", ")}] })`,
    });
  });

describe("HeapAnalyzer: any small heap", () => {
  it("agrees with the definitions (remove a node, see what dies) on every reachability, idom, retained size, path and the ranking", () => {
    const report = fc.check(
      fc.property(smallHeap, (s) => {
        const heap = new HeapAnalyzer(s);
        const want = bruteForce(s);
        for (const { id } of s.nodes) {
          const checks: [string, unknown, unknown][] = [
            [`isReachable(${id})`, heap.isReachable(id), want.all.has(id)],
            [`immediateDominator(${id})`, heap.immediateDominator(id), want.idom(id)],
            [`retainedSize(${id})`, heap.retainedSize(id), want.retained(id)],
            [`retainingPath(${id})`, heap.retainingPath(id), want.path(id)],
          ];
          for (const [call, got, expected] of checks) {
            if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${call} returned ${JSON.stringify(got)}, the rules give ${JSON.stringify(expected)}`);
          }
        }
        const top = heap.topRetainers(s.nodes.length);
        if (JSON.stringify(top) !== JSON.stringify(want.top)) throw new Error(`topRetainers(${s.nodes.length}) returned ${JSON.stringify(top)}, the rules give ${JSON.stringify(want.top)}`);
      }),
      { numRuns: 100 },
    );
    failOnCounterexample(report);
  });
});

describe("HeapAnalyzer: complexity", () => {
  it("analyses 20,000 objects and 80,000 references in near-linear time (a search per object is quadratic and times out)", () => {
    const rand = prng(2024);
    const n = 20_000;
    const nodes: HeapNode[] = [];
    const edges: HeapEdge[] = [];
    for (let i = 0; i < n; i++) {
      nodes.push({ id: i, name: `o${i}`, selfSize: 1 + (i % 97) });
      // A spanning tree (every object reachable) plus extra references, some of them backwards.
      if (i > 0) edges.push({ from: Math.floor(rand() * i), to: i });
    }
    while (edges.length < 80_000) edges.push({ from: Math.floor(rand() * n), to: Math.floor(rand() * n) });
    const heap = new HeapAnalyzer({ root: 0, nodes, edges });
    const total = nodes.reduce((sum, node) => sum + node.selfSize, 0);
    expect(heap.retainedSize(0)).toBe(total);
    const top = heap.topRetainers(5);
    expect(top).toHaveLength(5);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.retainedSize).toBeGreaterThanOrEqual(top[i]!.retainedSize);
    // Every reachable object's retained size is its own plus its dominator-tree children's.
    const sums = new Map<number, number>();
    for (const node of nodes) {
      const d = heap.immediateDominator(node.id);
      if (d !== undefined) sums.set(d, (sums.get(d) ?? 0) + heap.retainedSize(node.id));
    }
    const wrongSums = nodes.filter((node) => heap.retainedSize(node.id) !== node.selfSize + (sums.get(node.id) ?? 0)).map((node) => node.id);
    expect(wrongSums.slice(0, 5), "objects whose retained size is not their own plus their dominator-tree children's").toEqual([]);
    expect(heap.retainingPath(n - 1)![0]).toBe(0);
  });
});
