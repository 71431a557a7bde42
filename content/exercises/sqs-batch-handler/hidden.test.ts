import fc from "fast-check";
import { createBatchHandler, type HandlerOptions, type ProcessedStore, type SqsEvent, type SqsRecord } from "./solution";

function rec(messageId: string, body = "ok", receiveCount: number | string = 1, group?: string): SqsRecord {
  return { messageId, body, attributes: { ApproximateReceiveCount: String(receiveCount), MessageGroupId: group } };
}

const ids = (response: { batchItemFailures: { itemIdentifier: string }[] }) => response.batchItemFailures.map((f) => f.itemIdentifier);

/**
 * A handler whose every call is logged as "has(m1)", "process(m1)", "add(m1)", "deadLetter(m1)".
 * process() fails for the body "bad"; `failing` makes one call fail for one message id.
 */
function setup(maxReceiveCount = 3, failing: Partial<Record<"has" | "add" | "deadLetter", string>> = {}) {
  const done = new Set<string>();
  const log: string[] = [];
  const opts: HandlerOptions = {
    maxReceiveCount,
    store: {
      async has(id) {
        log.push(`has(${id})`);
        if (failing.has === id) throw new Error("store unavailable");
        return done.has(id);
      },
      async add(id) {
        log.push(`add(${id})`);
        if (failing.add === id) throw new Error("store unavailable");
        done.add(id);
      },
    },
    async process(record) {
      log.push(`process(${record.messageId})`);
      if (record.body === "bad") throw new Error("cannot parse");
    },
    async deadLetter(record) {
      log.push(`deadLetter(${record.messageId})`);
      if (failing.deadLetter === record.messageId) throw new Error("dlq table unavailable");
    },
  };
  return { handler: createBatchHandler(opts), done, log };
}

describe("createBatchHandler: construction", () => {
  it("throws a RangeError for 0, negative, fractional, NaN and infinite maxReceiveCount, and accepts 1", () => {
    const calls: string[] = [];
    const opts = (maxReceiveCount: number): HandlerOptions => ({
      maxReceiveCount,
      store: { has: () => (calls.push("has"), false), add: () => void calls.push("add") },
      process: () => void calls.push("process"),
      deadLetter: () => void calls.push("deadLetter"),
    });
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createBatchHandler(opts(bad))).toThrow(RangeError);
      expect(() => createBatchHandler(opts(bad))).toThrow(/maxReceiveCount/);
    }
    expect(typeof createBatchHandler(opts(1))).toBe("function");
    expect(calls).toEqual([]);
  });

  it("answers an empty event with an empty list of failures", async () => {
    const { handler, log } = setup();
    expect(await handler({ Records: [] })).toEqual({ batchItemFailures: [] });
    expect(log).toEqual([]);
  });
});

describe("createBatchHandler: order of work", () => {
  it("finishes each record (has, process, add) before starting the next, even when every call is slow", async () => {
    const log: string[] = [];
    let busy = 0;
    let overlapped = false;
    const slow = (entry: string, ms: number) => async () => {
      log.push(`${entry} start`);
      if (busy++ > 0) overlapped = true;
      await new Promise<void>((resolve) => setTimeout(() => resolve(), ms));
      busy--;
      log.push(`${entry} end`);
    };
    const done = new Set<string>();
    const handler = createBatchHandler({
      maxReceiveCount: 5,
      store: {
        has: async (id) => (await slow(`has ${id}`, 5)(), done.has(id)),
        add: async (id) => (await slow(`add ${id}`, 5)(), void done.add(id)),
      },
      process: (record) => slow(`process ${record.messageId}`, record.messageId === "a" ? 30 : 10)(),
      deadLetter: (record) => slow(`deadLetter ${record.messageId}`, 5)(),
    });
    const response = await handler({ Records: [rec("a"), rec("b", "ok", 9), rec("c")] });
    expect(response.batchItemFailures).toEqual([]);
    expect(overlapped).toBe(false);
    expect(log).toEqual([
      "has a start", "has a end", "process a start", "process a end", "add a start", "add a end",
      "has b start", "has b end", "deadLetter b start", "deadLetter b end",
      "has c start", "has c end", "process c start", "process c end", "add c start", "add c end",
    ]);
  });

  it("lists failures in batch order, each as a plain { itemIdentifier } object", async () => {
    const { handler } = setup();
    const response = await handler({ Records: [rec("z", "bad"), rec("y"), rec("x", "bad"), rec("w", "bad")] });
    expect(response).toStrictEqual({ batchItemFailures: [{ itemIdentifier: "z" }, { itemIdentifier: "x" }, { itemIdentifier: "w" }] });
  });

  it("passes the record object itself to process and deadLetter, and works with synchronous functions", async () => {
    const seen: SqsRecord[] = [];
    const done = new Set<string>();
    const handler = createBatchHandler({
      maxReceiveCount: 1,
      store: { has: (id) => done.has(id), add: (id) => void done.add(id) },
      process: (record) => {
        seen.push(record);
        if (record.body === "bad") throw new Error("sync failure");
      },
      deadLetter: (record) => void seen.push(record),
    });
    const records = [rec("a"), rec("b", "bad"), rec("c", "ok", 2)];
    const response = await handler({ Records: records });
    expect(ids(response)).toEqual(["b"]);
    expect(seen).toHaveLength(3);
    seen.forEach((record, i) => expect(record).toBe(records[i]));
    expect([...done]).toEqual(["a"]);
  });
});

