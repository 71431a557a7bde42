/**
 * A consistent hashing ring with virtual nodes.
 *
 * - Virtual node i of node `id` sits at position hash(`${id}#${i}`), i = 0 .. virtualNodes - 1.
 * - A key belongs to the first point with position >= hash(key), wrapping around to the smallest.
 * - Points at the same position: the smaller node id (string `<`) comes first.
 * - getNode must be O(log P) (binary search over the sorted positions).
 */
export class HashRing {
  /**
   * @param opts.virtualNodes points per node, default 100; must be a positive integer (else RangeError).
   * @param opts.hash maps a string to an integer in [0, 2^32); default: your own good 32-bit hash
   *   (e.g. FNV-1a + the fmix32 finaliser).
   */
  constructor(opts: { virtualNodes?: number; hash?: (key: string) => number } = {}) {
    throw new Error("Not implemented");
  }

  /** Adds a node with all its virtual nodes. No-op if the node is already on the ring. */
  addNode(id: string): void {
    throw new Error("Not implemented");
  }

  /** Removes a node and all its virtual nodes. No-op for an unknown node. */
  removeNode(id: string): void {
    throw new Error("Not implemented");
  }

  /** The node owning `key`, or undefined when the ring is empty. */
  getNode(key: string): string | undefined {
    throw new Error("Not implemented");
  }
}
