// Prints the bundle's size and the cost of preparing the web globals in a fresh bare context:
//   node lib/sandbox/runtime/web/measure.ts
import vm from "node:vm";
import { bundleWebGlobals, GLOBAL_NAME } from "./bundle-support.ts";
import { nodeHost } from "./test-support.ts";

const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return ((sorted[Math.floor((sorted.length - 1) / 2)] as number) + (sorted[Math.ceil((sorted.length - 1) / 2)] as number)) / 2;
}

const plain = await bundleWebGlobals(false);
const minified = await bundleWebGlobals(true);
console.log(`bundle: ${(plain.length / 1024).toFixed(1)} KiB, minified ${(minified.length / 1024).toFixed(1)} KiB`);

const script = new vm.Script(minified, { filename: "web-globals.min.js" });
const evaluate: number[] = [];
const create: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const context = vm.createContext({});
  const started = performance.now();
  script.runInContext(context);
  const loaded = performance.now();
  (vm.runInContext(GLOBAL_NAME, context) as { createWebGlobals: (host: unknown) => unknown }).createWebGlobals(nodeHost());
  const finished = performance.now();
  evaluate.push(loaded - started);
  create.push(finished - loaded);
}
console.log(`median of ${RUNS} fresh contexts: evaluating the bundle ${median(evaluate).toFixed(2)} ms, createWebGlobals ${median(create).toFixed(3)} ms`);
