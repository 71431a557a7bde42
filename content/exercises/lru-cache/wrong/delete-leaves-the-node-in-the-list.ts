/**
 * LRU cache: a hash map from key to node, plus a doubly linked list of the nodes in recency order,
 * between two sentinels.
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
  readonly #head = { prev: null, next: null } as unknown as Node<K, V>;
  readonly #tail = { prev: null, next: null } as unknown as Node<K, V>;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`bad capacity ${capacity}`);
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
    // The list node is left behind: eviction will meet it later.
    return this.#nodes.delete(key);
  }

  get size(): number {
    return this.#nodes.size;
  }

  #unlink(node: Node<K, V>): void {
    node.prev.next = node.next;
    node.next.prev = node.prev;
  }

  #append(node: Node<K, V>): void {
    const last = this.#tail.prev;
    node.prev = last;
    node.next = this.#tail;
    last.next = node;
    this.#tail.prev = node;
  }
}
