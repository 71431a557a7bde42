export interface Instance {
  readonly id: string;
  readonly address: string;
}

export interface RegistryOptions {
  /** An instance is healthy while now() < its last heartbeat + ttlMs (finite, > 0). */
  ttlMs: number;
  now: () => number;
}

export class Registry {
  /** @throws {RangeError} for a bad ttlMs. */
  constructor(opts: RegistryOptions) {
    throw new Error("Not implemented");
  }

  /** Adds the instance (or replaces its address) and counts as a heartbeat. */
  register(id: string, address: string): void {
    throw new Error("Not implemented");
  }

  /** Refreshes a healthy instance; false for an unknown or expired one. */
  heartbeat(id: string): boolean {
    throw new Error("Not implemented");
  }

  /** Removes the instance; true if it was healthy. */
  deregister(id: string): boolean {
    throw new Error("Not implemented");
  }

  /** The healthy instances, sorted by id. */
  healthy(): Instance[] {
    throw new Error("Not implemented");
  }
}

export interface Pick {
  readonly instance: Instance;
  /** Ends the request: the instance's in-flight count goes down by one (only the first call counts). */
  release(): void;
}

export class P2CBalancer {
  constructor(registry: Registry, random: () => number) {
    throw new Error("Not implemented");
  }

  /** Power of two choices over the healthy instances; null if there is none. */
  pick(): Pick | null {
    throw new Error("Not implemented");
  }

  /** Requests picked for this instance id and not yet released. */
  inFlight(id: string): number {
    throw new Error("Not implemented");
  }
}