describe("createBatchHandler: idempotency", () => {
  it("adds a message to the store only after process succeeded, so a failed one is processed again", async () => {
    const { handler, done, log } = setup();
    await handler({ Records: [rec("m1", "bad")] });
    expect(done.has("m1")).toBe(false);
    expect(log).toEqual(["has(m1)", "process(m1)"]);
    log.length = 0;
    const retry = await handler({ Records: [rec("m1", "ok", 2)] });
    expect(ids(retry)).toEqual([]);
    expect(log).toEqual(["has(m1)", "process(m1)", "add(m1)"]);
    expect(done.has("m1")).toBe(true);
  });

  it("skips an already processed message even when its receive count is over the limit (it is not poison)", async () => {
    const { handler, log } = setup(2);
    await handler({ Records: [rec("m1")] });
    log.length = 0;
    const late = await handler({ Records: [rec("m1", "ok", 7)] });
    expect(ids(late)).toEqual([]);
    expect(log).toEqual(["has(m1)"]);
  });

  it("reports a message whose store.add failed, and processes it again on its next delivery", async () => {
    const { handler, log } = setup(3, { add: "m2" });
    const response = await handler({ Records: [rec("m1", "ok", 1, "G"), rec("m2", "ok", 1, "G"), rec("m3", "ok", 1, "G"), rec("m4")] });
    expect(ids(response)).toEqual(["m2", "m3"]);
    expect(log).toEqual(["has(m1)", "process(m1)", "add(m1)", "has(m2)", "process(m2)", "add(m2)", "has(m4)", "process(m4)", "add(m4)"]);
  });

  it("fails a record whose store.has throws, without rejecting the handler or stopping the batch", async () => {
    const { handler, log } = setup(3, { has: "m1" });
    const response = await handler({ Records: [rec("m1", "ok", 1, "G"), rec("m2", "ok", 1, "G"), rec("m3")] });
    expect(ids(response)).toEqual(["m1", "m2"]);
    expect(log).toEqual(["has(m1)", "has(m3)", "process(m3)", "add(m3)"]);
  });
});

