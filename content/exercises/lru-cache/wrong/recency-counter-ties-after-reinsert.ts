/**
 * Each entry remembers the "tick" of its last use; eviction removes the entry with the smallest
 * tick. The tick only advances on writes, so entries read in between share a tick with the last
 * write and the eviction falls back on insertion order among them.
 */
export class LRUCache<K, V> {
  readonly #capacity: number;
  readonly #entries = new Map<K, { value: V; usedAt: number }>();
  #tick = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`bad capacity ${capacity}`);
    this.#capacity = capacity;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    entry.usedAt = this.#tick;
    return entry.value;
  }

  set(key: K, value: V): void {
    this.#tick++;
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      entry.usedAt = this.#tick;
      return;
    }
    if (this.#entries.size >= this.#capacity) {
      let oldestKey: K | undefined;
      let oldestTick = Infinity;
      for (const [k, e] of this.#entries) {
        if (e.usedAt < oldestTick) {
          oldestTick = e.usedAt;
          oldestKey = k;
        }
      }
      this.#entries.delete(oldestKey as K);
    }
    this.#entries.set(key, { value, usedAt: this.#tick });
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
