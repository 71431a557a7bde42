/**
 * A lease-based lock service with fencing tokens, and a storage that enforces them.
 *
 * A lease is a lock that expires: a holder that crashes (or pauses) cannot block the resource for
 * ever. But expiry means a paused holder may wake up believing it still holds the lock. The lock
 * service cannot stop it; the storage can, if every write carries the lease's fencing token and
 * the storage refuses tokens older than the newest it has seen.
 */
export interface Lease {
  readonly resource: string;
  readonly owner: string;
  readonly token: number;
  readonly expiresAt: number;
}

export interface LockServiceOptions {
  ttlMs: number;
  now: () => number;
}

export class LockService {
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** The current lease of each resource (it may have expired: check `expiresAt`). */
  readonly #leases = new Map<string, Lease>();
  /** The last token issued per resource; never reset, so tokens only grow. */
  readonly #lastToken = new Map<string, number>();

  constructor(opts: LockServiceOptions) {
    if (!(opts.ttlMs > 0) || !Number.isFinite(opts.ttlMs)) throw new RangeError(`ttlMs must be a finite number > 0, got ${opts.ttlMs}`);
    this.#ttlMs = opts.ttlMs;
    this.#now = opts.now;
  }

  acquire(resource: string, owner: string): Lease | null {
    const now = this.#now();
    if (this.#live(resource, now)) return null;
    const token = (this.#lastToken.get(resource) ?? 0) + 1;
    this.#lastToken.set(resource, token);
    const lease: Lease = { resource, owner, token, expiresAt: now + this.#ttlMs };
    this.#leases.set(resource, lease);
    return lease;
  }

  renew(lease: Lease): Lease | null {
    const now = this.#now();
    if (!this.#isCurrent(lease, now)) return null;
    const renewed: Lease = { resource: lease.resource, owner: lease.owner, token: lease.token, expiresAt: now + this.#ttlMs };
    this.#leases.set(lease.resource, renewed);
    return renewed;
  }

  release(lease: Lease): boolean {
    if (!this.#isCurrent(lease, this.#now())) return false;
    this.#leases.delete(lease.resource);
    return true;
  }

  holder(resource: string): Lease | null {
    return this.#live(resource, this.#now()) ?? null;
  }

  #live(resource: string, now: number): Lease | undefined {
    const lease = this.#leases.get(resource);
    return lease && now <= lease.expiresAt ? lease : undefined;
  }

  /** The lease is the resource's live lease: same token and owner, not expired. */
  #isCurrent(lease: Lease, now: number): boolean {
    const current = this.#live(lease.resource, now);
    return current !== undefined && current.token === lease.token && current.owner === lease.owner;
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
  readonly #values = new Map<string, V>();
  readonly #highest = new Map<string, number>();

  write(resource: string, token: number, value: V): void {
    if (!Number.isInteger(token) || token < 1) throw new RangeError(`token must be a positive integer, got ${token}`);
    const highest = this.highestToken(resource);
    if (token < highest) throw new StaleTokenError(resource, token, highest);
    this.#highest.set(resource, token);
    this.#values.set(resource, value);
  }

  read(resource: string): V | undefined {
    return this.#values.get(resource);
  }

  highestToken(resource: string): number {
    return this.#highest.get(resource) ?? 0;
  }
}
