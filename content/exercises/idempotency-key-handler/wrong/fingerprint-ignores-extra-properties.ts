/**
 * Idempotency keys for POST /payments, in the style of Stripe's API.
 *
 * Each key is in one of two states: in flight (the first request is still charging) or completed
 * (its response is stored until the TTL runs out). The fingerprint of a request is its JSON body in
 * a canonical form (sorted keys), so key order and whitespace do not make a "different" request.
 * A charge that fails is not stored: the key is released and the client may retry with it.
 */
export interface Payment {
  amount: number;
  currency: string;
}

export interface Charge {
  id: string;
  amount: number;
  currency: string;
  status: "succeeded";
}

export interface HandlerOptions {
  /** Performs the payment; may reject. */
  charge: (payment: Payment) => Promise<Charge>;
  /** How long a completed response is kept, in ms (finite, > 0). Default 24 h. */
  ttlMs?: number;
}

interface StoredResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

type Entry = { state: "in-flight"; fingerprint: string } | { state: "done"; fingerprint: string; response: StoredResponse; expiresAt: number };

const MAX_KEY_LENGTH = 255;

export function createHandler(options: HandlerOptions): { fetch(request: Request): Promise<Response> } {
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new RangeError(`ttlMs must be a finite number > 0, got ${ttlMs}`);
  const entries = new Map<string, Entry>();

  async function fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname !== "/payments") return json(404, { error: "not_found" });
    if (request.method !== "POST") return json(405, { error: "method_not_allowed" }, [["Allow", "POST"]]);

    const key = request.headers.get("Idempotency-Key");
    if (key === null || key === "" || key.length > MAX_KEY_LENGTH) return json(400, { error: "invalid_idempotency_key" });

    const payment = parsePayment(await request.text());
    if (payment === undefined) return json(400, { error: "invalid_body" });
    const fingerprint = canonicalJson({ amount: payment.amount, currency: payment.currency });

    let entry = entries.get(key);
    // An expired response is as good as none; the in-flight entry set below replaces it.
    if (entry?.state === "done" && Date.now() >= entry.expiresAt) entry = undefined;
    if (entry?.state === "in-flight") return json(409, { error: "request_in_progress" });
    if (entry?.state === "done") {
      if (entry.fingerprint !== fingerprint) return json(422, { error: "idempotency_key_reused" });
      const headers = new Headers(entry.response.headers);
      headers.set("Idempotent-Replayed", "true");
      return new Response(entry.response.body, { status: entry.response.status, headers });
    }

    entries.set(key, { state: "in-flight", fingerprint });
    let charge: Charge;
    try {
      charge = await options.charge({ amount: payment.amount, currency: payment.currency });
    } catch {
      entries.delete(key); // nothing happened that must be replayed: let the client retry
      return json(502, { error: "payment_failed" });
    }
    const response: StoredResponse = {
      status: 201,
      headers: [
        ["Content-Type", "application/json"],
        ["Location", `/payments/${charge.id}`],
      ],
      body: JSON.stringify(charge),
    };
    entries.set(key, { state: "done", fingerprint, response, expiresAt: Date.now() + ttlMs });
    return new Response(response.body, { status: response.status, headers: response.headers });
  }

  return { fetch };
}

function json(status: number, body: unknown, extraHeaders: [string, string][] = []): Response {
  return new Response(JSON.stringify(body), { status, headers: [["Content-Type", "application/json"], ...extraHeaders] });
}

function parsePayment(text: string): (Payment & { raw: unknown }) | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Not JSON: raw stays undefined, which the object check rejects.
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const { amount, currency } = raw as Record<string, unknown>;
  if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) return undefined;
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { amount, currency, raw };
}

/** JSON with object keys sorted at every level: equal values give equal strings. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(); // by UTF-16 code units; keys of one object are distinct
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