describe("createBatchHandler: poison messages", () => {
  it("processes a message on exactly its maxReceiveCount-th receive and dead-letters the next one", async () => {
    const { handler, log, done } = setup(3);
    expect(ids(await handler({ Records: [rec("m1", "bad", 3)] }))).toEqual(["m1"]);
    expect(ids(await handler({ Records: [rec("m1", "bad", 4)] }))).toEqual([]);
    expect(log).toEqual(["has(m1)", "process(m1)", "has(m1)", "deadLetter(m1)"]);
    expect(done.has("m1")).toBe(false);
  });

  it("compares receive counts as numbers, not strings (\"10\" is more than 9, \"2\" is not more than 10)", async () => {
    const nine = setup(9);
    expect(ids(await nine.handler({ Records: [rec("a", "bad", "10")] }))).toEqual([]);
    expect(nine.log).toEqual(["has(a)", "deadLetter(a)"]);
    const ten = setup(10);
    expect(ids(await ten.handler({ Records: [rec("b", "ok", "2")] }))).toEqual([]);
    expect(ten.log).toEqual(["has(b)", "process(b)", "add(b)"]);
  });

  it("does not block the group of a dead-lettered message, and does not mark it processed", async () => {
    const { handler, log, done } = setup(1);
    const response = await handler({ Records: [rec("p1", "bad", 2, "A"), rec("p2", "ok", 1, "A")] });
    expect(ids(response)).toEqual([]);
    expect(log).toEqual(["has(p1)", "deadLetter(p1)", "has(p2)", "process(p2)", "add(p2)"]);
    expect([...done]).toEqual(["p2"]);
  });

  it("fails a poison message whose deadLetter call fails, and blocks the rest of its group", async () => {
    const { handler, log } = setup(1, { deadLetter: "p1" });
    const response = await handler({ Records: [rec("p1", "bad", 2, "A"), rec("p2", "ok", 1, "A"), rec("q1", "ok", 1, "B")] });
    expect(ids(response)).toEqual(["p1", "p2"]);
    expect(log).toEqual(["has(p1)", "deadLetter(p1)", "has(q1)", "process(q1)", "add(q1)"]);
  });
});

