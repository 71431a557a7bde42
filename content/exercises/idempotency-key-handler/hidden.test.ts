import fc from "fast-check";
import { createHandler, type Charge, type Payment } from "./solution";

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

const URL_PAYMENTS = "https://api.example.test/payments";

function post(key: string | undefined, body: string, url = URL_PAYMENTS): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (key !== undefined) headers["Idempotency-Key"] = key;
  return new Request(url, { method: "POST", headers, body });
}

const EUR500 = JSON.stringify({ amount: 500, currency: "EUR" });

function chargeCounter() {
  let n = 0;
  return fn(async (p: Payment): Promise<Charge> => ({ id: `ch_${++n}`, amount: p.amount, currency: p.currency, status: "succeeded" }));
}

describe("payments handler: requests it refuses", () => {
  it("answers 404 for other paths and 405 with Allow: POST for other methods, as JSON errors", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    for (const url of ["https://api.example.test/payment", "https://api.example.test/payments/x"]) {
      const res = await api.fetch(post("k", EUR500, url));
      expect([res.status, res.headers.get("content-type"), await res.json()]).toEqual([404, "application/json", { error: "not_found" }]);
    }
    const get = await api.fetch(new Request(URL_PAYMENTS, { headers: { "Idempotency-Key": "k" } }));
    expect([get.status, get.headers.get("content-type"), await get.json()]).toEqual([405, "application/json", { error: "method_not_allowed" }]);
    expect(get.headers.get("allow")).toBe("POST");
    expect(charge).toHaveBeenCalledTimes(0);
  });

  it("answers 400 for a missing, empty or over-long key, and accepts 255 characters", async () => {
    const api = createHandler({ charge: chargeCounter() });
    for (const key of [undefined, "", "k".repeat(256)]) {
      const res = await api.fetch(post(key, EUR500));
      expect([key?.length, res.status, res.headers.get("content-type"), await res.json()]).toEqual([key?.length, 400, "application/json", { error: "invalid_idempotency_key" }]);
    }
    expect((await api.fetch(post("k".repeat(255), EUR500))).status).toBe(201);
  });

  it("answers 400 for an invalid body without using up the key", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    const bad = [
      "not json",
      "",
      "[]",
      "null",
      '"EUR"',
      "500",
      '{"amount":0,"currency":"EUR"}',
      '{"amount":1.5,"currency":"EUR"}',
      '{"amount":9007199254740992,"currency":"EUR"}',
      '{"amount":"5","currency":"EUR"}',
      '{"currency":"EUR"}',
      '{"amount":5,"currency":"eur"}',
      '{"amount":5,"currency":"EURO"}',
      '{"amount":5,"currency":"1EUR"}',
      '{"amount":5,"currency":"EU"}',
      '{"amount":5,"currency":["EUR"]}',
      '{"amount":5}',
    ];
    for (const body of bad) {
      const res = await api.fetch(post("k1", body));
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect([res.headers.get("content-type"), await res.json()]).toEqual(["application/json", { error: "invalid_body" }]);
    }
    expect((await api.fetch(post("k1", EUR500))).status).toBe(201);
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("throws a RangeError for a bad ttlMs", () => {
    for (const ttlMs of [0, -1, NaN, Infinity]) expect(() => createHandler({ charge: chargeCounter(), ttlMs })).toThrow(RangeError);
  });
});

