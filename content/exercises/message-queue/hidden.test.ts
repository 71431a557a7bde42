import fc from "fast-check";
import { MessageQueue, type Delivery } from "./solution";

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function queue<T = string>(visibilityTimeoutMs = 100, maxDeliveries = 3) {
  return new MessageQueue<T>({ visibilityTimeoutMs, maxDeliveries });
}

/** Receives everything visible now; returns the bodies (and leaves them in flight). */
function drainBodies<T>(q: MessageQueue<T>): T[] {
  const bodies: T[] = [];
  for (let d = q.receive(); d; d = q.receive()) bodies.push(d.body);
  return bodies;
}

describe("MessageQueue: basics", () => {
  it("throws a RangeError for a bad visibilityTimeoutMs or maxDeliveries", () => {
    for (const visibilityTimeoutMs of [0, -1, NaN, Infinity]) {
      expect(() => new MessageQueue({ visibilityTimeoutMs, maxDeliveries: 3 })).toThrow(RangeError);
    }
    for (const maxDeliveries of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => new MessageQueue({ visibilityTimeoutMs: 100, maxDeliveries })).toThrow(RangeError);
    }
    expect(() => new MessageQueue({ visibilityTimeoutMs: 0.5, maxDeliveries: 1 })).not.toThrow();
  });

  it("returns unique ids, delivers the same body object, and counts visible and in-flight messages", () => {
    const q = queue<{ n: number }>();
    const bodies = Array.from({ length: 50 }, (_, n) => ({ n }));
    const ids = bodies.map((b) => q.send(b));
    expect(new Set(ids).size).toBe(50);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect([q.size, q.inFlight]).toEqual([50, 0]);
    const receipts = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const d = q.receive();
      expect(d?.body).toBe(bodies[i]);
      expect(d?.id).toBe(ids[i]);
      receipts.add(d?.receipt ?? "");
      expect([q.size, q.inFlight]).toEqual([49 - i, i + 1]);
    }
    expect(receipts.size).toBe(50);
    expect(q.receive()).toBeUndefined();
  });

  it("acks only once, and only with the receipt (not the id)", () => {
    const q = queue();
    const id = q.send("x");
    const d = q.receive();
    expect(q.ack("no-such-receipt")).toBe(false);
    if (d?.receipt !== id) expect(q.ack(id)).toBe(false);
    expect(q.inFlight).toBe(1);
    expect(q.ack(d?.receipt ?? "")).toBe(true);
    expect(q.ack(d?.receipt ?? "")).toBe(false);
    expect(q.nack(d?.receipt ?? "")).toBe(false);
    clock.advance(1000);
    expect([q.size, q.inFlight, q.deadLetters.length]).toEqual([0, 0, 0]);
  });
});

