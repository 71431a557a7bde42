// Test support: bundles index.ts the way the harness does (esbuild, platform "neutral", format
// "iife") and evaluates it in a bare node:vm context, which has ECMAScript built-ins only.
import path from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import type { WebGlobals } from "./index.ts";
import { nodeHost } from "./test-support.ts";

export const GLOBAL_NAME = "DeependWeb";

export async function bundleWebGlobals(minify = false): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "index.ts")],
    bundle: true,
    platform: "neutral",
    format: "iife",
    globalName: GLOBAL_NAME,
    mainFields: ["module", "main"],
    target: "es2023",
    minify,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export interface VmWeb {
  context: vm.Context;
  web: WebGlobals;
  // Runs source in the context (where only the web globals are defined) and returns its value.
  run: (source: string) => unknown;
}

export function loadInVm(script: vm.Script): VmWeb {
  const context = vm.createContext({});
  script.runInContext(context);
  const bundle = vm.runInContext(GLOBAL_NAME, context) as { createWebGlobals: (host: unknown) => WebGlobals };
  const web = bundle.createWebGlobals(nodeHost());
  for (const [name, value] of Object.entries(web)) context[name] = value;
  return { context, web, run: (source) => vm.runInContext(source, context) };
}
