/**
 * Consistent hashing ring with virtual nodes.
 *
 * Every node is placed on a circle of 2^32 positions `virtualNodes` times, at hash(`${id}#${i}`).
 * A key belongs to the first point at or after hash(key), wrapping around to the first point.
 * The points live in a sorted array, so a lookup is one binary search: O(log P) for P points.
 *
 * Adding or removing a node rebuilds the sorted array (O(P log P)); membership changes are rare
 * compared to lookups, so this is the right trade-off (a balanced tree would make them O(V log P)).
 */

/** 32-bit FNV-1a over the UTF-16 code units, followed by MurmurHash3's fmix32 finaliser. */
function defaultHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV-1a alone barely changes the high bits for keys that differ only in their last characters
  // ("node-1#17" vs "node-1#18"), which clusters the points. The finaliser spreads every input bit
  // over the whole output (avalanche).
  return h >>> 0;
}

export class HashRing {
  readonly #virtualNodes: number;
  readonly #hash: (key: string) => number;
  readonly #nodes = new Set<string>();
  /** Point positions, ascending; ties ordered by node id. */
  #positions: number[] = [];
  /** `#owners[i]` is the node id of the point at `#positions[i]`. */
  #owners: string[] = [];

  constructor(opts: { virtualNodes?: number; hash?: (key: string) => number } = {}) {
    const virtualNodes = opts.virtualNodes ?? 100;
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new RangeError(`virtualNodes must be a positive integer, got ${virtualNodes}`);
    }
    this.#virtualNodes = virtualNodes;
    this.#hash = opts.hash ?? defaultHash;
  }

  addNode(id: string): void {
    if (this.#nodes.has(id)) return;
    this.#nodes.add(id);
    this.#rebuild();
  }

  removeNode(id: string): void {
    if (!this.#nodes.delete(id)) return;
    this.#rebuild();
  }

  getNode(key: string): string | undefined {
    const positions = this.#positions;
    if (positions.length === 0) return undefined;
    const h = this.#hash(key);
    // Lower bound: first index whose position is >= h.
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((positions[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    // Past the last point: wrap around to the first one.
    return this.#owners[lo === positions.length ? 0 : lo];
  }

  #rebuild(): void {
    const points: { position: number; owner: string }[] = [];
    // Nodes in ascending id order (plain string comparison), then a stable sort by position: points
    // that share a position stay in id order, so ties go to the smaller id and the ring depends only
    // on the set of nodes, never on the order they were added in.
    for (const id of [...this.#nodes].sort()) {
      for (let i = 0; i < this.#virtualNodes; i++) {
        points.push({ position: this.#hash(`${id}#${i}`), owner: id });
      }
    }
    // Numeric comparator: the default sort compares strings (1000 < 900).
    points.sort((a, b) => a.position - b.position);
    this.#positions = points.map((p) => p.position);
    this.#owners = points.map((p) => p.owner);
  }
}
