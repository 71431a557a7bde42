import * as nodeTimers from "node:timers";
import * as nodeTimersPromises from "node:timers/promises";
import * as nodeUtil from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime } from "./test-support.ts";

interface Modules {
  timers: typeof nodeTimers;
  promises: typeof nodeTimersPromises;
  util: typeof nodeUtil;
}
let ours: Modules;
beforeAll(async () => {
  const { modules } = await loadRuntime();
  ours = {
    timers: modules.timers as typeof nodeTimers,
    promises: modules["timers/promises"] as typeof nodeTimersPromises,
    util: modules.util as typeof nodeUtil,
  };
});
const node: Modules = { timers: nodeTimers, promises: nodeTimersPromises, util: nodeUtil };

const describeError = (error: unknown) => {
  const { name, message, code } = error as { name: string; message: string; code?: string };
  return { name, message, code, cause: (error as Error).cause };
};

async function expectSameAsNode(scenario: (modules: Modules) => unknown): Promise<void> {
  expect(await scenario(ours)).toEqual(await scenario(node));
}

describe("timers, compared with Node's", () => {
  it("orders timeouts, immediates, intervals and clearing", async () => {
    await expectSameAsNode(async ({ timers }) => {
      const log: unknown[] = [];
      await new Promise<void>((resolve) => {
        const cleared = timers.setTimeout(() => log.push("never"), 1);
        timers.clearTimeout(cleared);
        // Each step is scheduled by the previous one, so real-time jitter cannot reorder them.
        timers.setImmediate((value: string) => {
          log.push(["immediate", value]);
          let ticks = 0;
          const interval = timers.setInterval(() => {
            log.push(["interval", ++ticks]);
            if (ticks < 2) return;
            timers.clearInterval(interval);
            timers.setTimeout((late: string) => {
              log.push(["timeout", late]);
              resolve();
            }, 5, "late");
          }, 1);
        }, "soon");
      });
      return log;
    });
  });

  it("resolves the promise forms with their value and rejects on abort with Node's AbortError", async () => {
    await expectSameAsNode(async ({ promises, util, timers }) => {
      const results: unknown[] = [await promises.setTimeout(1, "value"), await promises.setImmediate("now")];
      results.push(await util.promisify(timers.setTimeout)(1, "promisified"));
      const controller = new AbortController();
      const pending = promises.setTimeout(1000, "never", { signal: controller.signal });
      controller.abort(new Error("stop"));
      results.push(await pending.catch(describeError));
      results.push(await promises.setImmediate("x", { signal: controller.signal }).catch(describeError));
      results.push(await promises.setTimeout(1, "x", { signal: "bad" as never }).catch(describeError));
      const ticks: unknown[] = [];
      for await (const value of promises.setInterval(1, "tick")) {
        ticks.push(value);
        if (ticks.length === 3) break;
      }
      results.push(ticks);
      const stopper = new AbortController();
      try {
        for await (const _ of promises.setInterval(1, "tick", { signal: stopper.signal })) stopper.abort();
      } catch (error) {
        results.push(describeError(error));
      }
      results.push(await promises.scheduler.wait(1), await promises.scheduler.yield());
      return results;
    });
  });
});
