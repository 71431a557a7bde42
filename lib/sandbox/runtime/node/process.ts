import { runtimeHost } from "./bindings.ts";
import { invalidArgType } from "./errors.ts";
import { EventEmitter, warningSink } from "./events.ts";

/*
 * A Node-like `process` for the isolate. It exists when the bundle is evaluated (readable-stream
 * takes it from `require("process/")` at load) and reaches the host only when called.
 */

export const NODE_VERSION = "24.12.0";
/** Fixed, plausible figures: the isolate has no way to measure its own memory that user code should see. */
const FAKE_MEMORY_USAGE = { rss: 50_331_648, heapTotal: 16_777_216, heapUsed: 8_388_608, external: 1_048_576, arrayBuffers: 65_536 };
const PID = 42;

let startedAtNs: bigint | undefined;
let warningHintShown = false;
const emittedDeprecations = new Set<string>();

export interface StdioWriter {
  write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean;
}

type ProcessObject = EventEmitter & Record<string, unknown> & {
  exitCode: number | string | undefined;
  stdout: StdioWriter | undefined;
  stderr: StdioWriter | undefined;
  noDeprecation: boolean;
  throwDeprecation: boolean;
  _exiting: boolean;
};

export const process = new EventEmitter() as ProcessObject;

interface WarningOptions {
  type?: string;
  code?: string;
  detail?: string;
  ctor?: (...args: never[]) => unknown;
}

type StackCapture = (target: object, constructorOpt?: (...args: never[]) => unknown) => void;
const captureStackTrace = (Error as { captureStackTrace?: StackCapture }).captureStackTrace;

function emitWarning(
  warning: string | Error,
  typeOrOptions?: string | WarningOptions | ((...args: never[]) => unknown),
  codeOrConstructor?: string | ((...args: never[]) => unknown),
  constructorOpt?: (...args: never[]) => unknown,
): void {
  let type: string | undefined;
  let code: string | undefined;
  let detail: string | undefined;
  let ctor = constructorOpt;
  if (typeOrOptions !== null && typeof typeOrOptions === "object") {
    ({ type = "Warning", code, detail, ctor } = typeOrOptions);
  } else if (typeof typeOrOptions === "function") {
    ctor = typeOrOptions;
    type = "Warning";
  } else {
    type = typeOrOptions;
  }
  if (type !== undefined && typeof type !== "string") throw invalidArgType("type", "string", type);
  if (typeof codeOrConstructor === "function") ctor = codeOrConstructor;
  else if (codeOrConstructor !== undefined) {
    if (typeof codeOrConstructor !== "string") throw invalidArgType("code", "string", codeOrConstructor);
    code = codeOrConstructor;
  }

  let error: Error & { code?: string; detail?: string };
  if (typeof warning === "string") {
    error = new Error(warning);
    error.name = String(type || "Warning");
    if (code !== undefined) error.code = code;
    if (detail !== undefined) error.detail = detail;
    captureStackTrace?.(error, ctor ?? emitWarning);
  } else if (warning instanceof Error) {
    error = warning;
  } else {
    throw invalidArgType("warning", ["Error", "string"], warning);
  }
  if (error.name === "DeprecationWarning") {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) throw error;
  }
  runtimeHost().nextTick(() => process.emit("warning", error), []);
}

/** Node's default 'warning' listener: one line on stderr, and the --trace hint the first time. */
function printWarning(warning: unknown): void {
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === "DeprecationWarning";
  if (isDeprecation && process.noDeprecation) return;
  const code = (warning as { code?: unknown }).code;
  const detail = (warning as { detail?: unknown }).detail;
  let message = `(node:${PID}) `;
  if (code) message += `[${String(code)}] `;
  message += warning.toString();
  if (typeof detail === "string") message += `\n${detail}`;
  if (!warningHintShown) {
    const flag = isDeprecation ? "--trace-deprecation" : "--trace-warnings";
    message += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
    warningHintShown = true;
  }
  runtimeHost().write("stderr", `${message}\n`);
}

/** util.deprecate's once-per-code rule lives with the warnings. */
export function emitDeprecationOnce(message: string, code: string | undefined, ctor: (...args: never[]) => unknown): void {
  if (code !== undefined) {
    if (emittedDeprecations.has(code)) return;
    emittedDeprecations.add(code);
  }
  emitWarning(message, "DeprecationWarning", code, ctor);
}

function nextTick(callback: unknown, ...args: unknown[]): void {
  if (typeof callback !== "function") throw invalidArgType("callback", "function", callback);
  runtimeHost().nextTick(callback as (...args: unknown[]) => void, args);
}

function hrtime(previous?: [number, number]): [number, number] {
  const now = runtimeHost().hrtime();
  let seconds = Number(now / 1_000_000_000n);
  let nanoseconds = Number(now % 1_000_000_000n);
  if (previous !== undefined) {
    if (!Array.isArray(previous)) throw invalidArgType("time", "Array", previous);
    seconds -= previous[0];
    nanoseconds -= previous[1];
    if (nanoseconds < 0) {
      seconds -= 1;
      nanoseconds += 1_000_000_000;
    }
  }
  return [seconds, nanoseconds];
}
hrtime.bigint = (): bigint => runtimeHost().hrtime();

function memoryUsage() {
  return { ...FAKE_MEMORY_USAGE };
}
memoryUsage.rss = () => FAKE_MEMORY_USAGE.rss;

Object.defineProperty(process, Symbol.toStringTag, { value: "process", configurable: true });
Object.assign(process, {
  title: "node",
  version: `v${NODE_VERSION}`,
  versions: { node: NODE_VERSION, v8: "13.6.233.10-node.24", uv: "1.51.0", modules: "137", unicode: "16.0" },
  release: { name: "node", lts: "Krypton" },
  arch: "x64",
  platform: "linux",
  pid: PID,
  ppid: 1,
  argv: ["/usr/local/bin/node", "/sandbox/main.js"],
  argv0: "node",
  execArgv: [],
  execPath: "/usr/local/bin/node",
  env: {},
  exitCode: undefined,
  noDeprecation: false,
  throwDeprecation: false,
  traceDeprecation: false,
  _exiting: false,
  stdout: undefined,
  stderr: undefined,
  features: { inspector: false, typescript: false },
  cwd: () => "/sandbox",
  nextTick,
  hrtime,
  uptime: () => {
    const now = runtimeHost().hrtime();
    startedAtNs ??= now;
    return Number(now - startedAtNs) / 1e9;
  },
  memoryUsage,
  emitWarning,
  exit(code?: number | string) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit("exit", Number(process.exitCode ?? 0));
    }
    return runtimeHost().exit(Number(process.exitCode ?? 0));
  },
});
process.on("warning", printWarning);
warningSink.emitWarning = emitWarning;

/** Called by createNodeModules: uptime counts from here. */
export function startProcessClock(): void {
  startedAtNs = runtimeHost().hrtime();
}

export default process;
