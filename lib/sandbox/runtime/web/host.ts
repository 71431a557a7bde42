// The part of the harness's RuntimeHost (see notes/runtime-contract.md) that the web globals use.
// Structural, so the full RuntimeHost can be passed as it is.
export interface WebHost {
  nextTick(callback: (...args: unknown[]) => void, args: unknown[]): void;
  queueMicrotask(callback: () => void): void;
  setTimeout(callback: (...args: unknown[]) => void, ms: number, args: unknown[]): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  random(): number;
}

// The host of this realm. Each isolate evaluates the bundle once and calls createWebGlobals once,
// so one module-level slot is enough; it is set before any user code runs.
let currentHost: WebHost | undefined;

export function installHost(host: WebHost): void {
  currentHost = host;
}

export function getHost(): WebHost {
  if (currentHost === undefined) throw new Error("createWebGlobals(host) has not been called");
  return currentHost;
}
