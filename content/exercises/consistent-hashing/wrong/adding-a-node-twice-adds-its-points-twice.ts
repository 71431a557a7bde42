/** Consistent hashing ring with virtual nodes, kept sorted incrementally. */
function defaultHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

interface Point {
  position: number;
  owner: string;
}

export class HashRing {
  readonly #virtualNodes: number;
  readonly #hash: (key: string) => number;
  /** Ascending by position, then by owner id. */
  #points: Point[] = [];

  constructor(opts: { virtualNodes?: number; hash?: (key: string) => number } = {}) {
    const virtualNodes = opts.virtualNodes ?? 100;
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new RangeError(`virtualNodes must be a positive integer, got ${virtualNodes}`);
    }
    this.#virtualNodes = virtualNodes;
    this.#hash = opts.hash ?? defaultHash;
  }

  addNode(id: string): void {
    for (let i = 0; i < this.#virtualNodes; i++) {
      this.#points.push({ position: this.#hash(`${id}#${i}`), owner: id });
    }
    this.#points.sort((a, b) => a.position - b.position || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  }

  removeNode(id: string): void {
    // Take out one point per virtual node.
    for (let i = 0; i < this.#virtualNodes; i++) {
      const position = this.#hash(`${id}#${i}`);
      const index = this.#points.findIndex((p) => p.position === position && p.owner === id);
      if (index !== -1) this.#points.splice(index, 1);
    }
  }

  getNode(key: string): string | undefined {
    const points = this.#points;
    if (points.length === 0) return undefined;
    const h = this.#hash(key);
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((points[mid] as Point).position < h) lo = mid + 1;
      else hi = mid;
    }
    return (points[lo === points.length ? 0 : lo] as Point).owner;
  }
}
