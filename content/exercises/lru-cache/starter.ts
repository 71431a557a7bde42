/**
 * A fixed-capacity cache that evicts the least recently used entry.
 *
 * - `get` (hit) and `set` make a key the most recently used; `has` does not.
 * - Inserting a new key into a full cache evicts the least recently used key first.
 * - Every operation must be O(1).
 */
export class LRUCache<K, V> {
  /** @throws {RangeError} unless `capacity` is a positive integer. */
  constructor(capacity: number) {
    throw new Error("Not implemented");
  }

  /** Returns the value for `key` (and marks it most recently used), or `undefined`. */
  get(key: K): V | undefined {
    throw new Error("Not implemented");
  }

  /** Inserts or updates `key` as the most recently used; evicts the LRU entry when full. */
  set(key: K, value: V): void {
    throw new Error("Not implemented");
  }

  /** Whether `key` is cached, without changing its recency. */
  has(key: K): boolean {
    throw new Error("Not implemented");
  }

  /** Removes `key`; returns `true` if it was present. */
  delete(key: K): boolean {
    throw new Error("Not implemented");
  }

  /** Number of entries currently cached. */
  get size(): number {
    throw new Error("Not implemented");
  }
}