describe("payments handler: replays", () => {
  it("treats the same JSON with other key order and whitespace as the same request", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    await api.fetch(post("k1", '{"amount":500,"currency":"EUR"}'));
    const retry = await api.fetch(post("k1", '{ "currency": "EUR",\n  "amount": 500 }'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("replays status, headers and the exact body text, every time", async () => {
    const api = createHandler({ charge: chargeCounter() });
    const first = await api.fetch(post("k1", EUR500));
    const firstText = await first.text();
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    for (let i = 0; i < 3; i++) {
      const again = await api.fetch(post("k1", EUR500));
      expect([again.status, again.headers.get("content-type"), again.headers.get("location")]).toEqual([201, "application/json", "/payments/ch_1"]);
      expect(await again.text()).toBe(firstText);
    }
  });

  it("keeps the stored response after a 422, and keeps keys independent", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    await api.fetch(post("k1", EUR500));
    expect((await api.fetch(post("k1", JSON.stringify({ amount: 500, currency: "USD" })))).status).toBe(422);
    expect((await (await api.fetch(post("k1", EUR500))).json()).id).toBe("ch_1");
    const other = await api.fetch(post("k2", EUR500));
    expect((await other.json()).id).toBe("ch_2");
    expect(charge).toHaveBeenCalledTimes(2);
  });
});

describe("payments handler: what counts as the same request", () => {
  it("compares the whole JSON value: an extra property makes a different request", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    await api.fetch(post("k1", JSON.stringify({ amount: 500, currency: "EUR", description: "mug" })));
    const other = await api.fetch(post("k1", JSON.stringify({ amount: 500, currency: "EUR", description: "two mugs" })));
    expect(other.status).toBe(422);
    const without = await api.fetch(post("k1", EUR500));
    expect(without.status).toBe(422);
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("compares arrays element by element, never equal to an object, and handles null values", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    await api.fetch(post("k1", '{"amount":500,"currency":"EUR","items":[1,23],"note":null}'));
    const retry = await api.fetch(post("k1", '{"note":null,"items":[1,23],"currency":"EUR","amount":500}'));
    expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    const regrouped = await api.fetch(post("k1", '{"amount":500,"currency":"EUR","items":[12,3],"note":null}'));
    expect(regrouped.status).toBe(422);
    const indexed = await api.fetch(post("k1", '{"amount":500,"currency":"EUR","items":{"0":1,"1":23},"note":null}'));
    expect(indexed.status).toBe(422);
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("ignores key order inside nested objects and arrays too", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    await api.fetch(post("k1", '{"amount":500,"currency":"EUR","metadata":{"order":42,"tags":[{"a":1,"b":2}]}}'));
    const retry = await api.fetch(post("k1", '{"metadata":{"tags":[{"b":2,"a":1}],"order":42},"currency":"EUR","amount":500}'));
    expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    const reordered = await api.fetch(post("k1", '{"amount":500,"currency":"EUR","metadata":{"order":42,"tags":[{"a":2,"b":1}]}}'));
    expect(reordered.status).toBe(422);
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("answers 400 to an invalid body before looking at the key, whether it is in flight or stored", async () => {
    let finish: (c: Charge) => void = () => {};
    const api = createHandler({ charge: () => new Promise<Charge>((resolve) => (finish = resolve)) });
    const first = api.fetch(post("k1", EUR500));
    expect((await api.fetch(post("k1", '{"amount":-1,"currency":"EUR"}'))).status).toBe(400);
    finish({ id: "ch_1", amount: 500, currency: "EUR", status: "succeeded" });
    await first;
    const invalid = await api.fetch(post("k1", "not json"));
    expect([invalid.status, await invalid.json()]).toEqual([400, { error: "invalid_body" }]);
    expect((await api.fetch(post("k1", EUR500))).headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("payments handler: concurrency and failures", () => {
  it("answers 409 to any request with an in-flight key, then replays once it completes", async () => {
    let finish: (c: Charge) => void = () => {};
    const charge = fn(() => new Promise<Charge>((resolve) => (finish = resolve)));
    const api = createHandler({ charge });
    const first = api.fetch(post("k1", EUR500));
    const same = await api.fetch(post("k1", EUR500));
    const different = await api.fetch(post("k1", JSON.stringify({ amount: 1, currency: "EUR" })));
    expect([same.status, different.status]).toEqual([409, 409]);
    expect(await same.json()).toEqual({ error: "request_in_progress" });
    finish({ id: "ch_7", amount: 500, currency: "EUR", status: "succeeded" });
    expect((await first).status).toBe(201);
    const replay = await api.fetch(post("k1", EUR500));
    expect([replay.status, replay.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("answers 502 when the charge fails and lets the client retry with the same key", async () => {
    let fail = true;
    const charge = fn(async (p: Payment): Promise<Charge> => {
      if (fail) throw new Error("card network down");
      return { id: "ch_ok", amount: p.amount, currency: p.currency, status: "succeeded" };
    });
    const api = createHandler({ charge });
    const failed = await api.fetch(post("k1", EUR500));
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ error: "payment_failed" });
    fail = false;
    const retry = await api.fetch(post("k1", EUR500));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(charge).toHaveBeenCalledTimes(2);
  });
});

describe("payments handler: expiry", () => {
  it("keeps a response for exactly ttlMs after it was stored", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge, ttlMs: 1000 });
    await api.fetch(post("k1", EUR500));
    clock.advance(999);
    expect((await (await api.fetch(post("k1", EUR500))).json()).id).toBe("ch_1");
    clock.advance(1);
    const fresh = await api.fetch(post("k1", JSON.stringify({ amount: 42, currency: "EUR" })));
    expect(fresh.status).toBe(201);
    expect((await fresh.json()).id).toBe("ch_2");
    expect(charge).toHaveBeenCalledTimes(2);
  });

  it("keeps a response for 24 hours when no ttlMs is given", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    await api.fetch(post("k1", EUR500));
    clock.advance(24 * 60 * 60 * 1000 - 1);
    expect((await api.fetch(post("k1", EUR500))).headers.get("idempotent-replayed")).toBe("true");
    clock.advance(1);
    const fresh = await api.fetch(post("k1", EUR500));
    expect([fresh.headers.get("idempotent-replayed"), (await fresh.json()).id]).toEqual([null, "ch_2"]);
  });

  it("counts the TTL from completion, not from the start of a slow charge", async () => {
    let finish: (c: Charge) => void = () => {};
    let started = false;
    const api = createHandler({
      charge: () => {
        started = true;
        return new Promise<Charge>((resolve) => (finish = resolve));
      },
      ttlMs: 1000,
    });
    const first = api.fetch(post("k1", EUR500));
    for (let i = 0; i < 100 && !started; i++) await Promise.resolve(); // let it read the body and start charging
    expect(started).toBe(true);
    clock.advance(5000); // the charge takes 5 s; an in-flight key never expires
    expect((await api.fetch(post("k1", EUR500))).status).toBe(409);
    finish({ id: "ch_slow", amount: 500, currency: "EUR", status: "succeeded" });
    await first;
    clock.advance(999);
    expect((await api.fetch(post("k1", EUR500))).headers.get("idempotent-replayed")).toBe("true");
  });

  it("matches a simple model over 300 random requests", async () => {
    const random = prng(777);
    const charge = chargeCounter();
    const ttlMs = 100;
    const api = createHandler({ charge, ttlMs });
    const model = new Map<string, { body: string; id: string; expiresAt: number }>();
    const bodies = [EUR500, JSON.stringify({ amount: 7, currency: "USD" }), JSON.stringify({ currency: "EUR", amount: 500 })];
    const fingerprint = (body: string) => (body === bodies[1] ? "usd7" : "eur500");
    let charges = 0;
    const mismatches: string[] = [];
    for (let step = 0; step < 300 && mismatches.length === 0; step++) {
      clock.advance(Math.floor(random() * 30));
      const key = `k${Math.floor(random() * 4)}`;
      const body = bodies[Math.floor(random() * bodies.length)] as string;
      let entry = model.get(key);
      if (entry && clock.now() >= entry.expiresAt) {
        model.delete(key);
        entry = undefined;
      }
      let want: string;
      if (!entry) {
        charges++;
        entry = { body: fingerprint(body), id: `ch_${charges}`, expiresAt: clock.now() + ttlMs };
        model.set(key, entry);
        want = `201 ${entry.id}`;
      } else if (entry.body === fingerprint(body)) want = `201 ${entry.id}`;
      else want = "422";
      const res = await api.fetch(post(key, body));
      const got = res.status === 201 ? `201 ${(await res.json()).id}` : String(res.status);
      if (got !== want) mismatches.push(`step ${step} (${key} at +${clock.now() - 1_700_000_000_000} ms): got ${got}, expected ${want}`);
    }
    expect(mismatches).toEqual([]);
    expect(charge).toHaveBeenCalledTimes(charges);
  });
});

// Model-based test: requests with a few keys and bodies, charges that complete or fail when a
// command says so, and time passing; every response is checked against a model of the key states.

const MODEL_TTL_MS = 100;

/** Bodies, and the JSON value each stands for: same letter = same value. */
const MODEL_BODIES: Array<{ text: string; value: string | undefined }> = [
  { text: '{"amount":500,"currency":"EUR"}', value: "A" },
  { text: '{ "currency": "EUR",\n "amount": 500 }', value: "A" },
  { text: '{"amount":500,"currency":"EUR","note":"gift"}', value: "B" },
  { text: '{"amount":500,"currency":"EUR","meta":{"x":1,"y":[2,{"p":1,"q":2}]}}', value: "C" },
  { text: '{"meta":{"y":[2,{"q":2,"p":1}],"x":1},"currency":"EUR","amount":500}', value: "C" },
  { text: '{"amount":700,"currency":"USD"}', value: "D" },
  { text: '{"amount":0,"currency":"USD"}', value: undefined },
];

type KeyState = { state: "in-flight"; value: string } | { state: "done"; value: string; chargeId: string; expiresAt: number };

class PaymentsModel {
  readonly keys = new Map<string, KeyState>();
  /** Charges by number: the key they are for and whether they are still running. */
  readonly charges: Array<{ key: string; value: string; running: boolean }> = [];
  now = 0;

  /** The expected answer to a request, as "201 ch_3", "201 ch_3 replayed", "409", ... (undefined: it starts a charge). */
  request(key: string, value: string | undefined): string | undefined {
    if (value === undefined) return "400";
    let entry = this.keys.get(key);
    if (entry?.state === "done" && this.now >= entry.expiresAt) {
      this.keys.delete(key);
      entry = undefined;
    }
    if (entry?.state === "in-flight") return "409";
    if (entry?.state === "done") return entry.value === value ? `201 ${entry.chargeId} replayed` : "422";
    this.keys.set(key, { state: "in-flight", value });
    this.charges.push({ key, value, running: true });
    return undefined;
  }

  finish(charge: number, succeeds: boolean): string {
    const entry = this.charges[charge - 1] as { key: string; value: string; running: boolean };
    entry.running = false;
    if (!succeeds) {
      this.keys.delete(entry.key);
      return "502";
    }
    this.keys.set(entry.key, { state: "done", value: entry.value, chargeId: `ch_${charge}`, expiresAt: this.now + MODEL_TTL_MS });
    return `201 ch_${charge}`;
  }
}

interface RealPayments {
  api: { fetch(request: Request): Promise<Response> };
  /** Settles charge n (resolve or reject), by n - 1. */
  settle: Array<(succeeds: boolean) => void>;
  /** The response of the request that started charge n, by n - 1. */
  responses: Array<Promise<Response>>;
}

async function summarize(response: Response): Promise<string> {
  if (response.status !== 201) return String(response.status);
  const { id } = (await response.json()) as { id: string };
  return `201 ${id}${response.headers.get("idempotent-replayed") === "true" ? " replayed" : ""}`;
}

/** Lets the handler run until it answers or waits for a charge. */
async function settleMicrotasks(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

class RequestCommand implements fc.AsyncCommand<PaymentsModel, RealPayments> {
  constructor(
    readonly key: string,
    readonly body: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: PaymentsModel, real: RealPayments): Promise<void> {
    const { text, value } = MODEL_BODIES[this.body] as { text: string; value: string | undefined };
    const chargesBefore = real.settle.length;
    const want = model.request(this.key, value);
    let answered: Response | undefined;
    const pending = real.api.fetch(post(this.key, text));
    void pending.then((response) => (answered = response));
    await settleMicrotasks();
    const startedCharge = real.settle.length > chargesBefore;
    if (want === undefined) {
      if (!startedCharge || answered) throw new Error(`${this}: expected charge #${model.charges.length} to start and the request to wait for it, got ${answered ? await summarize(answered) : "no charge"}`);
      real.responses.push(pending);
      return;
    }
    if (startedCharge) throw new Error(`${this}: started a charge, expected the answer ${want}`);
    if (!answered) throw new Error(`${this}: no answer yet, expected ${want}`);
    const got = await summarize(answered);
    if (got !== want) throw new Error(`${this}: answered ${got}, expected ${want}`);
  }
  toString(): string {
    return `POST ${this.key} ${(MODEL_BODIES[this.body] as { text: string }).text.replaceAll("\n", " ")}`;
  }
}

class FinishChargeCommand implements fc.AsyncCommand<PaymentsModel, RealPayments> {
  constructor(
    readonly charge: number,
    readonly succeeds: boolean,
  ) {}
  check(model: Readonly<PaymentsModel>): boolean {
    return model.charges[this.charge - 1]?.running === true;
  }
  async run(model: PaymentsModel, real: RealPayments): Promise<void> {
    const want = model.finish(this.charge, this.succeeds);
    (real.settle[this.charge - 1] as (succeeds: boolean) => void)(this.succeeds);
    await settleMicrotasks();
    const got = await summarize(await (real.responses[this.charge - 1] as Promise<Response>));
    if (got !== want) throw new Error(`${this}: its request answered ${got}, expected ${want}`);
  }
  toString(): string {
    return `charge #${this.charge} ${this.succeeds ? "succeeds" : "fails"}`;
  }
}

class AdvanceCommand implements fc.AsyncCommand<PaymentsModel, RealPayments> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(model: PaymentsModel): Promise<void> {
    model.now += this.ms;
    clock.advance(this.ms);
  }
  toString(): string {
    return `advance(${this.ms} ms)`;
  }
}

describe("payments handler: model check with shrinking", () => {
  it("answers like a model of the key states over random requests, charge outcomes and time", async () => {
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom("k1", "k2"), fc.integer({ min: 0, max: MODEL_BODIES.length - 1 })).map(([key, body]) => new RequestCommand(key, body)),
        fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([n, succeeds]) => new FinishChargeCommand(n, succeeds)),
        fc.constantFrom(1, 30, 99, 100).map((ms) => new AdvanceCommand(ms)),
      ],
      { maxCommands: 30, size: "max" },
    );
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const setup = () => {
          const settle: RealPayments["settle"] = [];
          const charge = (payment: Payment) =>
            new Promise<Charge>((resolve, reject) => {
              const id = `ch_${settle.length + 1}`;
              settle.push((succeeds) => (succeeds ? resolve({ id, ...payment, status: "succeeded" }) : reject(new Error("card declined"))));
            });
          const api = createHandler({ charge, ttlMs: MODEL_TTL_MS });
          return { model: new PaymentsModel(), real: { api, settle, responses: [] } };
        };
        await fc.asyncModelRun(setup, cmds);
      }),
      // The report then ends with the first answer that differs from the model's.
      { numRuns: 150, includeErrorInReport: true },
    );
  });
});
