import * as nodeEvents from "node:events";
import { beforeAll, describe, expect, it } from "vitest";
import { fakeHost, loadRuntime, type FakeHost } from "./test-support.ts";

type Events = typeof nodeEvents.EventEmitter & typeof nodeEvents;

let ours: Events;
let host: FakeHost;
beforeAll(async () => {
  host = fakeHost();
  ours = (await loadRuntime(host)).modules.events as Events;
});

function describeError(error: unknown) {
  const { name, message, code } = error as { name: string; message: string; code?: string };
  return { name, message, code, isError: error instanceof Error };
}

/** Runs the same scenario on our module and on Node's, and expects the same observations. */
async function expectSameAsNode(scenario: (events: Events) => unknown): Promise<unknown> {
  const expected = await scenario(nodeEvents.EventEmitter as Events);
  const actual = await scenario(ours);
  expect(actual).toEqual(expected);
  return actual;
}

describe("events, compared with Node's", () => {
  it("calls listeners in order, with prepend, once and the newListener/removeListener events", async () => {
    await expectSameAsNode((events) => {
      const log: unknown[] = [];
      const emitter = new events.EventEmitter();
      emitter.on("newListener", (name) => log.push(["newListener", name]));
      emitter.on("removeListener", (name) => log.push(["removeListener", name]));
      const a = (value: unknown) => log.push(["a", value]);
      emitter.on("x", a);
      emitter.once("x", (value) => log.push(["once", value]));
      emitter.prependListener("x", (value) => log.push(["first", value]));
      emitter.prependOnceListener("x", (value) => log.push(["first once", value]));
      log.push(["count", emitter.listenerCount("x"), emitter.listenerCount("x", a), emitter.listeners("x").length]);
      log.push(["emit", emitter.emit("x", 1)]);
      log.push(["emit", emitter.emit("x", 2)]);
      log.push(["names", emitter.eventNames()]);
      emitter.off("x", a);
      log.push(["emit none", emitter.emit("x", 3), emitter.emit("nothing")]);
      emitter.removeAllListeners();
      log.push(["after removeAll", emitter.eventNames(), events.listenerCount(emitter, "x")]);
      return log;
    });
  });

  it("throws an 'error' event without listener: the Error itself, or ERR_UNHANDLED_ERROR", async () => {
    await expectSameAsNode((events) => {
      const emitter = new events.EventEmitter();
      const thrown: unknown[] = [];
      const failure = new TypeError("boom");
      try {
        emitter.emit("error", failure);
      } catch (error) {
        thrown.push(error === failure);
      }
      for (const value of ["text", undefined, { a: 1 }]) {
        try {
          emitter.emit("error", value);
        } catch (error) {
          thrown.push(describeError(error), (error as { context?: unknown }).context);
        }
      }
      const seen: unknown[] = [];
      emitter.on(events.errorMonitor, (error) => seen.push(["monitor", error]));
      try {
        emitter.emit("error", "monitored");
      } catch (error) {
        thrown.push(describeError(error));
      }
      return { thrown, seen };
    });
  });

  it("routes rejected async listeners to 'error' or Symbol.for('nodejs.rejection') with captureRejections", async () => {
    await expectSameAsNode(async (events) => {
      const log: unknown[] = [];
      const emitter = new events.EventEmitter({ captureRejections: true });
      emitter.on("work", async () => {
        throw new Error("async failure");
      });
      emitter.on("error", (error: Error) => log.push(["error", error.message]));
      emitter.emit("work");
      const custom = new events.EventEmitter({ captureRejections: true }) as nodeEvents.EventEmitter & Record<symbol, unknown>;
      custom[Symbol.for("nodejs.rejection")] = (error: Error, name: string, ...args: unknown[]) =>
        log.push(["rejection", error.message, name, args]);
      custom.on("job", async (value: number) => {
        throw new Error(`job ${value}`);
      });
      custom.emit("job", 7);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return log;
    });
  });

  it("once() resolves with the arguments, rejects on 'error' and on abort with an AbortError", async () => {
    await expectSameAsNode(async (events) => {
      const emitter = new events.EventEmitter();
      const results: unknown[] = [];
      const pending = events.once(emitter, "ready");
      emitter.emit("ready", 1, "two");
      results.push(await pending);
      const failing = events.once(emitter, "ready");
      emitter.emit("error", new Error("failed first"));
      results.push(await failing.catch(describeError));
      const controller = new AbortController();
      const aborted = events.once(emitter, "ready", { signal: controller.signal });
      controller.abort();
      results.push(await aborted.catch((error) => [describeError(error), (error as Error).cause instanceof Error]));
      results.push(await events.once(emitter, "ready", { signal: controller.signal }).catch(describeError));
      results.push(emitter.listenerCount("ready"), emitter.listenerCount("error"));
      return results;
    });
  });

  it("on() iterates events until the loop breaks, and stops on abort", async () => {
    await expectSameAsNode(async (events) => {
      const emitter = new events.EventEmitter();
      const seen: unknown[] = [];
      setTimeout(() => {
        emitter.emit("tick", 1);
        emitter.emit("tick", 2);
        emitter.emit("tick", 3);
      }, 1);
      for await (const [value] of events.on(emitter, "tick")) {
        seen.push(value);
        if (value === 3) break;
      }
      seen.push(emitter.listenerCount("tick"), emitter.listenerCount("error"));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 1);
      try {
        for await (const _ of events.on(emitter, "never", { signal: controller.signal })) seen.push("unexpected");
      } catch (error) {
        seen.push(describeError(error));
      }
      return seen;
    });
  });

  it("keeps the listener list fixed during an emit, as Node does", async () => {
    await expectSameAsNode((events) => {
      const log: unknown[] = [];
      const emitter = new events.EventEmitter();
      const second = () => log.push("second");
      emitter.on("x", () => {
        log.push("first");
        emitter.removeListener("x", second);
        emitter.on("x", () => log.push("added during emit"));
      });
      emitter.on("x", second);
      emitter.emit("x");
      emitter.emit("x");
      const onceListener = () => log.push("once");
      emitter.once("y", onceListener);
      log.push(emitter.listeners("y")[0] === onceListener, emitter.rawListeners("y")[0] === onceListener);
      log.push((emitter.rawListeners("y")[0] as { listener?: unknown }).listener === onceListener);
      emitter.on("removeListener", (name, listener) => log.push(["removed", name, listener === onceListener]));
      emitter.emit("y");
      return log;
    });
  });

  it("validates arguments with Node's errors", async () => {
    await expectSameAsNode((events) => {
      const emitter = new events.EventEmitter();
      const errors: unknown[] = [];
      for (const attempt of [
        () => emitter.on("x", "not a function" as never),
        () => emitter.setMaxListeners(-1),
        () => emitter.setMaxListeners(Number.NaN),
        () => new events.EventEmitter({ captureRejections: "yes" as never }),
      ]) {
        try {
          attempt();
        } catch (error) {
          errors.push(describeError(error));
        }
      }
      return errors;
    });
  });

  it("supports old-style inheritance with EventEmitter.call(this)", async () => {
    await expectSameAsNode((events) => {
      function Legacy(this: nodeEvents.EventEmitter) {
        events.EventEmitter.call(this);
      }
      Object.setPrototypeOf(Legacy.prototype, events.EventEmitter.prototype);
      const instance = new (Legacy as unknown as new () => nodeEvents.EventEmitter)();
      const log: unknown[] = [];
      instance.on("x", (value) => log.push(value));
      instance.emit("x", "works");
      return [log, instance instanceof events.EventEmitter, instance.getMaxListeners(), events.defaultMaxListeners];
    });
  });

  it("warns like Node when a listener count passes the maximum", async () => {
    const nodeWarning = new Promise<Error>((resolve) => process.once("warning", resolve));
    class NodePool extends nodeEvents.EventEmitter {}
    Object.defineProperty(NodePool, "name", { value: "Pool" });
    const nodeEmitter = new NodePool();
    for (let index = 0; index < 11; index++) nodeEmitter.on("data", () => undefined);
    const expected = await nodeWarning;
    expect(expected.message).toContain("added to [Pool]");

    class Pool extends ours.EventEmitter {}
    const emitter = new Pool();
    for (let index = 0; index < 11; index++) emitter.on("data", () => undefined);
    expect(emitter.listeners("data")).toHaveLength(11);
    await new Promise((resolve) => setImmediate(resolve));
    expect(host.output).toEqual([
      {
        stream: "stderr",
        text:
          `(node:42) ${expected.name}: ${expected.message}\n` +
          "(Use `node --trace-warnings ...` to show where the warning was created)\n",
      },
    ]);
  });
});