describe("MessageQueue: visibility timeout", () => {
  it("hides a received message until exactly visibilityTimeoutMs later", () => {
    const q = queue(100);
    q.send("a");
    clock.advance(7);
    const first = q.receive();
    clock.advance(99);
    expect(q.receive()).toBeUndefined();
    expect([q.size, q.inFlight]).toEqual([0, 1]);
    clock.advance(1);
    expect([q.size, q.inFlight]).toEqual([1, 0]);
    const second = q.receive();
    expect(second?.id).toBe(first?.id);
    expect(second?.deliveryCount).toBe(2);
    expect(second?.receipt).not.toBe(first?.receipt);
  });

  it("puts a redelivered message behind the messages already waiting", () => {
    const q = queue(100);
    q.send("a");
    q.receive(); // a in flight
    q.send("b");
    q.send("c");
    clock.advance(100); // a re-joins at the back
    q.send("d");
    expect(drainBodies(q)).toEqual(["b", "c", "a", "d"]);
  });

  it("enqueues an expired message at its expiry time, before messages sent later", () => {
    const q = queue(100);
    q.send("a");
    q.receive(); // expires at t=100
    clock.advance(150); // nobody touches the queue between t=0 and t=150
    q.send("b");
    expect(drainBodies(q)).toEqual(["a", "b"]);
  });

  it("expires messages in the order of their deadlines, then of their receives", () => {
    const q = queue(100);
    for (const body of ["a", "b", "c", "d"]) q.send(body);
    q.receive(); // a, deadline 100
    q.receive(); // b, deadline 100
    clock.advance(30);
    q.receive(); // c, deadline 130
    clock.advance(10);
    q.receive(); // d, deadline 140
    q.send("e"); // t=40
    clock.advance(200);
    q.send("f");
    expect(drainBodies(q)).toEqual(["e", "a", "b", "c", "d", "f"]);
  });

  it("rejects the receipt of an expired delivery, even before the message is received again", () => {
    const q = queue(100);
    q.send("a");
    const first = q.receive();
    clock.advance(100);
    expect(q.ack(first?.receipt ?? "")).toBe(false);
    expect(q.nack(first?.receipt ?? "")).toBe(false);
    expect([q.size, q.inFlight]).toEqual([1, 0]);
    const second = q.receive();
    expect(q.ack(first?.receipt ?? "")).toBe(false); // stale: must not ack the new delivery
    expect(q.inFlight).toBe(1);
    expect(q.ack(second?.receipt ?? "")).toBe(true);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
  });

  it("never cuts a later delivery short with the timeout of an earlier one", () => {
    const q = queue(100);
    q.send("a");
    const first = q.receive(); // t=0, would expire at 100
    clock.advance(10);
    q.nack(first?.receipt ?? "");
    clock.advance(10);
    const second = q.receive(); // t=20: invisible until 120
    expect(second?.deliveryCount).toBe(2);
    clock.advance(99); // t=119
    expect(q.receive()).toBeUndefined();
    expect(q.inFlight).toBe(1);
    clock.advance(1); // t=120
    expect(q.receive()?.deliveryCount).toBe(3);
  });

  it("expires each delivery at its own deadline when a nacked message was received again", () => {
    const q = queue(100);
    q.send("c");
    q.send("a");
    q.send("b");
    q.receive(); // c at t=0: deadline 100
    const a1 = q.receive(); // a at t=0
    clock.advance(10);
    q.nack(a1?.receipt ?? ""); // queue: b, a
    q.receive(); // b at t=10: deadline 110
    clock.advance(10);
    q.receive(); // a again at t=20: deadline 120
    clock.advance(90); // t=110: c and b have expired, a has not
    expect([q.size, q.inFlight]).toEqual([2, 1]);
    expect(drainBodies(q)).toEqual(["c", "b"]);
    clock.advance(10); // t=120
    expect(q.receive()?.body).toBe("a");
  });

  it("never redelivers an acked message, even after its old deadline", () => {
    const q = queue(100);
    q.send("a");
    q.send("b");
    const a = q.receive();
    clock.advance(50);
    q.ack(a?.receipt ?? "");
    clock.advance(500);
    expect(drainBodies(q)).toEqual(["b"]);
  });
});

describe("MessageQueue: nack", () => {
  it("puts a nacked message at the back of the queue and counts the next delivery", () => {
    const q = queue(100);
    q.send("a");
    q.send("b");
    const a = q.receive();
    q.send("c");
    expect(q.nack(a?.receipt ?? "")).toBe(true);
    expect([q.size, q.inFlight]).toEqual([3, 0]);
    const order: string[] = [];
    const counts: number[] = [];
    for (let d = q.receive(); d; d = q.receive()) {
      order.push(d.body);
      counts.push(d.deliveryCount);
    }
    expect(order).toEqual(["b", "c", "a"]);
    expect(counts).toEqual([1, 1, 2]);
  });
});

