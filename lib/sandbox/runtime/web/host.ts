// The part of the harness's RuntimeHost (see notes/runtime-contract.md) that the web globals use.
// Structural, so the full RuntimeHost can be passed as it is.
export interface WebHost {
  nextTick(callback: (...args: unknown[]) => void, args: unknown[]): void; // reports listener errors
  setTimeout(callback: (...args: unknown[]) => void, ms: number, args: unknown[]): unknown; // AbortSignal.timeout
  now(): number; // File.lastModified, Event.timeStamp
  random(): number; // multipart boundaries
}

// The host of this realm. Each isolate evaluates the bundle once and calls createWebGlobals once,
// so one module-level slot is enough; it is set before any user code runs.
let currentHost: WebHost | undefined;
let startedAt = 0;

export function installHost(host: WebHost): void {
  currentHost = host;
  startedAt = host.now();
}

// Milliseconds since the runtime was prepared, like performance.now() (Event.timeStamp).
export function sinceStart(): number {
  return getHost().now() - startedAt;
}

export function getHost(): WebHost {
  if (currentHost === undefined) throw new Error("createWebGlobals(host) has not been called");
  return currentHost;
}
