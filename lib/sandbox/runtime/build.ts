// Bundles the scripts each isolate evaluates: the harness (every run) and the Node runtime (node
// exercises only). esbuild bundles them when a worker starts (tens of milliseconds), so there is no
// build artifact to go stale; V8's code cache then makes each isolate's copy cheap (execute.ts).
import { buildSync, type BuildOptions } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nodeModulesBuildOptions } from "./node/build-options.ts";

const RUNTIME_DIR = path.dirname(fileURLToPath(import.meta.url));

const COMMON: BuildOptions = {
  bundle: true,
  write: false,
  format: "iife",
  platform: "neutral",
  target: "es2023",
  mainFields: ["module", "main"],
  legalComments: "none",
  logLevel: "silent",
};

function bundle(entry: string, options: BuildOptions): string {
  const result = buildSync({ ...COMMON, ...options, entryPoints: [path.join(RUNTIME_DIR, entry)] });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

let harness: string | undefined;
let nodeRuntime: string | undefined;
let testLibraries: string | undefined;
let sqlClient: string | undefined;

/** The harness, one strict-mode script; its stack frames are recognised by its file name. */
export function harnessScript(): string {
  harness ??= bundle("harness/index.js", {});
  return harness;
}

/** The Node runtime: modules and web globals, minified but with class and function names kept (Node prints them). */
export function nodeRuntimeScript(): string {
  nodeRuntime ??= bundle("node-runtime.ts", { ...nodeModulesBuildOptions, minify: true, keepNames: true });
  return nodeRuntime;
}

/** Libraries test files may import (fast-check), loaded only into isolates whose tests use them. */
export function testLibrariesScript(): string {
  testLibraries ??= bundle("test-libraries.ts", { minify: true, keepNames: true });
  return testLibraries;
}

/** The `deepend:sql` module of SQL exercises' tests. */
export function sqlClientScript(): string {
  sqlClient ??= bundle("sql-client.ts", { minify: true, keepNames: true });
  return sqlClient;
}
