// Prints the bundle's size and the cost of preparing the web globals in fresh bare contexts:
//   node --no-node-snapshot lib/sandbox/runtime/web/measure.ts
// (node:vm contexts share one isolate, so they flatter the numbers; isolated-vm shows what a run pays.)
import vm from "node:vm";
import ivm from "isolated-vm";
import { bundleWebGlobals, GLOBAL_NAME } from "./bundle-support.ts";
import { nodeHost } from "./test-support.ts";

const RUNS = 20;

function median(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (((sorted[Math.floor((sorted.length - 1) / 2)] as number) + (sorted[Math.ceil((sorted.length - 1) / 2)] as number)) / 2).toFixed(2);
}

const plain = await bundleWebGlobals(false);
const minified = await bundleWebGlobals(true);
console.log(`bundle: ${(plain.length / 1024).toFixed(1)} KiB, minified ${(minified.length / 1024).toFixed(1)} KiB`);

const script = new vm.Script(minified, { filename: "web-globals.min.js" });
const vmEvaluate: number[] = [];
const vmCreate: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const context = vm.createContext({});
  const started = performance.now();
  script.runInContext(context);
  const loaded = performance.now();
  (vm.runInContext(GLOBAL_NAME, context) as { createWebGlobals: (host: unknown) => unknown }).createWebGlobals(nodeHost());
  vmEvaluate.push(loaded - started);
  vmCreate.push(performance.now() - loaded);
}
console.log(`node:vm, median of ${RUNS} contexts: bundle ${median(vmEvaluate)} ms, createWebGlobals ${median(vmCreate)} ms`);

// The typings leave out the CachedDataResult that produceCachedData adds to the script.
const producer = (await new ivm.Isolate({ memoryLimit: 64 }).compileScript(minified, { produceCachedData: true })) as ivm.Script & ivm.CachedDataResult;
const cachedData = producer.cachedData;
const ivmEvaluate: number[] = [];
const ivmCreate: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  const compiled = await isolate.compileScript(minified, { cachedData });
  const context = await isolate.createContext();
  const started = performance.now();
  await compiled.run(context);
  const loaded = performance.now();
  await context.eval(`${GLOBAL_NAME}.createWebGlobals({ nextTick() {}, setTimeout() { return {}; }, now: () => 0, random: () => 0.5 }); undefined`);
  ivmEvaluate.push(loaded - started);
  ivmCreate.push(performance.now() - loaded);
  isolate.dispose();
}
console.log(`isolated-vm with a code cache, median of ${RUNS} fresh isolates: bundle ${median(ivmEvaluate)} ms, createWebGlobals ${median(ivmCreate)} ms`);
