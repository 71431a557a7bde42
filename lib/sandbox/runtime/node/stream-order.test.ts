// Event order against Node's streams: each scenario logs stream events beside a tick, a
// microtask and an immediate scheduled at its start (the runtime uses Node's own tick
// and microtask queues here, through the fake host), so any interleaving difference shows.
import * as nodeStream from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime } from "./test-support.ts";

let ours: typeof nodeStream;
beforeAll(async () => {
  ours = (await loadRuntime()).modules.stream as typeof nodeStream;
});

type Scenario = (stream: typeof nodeStream, log: (entry: string) => void) => Promise<unknown> | void;

async function trace(stream: typeof nodeStream, scenario: Scenario): Promise<string[]> {
  const entries: string[] = [];
  const log = (entry: string) => entries.push(entry);
  process.nextTick(() => log("tick0"));
  Promise.resolve().then(() => log("micro0"));
  setImmediate(() => log("immediate0"));
  await scenario(stream, log);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return entries;
}

const scenarios: Record<string, Scenario> = {
  fromData: (stream, log) => {
    const r = stream.Readable.from([1, 2, 3]);
    r.on("data", (v) => log(`data ${v}`)).on("end", () => log("end")).on("close", () => log("close"));
  },
  fromIterate: async (stream, log) => {
    for await (const v of stream.Readable.from([1, 2])) log(`got ${v}`);
    log("loop done");
  },
  fromPipe: (stream, log) => {
    const w = new stream.Writable({ objectMode: true, write(c, _e, cb) { log(`write ${c}`); cb(); } });
    w.on("finish", () => log("finish")).on("close", () => log("w close"));
    stream.Readable.from(["a", "b"]).on("end", () => log("end")).on("close", () => log("r close")).pipe(w);
  },
  fromPipeline: (stream, log) => {
    const t = new stream.Transform({ objectMode: true, transform(c, _e, cb) { log(`t ${c}`); cb(null, c); } });
    const w = new stream.Writable({ objectMode: true, write(c, _e, cb) { log(`write ${c}`); cb(); } });
    stream.pipeline(stream.Readable.from(["a", "b"]), t, w, (e) => log(`done ${e}`));
  },
  readablePush: (stream, log) => {
    let i = 0;
    const r = new stream.Readable({ read() { log(`read ${i}`); this.push(i < 2 ? String(i++) : null); } });
    r.on("data", (v) => log(`data ${v}`)).on("end", () => log("end")).on("close", () => log("close"));
  },
  writableEnd: (stream, log) => {
    const w = new stream.Writable({ write(c, _e, cb) { log(`write ${c}`); cb(); }, final(cb) { log("final"); cb(); } });
    w.on("finish", () => log("finish")).on("close", () => log("close"));
    w.write("a", () => log("cb a"));
    w.end("b", () => log("end cb"));
  },
  asyncWrite: (stream, log) => {
    const w = new stream.Writable({ highWaterMark: 2, write(c, _e, cb) { log(`write ${c}`); setImmediate(cb); } });
    w.on("drain", () => log("drain")).on("finish", () => log("finish"));
    log(`w1 ${w.write("ab")}`);
    log(`w2 ${w.write("c")}`);
    w.end();
  },
  transformFlush: (stream, log) => {
    const t = new stream.Transform({ transform(c, _e, cb) { cb(null, c); }, flush(cb) { log("flush"); cb(null, "z"); } });
    t.on("data", (c) => log(`data ${c}`)).on("end", () => log("end")).on("finish", () => log("finish")).on("close", () => log("close"));
    t.write("a");
    t.end();
  },
  destroyError: (stream, log) => {
    const r = new stream.Readable({ read() {} });
    r.on("error", (e) => log(`error ${e.message}`)).on("close", () => log("close"));
    r.destroy(new Error("x"));
    log("after destroy");
  },
  fromString: (stream, log) => {
    stream.Readable.from("abc").on("data", (c) => log(`data ${c}`)).on("end", () => log("end"));
  },
  fromAsyncGen: (stream, log) => {
    async function* gen() { yield 1; yield 2; }
    stream.Readable.from(gen()).on("data", (v) => log(`data ${v}`)).on("end", () => log("end")).on("close", () => log("close"));
  },
};