describe("MessageQueue: dead letters", () => {
  it("dead-letters after exactly maxDeliveries visibility timeouts", () => {
    const q = queue(100, 3);
    const id = q.send("poison");
    for (let delivery = 1; delivery <= 3; delivery++) {
      const d = q.receive();
      expect(d?.deliveryCount).toBe(delivery);
      expect(q.deadLetters).toEqual([]);
      clock.advance(100);
    }
    expect(q.receive()).toBeUndefined();
    expect(q.deadLetters).toEqual([{ id, body: "poison", deliveryCount: 3 }]);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
  });

  it("dead-letters on the first failure when maxDeliveries is 1, by nack or by timeout", () => {
    const q = queue(100, 1);
    const a = q.send("a");
    const b = q.send("b");
    const first = q.receive();
    q.receive();
    expect(q.nack(first?.receipt ?? "")).toBe(true);
    expect(q.deadLetters.map((d) => d.id)).toEqual([a]);
    clock.advance(100);
    expect(q.deadLetters).toEqual([
      { id: a, body: "a", deliveryCount: 1 },
      { id: b, body: "b", deliveryCount: 1 },
    ]);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
  });

  it("keeps dead letters in the order they failed and rejects their receipts", () => {
    const q = queue(100, 2);
    q.send("x");
    q.send("y");
    q.send("z");
    // First round: all three fail by timeout.
    drainBodies(q);
    clock.advance(100);
    // Second round, in queue order x, y, z: y fails first (nack), z by nack, x by timeout.
    const x = q.receive();
    const y = q.receive();
    const z = q.receive();
    expect([x?.body, y?.body, z?.body]).toEqual(["x", "y", "z"]);
    expect(q.nack(y?.receipt ?? "")).toBe(true);
    clock.advance(10);
    expect(q.nack(z?.receipt ?? "")).toBe(true);
    clock.advance(90);
    expect(q.deadLetters.map((d) => `${d.body}:${d.deliveryCount}`)).toEqual(["y:2", "z:2", "x:2"]);
    expect(q.ack(x?.receipt ?? "")).toBe(false);
    expect(q.nack(y?.receipt ?? "")).toBe(false);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
  });

  it("returns a snapshot from deadLetters: later dead letters and edits to it do not leak", () => {
    const q = queue(100, 1);
    q.send("a");
    q.send("b");
    q.nack(q.receive()?.receipt ?? "");
    const before = q.deadLetters;
    expect(before.map((d) => d.body)).toEqual(["a"]);
    q.nack(q.receive()?.receipt ?? "");
    expect(before.map((d) => d.body)).toEqual(["a"]);
    (before as unknown as unknown[]).length = 0;
    expect(q.deadLetters.map((d) => d.body)).toEqual(["a", "b"]);
  });
});

describe("MessageQueue: model check", () => {
  it("matches a reference model over 800 random operations", () => {
    const timeout = 50;
    const maxDeliveries = 3;
    const q = new MessageQueue<number>({ visibilityTimeoutMs: timeout, maxDeliveries });

    // Reference model: explicit times, lazy expiry.
    type M = { body: number; count: number; deliveryToken: number };
    const visible: M[] = [];
    const inFlight = new Map<number, { m: M; deadline: number }>(); // token -> delivery, in receive order
    const dead: string[] = [];
    let tokens = 0;
    const fail = (m: M) => {
      if (m.count >= maxDeliveries) dead.push(`${m.body}:${m.count}`);
      else visible.push(m);
    };
    const expire = () => {
      for (const [token, entry] of inFlight) {
        if (entry.deadline > clock.now()) break; // deadlines grow with receive order
        inFlight.delete(token);
        fail(entry.m);
      }
    };

    const random = prng(31337);
    const deliveries: { receipt: string; token: number }[] = [];
    const mismatches: string[] = [];
    let nextBody = 0;
    for (let step = 0; step < 800 && mismatches.length === 0; step++) {
      const r = random();
      expire();
      if (r < 0.25) {
        const body = nextBody++;
        q.send(body);
        visible.push({ body, count: 0, deliveryToken: -1 });
      } else if (r < 0.55) {
        const got = q.receive();
        const m = visible.shift();
        if (m) {
          m.count++;
          m.deliveryToken = ++tokens;
          inFlight.set(m.deliveryToken, { m, deadline: clock.now() + timeout });
        }
        const want = m ? `${m.body}#${m.count}` : "none";
        const actual = got ? `${got.body}#${got.deliveryCount}` : "none";
        if (want !== actual) mismatches.push(`step ${step}: receive() gave ${actual}, expected ${want}`);
        if (got && m) deliveries.push({ receipt: got.receipt, token: m.deliveryToken });
      } else if (r < 0.8 && deliveries.length > 0) {
        // Mostly recent deliveries (likely still in flight), sometimes any older (likely stale) one.
        const index =
          random() < 0.7
            ? deliveries.length - 1 - Math.floor(random() * Math.min(4, deliveries.length))
            : Math.floor(random() * deliveries.length);
        const pick = deliveries[index] as { receipt: string; token: number };
        const isAck = random() < 0.5;
        const entry = inFlight.get(pick.token);
        const want = entry !== undefined;
        if (entry) {
          inFlight.delete(pick.token);
          if (!isAck) fail(entry.m);
        }
        const actual = isAck ? q.ack(pick.receipt) : q.nack(pick.receipt);
        if (actual !== want) mismatches.push(`step ${step}: ${isAck ? "ack" : "nack"} returned ${actual}, expected ${want}`);
      } else {
        clock.advance(Math.floor(random() * 30));
        expire();
      }
      const stateWant = `size=${visible.length} inFlight=${inFlight.size} dead=${dead.join(",")}`;
      const stateActual = `size=${q.size} inFlight=${q.inFlight} dead=${q.deadLetters.map((d) => `${d.body}:${d.deliveryCount}`).join(",")}`;
      if (stateWant !== stateActual) mismatches.push(`step ${step}: ${stateActual}, expected ${stateWant}`);
    }
    expect(mismatches).toEqual([]);
    expect(dead.length).toBeGreaterThan(0);
  });
});

