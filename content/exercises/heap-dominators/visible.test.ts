import { HeapAnalyzer, type HeapSnapshot } from "./solution";

/** The example from the instructions: a cache and a window share an array holding a big buffer. */
const example: HeapSnapshot = {
  root: 0,
  nodes: [
    { id: 0, name: "(GC roots)", selfSize: 0 },
    { id: 1, name: "Window", selfSize: 100 },
    { id: 2, name: "Map", selfSize: 50 },
    { id: 3, name: "Array", selfSize: 40 },
    { id: 4, name: "Buffer", selfSize: 1000 },
    { id: 5, name: "Entry", selfSize: 30 },
    { id: 6, name: "Buffer", selfSize: 500 },
  ],
  edges: [
    { from: 0, to: 1 },
    { from: 0, to: 2 },
    { from: 1, to: 3 },
    { from: 2, to: 3 },
    { from: 3, to: 4 },
    { from: 2, to: 5 },
    { from: 5, to: 6 },
  ],
};

describe("HeapAnalyzer", () => {
  it("finds immediate dominators: an object reachable two ways is dominated by where the ways meet", () => {
    const heap = new HeapAnalyzer(example);
    expect([1, 2, 3, 4, 5, 6].map((id) => heap.immediateDominator(id))).toEqual([0, 0, 0, 3, 2, 5]);
    expect(heap.immediateDominator(0)).toBeUndefined();
  });

  it("computes retained sizes over the dominator tree", () => {
    const heap = new HeapAnalyzer(example);
    expect([0, 1, 2, 3, 4, 5, 6].map((id) => heap.retainedSize(id))).toEqual([1720, 100, 580, 1040, 1000, 530, 500]);
  });

  it("ranks the top retainers by retained size, without the root", () => {
    const heap = new HeapAnalyzer(example);
    expect(heap.topRetainers(3)).toEqual([
      { id: 3, name: "Array", retainedSize: 1040 },
      { id: 4, name: "Buffer", retainedSize: 1000 },
      { id: 2, name: "Map", retainedSize: 580 },
    ]);
  });

  it("returns the shortest retaining path from the root, the smallest ids first on a tie", () => {
    const heap = new HeapAnalyzer(example);
    expect(heap.retainingPath(4)).toEqual([0, 1, 3, 4]);
    expect(heap.retainingPath(6)).toEqual([0, 2, 5, 6]);
    expect(heap.retainingPath(0)).toEqual([0]);
  });

  it("leaves out objects the root cannot reach (garbage waiting for the collector)", () => {
    const heap = new HeapAnalyzer({
      root: 0,
      nodes: [...example.nodes, { id: 7, name: "Closure", selfSize: 64 }],
      edges: [...example.edges, { from: 7, to: 4 }],
    });
    expect(heap.isReachable(7)).toBe(false);
    expect([heap.retainedSize(7), heap.immediateDominator(7), heap.retainingPath(7)]).toEqual([0, undefined, undefined]);
    expect(heap.immediateDominator(4)).toBe(3); // an edge from garbage changes nothing
    expect(heap.retainedSize(0)).toBe(1720);
  });
});
