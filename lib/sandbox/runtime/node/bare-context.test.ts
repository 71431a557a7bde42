import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { bundleRuntime, fakeHost, loadRuntimeInBareContext, nodeWeb } from "./test-support.ts";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

describe("the bundled runtime in a bare V8 context", () => {
  it("has no Node global to lean on in the context it is tested in", () => {
    const context = vm.createContext({});
    expect(vm.runInContext("[typeof process, typeof Buffer, typeof setTimeout, typeof queueMicrotask, typeof TextEncoder, typeof AbortController]", context)).toEqual(
      Array(6).fill("undefined"),
    );
  });

  it("runs a stream pipeline, events and Buffer with only the host and web globals it is given", async () => {
    const { context, exports } = await loadRuntimeInBareContext();
    const host = fakeHost();
    const runtime = exports.createNodeModules(host, nodeWeb);
    // The runtime defines nothing global by itself: the harness decides what to expose.
    expect(vm.runInContext("Object.keys(globalThis)", context)).toEqual(["DeependNodeRuntime"]);

    context.runtime = runtime;
    context.web = nodeWeb;
    const result = await (vm.runInContext(
      `(async () => {
        const { stream, "stream/promises": streamPromises, events, buffer } = runtime.modules;
        const { Buffer, process } = runtime.globals;
        const upper = new stream.Transform({
          transform(chunk, _encoding, callback) { callback(null, Buffer.from(String(chunk).toUpperCase())); },
        });
        const chunks = [];
        const sink = new stream.Writable({ highWaterMark: 2, write(chunk, _encoding, callback) { chunks.push(chunk); process.nextTick(callback); } });
        await streamPromises.pipeline(stream.Readable.from(["node ", "streams ", "in a bare context"]), upper, sink);

        const failures = [];
        await new Promise((resolve) => stream.pipeline(
          stream.Readable.from(["x"]),
          new stream.Transform({ transform(_chunk, _encoding, callback) { callback(new Error("transform failed")); } }),
          new stream.PassThrough(),
          (error) => { failures.push(error.message); resolve(); },
        ));

        const emitter = new events();
        const controller = new web.AbortController();
        const waiting = events.once(emitter, "never", { signal: controller.signal }).catch((error) => [error.name, error.code]);
        controller.abort();
        process.stdout.write("written to stdout\\n");
        return {
          text: Buffer.concat(chunks).toString("utf8"),
          failures,
          aborted: await waiting,
          base64: Buffer.from("bare").toString("base64"),
          kMaxLength: buffer.kMaxLength,
        };
      })()`,
      context,
    ) as Promise<unknown>);
    expect(result).toEqual({
      text: "NODE STREAMS IN A BARE CONTEXT",
      failures: ["transform failed"],
      aborted: ["AbortError", "ABORT_ERR"],
      base64: "YmFyZQ==",
      kMaxLength: 64 * 1024 * 1024,
    });
    expect(host.output).toEqual([{ stream: "stdout", text: "written to stdout\n" }]);
  });

  it("measures the bundle and the time to evaluate it and create the modules", async () => {
    const [plain, minified] = await Promise.all([bundleRuntime(), bundleRuntime({ minify: true })]);
    const script = new vm.Script(minified);
    const evaluateMs: number[] = [];
    const createMs: number[] = [];
    for (let run = 0; run < 20; run++) {
      const context = vm.createContext({});
      const started = performance.now();
      script.runInContext(context);
      const evaluated = performance.now();
      context.DeependNodeRuntime.createNodeModules(fakeHost(), nodeWeb);
      createMs.push(performance.now() - evaluated);
      evaluateMs.push(evaluated - started);
    }
    const report = {
      bundleBytes: plain.length,
      minifiedBytes: minified.length,
      evaluateMedianMs: Number(median(evaluateMs).toFixed(2)),
      createNodeModulesMedianMs: Number(median(createMs).toFixed(2)),
    };
    console.info("node runtime bundle", report);
    expect(report.minifiedBytes).toBeLessThan(plain.length);
    expect(report.evaluateMedianMs + report.createNodeModulesMedianMs).toBeLessThan(250);
  });
});
