import type { EventEmitter } from "node:events";

/** Thrown (or rejected with) when work arrives after the server stopped accepting it. */
export class ShutdownError extends Error {
  constructor(message = "server is shutting down") {
    super(message);
    this.name = "ShutdownError";
  }
}

export type Phase = "running" | "unready" | "draining" | "closing" | "exited";

export interface Resource {
  /** Unique among the registered resources. */
  name: string;
  /** Closes the resource; may return a promise, may throw or reject. */
  close(): void | Promise<void>;
  /** How long close() may take, counted from the moment it is called (finite, > 0). */
  timeoutMs: number;
  /** Names of already-registered resources this one uses (they close after it). */
  dependsOn?: readonly string[];
}

export interface ShutdownOptions {
  /** Called exactly once, with 0 (clean) or 1 (forced). In production: process.exit. */
  exit: (code: number) => void;
  /** How long in-flight work may take once new work is refused (finite, > 0). */
  drainTimeoutMs: number;
  /** Time between readiness going false and new work being refused (finite, >= 0). Default 0. */
  readinessDelayMs?: number;
  /** Where SIGTERM and SIGINT arrive. Default: process. */
  signals?: EventEmitter;
}

export interface App {
  fetch(request: Request): Response | Promise<Response>;
}

export interface GracefulShutdown {
  readonly phase: Phase;
  readonly ready: boolean;
  readonly accepting: boolean;
  readonly inFlight: number;
  register(resource: Resource): void;
  track<T>(work: () => Promise<T>): Promise<T>;
  wrap(app: App): { fetch(request: Request): Promise<Response> };
  shutdown(): Promise<number>;
}

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

function checkDuration(name: string, value: number, allowZero: boolean): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(`${name} must be a finite number ${allowZero ? ">= 0" : "> 0"}, got ${value}`);
  }
}

interface Entry {
  resource: Resource;
  /** The names in dependsOn, without repeats. */
  dependencies: string[];
  /** Resources that depend on this one and have not finished closing yet. */
  pendingDependents: number;
}

export function createGracefulShutdown(options: ShutdownOptions): GracefulShutdown {
  const { exit, drainTimeoutMs } = options;
  const readinessDelayMs = options.readinessDelayMs ?? 0;
  checkDuration("drainTimeoutMs", drainTimeoutMs, false);
  checkDuration("readinessDelayMs", readinessDelayMs, true);
  const signals: EventEmitter = options.signals ?? process;

  let phase: Phase = "running";
  let inFlight = 0;
  let forced = false; // a drain or close timed out, or a close failed: exit code 1
  const entries: Entry[] = [];
  const byName = new Map<string, Entry>();
  let result: Promise<number> | undefined;
  let resolveResult: (code: number) => void = () => {};
  // Called when the last in-flight piece of work settles during the drain.
  let onDrained: (() => void) | undefined;
  // Every timer still armed, so a forced exit can cancel them all.
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function later(ms: number, callback: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms);
    timers.add(timer);
    return timer;
  }

  function cancel(timer: ReturnType<typeof setTimeout>): void {
    clearTimeout(timer);
    timers.delete(timer);
  }

  // Callers make sure this runs once: every path to it is disarmed (timers cleared, listeners
  // removed, onDrained dropped) or checks the phase first.
  function finish(code: number): void {
    phase = "exited";
    onDrained = undefined; // work that settles after a forced exit must not start the closing
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const signal of SIGNALS) signals.off(signal, onSignal);
    exit(code);
    resolveResult(code);
  }

  function onSignal(): void {
    void start();
  }

  for (const signal of SIGNALS) signals.on(signal, onSignal);

  function start(): Promise<number> {
    if (result) return result;
    result = new Promise<number>((resolve) => (resolveResult = resolve));
    // Readiness goes first, so the load balancer stops sending traffic before we refuse it.
    phase = "unready";
    if (readinessDelayMs === 0) stopAccepting();
    else later(readinessDelayMs, stopAccepting);
    return result;
  }

  function stopAccepting(): void {
    phase = "draining";
    if (inFlight === 0) {
      closeResources();
      return;
    }
    const deadline = later(drainTimeoutMs, () => {
      onDrained = undefined;
      forced = true;
      closeResources();
    });
    onDrained = () => {
      onDrained = undefined;
      cancel(deadline);
      closeResources();
    };
  }

  function closeResources(): void {
    phase = "closing";
    let remaining = entries.length;
    if (remaining === 0) {
      finish(forced ? 1 : 0);
      return;
    }
    const done = (entry: Entry) => {
      if (phase === "exited") return;
      for (const name of entry.dependencies) {
        const dependency = byName.get(name)!;
        dependency.pendingDependents--;
        if (dependency.pendingDependents === 0) begin(dependency);
      }
      remaining--;
      if (remaining === 0) finish(forced ? 1 : 0);
    };
    const begin = (entry: Entry) => {
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        cancel(timer);
        if (!ok) forced = true;
        done(entry);
      };
      const timer = later(entry.resource.timeoutMs, () => settle(false));
      let closing: void | Promise<void>;
      try {
        closing = entry.resource.close();
      } catch {
        settle(false);
        return;
      }
      Promise.resolve(closing).then(
        () => settle(true),
        () => settle(false),
      );
    };
    // Start every resource nothing depends on, most recently registered first. Pick them all
    // before starting any: a close that fails synchronously already starts its dependencies.
    const free = entries.filter((entry) => entry.pendingDependents === 0).reverse();
    for (const entry of free) begin(entry);
  }

  function track<T>(work: () => Promise<T>): Promise<T> {
    if (phase !== "running" && phase !== "unready") return Promise.reject(new ShutdownError());
    let running: Promise<T>;
    try {
      running = Promise.resolve(work());
    } catch (error) {
      // Work that throws before returning a promise never was in flight.
      return Promise.reject(error);
    }
    inFlight++;
    const settled = () => {
      inFlight--;
      if (inFlight === 0 && onDrained) onDrained();
    };
    running.then(settled, settled);
    return running;
  }

  return {
    get phase() {
      return phase;
    },
    get ready() {
      return phase === "running";
    },
    get accepting() {
      return phase === "running" || phase === "unready";
    },
    get inFlight() {
      return inFlight;
    },
    register(resource) {
      if (phase !== "running") throw new ShutdownError("cannot register a resource during shutdown");
      checkDuration("timeoutMs", resource.timeoutMs, false);
      if (byName.has(resource.name)) throw new Error(`duplicate resource "${resource.name}"`);
      for (const name of resource.dependsOn ?? []) {
        if (!byName.has(name)) throw new Error(`unknown dependency "${name}" of "${resource.name}"`);
      }
      const entry: Entry = { resource, dependencies: [...new Set(resource.dependsOn ?? [])], pendingDependents: 0 };
      for (const name of entry.dependencies) byName.get(name)!.pendingDependents++;
      entries.push(entry);
      byName.set(resource.name, entry);
    },
    track,
    wrap(app) {
      return {
        async fetch(request) {
          if (new URL(request.url).pathname === "/readyz") {
            return phase === "running" ? new Response("ok") : new Response("shutting down", { status: 503 });
          }
          if (phase !== "running" && phase !== "unready") {
            return new Response(JSON.stringify({ error: "shutting_down" }), { status: 503, headers: { "Content-Type": "application/json" } });
          }
          return track(async () => app.fetch(request));
        },
      };
    },
    shutdown: start,
  };
}
