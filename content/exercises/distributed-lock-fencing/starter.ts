export interface Lease {
  readonly resource: string;
  readonly owner: string;
  /** The fencing token: per resource, 1 for the first lease, +1 for each new one. */
  readonly token: number;
  /** Live while now() < expiresAt. */
  readonly expiresAt: number;
}

export interface LockServiceOptions {
  /** Lease duration (finite, > 0). */
  ttlMs: number;
  /** The clock in ms (never goes backwards). */
  now: () => number;
}

export class LockService {
  /** @throws {RangeError} for a bad ttlMs. */
  constructor(opts: LockServiceOptions) {
    throw new Error("Not implemented");
  }

  /** A new lease, or null if the resource has a live lease (even the caller's own). */
  acquire(resource: string, owner: string): Lease | null {
    throw new Error("Not implemented");
  }

  /** Extends a current lease (same token, new expiresAt); null if it is not current. */
  renew(lease: Lease): Lease | null {
    throw new Error("Not implemented");
  }

  /** Frees the resource if the lease is current. */
  release(lease: Lease): boolean {
    throw new Error("Not implemented");
  }

  /** The resource's live lease, or null. */
  holder(resource: string): Lease | null {
    throw new Error("Not implemented");
  }
}

export class StaleTokenError extends Error {
  override readonly name = "StaleTokenError";
  readonly resource: string;
  readonly token: number;
  readonly highestToken: number;

  constructor(resource: string, token: number, highestToken: number) {
    super(`write to "${resource}" with fencing token ${token} rejected: token ${highestToken} has already written`);
    this.resource = resource;
    this.token = token;
    this.highestToken = highestToken;
  }
}

export class FencedStorage<V> {
  /** @throws {StaleTokenError} if token < highestToken(resource); {RangeError} for a bad token. */
  write(resource: string, token: number, value: V): void {
    throw new Error("Not implemented");
  }

  read(resource: string): V | undefined {
    throw new Error("Not implemented");
  }

  /** The highest token that has written to the resource; 0 before the first write. */
  highestToken(resource: string): number {
    throw new Error("Not implemented");
  }
}
