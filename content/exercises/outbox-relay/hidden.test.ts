import fc from "fast-check";
import { IdempotentConsumer, Outbox, OutboxRelay, type OutboxMessage } from "./solution";

function filled(payloads: string[]): Outbox<string> {
  const outbox = new Outbox<string>();
  for (const p of payloads) outbox.append(p);
  return outbox;
}
const never = () => new Promise<void>(() => {});
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(() => resolve(), ms));

describe("outbox", () => {
  it("never reuses an id, and refuses to mark an unknown or already published row", () => {
    const outbox = new Outbox<number>();
    const ids = Array.from({ length: 100 }, (_, i) => outbox.append(i));
    expect(new Set(ids).size).toBe(100);
    expect(outbox.markPublished(ids[5] ?? "")).toBe(true);
    expect(outbox.markPublished(ids[5] ?? "")).toBe(false);
    expect(outbox.markPublished("no-such-id")).toBe(false);
    expect(outbox.pending).toBe(99);
  });

  it("skips rows published out of order and honours the limit", () => {
    const outbox = filled(["a", "b", "c", "d", "e"]);
    const [a, b, c] = outbox.unpublished(3).map((m) => m.id);
    outbox.markPublished(b ?? "");
    outbox.markPublished(a ?? "");
    expect(outbox.unpublished(2).map((m) => m.payload)).toEqual(["c", "d"]);
    outbox.markPublished(c ?? "");
    expect(outbox.unpublished(10).map((m) => m.payload)).toEqual(["d", "e"]);
    expect(outbox.unpublished(1).map((m) => m.payload)).toEqual(["d"]);
    // A published row behind an unpublished one is skipped too.
    outbox.markPublished(outbox.unpublished(2).map((m) => m.id)[1] ?? "");
    expect(outbox.unpublished(10).map((m) => m.payload)).toEqual(["d"]);
    outbox.append("f");
    expect(outbox.unpublished(10).map((m) => m.payload)).toEqual(["d", "f"]);
    expect(outbox.pending).toBe(2);
  });
});

describe("relay", () => {
  it("throws a RangeError for a bad batchSize or publishTimeoutMs", () => {
    const outbox = new Outbox<string>();
    const publish = async () => {};
    for (const batchSize of [0, -1, 1.5, NaN]) expect(() => new OutboxRelay({ outbox, publish, batchSize, publishTimeoutMs: 100 })).toThrow(RangeError);
    for (const publishTimeoutMs of [0, -5, NaN, Infinity]) expect(() => new OutboxRelay({ outbox, publish, batchSize: 1, publishTimeoutMs })).toThrow(RangeError);
  });

  it("does not publish the rows after a failed one in the same tick", async () => {
    const outbox = filled(["a", "b", "c"]);
    const calls: string[] = [];
    const relay = new OutboxRelay({
      outbox,
      batchSize: 10,
      publishTimeoutMs: 100,
      publish: async (m) => {
        calls.push(m.payload);
        if (m.payload === "b" && calls.length === 2) throw new Error("nope");
      },
    });
    expect(await relay.tick()).toBe(1);
    expect(calls).toEqual(["a", "b"]);
    expect(outbox.unpublished(10).map((m) => m.payload)).toEqual(["b", "c"]);
    expect(await relay.tick()).toBe(2);
    expect(calls).toEqual(["a", "b", "b", "c"]);
  });

  it("treats a publish that has not settled within publishTimeoutMs as failed, and a late settlement changes nothing", async () => {
    const outbox = filled(["slow", "next"]);
    let attempt = 0;
    const relay = new OutboxRelay({
      outbox,
      batchSize: 10,
      publishTimeoutMs: 100,
      publish: () => (++attempt === 1 ? after(250) : Promise.resolve()),
    });
    const started = Date.now();
    expect(await relay.tick()).toBe(0);
    expect(Date.now() - started).toBe(100);
    await after(500); // the late publish resolves meanwhile
    expect(outbox.pending).toBe(2);
    expect(await relay.tick()).toBe(2);
  });

  it("accepts a publish that resolves just before the timeout, and leaves no timer behind", async () => {
    const outbox = filled(["a", "b"]);
    const relay = new OutboxRelay({ outbox, batchSize: 10, publishTimeoutMs: 100, publish: () => after(99) });
    expect(await relay.tick()).toBe(2);
    expect(clock.pending()).toBe(0);
  });

  it("never rejects: a publish that throws synchronously or never settles is a failed row", async () => {
    const outbox = filled(["a"]);
    const throwing = new OutboxRelay<string>({
      outbox,
      batchSize: 1,
      publishTimeoutMs: 50,
      publish: () => {
        throw new Error("sync");
      },
    });
    expect(await throwing.tick()).toBe(0);
    const hanging = new OutboxRelay<string>({ outbox, batchSize: 1, publishTimeoutMs: 50, publish: never });
    expect(await hanging.tick()).toBe(0);
    expect(outbox.pending).toBe(1);
  });

  it("shares one run between overlapping ticks, and only publishes the rows that were there when it started", async () => {
    const outbox = filled(["a", "b"]);
    const calls: string[] = [];
    const relay = new OutboxRelay({
      outbox,
      batchSize: 10,
      publishTimeoutMs: 100,
      publish: async (m) => {
        calls.push(m.payload);
        await after(10);
      },
    });
    const first = relay.tick();
    const second = relay.tick();
    outbox.append("c");
    expect(await Promise.all([first, second])).toEqual([2, 2]);
    expect(calls).toEqual(["a", "b"]);
    expect(await relay.tick()).toBe(1);
    expect(await relay.tick()).toBe(0);
    expect(calls).toEqual(["a", "b", "c"]);
  });
});

