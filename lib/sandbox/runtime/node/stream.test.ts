import * as nodeStream from "node:stream";
import * as nodeStreamPromises from "node:stream/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime } from "./test-support.ts";

type StreamModule = typeof nodeStream & { promises: typeof nodeStreamPromises };
interface Modules {
  stream: StreamModule;
  promises: typeof nodeStreamPromises;
}

let ours: Modules;
beforeAll(async () => {
  const { modules } = await loadRuntime();
  ours = {
    stream: modules.stream as StreamModule,
    promises: modules["stream/promises"] as typeof nodeStreamPromises,
  };
});

const node: Modules = { stream: nodeStream as StreamModule, promises: nodeStreamPromises };

function describeError(error: unknown) {
  if (error === undefined || error === null) return error;
  const { name, message, code } = error as { name: string; message: string; code?: string };
  return { name, message, code };
}

async function expectSameAsNode(scenario: (modules: Modules) => unknown): Promise<unknown> {
  const expected = await scenario(node);
  const actual = await scenario(ours);
  expect(actual).toEqual(expected);
  return actual;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("stream, compared with Node's", () => {
  it("emits data, end, finish and close in Node's order through pipe()", async () => {
    const log = await expectSameAsNode(async ({ stream }) => {
      const log: string[] = [];
      const source = new stream.Readable({ read() {} });
      const sink = new stream.Writable({
        write(chunk, _encoding, callback) {
          log.push(`write ${String(chunk)}`);
          callback();
        },
      });
      for (const name of ["end", "close", "pause", "resume"]) source.on(name, () => log.push(`source ${name}`));
      source.on("data", (chunk) => log.push(`data ${String(chunk)}`));
      for (const name of ["finish", "close", "pipe", "unpipe"]) sink.on(name, () => log.push(`sink ${name}`));
      source.pipe(sink);
      source.push("a");
      source.push("b");
      source.push(null);
      await settle();
      return log;
    });
    expect(log).toContain("sink finish");
  });

  it("applies backpressure: write() returns false at highWaterMark, then 'drain'", async () => {
    await expectSameAsNode(async ({ stream }) => {
      const log: unknown[] = [];
      const slow = new stream.Writable({
        highWaterMark: 4,
        write(chunk, _encoding, callback) {
          log.push(`written ${String(chunk)}`);
          setTimeout(callback, 1);
        },
      });
      slow.on("drain", () => log.push("drain"));
      for (const chunk of ["ab", "c", "d", "e"]) log.push([chunk, slow.write(chunk), slow.writableLength, slow.writableNeedDrain]);
      await new Promise((resolve) => slow.once("drain", resolve));
      const objects = new stream.Writable({ objectMode: true, highWaterMark: 2, write: (_c, _e, callback) => setTimeout(callback, 1) });
      log.push([objects.write({ a: 1 }), objects.write({ b: 2 }), objects.writableHighWaterMark, objects.writableObjectMode]);
      slow.end("f");
      await new Promise((resolve) => slow.on("finish", resolve));
      return log;
    });
  });

  it("transforms in object mode and passes through", async () => {
    await expectSameAsNode(async ({ stream }) => {
      const doubled: unknown[] = [];
      const double = new stream.Transform({
        objectMode: true,
        transform(value: number, _encoding, callback) {
          callback(null, value * 2);
        },
        flush(callback) {
          this.push("flushed");
          callback();
        },
      });
      const through = new stream.PassThrough({ objectMode: true });
      double.pipe(through).on("data", (value) => doubled.push(value));
      [1, 2, 3].forEach((value) => double.write(value));
      double.end();
      await new Promise((resolve) => through.on("end", resolve));
      return doubled;
    });
  });

  it("pipeline() reports the first error and destroys every stream", async () => {
    await expectSameAsNode(async ({ stream }) => {
      const log: unknown[] = [];
      const chunks = ["1", "2", "3"];
      const source = new stream.Readable({ read: () => void source.push(chunks.shift() ?? null) });
      const failing = new stream.Transform({
        transform(chunk, _encoding, callback) {
          if (String(chunk) === "2") callback(new Error("bad chunk"));
          else callback(null, chunk);
        },
      });
      const sink = new stream.Writable({ write: (_chunk, _encoding, callback) => callback() });
      for (const [name, target] of [["source", source], ["failing", failing], ["sink", sink]] as const) {
        target.on("close", () => log.push(`${name} close`));
        target.on("error", (error: Error) => log.push(`${name} error ${error.message}`));
      }
      await new Promise<void>((resolve) =>
        stream.pipeline(source, failing, sink, (error) => {
          log.push(["callback", describeError(error)]);
          resolve();
        }),
      );
      await settle();
      log.push([source.destroyed, failing.destroyed, sink.destroyed]);
      return log;
    });
  });

  it("Readable.from() with async iteration and stream/promises.pipeline with a generator", async () => {
    await expectSameAsNode(async ({ stream, promises }) => {
      const seen: unknown[] = [];
      async function* numbers() {
        yield 1;
        yield 2;
        yield 3;
      }
      for await (const value of stream.Readable.from(numbers())) seen.push(value);
      const collected: string[] = [];
      await promises.pipeline(
        stream.Readable.from(["a", "b"]),
        async function* (source: AsyncIterable<string>) {
          for await (const chunk of source) yield chunk.toUpperCase();
        },
        new stream.Writable({
          objectMode: true,
          write(chunk, _encoding, callback) {
            collected.push(chunk);
            callback();
          },
        }),
      );
      seen.push(collected);
      const readable = stream.Readable.from(["x"]);
      readable.resume();
      await promises.finished(readable);
      seen.push(readable.readableEnded);
      seen.push(await stream.Readable.from([1, 2, 3, 4]).filter((n: number) => n % 2 === 0).map((n: number) => n * 10).toArray());
      return seen;
    });
  });

  it("reads in paused mode with 'readable' and read()", async () => {
    await expectSameAsNode(async ({ stream }) => {
      const log: unknown[] = [];
      const source = new stream.Readable({ read() {} });
      source.setEncoding("utf8");
      source.on("readable", () => {
        let chunk: string | null;
        while ((chunk = source.read()) !== null) log.push(chunk);
        log.push("readable done");
      });
      source.push(Buffer.from("hé"));
      source.push(Buffer.from("llo"));
      source.push(null);
      await new Promise((resolve) => source.on("end", resolve));
      return log;
    });
  });

  it("destroys a stream when its AbortSignal aborts", async () => {
    await expectSameAsNode(async ({ stream }) => {
      const controller = new AbortController();
      const source = stream.addAbortSignal(controller.signal, new stream.Readable({ read() {} }));
      const failure = new Promise((resolve) => source.on("error", resolve));
      controller.abort();
      return [describeError(await failure), source.destroyed];
    });
  });

  it("reports premature close through finished()", async () => {
    await expectSameAsNode(async ({ stream }) => {
      const writable = new stream.Writable({ write: (_c, _e, callback) => callback() });
      const result = new Promise((resolve) => stream.finished(writable, resolve));
      writable.destroy();
      return describeError(await result);
    });
  });
});
