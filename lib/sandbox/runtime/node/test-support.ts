// Test-only: bundles the runtime the way the sandbox does and runs it against a host made of
// Node's own functions, so differential tests compare it with Node's real modules.
import path from "node:path";
import util from "node:util";
import vm from "node:vm";
import * as esbuild from "esbuild";
import { nodeModulesBuildOptions } from "./build-options.ts";
import type { RuntimeHost, WebGlobals } from "./host.ts";
import type { createNodeModules, NodeModules } from "./index.ts";

const GLOBAL_NAME = "DeependNodeRuntime";

export async function bundleRuntime(options: { minify?: boolean } = {}): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: `export { createNodeModules } from "./index.ts";`,
      resolveDir: path.dirname(new URL(import.meta.url).pathname),
      loader: "ts",
    },
    bundle: true,
    platform: "neutral",
    format: "iife",
    globalName: GLOBAL_NAME,
    target: "es2023",
    write: false,
    minify: options.minify ?? false,
    logLevel: "silent",
    ...nodeModulesBuildOptions,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output");
  return output.text;
}

let cachedBundle: Promise<string> | undefined;
function runtimeBundle(): Promise<string> {
  cachedBundle ??= bundleRuntime();
  return cachedBundle;
}

export interface FakeHost extends RuntimeHost {
  output: { stream: "stdout" | "stderr"; text: string }[];
  exits: number[];
}

/** A host made of Node's own functions (real time, Math.random unless a seed is given). */
export function fakeHost(): FakeHost {
  const output: FakeHost["output"] = [];
  const exits: number[] = [];
  return {
    output,
    exits,
    nextTick: (callback, args) => process.nextTick(callback, ...args),
    queueMicrotask: (callback) => queueMicrotask(callback),
    setTimeout: (callback, ms, args) => setTimeout(callback, ms, ...args),
    setInterval: (callback, ms, args) => setInterval(callback, ms, ...args),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    setImmediate: (callback, args) => setImmediate(callback, ...args),
    clearImmediate: (handle) => clearImmediate(handle as NodeJS.Immediate),
    now: () => Date.now(),
    hrtime: () => process.hrtime.bigint(),
    random: seededRandom(12345),
    inspect: (value, options) => util.inspect(value, options),
    format: (...args) => util.format(...args),
    write: (stream, text) => void output.push({ stream, text }),
    exit: (code) => {
      exits.push(code);
      throw new Error(`exit(${code})`);
    },
  };
}

/** mulberry32: deterministic, like the sandbox's per-run PRNG. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const nodeWeb: WebGlobals = { AbortController, AbortSignal, TextEncoder, TextDecoder };

type RuntimeExports = { createNodeModules: typeof createNodeModules };

/** Evaluates a fresh copy of the bundle in this realm (shared Error, Uint8Array... with the test). */
export async function loadRuntime(host: RuntimeHost = fakeHost()): Promise<NodeModules> {
  const code = await runtimeBundle();
  const exports = new Function(`${code}\nreturn ${GLOBAL_NAME};`)() as RuntimeExports;
  return exports.createNodeModules(host, nodeWeb);
}

/** Evaluates the bundle in a bare V8 context: only ECMAScript built-ins, no Node globals. */
export async function loadRuntimeInBareContext(): Promise<{ context: vm.Context; exports: RuntimeExports }> {
  const code = await runtimeBundle();
  const context = vm.createContext({});
  vm.runInContext(code, context);
  return { context, exports: (context as Record<string, RuntimeExports>)[GLOBAL_NAME] as RuntimeExports };
}
