/**
 * A range-sharded keyspace with a versioned shard map. See the instructions for every rule.
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

export class ShardRouter {
  constructor(nodes: readonly string[]) {
    throw new Error("Not implemented");
  }

  get version(): number {
    throw new Error("Not implemented");
  }

  get nodes(): string[] {
    throw new Error("Not implemented");
  }

  shards(): Shard[] {
    throw new Error("Not implemented");
  }

  route(key: string): Shard {
    throw new Error("Not implemented");
  }

  split(shardId: string, at: string): Shard {
    throw new Error("Not implemented");
  }

  move(shardId: string, node: string): boolean {
    throw new Error("Not implemented");
  }

  addNode(node: string): void {
    throw new Error("Not implemented");
  }

  planRebalance(): Move[] {
    throw new Error("Not implemented");
  }

  rebalance(): Move[] {
    throw new Error("Not implemented");
  }

  serve(request: Request): Shard {
    throw new Error("Not implemented");
  }
}
