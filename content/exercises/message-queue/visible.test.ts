import { MessageQueue } from "./solution";

describe("MessageQueue", () => {
  it("delivers messages in the order they were sent, with deliveryCount 1", () => {
    const q = new MessageQueue<string>({ visibilityTimeoutMs: 1000, maxDeliveries: 3 });
    const ids = [q.send("a"), q.send("b"), q.send("c")];
    expect(new Set(ids).size).toBe(3);
    const first = q.receive();
    expect(first?.id).toBe(ids[0]);
    expect(first?.body).toBe("a");
    expect(first?.deliveryCount).toBe(1);
    expect(q.receive()?.body).toBe("b");
    expect(q.receive()?.body).toBe("c");
    expect(q.receive()).toBeUndefined();
    expect([q.size, q.inFlight]).toEqual([0, 3]);
  });

  it("deletes an acked message for good", () => {
    const q = new MessageQueue<string>({ visibilityTimeoutMs: 1000, maxDeliveries: 3 });
    q.send("job");
    const delivery = q.receive();
    expect(q.ack(delivery?.receipt ?? "")).toBe(true);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
    clock.advance(5000);
    expect(q.receive()).toBeUndefined();
  });

  it("redelivers a message that was not acked within the visibility timeout", () => {
    const q = new MessageQueue<string>({ visibilityTimeoutMs: 1000, maxDeliveries: 3 });
    const id = q.send("job");
    const first = q.receive();
    clock.advance(999);
    expect(q.receive()).toBeUndefined();
    clock.advance(1);
    const second = q.receive();
    expect(second?.id).toBe(id);
    expect(second?.deliveryCount).toBe(2);
    expect(second?.receipt).not.toBe(first?.receipt);
  });

  it("makes a nacked message visible again at once", () => {
    const q = new MessageQueue<string>({ visibilityTimeoutMs: 1000, maxDeliveries: 3 });
    q.send("job");
    const first = q.receive();
    expect(q.nack(first?.receipt ?? "")).toBe(true);
    expect([q.size, q.inFlight]).toEqual([1, 0]);
    expect(q.receive()?.deliveryCount).toBe(2);
  });

  it("moves a message to the dead-letter queue after maxDeliveries failed deliveries", () => {
    const q = new MessageQueue<string>({ visibilityTimeoutMs: 1000, maxDeliveries: 2 });
    const id = q.send("poison");
    q.nack(q.receive()?.receipt ?? "");
    q.nack(q.receive()?.receipt ?? "");
    expect(q.receive()).toBeUndefined();
    expect(q.deadLetters).toEqual([{ id, body: "poison", deliveryCount: 2 }]);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
  });
});
