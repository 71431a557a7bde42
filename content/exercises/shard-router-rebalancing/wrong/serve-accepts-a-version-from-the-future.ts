/**
 * A range-sharded keyspace with a versioned shard map, in the style of MongoDB's config servers,
 * CockroachDB's range descriptors and Bigtable's tablet map.
 *
 * Shards are kept in one array sorted by start key; they tile the keyspace without gaps, so the
 * owner of a key is the last shard whose start is <= key: a binary search (route is O(log S)).
 * Every change bumps the map version, and the shards it touched remember that version, so a request
 * made with an older map is refused only if the shard it targets changed since.
 */
export interface Shard {
  readonly id: string;
  readonly start: string;
  readonly end: string | null;
  readonly node: string;
  readonly version: number;
}

export interface Move {
  readonly shardId: string;
  readonly from: string;
  readonly to: string;
}

export interface Request {
  readonly key: string;
  readonly shardId: string;
  readonly version: number;
}

export class WrongShardError extends Error {
  override readonly name = "WrongShardError";
  readonly currentVersion: number;
  readonly shard: Shard;

  constructor(currentVersion: number, shard: Shard) {
    super(`wrong shard: map version is ${currentVersion}, key belongs to ${shard.id} on ${shard.node}`);
    this.currentVersion = currentVersion;
    this.shard = shard;
  }
}

interface MutableShard {
  id: string;
  start: string;
  end: string | null;
  node: string;
  version: number;
}

export class ShardRouter {
  private sorted: MutableShard[] = [];
  private byId = new Map<string, MutableShard>();
  private nodeList: string[] = [];
  private mapVersion = 1;
  private nextId = 1;

  constructor(nodes: readonly string[]) {
    if (nodes.length === 0) throw new RangeError("at least one node is required");
    for (const node of nodes) this.addNode(node);
    this.insert(0, { id: this.newId(), start: "", end: null, node: this.nodeList[0] as string, version: 1 });
  }

  get version(): number {
    return this.mapVersion;
  }

  get nodes(): string[] {
    return [...this.nodeList];
  }

  shards(): Shard[] {
    return this.sorted.map(snapshot);
  }

  route(key: string): Shard {
    return snapshot(this.owner(key));
  }

  split(shardId: string, at: string): Shard {
    const left = this.shard(shardId);
    if (!(left.start < at && (left.end === null || at < left.end))) {
      throw new RangeError(`split point ${at} is not inside shard ${shardId}`);
    }
    this.mapVersion++;
    const right: MutableShard = { id: this.newId(), start: at, end: left.end, node: left.node, version: this.mapVersion };
    left.end = at;
    // The left half changed too: a client that cached the old, wider range must refresh.
    left.version = this.mapVersion;
    this.insert(this.sorted.indexOf(left) + 1, right);
    return snapshot(right);
  }

  move(shardId: string, node: string): boolean {
    const shard = this.shard(shardId);
    if (!this.nodeList.includes(node)) throw new RangeError(`unknown node ${node}`);
    if (shard.node === node) return false;
    this.mapVersion++;
    shard.node = node;
    shard.version = this.mapVersion;
    return true;
  }

  addNode(node: string): void {
    if (typeof node !== "string" || node === "") throw new RangeError("a node name is a non-empty string");
    if (this.nodeList.includes(node)) throw new RangeError(`node ${node} already exists`);
    this.nodeList.push(node);
  }

  planRebalance(): Move[] {
    const owned = new Map<string, MutableShard[]>(this.nodeList.map((n) => [n, []]));
    for (const shard of this.sorted) owned.get(shard.node)?.push(shard);
    const q = Math.floor(this.sorted.length / this.nodeList.length);
    let extra = this.sorted.length % this.nodeList.length;
    // The `extra` nodes allowed q + 1 shards are the most loaded ones: that minimises the excess.
    const byLoad = [...this.nodeList].sort((a, b) => (owned.get(b)?.length ?? 0) - (owned.get(a)?.length ?? 0));
    const surplus: MutableShard[] = [];
    const deficits: { node: string; missing: number }[] = [];
    for (const node of byLoad) {
      const target = extra > 0 ? q + 1 : q;
      if (extra > 0) extra--;
      const mine = owned.get(node) ?? [];
      if (mine.length > target) surplus.push(...mine.slice(target));
      else if (mine.length < target) deficits.push({ node, missing: target - mine.length });
    }
    // Surplus and deficits add up to the same number: each surplus shard fills one missing slot.
    const moves: Move[] = [];
    for (const { node, missing } of deficits) {
      for (let i = 0; i < missing; i++) {
        const shard = surplus.pop() as MutableShard;
        moves.push({ shardId: shard.id, from: shard.node, to: node });
      }
    }
    return moves;
  }

  rebalance(): Move[] {
    const moves = this.planRebalance();
    for (const m of moves) this.move(m.shardId, m.to);
    return moves;
  }

  serve(request: Request): Shard {
    if (!Number.isInteger(request.version) || request.version < 1) {
      throw new RangeError(`bad map version ${request.version}`);
    }
    const shard = this.byId.get(request.shardId);
    if (shard === undefined || shard.version > request.version || !contains(shard, request.key)) {
      throw new WrongShardError(this.mapVersion, snapshot(this.owner(request.key)));
    }
    return snapshot(shard);
  }

  /** The last shard whose start is <= key (the first shard starts at "", so there always is one). */
  private owner(key: string): MutableShard {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.sorted[mid] as MutableShard).start <= key) lo = mid;
      else hi = mid - 1;
    }
    return this.sorted[lo] as MutableShard;
  }

  private shard(shardId: string): MutableShard {
    const shard = this.byId.get(shardId);
    if (shard === undefined) throw new RangeError(`unknown shard ${shardId}`);
    return shard;
  }

  private newId(): string {
    return `s${this.nextId++}`;
  }

  private insert(index: number, shard: MutableShard): void {
    this.sorted.splice(index, 0, shard);
    this.byId.set(shard.id, shard);
  }
}

function contains(shard: MutableShard, key: string): boolean {
  return shard.start <= key && (shard.end === null || key < shard.end);
}

function snapshot(shard: MutableShard): Shard {
  return { id: shard.id, start: shard.start, end: shard.end, node: shard.node, version: shard.version };
}