// Model-based test: random sequences of send/receive/ack/nack and time passing, each result checked
// against a small model of the rules; a failure shows the shortest sequence fast-check could find.

const MODEL_VISIBILITY_MS = 50;

interface ModelMessage {
  readonly body: string;
  count: number;
}

class QueueModel {
  readonly visible: ModelMessage[] = [];
  /** Current deliveries by delivery number, in the order they were received (= deadline order). */
  readonly inFlight = new Map<number, { message: ModelMessage; deadline: number }>();
  readonly dead: string[] = [];
  deliveries = 0;
  sent = 0;
  now = 0;

  constructor(readonly maxDeliveries: number) {}

  advance(ms: number): void {
    this.now += ms;
    for (const [n, entry] of this.inFlight) {
      if (entry.deadline > this.now) break;
      this.inFlight.delete(n);
      this.fail(entry.message);
    }
  }

  fail(message: ModelMessage): void {
    if (message.count >= this.maxDeliveries) this.dead.push(`${message.body}:${message.count}`);
    else this.visible.push(message);
  }

  state(): string {
    return `size=${this.visible.length} inFlight=${this.inFlight.size} dead=[${this.dead.join(",")}]`;
  }
}

interface RealQueue {
  q: MessageQueue<string>;
  /** Every delivery so far, by delivery number - 1. */
  deliveries: Delivery<string>[];
}

function realState(q: MessageQueue<string>): string {
  return `size=${q.size} inFlight=${q.inFlight} dead=[${q.deadLetters.map((d) => `${d.body}:${d.deliveryCount}`).join(",")}]`;
}

function expectSame(step: string, got: string, want: string): void {
  if (got !== want) throw new Error(`${step}:\n  queue ${got}\n  model ${want}`);
}

class SendCommand implements fc.Command<QueueModel, RealQueue> {
  check(): boolean {
    return true;
  }
  run(model: QueueModel, real: RealQueue): void {
    const body = `m${++model.sent}`;
    model.visible.push({ body, count: 0 });
    real.q.send(body);
    expectSame(`after send() of ${body}`, realState(real.q), model.state());
  }
  toString(): string {
    return "send()";
  }
}

class ReceiveCommand implements fc.Command<QueueModel, RealQueue> {
  check(): boolean {
    return true;
  }
  run(model: QueueModel, real: RealQueue): void {
    const message = model.visible.shift();
    let want = "undefined";
    if (message) {
      message.count++;
      model.inFlight.set(++model.deliveries, { message, deadline: model.now + MODEL_VISIBILITY_MS });
      want = `d${model.deliveries} = ${message.body}, deliveryCount ${message.count}`;
    }
    const delivery = real.q.receive();
    let got = "undefined";
    if (delivery) {
      real.deliveries.push(delivery);
      got = `d${real.deliveries.length} = ${delivery.body}, deliveryCount ${delivery.deliveryCount}`;
    }
    expectSame("receive()", got, want);
    expectSame("after receive()", realState(real.q), model.state());
  }
  toString(): string {
    return "receive()";
  }
}

