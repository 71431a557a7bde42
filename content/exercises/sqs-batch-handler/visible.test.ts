import { createBatchHandler, type HandlerOptions, type SqsRecord } from "./solution";

function rec(messageId: string, body: string, receiveCount = 1, group?: string): SqsRecord {
  return { messageId, body, attributes: { ApproximateReceiveCount: String(receiveCount), MessageGroupId: group } };
}

/** A handler whose process() fails for the body "bad"; records what it was called with. */
function setup(maxReceiveCount = 3) {
  const done = new Set<string>();
  const processed: string[] = [];
  const deadLettered: string[] = [];
  const opts: HandlerOptions = {
    maxReceiveCount,
    store: { has: (id) => done.has(id), add: (id) => void done.add(id) },
    process: async (record) => {
      processed.push(record.messageId);
      if (record.body === "bad") throw new Error("cannot parse");
    },
    deadLetter: (record) => void deadLettered.push(record.messageId),
  };
  return { handler: createBatchHandler(opts), done, processed, deadLettered };
}

describe("createBatchHandler", () => {
  it("reports only the failed messages of a batch", async () => {
    const { handler, processed } = setup();
    const response = await handler({ Records: [rec("m1", "ok"), rec("m2", "bad"), rec("m3", "ok")] });
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: "m2" }] });
    expect(processed).toEqual(["m1", "m2", "m3"]);
  });

  it("skips a message that was processed by an earlier invocation", async () => {
    const { handler, processed } = setup();
    await handler({ Records: [rec("m1", "ok")] });
    const again = await handler({ Records: [rec("m1", "ok", 2)] });
    expect(again).toEqual({ batchItemFailures: [] });
    expect(processed).toEqual(["m1"]);
  });

  it("fails the rest of a FIFO group after a failure, and leaves other groups alone", async () => {
    const { handler, processed } = setup();
    const response = await handler({
      Records: [rec("f1", "ok", 1, "A"), rec("f2", "bad", 1, "A"), rec("f3", "ok", 1, "A"), rec("g1", "ok", 1, "B")],
    });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "f2" }, { itemIdentifier: "f3" }]);
    expect(processed).toEqual(["f1", "f2", "g1"]);
  });

  it("dead-letters a message received more than maxReceiveCount times instead of processing it", async () => {
    const { handler, processed, deadLettered } = setup(3);
    const response = await handler({ Records: [rec("x1", "bad", 4, "C"), rec("x2", "ok", 2, "C")] });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(deadLettered).toEqual(["x1"]);
    expect(processed).toEqual(["x2"]);
  });

  it("throws a RangeError for a maxReceiveCount that is not a positive integer", () => {
    const { deadLetter, process, store } = { deadLetter: () => {}, process: () => {}, store: { has: () => false, add: () => {} } };
    expect(() => createBatchHandler({ maxReceiveCount: 0, deadLetter, process, store })).toThrow(RangeError);
  });
});
