import { createHandler, type Charge, type Payment } from "./solution";

function pay(key: string | undefined, body: unknown): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (key !== undefined) headers["Idempotency-Key"] = key;
  return new Request("https://api.example.test/payments", { method: "POST", headers, body: JSON.stringify(body) });
}

function chargeCounter() {
  let n = 0;
  return fn(async (p: Payment): Promise<Charge> => ({ id: `ch_${++n}`, amount: p.amount, currency: p.currency, status: "succeeded" }));
}

describe("idempotency keys for POST /payments", () => {
  it("charges once and answers 201 with the charge and its Location", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    const res = await api.fetch(pay("k1", { amount: 500, currency: "EUR" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/payments/ch_1");
    expect(await res.json()).toEqual({ id: "ch_1", amount: 500, currency: "EUR", status: "succeeded" });
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("replays the stored response for a retry with the same key and body, without charging again", async () => {
    const charge = chargeCounter();
    const api = createHandler({ charge });
    const first = await api.fetch(pay("k1", { amount: 500, currency: "EUR" }));
    const retry = await api.fetch(pay("k1", { amount: 500, currency: "EUR" }));
    expect(retry.status).toBe(first.status);
    expect(retry.headers.get("location")).toBe("/payments/ch_1");
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    expect(charge).toHaveBeenCalledTimes(1);
  });

  it("answers 422 when the key is reused with a different body", async () => {
    const api = createHandler({ charge: chargeCounter() });
    await api.fetch(pay("k1", { amount: 500, currency: "EUR" }));
    const res = await api.fetch(pay("k1", { amount: 900, currency: "EUR" }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: "idempotency_key_reused" });
  });

  it("answers 400 without an Idempotency-Key header", async () => {
    const charge = chargeCounter();
    const res = await createHandler({ charge }).fetch(pay(undefined, { amount: 500, currency: "EUR" }));
    expect(res.status).toBe(400);
    expect(charge).toHaveBeenCalledTimes(0);
  });

  it("answers 409 to a duplicate that arrives while the first request is still charging", async () => {
    let finish: (c: Charge) => void = () => {};
    const api = createHandler({ charge: () => new Promise<Charge>((resolve) => (finish = resolve)) });
    const first = api.fetch(pay("k1", { amount: 500, currency: "EUR" }));
    const duplicate = await api.fetch(pay("k1", { amount: 500, currency: "EUR" }));
    expect(duplicate.status).toBe(409);
    finish({ id: "ch_9", amount: 500, currency: "EUR", status: "succeeded" });
    expect((await first).status).toBe(201);
  });
});
