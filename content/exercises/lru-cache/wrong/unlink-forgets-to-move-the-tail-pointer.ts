/**
 * Hash map + doubly linked list without sentinels: `#head` is the least recently used node,
 * `#tail` the most recently used one.
 */
interface Node<K, V> {
  key: K;
  value: V;
  prev: Node<K, V> | null;
  next: Node<K, V> | null;
}

export class LRUCache<K, V> {
  readonly #capacity: number;
  readonly #nodes = new Map<K, Node<K, V>>();
  #head: Node<K, V> | null = null;
  #tail: Node<K, V> | null = null;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`bad capacity ${capacity}`);
    this.#capacity = capacity;
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
    if (this.#nodes.size >= this.#capacity && this.#head !== null) {
      const lru = this.#head;
      this.#unlink(lru);
      this.#nodes.delete(lru.key);
    }
    const node: Node<K, V> = { key, value, prev: null, next: null };
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

  #unlink(node: Node<K, V>): void {
    if (node.prev !== null) node.prev.next = node.next;
    else this.#head = node.next;
    if (node.next !== null) node.next.prev = node.prev;
    node.prev = null;
    node.next = null;
  }

  #append(node: Node<K, V>): void {
    node.prev = this.#tail;
    node.next = null;
    if (this.#tail !== null) this.#tail.next = node;
    this.#tail = node;
    if (this.#head === null) this.#head = node;
  }
}