describe("createBatchHandler: FIFO message groups", () => {
  it("calls nothing for a record of a failed group, even a duplicate or a poison one", async () => {
    const { handler, log } = setup(2);
    await handler({ Records: [rec("old", "ok", 1, "A")] });
    log.length = 0;
    const response = await handler({
      Records: [rec("a1", "ok", 1, "A"), rec("a2", "bad", 1, "A"), rec("old", "ok", 2, "A"), rec("a3", "ok", 5, "A"), rec("a4", "ok", 1, "A")],
    });
    expect(ids(response)).toEqual(["a2", "old", "a3", "a4"]);
    expect(log).toEqual(["has(a1)", "process(a1)", "add(a1)", "has(a2)", "process(a2)"]);
  });

  it("keeps several groups independent when their records are interleaved", async () => {
    const { handler, log } = setup();
    const response = await handler({
      Records: [rec("a1", "ok", 1, "A"), rec("b1", "bad", 1, "B"), rec("a2", "bad", 1, "A"), rec("b2", "ok", 1, "B"), rec("c1", "ok", 1, "C"), rec("a3", "ok", 1, "A"), rec("c2", "ok", 1, "C")],
    });
    expect(ids(response)).toEqual(["b1", "a2", "b2", "a3"]);
    expect(log.filter((entry) => entry.startsWith("process"))).toEqual(["process(a1)", "process(b1)", "process(a2)", "process(c1)", "process(c2)"]);
  });

  it("never blocks records without a MessageGroupId (a standard queue)", async () => {
    const { handler, log } = setup();
    const response = await handler({ Records: [rec("s1", "bad"), rec("s2"), rec("s3", "bad"), rec("s4")] });
    expect(ids(response)).toEqual(["s1", "s3"]);
    expect(log.filter((entry) => entry.startsWith("process"))).toEqual(["process(s1)", "process(s2)", "process(s3)", "process(s4)"]);
  });

  it("forgets blocked groups when the invocation ends", async () => {
    const { handler, log } = setup();
    await handler({ Records: [rec("a1", "bad", 1, "A"), rec("a2", "ok", 1, "A")] });
    log.length = 0;
    const next = await handler({ Records: [rec("a1", "ok", 2, "A"), rec("a2", "ok", 2, "A")] });
    expect(ids(next)).toEqual([]);
    expect(log).toEqual(["has(a1)", "process(a1)", "add(a1)", "has(a2)", "process(a2)", "add(a2)"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: random invocations against a small model of the rules.

type Fault = "none" | "process" | "has" | "add" | "deadLetter";

interface GenRecord {
  id: string;
  group: string | undefined;
  count: number;
  fault: Fault;
}

function describeRecord(r: GenRecord): string {
  const fault = r.fault === "none" ? "" : ` ${r.fault} fails`;
  return `${r.id}(group ${r.group ?? "-"}, received ${r.count}${fault})`;
}

/** The rules, written as plainly as possible. Returns the calls made and the failed ids. */
function model(records: GenRecord[], done: Set<string>, max: number): { calls: string[]; failed: string[] } {
  const calls: string[] = [];
  const failed: string[] = [];
  const blocked: (string | undefined)[] = [];
  for (const r of records) {
    if (r.group !== undefined && blocked.includes(r.group)) {
      failed.push(r.id);
      continue;
    }
    let ok: boolean;
    calls.push(`has(${r.id})`);
    if (r.fault === "has") ok = false;
    else if (done.has(r.id)) ok = true;
    else if (r.count > max) {
      calls.push(`deadLetter(${r.id})`);
      ok = r.fault !== "deadLetter";
    } else {
      calls.push(`process(${r.id})`);
      if (r.fault === "process") ok = false;
      else {
        calls.push(`add(${r.id})`);
        ok = r.fault !== "add";
        if (ok) done.add(r.id);
      }
    }
    if (!ok) {
      failed.push(r.id);
      if (r.group !== undefined) blocked.push(r.group);
    }
  }
  return { calls, failed };
}

const genRecord = fc.record({
  id: fc.constantFrom("m1", "m2", "m3", "m4", "m5", "m6"),
  group: fc.constantFrom<string | undefined>(undefined, "A", "B"),
  count: fc.integer({ min: 1, max: 4 }),
  fault: fc.constantFrom<Fault>("none", "none", "none", "process", "process", "has", "add", "deadLetter"),
});
const genBatch = fc.uniqueArray(genRecord, { selector: (r) => r.id, maxLength: 6 }).map((records) => ({
  records,
  toString: () => `handler([${records.map(describeRecord).join(", ")}])`,
}));
const genMax = fc.integer({ min: 1, max: 3 }).map((n) => ({ n, toString: () => `maxReceiveCount ${n}` }));

function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

describe("createBatchHandler: any sequence of invocations", () => {
  it("makes the same calls and reports the same failures as a model of the rules, invocation after invocation", async () => {
    const report = await fc.check(
      fc.asyncProperty(genMax, fc.array(genBatch, { minLength: 1, maxLength: 4 }), async ({ n }, batches) => {
        const done = new Set<string>();
        const modelDone = new Set<string>();
        let current = new Map<string, GenRecord>();
        const calls: string[] = [];
        const fail = (id: string, what: Fault) => {
          if (current.get(id)?.fault === what) throw new Error(`${what} failed`);
        };
        const store: ProcessedStore = {
          async has(id) {
            calls.push(`has(${id})`);
            fail(id, "has");
            return done.has(id);
          },
          async add(id) {
            calls.push(`add(${id})`);
            fail(id, "add");
            done.add(id);
          },
        };
        const handler = createBatchHandler({
          maxReceiveCount: n,
          store,
          async process(record) {
            calls.push(`process(${record.messageId})`);
            fail(record.messageId, "process");
          },
          async deadLetter(record) {
            calls.push(`deadLetter(${record.messageId})`);
            fail(record.messageId, "deadLetter");
          },
        });
        for (const [i, { records: batch }] of batches.entries()) {
          current = new Map(batch.map((r) => [r.id, r]));
          calls.length = 0;
          const event: SqsEvent = { Records: batch.map((r) => rec(r.id, "body", r.count, r.group)) };
          const response = await handler(event);
          const want = model(batch, modelDone, n);
          const got = ids(response);
          if (JSON.stringify(got) !== JSON.stringify(want.failed)) {
            throw new Error(`invocation #${i + 1}: batchItemFailures ${JSON.stringify(got)}, the rules give ${JSON.stringify(want.failed)}`);
          }
          if (JSON.stringify(calls) !== JSON.stringify(want.calls)) {
            throw new Error(`invocation #${i + 1}: calls ${calls.join(" ")}, the rules give ${want.calls.join(" ")}`);
          }
        }
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});