describe("idempotent consumer", () => {
  it("throws a RangeError for a bad windowSize; a window of 1 remembers only the last id", () => {
    for (const windowSize of [0, -1, 2.5, NaN]) expect(() => new IdempotentConsumer({ handle: () => {}, windowSize })).toThrow(RangeError);
    const consumer = new IdempotentConsumer<string>({ handle: () => {}, windowSize: 1 });
    const send = (id: string) => consumer.receive({ id, payload: id });
    expect([send("a"), send("a"), send("b"), send("b"), send("a")]).toEqual([true, false, true, false, true]);
  });

  it("forgets the id that joined the window first, and a duplicate does not refresh its place", () => {
    const handled: string[] = [];
    const consumer = new IdempotentConsumer<string>({ handle: (m) => void handled.push(m.id), windowSize: 2 });
    const send = (id: string) => consumer.receive({ id, payload: id });
    expect([send("a"), send("b"), send("a")]).toEqual([true, true, false]); // window [a, b]
    expect(send("c")).toBe(true); // a leaves: window [b, c]
    expect([send("b"), send("c"), send("a")]).toEqual([false, false, true]); // a is new again: window [c, a]
    expect(send("b")).toBe(true);
    expect(handled).toEqual(["a", "b", "c", "a", "b"]);
  });

  it("rethrows a failing handle and does not remember that id, so the redelivery is handled", () => {
    let failures = 1;
    const handled: string[] = [];
    const consumer = new IdempotentConsumer<string>({
      handle: (m) => {
        if (failures-- > 0) throw new Error("db down");
        handled.push(m.id);
      },
      windowSize: 5,
    });
    expect(() => consumer.receive({ id: "e1", payload: "x" })).toThrow("db down");
    expect(consumer.receive({ id: "e1", payload: "x" })).toBe(true);
    expect(consumer.receive({ id: "e1", payload: "x" })).toBe(false);
    expect(handled).toEqual(["e1"]);
  });
});

// ---- Model-based test -------------------------------------------------------------------------

type PublishOutcome = "ok" | "fail" | "lost-ack" | "hang";
const BATCH = 3;
const WINDOW = 3;

interface Model {
  rows: Array<{ id: string; payload: string; published: boolean }>;
  window: string[];
  applied: string[];
  /** Distinct ids in order of first delivery: the broker redelivers among the last WINDOW of them. */
  deliveredIds: string[];
}
interface Real {
  outbox: Outbox<string>;
  relay: OutboxRelay<string>;
  consumer: IdempotentConsumer<string>;
  applied: string[];
  script: PublishOutcome[];
  byId: Map<string, OutboxMessage<string>>;
}

function modelDeliver(m: Model, id: string, payload: string): boolean {
  if (!m.deliveredIds.includes(id)) m.deliveredIds.push(id);
  if (m.window.includes(id)) return false;
  m.applied.push(payload);
  m.window.push(id);
  if (m.window.length > WINDOW) m.window.shift();
  return true;
}