const fromScenarios: Record<string, Scenario> = {
  fromInterleaved: (stream, log) => {
    stream.Readable.from([1, 2, 3]).on("data", (value) => {
      log(`data ${value}`);
      process.nextTick(() => log(`tick after ${value}`));
      void Promise.resolve().then(() => log(`microtask after ${value}`));
    });
  },
  fromIterateInterleaved: async (stream, log) => {
    for await (const value of stream.Readable.from([1, 2, 3])) {
      log(`got ${value}`);
      process.nextTick(() => log(`tick after ${value}`));
    }
  },
  fromPromises: (stream, log) => {
    stream.Readable.from([Promise.resolve(1), 2, Promise.resolve(3)]).on("data", (v) => log(`data ${v}`)).on("end", () => log("end"));
  },
  fromNull: (stream, log) => {
    stream.Readable.from([1, null]).on("data", (v) => log(`data ${v}`)).on("error", (e: Error & { code?: string }) => log(`error ${e.code} ${e.message}`)).on("close", () => log("close"));
  },
  fromGenReturn: (stream, log) => {
    function* gen() { try { yield 1; yield 2; yield 3; } finally { log("gen finally"); } }
    const r = stream.Readable.from(gen());
    r.once("data", (v) => { log(`data ${v}`); r.destroy(); });
    r.on("close", () => log("close"));
  },
  endedBeforeReadableListener: (stream, log) => {
    const r = new stream.Readable({ read() {} });
    r.push("hello ");
    r.push("world");
    r.push(null);
    r.on("readable", () => { log("readable"); let v; while ((v = r.read()) !== null) log(`read ${String(v)}`); });
    r.on("end", () => log("end"));
  },
  readableListenerThenEnd: (stream, log) => {
    const r = new stream.Readable({ read() {} });
    r.on("readable", () => { log("readable"); let v; while ((v = r.read()) !== null) log(`read ${String(v)}`); });
    r.on("end", () => log("end"));
    r.push("a");
    r.push(null);
  },
  emptyEndedBeforeListener: (stream, log) => {
    const r = new stream.Readable({ read() {} });
    r.push(null);
    r.on("readable", () => log(`readable ${String(r.read())}`));
    r.on("end", () => log("end"));
  },
  fromBackpressure: (stream, log) => {
    const r = stream.Readable.from([1, 2, 3, 4], { highWaterMark: 2 });
    log(`len ${r.readableLength}`);
    r.on("readable", () => { let v; while ((v = r.read()) !== null) log(`read ${v}`); });
    r.on("end", () => log("end"));
  },
};
describe("stream event order, compared with Node's", () => {
  it.each(Object.entries({ ...scenarios, ...fromScenarios }))("%s", async (_name, scenario) => {
    expect(await trace(ours, scenario)).toEqual(await trace(nodeStream, scenario));
  });

});

// Node 18's pipeline (readable-stream's) calls back as soon as a stream fails; Node 24 waits for the
// streams it destroyed to close (stream.ts restores that).
const failingPipelines: Record<string, Scenario> = {
  middleFails: (stream, log) => {
    const failing = new stream.Transform({ transform: (_chunk, _encoding, callback) => callback(new Error("bad")) });
    const source = stream.Readable.from(["a"]).on("close", () => log("source close"));
    failing.on("close", () => log("failing close"));
    stream.pipeline(source, failing, new stream.PassThrough().on("close", () => log("sink close")), (error) => log(`done ${error?.message}`));
  },
  sourceFails: (stream, log) => {
    const source = new stream.Readable({ read() { this.destroy(new Error("source broke")); } }).on("close", () => log("source close"));
    const through = new stream.PassThrough().on("close", () => log("through close"));
    const sink = new stream.Writable({ write: (_c, _e, callback) => callback() }).on("close", () => log("sink close"));
    stream.pipeline(source, through, sink, (error) => log(`done ${error?.message}`));
  },
  sinkFails: (stream, log) => {
    const source = stream.Readable.from(["a", "b"]).on("close", () => log("source close"));
    const sink = new stream.Writable({ write: (_c, _e, callback) => callback(new Error("disk full")) }).on("close", () => log("sink close"));
    stream.pipeline(source, sink, (error) => log(`done ${error?.message}`));
  },
  generatorFails: (stream, log) => {
    const source = stream.Readable.from(["a"]).on("close", () => log("source close"));
    stream.pipeline(
      source,
      async function* (chunks: AsyncIterable<unknown>) {
        for await (const chunk of chunks) throw new Error(`cannot ${String(chunk)}`);
        yield "never";
      },
      new stream.PassThrough().on("close", () => log("sink close")),
      (error) => log(`done ${error?.message}`),
    );
  },
  noCloseEvent: (stream, log) => {
    const source = new stream.Readable({ emitClose: false, read() {} }).on("close", () => log("source close"));
    const failing = new stream.Writable({ write: (_c, _e, callback) => callback(new Error("bad")) });
    stream.pipeline(source, failing, (error) => log(`done ${error?.message}`));
    source.push("x");
  },
  promisesMiddleFails: async (stream, log) => {
    const failing = new stream.Transform({ transform: (_chunk, _encoding, callback) => callback(new Error("bad")) });
    const source = stream.Readable.from(["a"]).on("close", () => log("source close"));
    await stream.promises.pipeline(source, failing, new stream.PassThrough()).catch((error: Error) => log(`rejected ${error.message}`));
  },
  succeeds: (stream, log) => {
    const source = stream.Readable.from(["a"]).on("close", () => log("source close"));
    const sink = new stream.Writable({ write: (_c, _e, callback) => callback() }).on("close", () => log("sink close"));
    stream.pipeline(source, sink, (error) => log(`done ${String(error)}`));
  },
};

const errorText = (error: unknown) => {
  const { name, code, message } = error as { name: string; code?: string; message: string };
  return `${name} ${code} ${message}`;
};

