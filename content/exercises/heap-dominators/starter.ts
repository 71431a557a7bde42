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

export class HeapAnalyzer {
  /** @throws {Error | RangeError} for an invalid snapshot (see the rules for the order of checks). */
  constructor(snapshot: HeapSnapshot) {
    throw new Error("Not implemented");
  }

  isReachable(id: number): boolean {
    throw new Error("Not implemented");
  }

  /** The id of the node's immediate dominator; undefined for the root and unreachable nodes. */
  immediateDominator(id: number): number | undefined {
    throw new Error("Not implemented");
  }

  /** Total self size of the nodes this node dominates (itself included); 0 if unreachable. */
  retainedSize(id: number): number {
    throw new Error("Not implemented");
  }

  /** Reachable nodes except the root, largest retained size first, ties by id; at most n. */
  topRetainers(n: number): Retainer[] {
    throw new Error("Not implemented");
  }

  /** Shortest path from the root (lexicographically smallest ids on a tie); undefined if unreachable. */
  retainingPath(id: number): number[] | undefined {
    throw new Error("Not implemented");
  }
}
