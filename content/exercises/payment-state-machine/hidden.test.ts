import fc from "fast-check";
import { PaymentError, PaymentStateMachine, type Command, type Payment, type PaymentState, type Psp, type PspOperation, type PspOutcome, type PspStatus } from "./solution";

class FakePsp implements Psp {
  next: PspOutcome = "approved";
  nextStatus: PspStatus = "unknown";
  log: string[] = [];
  call(operation: PspOperation, paymentId: string, amount: number): PspOutcome {
    this.log.push(`call ${operation} ${paymentId} ${amount}`);
    return this.next;
  }
  status(operation: PspOperation, paymentId: string): PspStatus {
    this.log.push(`status ${operation} ${paymentId}`);
    return this.nextStatus;
  }
}

function failure(action: () => unknown): { code: string; state?: PaymentState } {
  try {
    action();
  } catch (error) {
    if (error instanceof PaymentError) return { code: error.code, state: error.state };
    return { code: `not a PaymentError: ${String(error)}` };
  }
  return { code: "no error" };
}

function setup(amount = 500) {
  const psp = new FakePsp();
  const m = new PaymentStateMachine(psp);
  m.create("p1", amount);
  return { psp, m };
}

describe("PaymentStateMachine: create and lookup", () => {
  it("refuses an amount that is not a positive safe integer, and a duplicate id", () => {
    const m = new PaymentStateMachine(new FakePsp());
    for (const amount of [0, -1, 9.99, NaN, Infinity, 2 ** 53]) expect(() => m.create("p", amount), String(amount)).toThrow(RangeError);
    m.create("p", 1);
    expect(failure(() => m.create("p", 2)).code).toBe("DUPLICATE_PAYMENT");
    expect(m.get("p").amount).toBe(1);
  });

  it("throws a PaymentError: an Error named PaymentError with its code and the payment's state", () => {
    const { m } = setup(); // p1 exists
    let thrown: unknown;
    try {
      m.create("p1", 500);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toBeInstanceOf(PaymentError);
    expect(thrown).toMatchObject({ name: "PaymentError", code: "DUPLICATE_PAYMENT" });
  });

  it("throws NOT_FOUND from every method for an unknown payment, even with a known key", () => {
    const { m } = setup();
    m.authorize("p1", "k1");
    for (const action of [() => m.get("nope"), () => m.authorize("nope", "k1"), () => m.capture("nope", "k9"), () => m.void("nope", "k9"), () => m.refund("nope", "k9"), () => m.reconcile("nope")]) {
      expect(failure(action)).toEqual({ code: "NOT_FOUND", state: undefined });
    }
  });

  it("returns copies: editing a returned payment or its history changes nothing", () => {
    const { m } = setup();
    const created = m.get("p1");
    created.state = "captured";
    created.history.push("captured");
    const authorized = m.authorize("p1", "k1");
    authorized.history.length = 0;
    expect(m.get("p1")).toEqual({ id: "p1", amount: 500, state: "authorized", history: ["created", "authorizing", "authorized"] });
    expect(m.authorize("p1", "k1").history, "the recorded response must be a copy too").toEqual(["created", "authorizing", "authorized"]);
  });
});

describe("PaymentStateMachine: declines and void", () => {
  it("fails a declined authorization for good", () => {
    const { psp, m } = setup();
    psp.next = "declined";
    expect(m.authorize("p1", "k1").history).toEqual(["created", "authorizing", "failed"]);
    for (const action of [() => m.authorize("p1", "k2"), () => m.capture("p1", "k3"), () => m.void("p1", "k4"), () => m.refund("p1", "k5")]) expect(failure(action)).toEqual({ code: "ILLEGAL_TRANSITION", state: "failed" });
  });

  it("keeps the authorization when a capture is declined, so a capture with a new key can succeed", () => {
    const { psp, m } = setup();
    m.authorize("p1", "k1");
    psp.next = "declined";
    expect(m.capture("p1", "k2").history).toEqual(["created", "authorizing", "authorized", "capturing", "authorized"]);
    psp.next = "approved";
    expect(m.capture("p1", "k2").state, "k2 is a replay: its recorded answer was the decline").toBe("authorized");
    expect(m.capture("p1", "k3").state).toBe("captured");
  });

  it("goes back to captured when a refund is declined", () => {
    const { psp, m } = setup();
    m.authorize("p1", "k1");
    m.capture("p1", "k2");
    psp.next = "declined";
    expect(m.refund("p1", "k3").history.slice(-3)).toEqual(["captured", "refunding", "captured"]);
  });

  it("voids an authorized payment without calling the PSP; void is final and only legal from authorized", () => {
    const { psp, m } = setup();
    expect(failure(() => m.void("p1", "k0"))).toEqual({ code: "ILLEGAL_TRANSITION", state: "created" });
    m.authorize("p1", "k1");
    expect(m.void("p1", "k2").history).toEqual(["created", "authorizing", "authorized", "voided"]);
    expect(failure(() => m.capture("p1", "k3"))).toEqual({ code: "ILLEGAL_TRANSITION", state: "voided" });
    expect(failure(() => m.void("p1", "k4"))).toEqual({ code: "ILLEGAL_TRANSITION", state: "voided" });
    expect(psp.log).toEqual(["call authorize p1 500"]);
  });
});

describe("PaymentStateMachine: unknown outcomes", () => {
  it("refuses any new command while an outcome is unknown, without calling the PSP", () => {
    const { psp, m } = setup();
    m.authorize("p1", "k1");
    psp.next = "timeout";
    expect(m.capture("p1", "k2").state).toBe("capturing");
    for (const action of [() => m.capture("p1", "k3"), () => m.void("p1", "k4"), () => m.authorize("p1", "k5"), () => m.refund("p1", "k6")]) expect(failure(action)).toEqual({ code: "ILLEGAL_TRANSITION", state: "capturing" });
    expect(psp.log).toEqual(["call authorize p1 500", "call capture p1 500"]);
  });

  it("resolves a pending capture or refund through reconcile, with a declined status taking the declined path", () => {
    const { psp, m } = setup();
    m.authorize("p1", "k1");
    psp.next = "timeout";
    m.capture("p1", "k2");
    psp.nextStatus = "declined";
    expect(m.reconcile("p1").history.slice(-2)).toEqual(["capturing", "authorized"]);
    psp.next = "approved";
    m.capture("p1", "k3");
    psp.next = "timeout";
    m.refund("p1", "k4");
    psp.nextStatus = "approved";
    expect(m.reconcile("p1").state).toBe("refunded");
    expect(psp.log.filter((line) => line.startsWith("status"))).toEqual(["status capture p1", "status refund p1"]);
  });

  it("calls nothing when reconciling a payment that is not pending", () => {
    const { psp, m } = setup();
    expect(m.reconcile("p1").state).toBe("created");
    m.authorize("p1", "k1");
    expect(m.reconcile("p1").state).toBe("authorized");
    expect(psp.log).toEqual(["call authorize p1 500"]);
  });
});

describe("PaymentStateMachine: idempotency keys", () => {
  it("turns a replay of a pending command into one status query, never a second charge", () => {
    const { psp, m } = setup();
    psp.next = "timeout";
    m.authorize("p1", "k1");
    expect(m.authorize("p1", "k1").state).toBe("authorizing");
    expect(m.authorize("p1", "k1").state).toBe("authorizing");
    psp.nextStatus = "approved";
    expect(m.authorize("p1", "k1").state).toBe("authorized");
    expect(m.authorize("p1", "k1").state).toBe("authorized");
    expect(psp.log).toEqual(["call authorize p1 500", "status authorize p1", "status authorize p1", "status authorize p1"]);
  });

  it("updates the recorded response when reconcile resolves the command: no stale pending answer", () => {
    const { psp, m } = setup();
    psp.next = "timeout";
    m.authorize("p1", "k1");
    psp.nextStatus = "approved";
    m.reconcile("p1");
    const replay = m.authorize("p1", "k1");
    expect(replay).toEqual({ id: "p1", amount: 500, state: "authorized", history: ["created", "authorizing", "authorized"] });
    expect(psp.log).toEqual(["call authorize p1 500", "status authorize p1"]);
  });

  it("returns the recorded response after the payment moved on, and asks nothing for a key that is not pending", () => {
    const { psp, m } = setup();
    m.authorize("p1", "k1");
    psp.next = "timeout";
    m.capture("p1", "k2");
    expect(m.authorize("p1", "k1")).toEqual({ id: "p1", amount: 500, state: "authorized", history: ["created", "authorizing", "authorized"] });
    expect(psp.log, "replaying k1 must not query the capture that k2 left pending").toEqual(["call authorize p1 500", "call capture p1 500"]);
  });

  it("refuses a key reused for another command or another payment, naming the current state", () => {
    const { m } = setup();
    m.create("p2", 700);
    m.authorize("p1", "k1");
    expect(failure(() => m.capture("p1", "k1"))).toEqual({ code: "IDEMPOTENCY_KEY_REUSED", state: "authorized" });
    expect(failure(() => m.authorize("p2", "k1"))).toEqual({ code: "IDEMPOTENCY_KEY_REUSED", state: "created" });
    expect(m.authorize("p2", "k2").state).toBe("authorized");
  });

  it("records nothing for a command that was rejected, so its key stays free", () => {
    const { psp, m } = setup();
    expect(failure(() => m.capture("p1", "k1")).code).toBe("ILLEGAL_TRANSITION");
    expect(m.authorize("p1", "k1").state, "k1 was never recorded: using it for authorize is fine").toBe("authorized");
    expect(failure(() => m.refund("p1", "k2")).code).toBe("ILLEGAL_TRANSITION");
    expect(m.capture("p1", "k2").state).toBe("captured");
    expect(psp.log).toEqual(["call authorize p1 500", "call capture p1 500"]);
  });
});

// ---- Model-based test ---------------------------------------------------------------------------

const FLOW: Record<PspOperation, { from: PaymentState; pending: PaymentState; approved: PaymentState; declined: PaymentState }> = {
  authorize: { from: "created", pending: "authorizing", approved: "authorized", declined: "failed" },
  capture: { from: "authorized", pending: "capturing", approved: "captured", declined: "authorized" },
  refund: { from: "captured", pending: "refunding", approved: "refunded", declined: "captured" },
};
const PENDING: Partial<Record<PaymentState, PspOperation>> = { authorizing: "authorize", capturing: "capture", refunding: "refund" };

interface ModelPayment {
  payment: Payment;
  pendingKey?: string;
}
interface Model {
  payments: Map<string, ModelPayment>;
  keys: Map<string, { id: string; command: Command; response: Payment }>;
  log: string[];
}
type Real = { m: PaymentStateMachine; psp: FakePsp };
type Outcome = Payment | { code: string; state?: PaymentState };

const copy = (p: Payment): Payment => ({ ...p, history: [...p.history] });
const enter = (mp: ModelPayment, state: PaymentState) => {
  mp.payment.state = state;
  mp.payment.history.push(state);
};

function modelReconcile(model: Model, mp: ModelPayment, status: PspStatus) {
  const operation = PENDING[mp.payment.state];
  if (!operation) return;
  model.log.push(`status ${operation} ${mp.payment.id}`);
  if (status === "unknown") return;
  enter(mp, status === "approved" ? FLOW[operation].approved : FLOW[operation].declined);
  const entry = mp.pendingKey === undefined ? undefined : model.keys.get(mp.pendingKey);
  if (entry) entry.response = copy(mp.payment);
  mp.pendingKey = undefined;
}

function modelCommand(model: Model, command: Command, id: string, key: string, outcome: PspOutcome, status: PspStatus): Outcome {
  const mp = model.payments.get(id)!;
  const seen = model.keys.get(key);
  if (seen) {
    if (seen.id !== id || seen.command !== command) return { code: "IDEMPOTENCY_KEY_REUSED", state: mp.payment.state };
    if (mp.pendingKey === key) modelReconcile(model, mp, status);
    return copy(seen.response);
  }
  if (command === "void") {
    if (mp.payment.state !== "authorized") return { code: "ILLEGAL_TRANSITION", state: mp.payment.state };
    enter(mp, "voided");
  } else {
    const flow = FLOW[command];
    if (mp.payment.state !== flow.from) return { code: "ILLEGAL_TRANSITION", state: mp.payment.state };
    enter(mp, flow.pending);
    model.log.push(`call ${command} ${id} ${mp.payment.amount}`);
    if (outcome === "timeout") mp.pendingKey = key;
    else enter(mp, outcome === "approved" ? flow.approved : flow.declined);
  }
  model.keys.set(key, { id, command, response: copy(mp.payment) });
  return copy(mp.payment);
}

function realOutcome(action: () => Payment): Outcome {
  try {
    return action();
  } catch (error) {
    if (error instanceof PaymentError) return { code: error.code, state: error.state };
    throw error;
  }
}

class Run implements fc.Command<Model, Real> {
  constructor(readonly command: Command, readonly id: string, readonly key: string, readonly outcome: PspOutcome, readonly status: PspStatus) {}
  check() {
    return true;
  }
  run(model: Model, real: Real) {
    real.psp.next = this.outcome;
    real.psp.nextStatus = this.status;
    const want = modelCommand(model, this.command, this.id, this.key, this.outcome, this.status);
    expect(realOutcome(() => real.m[this.command](this.id, this.key))).toEqual(want);
    expect(real.psp.log, "the PSP calls so far").toEqual(model.log);
    expect(real.m.get(this.id)).toEqual(model.payments.get(this.id)!.payment);
  }
  toString() {
    return `${this.command}(${this.id}, ${this.key}) [psp call → ${this.outcome}, status → ${this.status}]`;
  }
}

class Reconcile implements fc.Command<Model, Real> {
  constructor(readonly id: string, readonly status: PspStatus) {}
  check() {
    return true;
  }
  run(model: Model, real: Real) {
    real.psp.nextStatus = this.status;
    const mp = model.payments.get(this.id)!;
    modelReconcile(model, mp, this.status);
    expect(real.m.reconcile(this.id)).toEqual(mp.payment);
    expect(real.psp.log, "the PSP calls so far").toEqual(model.log);
  }
  toString() {
    return `reconcile(${this.id}) [status → ${this.status}]`;
  }
}

describe("PaymentStateMachine: model check", () => {
  it("matches a model on random command sequences with retries, reused keys, timeouts and reconciles", () => {
    const ids = fc.constantFrom("p1", "p1", "p2");
    const outcome = fc.constantFrom<PspOutcome>("approved", "approved", "declined", "timeout", "timeout");
    const status = fc.constantFrom<PspStatus>("approved", "declined", "unknown");
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom<Command>("authorize", "capture", "void", "refund"), ids, fc.constantFrom("k1", "k2", "k3", "k4", "k5", "k6"), outcome, status).map(([c, id, key, o, s]) => new Run(c, id, key, o, s)),
        fc.tuple(ids, status).map(([id, s]) => new Reconcile(id, s)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => {
          const psp = new FakePsp();
          const m = new PaymentStateMachine(psp);
          const model: Model = { payments: new Map(), keys: new Map(), log: [] };
          for (const [id, amount] of [["p1", 500], ["p2", 700]] as const) {
            m.create(id, amount);
            model.payments.set(id, { payment: { id, amount, state: "created", history: ["created"] } });
          }
          return { model, real: { m, psp } };
        }, cmds);
      }),
      { numRuns: 250 },
    );
  });
});
