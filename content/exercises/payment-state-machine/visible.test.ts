import { PaymentError, PaymentStateMachine, type Psp, type PspOperation, type PspOutcome, type PspStatus } from "./solution";

/** A PSP that answers what the test tells it to, and logs every call. */
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
const fakePsp = () => new FakePsp();

function failure(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof PaymentError) return { code: error.code, state: error.state };
    return { code: `not a PaymentError: ${String(error)}` };
  }
  return { code: "no error" };
}

describe("PaymentStateMachine", () => {
  it("authorizes, captures and refunds, recording every state entered", () => {
    const psp = fakePsp();
    const m = new PaymentStateMachine(psp);
    expect(m.create("p1", 4999)).toEqual({ id: "p1", amount: 4999, state: "created", history: ["created"] });
    expect(m.authorize("p1", "k1").history).toEqual(["created", "authorizing", "authorized"]);
    expect(m.capture("p1", "k2").state).toBe("captured");
    expect(m.refund("p1", "k3")).toEqual({ id: "p1", amount: 4999, state: "refunded", history: ["created", "authorizing", "authorized", "capturing", "captured", "refunding", "refunded"] });
    expect(psp.log).toEqual(["call authorize p1 4999", "call capture p1 4999", "call refund p1 4999"]);
  });

  it("keeps a timed-out authorization pending until a status query resolves it", () => {
    const psp = fakePsp();
    const m = new PaymentStateMachine(psp);
    m.create("p1", 100);
    psp.next = "timeout";
    expect(m.authorize("p1", "k1").state).toBe("authorizing");
    expect(m.reconcile("p1").state).toBe("authorizing"); // the PSP does not know yet
    psp.nextStatus = "approved";
    expect(m.reconcile("p1")).toEqual({ id: "p1", amount: 100, state: "authorized", history: ["created", "authorizing", "authorized"] });
  });

  it("rejects an illegal transition and names the current state", () => {
    const m = new PaymentStateMachine(fakePsp());
    m.create("p1", 100);
    expect(failure(() => m.capture("p1", "k1"))).toEqual({ code: "ILLEGAL_TRANSITION", state: "created" });
    expect(() => m.refund("p1", "k2")).toThrow("it is created");
  });

  it("replays a key: the same response, without calling the PSP again", () => {
    const psp = fakePsp();
    const m = new PaymentStateMachine(psp);
    m.create("p1", 100);
    const first = m.authorize("p1", "k1");
    expect(m.authorize("p1", "k1")).toEqual(first);
    expect(psp.log).toEqual(["call authorize p1 100"]);
  });

  it("follows the worked example", () => {
    const psp = fakePsp();
    const m = new PaymentStateMachine(psp);
    m.create("p1", 4999);
    psp.next = "timeout";
    expect(m.authorize("p1", "k-auth").state).toBe("authorizing");
    expect(failure(() => m.capture("p1", "k-cap"))).toEqual({ code: "ILLEGAL_TRANSITION", state: "authorizing" });
    expect(failure(() => m.authorize("p1", "k-auth2"))).toEqual({ code: "ILLEGAL_TRANSITION", state: "authorizing" });
    psp.nextStatus = "approved";
    expect(m.authorize("p1", "k-auth").history).toEqual(["created", "authorizing", "authorized"]);
    psp.next = "approved";
    expect(m.capture("p1", "k-cap").state).toBe("captured");
    expect(m.authorize("p1", "k-auth").state).toBe("authorized");
    expect(failure(() => m.refund("p1", "k-cap"))).toEqual({ code: "IDEMPOTENCY_KEY_REUSED", state: "captured" });
    expect(psp.log).toEqual(["call authorize p1 4999", "status authorize p1", "call capture p1 4999"]);
  });
});
