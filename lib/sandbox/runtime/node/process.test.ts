import { beforeAll, describe, expect, it } from "vitest";
import { fakeHost, loadRuntime, type FakeHost } from "./test-support.ts";

let runtimeProcess: NodeJS.Process;
let modules: Record<string, unknown>;
let host: FakeHost;
beforeAll(async () => {
  host = fakeHost();
  const runtime = await loadRuntime(host);
  runtimeProcess = runtime.globals.process as unknown as NodeJS.Process;
  modules = runtime.modules;
});

describe("process", () => {
  it("describes a Node 24 process on Linux", () => {
    expect(runtimeProcess.version).toMatch(/^v24\./);
    expect(runtimeProcess.versions.node).toBe(runtimeProcess.version.slice(1));
    expect([runtimeProcess.platform, runtimeProcess.argv, runtimeProcess.cwd(), runtimeProcess.env]).toEqual([
      "linux",
      ["/usr/local/bin/node", "/sandbox/main.js"],
      "/sandbox",
      {},
    ]);
    expect(Object.prototype.toString.call(runtimeProcess)).toBe("[object process]");
    expect(modules.process).toBe(runtimeProcess);
    expect(runtimeProcess.memoryUsage()).toEqual(runtimeProcess.memoryUsage());
    expect(runtimeProcess.memoryUsage.rss()).toBe(runtimeProcess.memoryUsage().rss);
  });

  it("is an EventEmitter with nextTick on the host's tick queue", async () => {
    const order: string[] = [];
    runtimeProcess.nextTick((first: string, second: string) => order.push(first, second), "tick", "args");
    setImmediate(() => order.push("immediate"));
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(order).toEqual(["tick", "args", "immediate"]);
    expect(() => runtimeProcess.nextTick("x" as never)).toThrow(/The "callback" argument must be of type function/);
    const seen: unknown[] = [];
    const emitter = runtimeProcess as unknown as import("node:events").EventEmitter;
    emitter.once("custom", (value) => seen.push(value));
    emitter.emit("custom", 1);
    expect(seen).toEqual([1]);
  });

  it("measures time with hrtime and uptime from the host clock", () => {
    const [seconds, nanoseconds] = runtimeProcess.hrtime();
    expect(Number.isInteger(seconds) && nanoseconds >= 0 && nanoseconds < 1e9).toBe(true);
    const start = runtimeProcess.hrtime();
    const [deltaSeconds, deltaNanoseconds] = runtimeProcess.hrtime(start);
    expect(deltaSeconds * 1e9 + deltaNanoseconds).toBeGreaterThanOrEqual(0);
    expect(typeof runtimeProcess.hrtime.bigint()).toBe("bigint");
    expect(runtimeProcess.uptime()).toBeGreaterThanOrEqual(0);
  });

  it("writes stdout and stderr through the host, including from a piped stream", async () => {
    const { Readable } = modules.stream as typeof import("node:stream");
    host.output.length = 0;
    runtimeProcess.stdout.write("out\n");
    runtimeProcess.stderr.write("err\n");
    await new Promise((resolve) => Readable.from(["piped ", "text\n"]).pipe(runtimeProcess.stdout).on("unpipe", resolve));
    expect(host.output).toEqual([
      { stream: "stdout", text: "out\n" },
      { stream: "stderr", text: "err\n" },
      { stream: "stdout", text: "piped " },
      { stream: "stdout", text: "text\n" },
    ]);
  });

  it("emits warnings on 'warning' and prints them like Node", async () => {
    host.output.length = 0;
    const warnings: Error[] = [];
    runtimeProcess.on("warning", (warning) => warnings.push(warning));
    runtimeProcess.emitWarning("Something odd", { type: "CustomWarning", code: "ODD001", detail: "More about it." });
    runtimeProcess.emitWarning("Plain");
    expect(warnings).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((warning) => [warning.name, warning.message])).toEqual([
      ["CustomWarning", "Something odd"],
      ["Warning", "Plain"],
    ]);
    expect(host.output.map((line) => line.text).join("")).toBe(
      "(node:42) [ODD001] CustomWarning: Something odd\nMore about it.\n(Use `node --trace-warnings ...` to show where the warning was created)\n" +
        "(node:42) Warning: Plain\n",
    );
  });

  it("emits 'exit' with the exit code, then ends through the host", () => {
    const codes: number[] = [];
    runtimeProcess.on("exit", (code) => codes.push(code));
    runtimeProcess.exitCode = 3;
    expect(() => runtimeProcess.exit()).toThrow("exit(3)");
    expect(codes).toEqual([3]);
    expect(host.exits).toEqual([3]);
  });
});

describe("string_decoder", () => {
  it("joins multi-byte characters split across chunks", () => {
    const { StringDecoder } = modules.string_decoder as typeof import("node:string_decoder");
    const { Buffer } = modules.buffer as typeof import("node:buffer");
    const bytes = Buffer.from("€ and 👋");
    const decoder = new StringDecoder("utf8");
    const pieces = [...bytes].map((byte) => decoder.write(Buffer.from([byte])));
    expect(pieces.join("") + decoder.end()).toBe("€ and 👋");
    expect(new StringDecoder("hex").write(Buffer.from([255, 1]))).toBe("ff01");
  });
});
