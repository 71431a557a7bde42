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

/**
 * Handles SIGTERM/SIGINT (and shutdown()): readiness false, stop accepting after readinessDelayMs,
 * drain tracked work for at most drainTimeoutMs, close resources in reverse dependency order (each
 * within its timeoutMs), then exit(0) or exit(1). A second signal forces exit(1) at once.
 *
 * @throws {RangeError} for a bad drainTimeoutMs or readinessDelayMs.
 */
export function createGracefulShutdown(options: ShutdownOptions): GracefulShutdown {
  throw new Error("Not implemented");
}
