/**
 * LRU cache: a hash map from key to node, plus a doubly linked list of the nodes in recency order.
 *
 *   head (sentinel) <-> least recently used <-> ... <-> most recently used <-> tail (sentinel)
 *
 * The map finds a node in O(1); moving a node to the MRU end or unlinking the LRU node is a fixed
 * number of pointer updates. The two sentinels remove every "is the list empty?" special case.
 */
interface Node<K, V> {
  key: K;
  value: V;
  prev: Node<K, V>;
  next: Node<K, V>;
}

export class LRUCache<K, V> {
  readonly #capacity: number;
  readonly #nodes = new Map<K, Node<K, V>>();
  // Sentinels: their key/value are never read.
  readonly #head = { prev: null, next: null } as unknown as Node<K, V>;
  readonly #tail = { prev: null, next: null } as unknown as Node<K, V>;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
    this.#head.next = this.#tail;
    this.#tail.prev = this.#head;
  }

  get(key: K): V | undefined {
    const node = this.#nodes.get(key);
    if (node === undefined) return undefined;
    this.#unlink(node);
    this.#append(node);
    return node.value;
  }

  set(key: K, value: V): void {
    const existing = this.#nodes.get(key);
    if (existing !== undefined) {
      existing.value = value;
      this.#unlink(existing);
      this.#append(existing);
      return;
    }
    if (this.#nodes.size >= this.#capacity) {
      const lru = this.#head.next;
      this.#unlink(lru);
      this.#nodes.delete(lru.key);
    }
    const node = { key, value } as Node<K, V>;
    this.#append(node);
    this.#nodes.set(key, node);
  }

  has(key: K): boolean {
    return this.#nodes.has(key);
  }

  delete(key: K): boolean {
    const node = this.#nodes.get(key);
    if (node === undefined) return false;
    this.#unlink(node);
    return this.#nodes.delete(key);
  }

  get size(): number {
    return this.#nodes.size;
  }

  /** Removes `node` from the list (it stays in the map). */
  #unlink(node: Node<K, V>): void {
    node.prev.next = node.next;
    node.next.prev = node.prev;
  }

  /** Inserts `node` just before the tail sentinel: the most recently used position. */
  #append(node: Node<K, V>): void {
    const last = this.#tail.prev;
    node.prev = last;
    node.next = this.#tail;
    last.next = node;
    this.#tail.prev = node;
  }
}