function compare(m: Model, r: Real, step: string): void {
  expect(`after ${step}: applied ${r.applied.join(",")}`).toBe(`after ${step}: applied ${m.applied.join(",")}`);
  expect(`after ${step}: pending ${r.outbox.pending}`).toBe(`after ${step}: pending ${m.rows.filter((row) => !row.published).length}`);
}

class AppendCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly payload: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const id = r.outbox.append(this.payload);
    expect(`append returned a fresh id: ${!m.rows.some((row) => row.id === id)}`).toBe("append returned a fresh id: true");
    m.rows.push({ id, payload: this.payload, published: false });
    compare(m, r, this.toString());
  }
  toString = () => `append(${this.payload})`;
}

class TickCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly outcomes: PublishOutcome[],
    readonly overlapping: boolean,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.script = [...this.outcomes];
    const counts = await (this.overlapping ? Promise.all([r.relay.tick(), r.relay.tick()]) : Promise.all([r.relay.tick()]));
    let marked = 0;
    for (const [i, row] of m.rows.filter((x) => !x.published).slice(0, BATCH).entries()) {
      const outcome = this.outcomes[i] ?? "ok";
      if (outcome !== "fail") modelDeliver(m, row.id, row.payload);
      if (outcome !== "ok") break;
      row.published = true;
      marked++;
    }
    expect(`${this} resolved ${counts.join(" and ")}`).toBe(`${this} resolved ${counts.map(() => marked).join(" and ")}`);
    compare(m, r, this.toString());
  }
  toString = () => `${this.overlapping ? "tick() twice at once" : "tick()"} with publishes [${this.outcomes.join(", ")}]`;
}

class RedeliverCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly back: number) {}
  check = (m: Readonly<Model>) => m.deliveredIds.length > this.back && this.back < WINDOW;
  async run(m: Model, r: Real) {
    const id = m.deliveredIds[m.deliveredIds.length - 1 - this.back] as string;
    const message = r.byId.get(id) as OutboxMessage<string>;
    const got = r.consumer.receive(message);
    const want = modelDeliver(m, id, message.payload);
    expect(`${this} -> ${got}`).toBe(`${this} -> ${want}`);
    compare(m, r, this.toString());
  }
  toString = () => `broker redelivers the delivery ${this.back} before the last`;
}

describe("outbox relay: model check", () => {
  it("gives exactly-once effects, in order, over random writes, ticks, publish failures and redeliveries", async () => {
    const outcome = fc.constantFrom<PublishOutcome>("ok", "ok", "fail", "lost-ack", "hang");
    const commands = fc.commands(
      [
        fc.constantFrom("p1", "p2", "p3", "p4", "p5").map((p) => new AppendCommand(p)),
        fc.tuple(fc.array(outcome, { maxLength: BATCH }), fc.boolean()).map(([outcomes, overlapping]) => new TickCommand(outcomes, overlapping)),
        fc.nat({ max: WINDOW - 1 }).map((back) => new RedeliverCommand(back)),
      ],
      { maxCommands: 25 },
    );
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const outbox = new Outbox<string>();
        const applied: string[] = [];
        const byId = new Map<string, OutboxMessage<string>>();
        const consumer = new IdempotentConsumer<string>({ handle: (msg) => void applied.push(msg.payload), windowSize: WINDOW });
        const real: Real = { outbox, consumer, applied, script: [], byId, relay: undefined as unknown as OutboxRelay<string> };
        real.relay = new OutboxRelay<string>({
          outbox,
          batchSize: BATCH,
          publishTimeoutMs: 100,
          publish: (message) => {
            const next = real.script.shift() ?? "ok";
            if (next === "fail") return Promise.reject(new Error("broker down"));
            byId.set(message.id, message);
            consumer.receive(message);
            if (next === "lost-ack") return Promise.reject(new Error("ack lost"));
            return next === "hang" ? never() : Promise.resolve();
          },
        });
        const model: Model = { rows: [], window: [], applied: [], deliveredIds: [] };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        // Once the broker recovers, draining the outbox applies every write exactly once, in order.
        while (outbox.pending > 0) await real.relay.tick();
        const payloadsInOrder = model.rows.map((row) => row.payload);
        expect(`after draining: applied ${applied.join(",")}`).toBe(`after draining: applied ${payloadsInOrder.join(",")}`);
      }),
      { numRuns: 150 },
    );
  });
});
