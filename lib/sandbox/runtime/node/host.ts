/** What the harness gives the runtime (see notes/runtime-contract.md). All time is virtual. */
export interface TimerHandle {
  ref(): TimerHandle;
  unref(): TimerHandle;
  hasRef(): boolean;
  refresh(): TimerHandle;
  close(): TimerHandle;
  [Symbol.toPrimitive](): number;
}

export interface ImmediateHandle {
  ref(): ImmediateHandle;
  unref(): ImmediateHandle;
  hasRef(): boolean;
}

export interface RuntimeHost {
  nextTick(callback: (...args: unknown[]) => void, args: unknown[]): void;
  queueMicrotask(callback: () => void): void;
  setTimeout(callback: (...args: unknown[]) => void, ms: number, args: unknown[]): TimerHandle;
  setInterval(callback: (...args: unknown[]) => void, ms: number, args: unknown[]): TimerHandle;
  clearTimeout(handle: unknown): void;
  setImmediate(callback: (...args: unknown[]) => void, args: unknown[]): ImmediateHandle;
  clearImmediate(handle: unknown): void;
  now(): number;
  hrtime(): bigint;
  random(): number;
  inspect(value: unknown, options?: { depth?: number }): string;
  format(...args: unknown[]): string;
  write(stream: "stdout" | "stderr", text: string): void;
  exit(code: number): never;
}

/** The part of createWebGlobals(host)'s result that the Node modules build on. */
export interface WebGlobals {
  AbortController: typeof AbortController;
  AbortSignal: typeof AbortSignal;
  TextEncoder: typeof TextEncoder;
  TextDecoder: typeof TextDecoder;
}
