import { IdempotentConsumer, Outbox, OutboxRelay, type OutboxMessage } from "./solution";

describe("transactional outbox", () => {
  it("lists unpublished rows oldest first until they are marked", () => {
    const outbox = new Outbox<string>();
    const a = outbox.append("a");
    const b = outbox.append("b");
    expect(a).not.toBe(b);
    expect(outbox.unpublished(10)).toEqual([{ id: a, payload: "a" }, { id: b, payload: "b" }]);
    expect(outbox.markPublished(a)).toBe(true);
    expect(outbox.unpublished(10)).toEqual([{ id: b, payload: "b" }]);
    expect(outbox.pending).toBe(1);
  });

  it("publishes a batch in order and marks each row", async () => {
    const outbox = new Outbox<string>();
    for (const p of ["a", "b", "c"]) outbox.append(p);
    const sent: string[] = [];
    const relay = new OutboxRelay({ outbox, batchSize: 2, publishTimeoutMs: 1000, publish: async (m) => void sent.push(m.payload) });
    expect(await relay.tick()).toBe(2);
    expect(await relay.tick()).toBe(1);
    expect(sent).toEqual(["a", "b", "c"]);
    expect(outbox.pending).toBe(0);
  });

  it("stops the tick at a failed publish and retries that row on the next tick", async () => {
    const outbox = new Outbox<string>();
    for (const p of ["a", "b"]) outbox.append(p);
    const sent: string[] = [];
    let brokerDown = true;
    const relay = new OutboxRelay({
      outbox,
      batchSize: 10,
      publishTimeoutMs: 1000,
      publish: async (m) => {
        if (brokerDown) throw new Error("broker unavailable");
        sent.push(m.payload);
      },
    });
    expect(await relay.tick()).toBe(0);
    expect(outbox.pending).toBe(2);
    brokerDown = false;
    expect(await relay.tick()).toBe(2);
    expect(sent).toEqual(["a", "b"]);
  });

  it("drops a message whose id the consumer already handled", () => {
    const handled: string[] = [];
    const consumer = new IdempotentConsumer<string>({ handle: (m) => void handled.push(m.payload), windowSize: 10 });
    expect(consumer.receive({ id: "e1", payload: "charge" })).toBe(true);
    expect(consumer.receive({ id: "e1", payload: "charge" })).toBe(false);
    expect(handled).toEqual(["charge"]);
  });

  it("turns a lost ack into a redelivery that the consumer drops: each effect once", async () => {
    const outbox = new Outbox<string>();
    const applied: string[] = [];
    const consumer = new IdempotentConsumer<string>({ handle: (m) => void applied.push(m.payload), windowSize: 100 });
    let ackLost = true;
    const publish = async (m: OutboxMessage<string>) => {
      consumer.receive(m);
      if (ackLost) {
        ackLost = false;
        throw new Error("ack lost");
      }
    };
    const relay = new OutboxRelay({ outbox, batchSize: 10, publishTimeoutMs: 1000, publish });
    outbox.append("order 1 placed");
    outbox.append("order 2 placed");
    expect(await relay.tick()).toBe(0);
    expect(await relay.tick()).toBe(2);
    expect(applied).toEqual(["order 1 placed", "order 2 placed"]);
  });
});
