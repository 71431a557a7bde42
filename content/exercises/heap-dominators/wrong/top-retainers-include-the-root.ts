export interface HeapNode {
  id: number;
  name: string;
  /** Bytes the object itself occupies (a non-negative safe integer). */
  selfSize: number;
}

/** A reference from one object to another (a property, an array element, a closure variable...). */
export interface HeapEdge {
  from: number;
  to: number;
}

export interface HeapSnapshot {
  root: number;
  nodes: readonly HeapNode[];
  edges: readonly HeapEdge[];
}

export interface Retainer {
  id: number;
  name: string;
  retainedSize: number;
}

const NONE = -1;

export class HeapAnalyzer {
  private readonly nodes: readonly HeapNode[];
  private readonly indexOf = new Map<number, number>();
  /** Immediate dominator of each node, as an index; NONE for the root and unreachable nodes. */
  private readonly idom: Int32Array;
  private readonly retained: number[];
  /** Parent on the lexicographically smallest shortest path from the root; NONE if none. */
  private readonly bfsParent: Int32Array;
  private readonly reachable: Uint8Array;
  private readonly rootIndex: number;
  private readonly ranking: Retainer[];

  constructor(snapshot: HeapSnapshot) {
    this.nodes = snapshot.nodes;
    for (const [i, node] of snapshot.nodes.entries()) {
      if (this.indexOf.has(node.id)) throw new Error(`duplicate node ${node.id}`);
      if (!Number.isSafeInteger(node.selfSize) || node.selfSize < 0) throw new RangeError(`selfSize of node ${node.id} must be a non-negative integer`);
      this.indexOf.set(node.id, i);
    }
    const n = snapshot.nodes.length;
    // Successor and predecessor lists in compressed form (one flat array plus offsets), with each
    // node's successors in increasing id order, which the retaining-path search relies on.
    const m = snapshot.edges.length;
    const from = new Int32Array(m);
    const to = new Int32Array(m);
    for (const [k, edge] of snapshot.edges.entries()) {
      const f = this.indexOf.get(edge.from);
      const t = this.indexOf.get(edge.to);
      if (f === undefined) throw new Error(`unknown node ${edge.from} in an edge`);
      if (t === undefined) throw new Error(`unknown node ${edge.to} in an edge`);
      from[k] = f;
      to[k] = t;
    }
    const byTargetId = Array.from({ length: m }, (_, k) => k).sort((a, b) => snapshot.nodes[to[a]!]!.id - snapshot.nodes[to[b]!]!.id);
    const succStart = new Int32Array(n + 1);
    const predStart = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      succStart[from[k]! + 1]!++;
      predStart[to[k]! + 1]!++;
    }
    for (let v = 0; v < n; v++) {
      succStart[v + 1]! += succStart[v]!;
      predStart[v + 1]! += predStart[v]!;
    }
    const succ = new Int32Array(m);
    const pred = new Int32Array(m);
    const succFill = succStart.slice(0, n);
    const predFill = predStart.slice(0, n);
    for (const k of byTargetId) succ[succFill[from[k]!]!++] = to[k]!;
    for (let k = 0; k < m; k++) pred[predFill[to[k]!]!++] = from[k]!;

    const root = this.indexOf.get(snapshot.root);
    if (root === undefined) throw new Error(`unknown root ${snapshot.root}`);
    this.rootIndex = root;

    // Iterative depth-first search: heap graphs can be tens of thousands of objects deep
    // (a long linked list), far beyond what recursion survives.
    const postorder = new Int32Array(n).fill(NONE);
    const order: number[] = []; // nodes in postorder
    const visited = new Uint8Array(n);
    const stack: number[] = [root];
    const nextChild = succStart.slice(0, n); // position of the next successor to look at
    visited[root] = 1;
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      if (nextChild[v]! < succStart[v + 1]!) {
        const w = succ[nextChild[v]!++]!;
        if (!visited[w]) {
          visited[w] = 1;
          stack.push(w);
        }
      } else {
        stack.pop();
        postorder[v] = order.length;
        order.push(v);
      }
    }
    this.reachable = visited;

    // Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm": iterate over the nodes in
    // reverse postorder, setting each idom to the common dominator of its processed predecessors.
    const idom = new Int32Array(n).fill(NONE);
    idom[root] = root;
    const intersect = (a: number, b: number): number => {
      while (a !== b) {
        while (postorder[a]! < postorder[b]!) a = idom[a]!;
        while (postorder[b]! < postorder[a]!) b = idom[b]!;
      }
      return a;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (let k = order.length - 2; k >= 0; k--) {
        const v = order[k]!;
        let candidate = NONE;
        for (let j = predStart[v]!; j < predStart[v + 1]!; j++) {
          const p = pred[j]!;
          if (idom[p] === NONE) continue; // unreachable or not processed yet
          candidate = candidate === NONE ? p : intersect(p, candidate);
        }
        if (idom[v] !== candidate) {
          idom[v] = candidate;
          changed = true;
        }
      }
    }
    idom[root] = NONE;
    this.idom = idom;

    // A node's retained size is its own plus its dominator-tree children's. In postorder every
    // node comes after all the nodes it dominates, so one pass accumulates the sums bottom-up.
    const retained = new Array<number>(n).fill(0);
    for (const v of order) retained[v] = snapshot.nodes[v]!.selfSize;
    for (const v of order) if (v !== root) retained[idom[v]!]! += retained[v]!;
    this.retained = retained;

    // Breadth-first search with each node's successors in increasing id order: the first time a
    // node is reached, it is by the lexicographically smallest of its shortest paths.
    const parent = new Int32Array(n).fill(NONE);
    const seen = new Uint8Array(n);
    seen[root] = 1;
    const queue: number[] = [root];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (let k = succStart[v]!; k < succStart[v + 1]!; k++) {
        const w = succ[k]!;
        if (seen[w]) continue;
        seen[w] = 1;
        parent[w] = v;
        queue.push(w);
      }
    }
    this.bfsParent = parent;

    this.ranking = order
      .map((v) => ({ id: snapshot.nodes[v]!.id, name: snapshot.nodes[v]!.name, retainedSize: retained[v]! }))
      .sort((a, b) => b.retainedSize - a.retainedSize || a.id - b.id);
  }

  isReachable(id: number): boolean {
    return this.reachable[this.index(id)] === 1;
  }

  immediateDominator(id: number): number | undefined {
    const d = this.idom[this.index(id)]!;
    return d === NONE ? undefined : this.nodes[d]!.id;
  }

  retainedSize(id: number): number {
    return this.retained[this.index(id)]!;
  }

  topRetainers(n: number): Retainer[] {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
    return this.ranking.slice(0, n).map((r) => ({ ...r }));
  }

  retainingPath(id: number): number[] | undefined {
    let v = this.index(id);
    if (!this.reachable[v]) return undefined;
    const path: number[] = [];
    for (; v !== this.rootIndex; v = this.bfsParent[v]!) path.push(this.nodes[v]!.id);
    path.push(this.nodes[this.rootIndex]!.id);
    return path.reverse();
  }

  private index(id: number): number {
    const i = this.indexOf.get(id);
    if (i === undefined) throw new RangeError(`unknown node ${id}`);
    return i;
  }
}