class SettleCommand implements fc.Command<QueueModel, RealQueue> {
  constructor(
    readonly action: "ack" | "nack",
    readonly delivery: number,
  ) {}
  check(model: Readonly<QueueModel>): boolean {
    return this.delivery <= model.deliveries;
  }
  run(model: QueueModel, real: RealQueue): void {
    const entry = model.inFlight.get(this.delivery);
    if (entry) {
      model.inFlight.delete(this.delivery);
      if (this.action === "nack") model.fail(entry.message);
    }
    const receipt = (real.deliveries[this.delivery - 1] as Delivery<string>).receipt;
    const returned = this.action === "ack" ? real.q.ack(receipt) : real.q.nack(receipt);
    expectSame(`${this} returned`, String(returned), String(entry !== undefined));
    expectSame(`after ${this}`, realState(real.q), model.state());
  }
  toString(): string {
    return `${this.action}(d${this.delivery}.receipt)`;
  }
}

class AdvanceCommand implements fc.Command<QueueModel, RealQueue> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(model: QueueModel, real: RealQueue): void {
    model.advance(this.ms);
    clock.advance(this.ms);
    expectSame(`after ${this}`, realState(real.q), model.state());
  }
  toString(): string {
    return `advance(${this.ms} ms)`;
  }
}

describe("MessageQueue: model check with shrinking", () => {
  it("matches the rules over random send/receive/ack/nack/time sequences", () => {
    const delivery = fc.integer({ min: 1, max: 8 });
    const commands = fc.commands(
      [
        fc.constant(null).map(() => new SendCommand()),
        fc.constant(null).map(() => new ReceiveCommand()),
        delivery.map((n) => new SettleCommand("ack", n)),
        delivery.map((n) => new SettleCommand("nack", n)),
        fc.constantFrom(1, 10, 25, 49, 50).map((ms) => new AdvanceCommand(ms)),
      ],
      { maxCommands: 40, size: "max" },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), commands, (maxDeliveries, cmds) => {
        const setup = () => ({
          model: new QueueModel(maxDeliveries),
          real: { q: new MessageQueue<string>({ visibilityTimeoutMs: MODEL_VISIBILITY_MS, maxDeliveries }), deliveries: [] },
        });
        fc.modelRun(setup, cmds);
      }),
      // The report then ends with the first difference between the queue and the model.
      { numRuns: 200, includeErrorInReport: true },
    );
  });
});

describe("MessageQueue: long runs", () => {
  it("keeps every message, in order, through 4,000 interleaved sends, receives and acks", () => {
    const q = queue<number>(100, 3);
    const received: number[] = [];
    const takeOne = () => {
      const d = q.receive();
      if (d) {
        received.push(d.body);
        q.ack(d.receipt);
      }
    };
    for (let i = 0; i < 4000; i++) {
      q.send(i);
      if (i % 3 !== 0) takeOne(); // the queue grows by one message every three sends
      if (i % 1000 === 999) expect(q.size).toBe(i + 1 - received.length);
    }
    while (q.size > 0) takeOne();
    const lost = received.length === 4000 ? [] : Array.from({ length: 4000 }, (_, i) => i).filter((i) => !received.includes(i)).slice(0, 5);
    expect({ count: received.length, lost }).toEqual({ count: 4000, lost: [] });
    expect(received.every((body, i) => body === i)).toBe(true);
  });

  it("sends, receives and acks 60,000 messages quickly (O(1) amortised per operation)", () => {
    const q = queue<number>(1000, 3);
    for (let i = 0; i < 60_000; i++) q.send(i);
    let inOrder = true;
    for (let i = 0; i < 60_000; i++) {
      const d = q.receive();
      if (d?.body !== i) inOrder = false;
      q.ack(d?.receipt ?? "");
    }
    expect(inOrder).toBe(true);
    expect([q.size, q.inFlight]).toEqual([0, 0]);
  });
});