const edgeScenarios: Record<string, Scenario> = {
  writeAfterEnd: (stream, log) => {
    const sink = new stream.Writable({ write: (_c, _e, callback) => callback() });
    sink.on("error", (error) => log(`error ${errorText(error)}`)).on("close", () => log("close"));
    sink.end("a");
    sink.write("b", (error) => log(`write callback ${error ? errorText(error) : "ok"}`));
  },
  endTwice: (stream, log) => {
    const sink = new stream.Writable({ write: (_c, _e, callback) => callback() });
    sink.on("error", (error) => log(`error ${errorText(error)}`)).on("finish", () => log("finish"));
    sink.end(() => log("first end"));
    sink.end((error?: Error | null) => log(`second end ${error ? errorText(error) : "ok"}`));
  },
  destroyWithoutError: (stream, log) => {
    const source = new stream.Readable({ read() {} });
    source.on("error", () => log("error")).on("close", () => log(`close ${source.destroyed} ${source.readableAborted}`));
    source.destroy();
  },
  breakOutOfIteration: async (stream, log) => {
    const source = stream.Readable.from([1, 2, 3]).on("close", () => log("close"));
    for await (const value of source) {
      log(`value ${value}`);
      break;
    }
    log(`after break ${source.destroyed}`);
  },
  corkAndWritev: (stream, log) => {
    const sink = new stream.Writable({
      writev(chunks, callback) {
        log(`writev ${chunks.map(({ chunk }) => String(chunk)).join("+")}`);
        callback();
      },
    });
    sink.cork();
    sink.write("a");
    sink.write("b");
    process.nextTick(() => sink.uncork());
    sink.on("finish", () => log("finish"));
    setImmediate(() => sink.end());
  },
  multiByteEncoding: (stream, log) => {
    const source = new stream.Readable({ read() {} });
    source.setEncoding("utf8");
    source.on("data", (chunk) => log(`data ${JSON.stringify(chunk)}`)).on("end", () => log("end"));
    const bytes = Buffer.from("€uro");
    source.push(bytes.subarray(0, 1));
    source.push(bytes.subarray(1));
    source.push(null);
  },
  objectModeDefaults: (stream, log) => {
    const objects = new stream.Readable({ objectMode: true, read() {} });
    const bytes = new stream.Writable({ write: (_c, _e, callback) => callback() });
    log(`${objects.readableHighWaterMark} ${bytes.writableHighWaterMark} ${stream.getDefaultHighWaterMark(true)} ${stream.getDefaultHighWaterMark(false)}`);
  },
  pushAfterEof: (stream, log) => {
    const source = new stream.Readable({ read() {} });
    source.on("error", (error) => log(`error ${errorText(error)}`));
    source.push(null);
    source.push("late");
  },
  nullWrite: (stream, log) => {
    const sink = new stream.Writable({ write: (_c, _e, callback) => callback() });
    try {
      sink.write(null);
    } catch (error) {
      log(`threw ${errorText(error)}`);
    }
  },
  mapWithConcurrency: async (stream, log) => {
    const doubled = await stream.Readable.from([3, 1, 2])
      .map(async (value: number) => {
        await new Promise((resolve) => setTimeout(resolve, value));
        return value * 2;
      }, { concurrency: 2 })
      .toArray();
    log(`mapped ${doubled.join(",")}`);
  },
  abortedPipeline: async (stream, log) => {
    const controller = new AbortController();
    const source = new stream.Readable({ read() {} }).on("close", () => log("source close"));
    const pending = stream.promises.pipeline(source, new stream.PassThrough(), { signal: controller.signal });
    controller.abort(new Error("user cancelled"));
    await pending.catch((error: Error) => log(`rejected ${errorText(error)} cause=${String((error.cause as Error | undefined)?.message)}`));
  },
  asyncDispose: async (stream, log) => {
    const source = new stream.Readable({ read() {} }).on("close", () => log(`close ${source.destroyed}`));
    const dispose = (source as unknown as Record<symbol, (() => Promise<void>) | undefined>)[Symbol.asyncDispose];
    log(`has asyncDispose ${typeof dispose}`);
    await dispose?.call(source).catch((error: unknown) => log(`dispose rejected ${errorText(error)}`));
  },
  finishedAfterEnd: async (stream, log) => {
    const source = stream.Readable.from(["a"]);
    source.resume();
    await new Promise((resolve) => source.on("end", resolve));
    stream.finished(source, (error) => log(`finished ${error ? errorText(error) : "ok"}`));
  },
};

describe("stream edge cases, compared with Node's", () => {
  it.each(Object.entries(edgeScenarios))("%s", async (_name, scenario) => {
    expect(await trace(ours, scenario)).toEqual(await trace(nodeStream, scenario));
  });
});

describe("pipeline() error timing, compared with Node's", () => {
  it.each(Object.entries(failingPipelines))("%s", async (_name, scenario) => {
    expect(await trace(ours, scenario)).toEqual(await trace(nodeStream, scenario));
  });
});
