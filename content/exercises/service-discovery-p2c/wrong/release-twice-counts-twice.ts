export interface Instance {
  readonly id: string;
  readonly address: string;
}

export interface RegistryOptions {
  /** An instance is healthy while now() < its last heartbeat + ttlMs (finite, > 0). */
  ttlMs: number;
  now: () => number;
}

interface Registration {
  address: string;
  lastHeartbeat: number;
}

export class Registry {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #instances = new Map<string, Registration>();

  constructor(opts: RegistryOptions) {
    if (!Number.isFinite(opts.ttlMs) || opts.ttlMs <= 0) throw new RangeError(`ttlMs must be a finite number > 0, got ${opts.ttlMs}`);
    this.#ttlMs = opts.ttlMs;
    this.#now = opts.now;
  }

  register(id: string, address: string): void {
    this.#instances.set(id, { address, lastHeartbeat: this.#now() });
  }

  heartbeat(id: string): boolean {
    const now = this.#now();
    const registration = this.#liveRegistration(id, now);
    if (!registration) return false;
    registration.lastHeartbeat = now;
    return true;
  }

  deregister(id: string): boolean {
    const wasLive = this.#liveRegistration(id, this.#now()) !== undefined;
    this.#instances.delete(id);
    return wasLive;
  }

  healthy(): Instance[] {
    const now = this.#now();
    const live: Instance[] = [];
    for (const [id, registration] of this.#instances) {
      if (this.#isLive(registration, now)) live.push({ id, address: registration.address });
      // An expired instance stays dead until it registers again, so forget it now.
      else this.#instances.delete(id);
    }
    // Ids are unique (they are the Map keys), so two instances never compare equal.
    return live.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  #isLive(registration: Registration, now: number): boolean {
    return now < registration.lastHeartbeat + this.#ttlMs;
  }

  #liveRegistration(id: string, now: number): Registration | undefined {
    const registration = this.#instances.get(id);
    if (registration && !this.#isLive(registration, now)) {
      this.#instances.delete(id);
      return undefined;
    }
    return registration;
  }
}

export interface Pick {
  readonly instance: Instance;
  /** Ends the request: the instance's in-flight count goes down by one (only the first call counts). */
  release(): void;
}

export class P2CBalancer {
  readonly #registry: Registry;
  readonly #random: () => number;
  readonly #inFlight = new Map<string, number>();

  constructor(registry: Registry, random: () => number) {
    this.#registry = registry;
    this.#random = random;
  }

  pick(): Pick | null {
    const candidates = this.#registry.healthy();
    if (candidates.length === 0) return null;
    let chosen = candidates[0] as Instance;
    if (candidates.length > 1) {
      const first = Math.floor(this.#random() * candidates.length);
      let second = Math.floor(this.#random() * (candidates.length - 1));
      if (second >= first) second++; // skip the first pick so the two are distinct
      const a = candidates[first] as Instance;
      const b = candidates[second] as Instance;
      chosen = this.inFlight(b.id) < this.inFlight(a.id) ? b : a;
    }
    this.#inFlight.set(chosen.id, this.inFlight(chosen.id) + 1);
    let released = false;
    return {
      instance: chosen,
      release: () => {
        released = true;
        this.#inFlight.set(chosen.id, this.inFlight(chosen.id) - 1);
      },
    };
  }

  inFlight(id: string): number {
    return this.#inFlight.get(id) ?? 0;
  }
}
