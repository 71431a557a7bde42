/**
 * An idempotent payment state machine over a payment service provider (PSP) whose calls may time
 * out. A timeout is an unknown outcome, not a failure: the payment stays in its pending state until
 * a status query says what really happened.
 */
export type PaymentState = "created" | "authorizing" | "authorized" | "capturing" | "captured" | "refunding" | "refunded" | "voided" | "failed";
export type Command = "authorize" | "capture" | "void" | "refund";
export type PspOperation = "authorize" | "capture" | "refund";
export type PspOutcome = "approved" | "declined" | "timeout";
export type PspStatus = "approved" | "declined" | "unknown";

export interface Psp {
  call(operation: PspOperation, paymentId: string, amount: number): PspOutcome;
  status(operation: PspOperation, paymentId: string): PspStatus;
}

export interface Payment {
  id: string;
  amount: number;
  state: PaymentState;
  history: PaymentState[];
}

export type PaymentErrorCode = "NOT_FOUND" | "DUPLICATE_PAYMENT" | "ILLEGAL_TRANSITION" | "IDEMPOTENCY_KEY_REUSED";

export class PaymentError extends Error {
  readonly code: PaymentErrorCode;
  readonly state: PaymentState | undefined;
  constructor(code: PaymentErrorCode, message: string, state?: PaymentState) {
    super(message);
    this.name = "PaymentError";
    this.code = code;
    this.state = state;
  }
}

interface Flow {
  from: PaymentState;
  pending: PaymentState;
  approved: PaymentState;
  declined: PaymentState;
}

const FLOWS: Record<PspOperation, Flow> = {
  authorize: { from: "created", pending: "authorizing", approved: "authorized", declined: "failed" },
  capture: { from: "authorized", pending: "capturing", approved: "captured", declined: "authorized" },
  refund: { from: "captured", pending: "refunding", approved: "refunded", declined: "captured" },
};

const PENDING_OPERATION: Partial<Record<PaymentState, PspOperation>> = { authorizing: "authorize", capturing: "capture", refunding: "refund" };

interface StoredPayment {
  id: string;
  amount: number;
  state: PaymentState;
  history: PaymentState[];
  /** The key of the command whose PSP outcome is still unknown. */
  pendingKey?: string;
}

interface KeyEntry {
  paymentId: string;
  command: Command;
  response: Payment;
}

const snapshot = (p: StoredPayment): Payment => ({ id: p.id, amount: p.amount, state: p.state, history: [...p.history] });

export class PaymentStateMachine {
  readonly #psp: Psp;
  readonly #payments = new Map<string, StoredPayment>();
  readonly #keys = new Map<string, KeyEntry>();

  constructor(psp: Psp) {
    this.#psp = psp;
  }

  create(paymentId: string, amount: number): Payment {
    if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer of minor units, got ${amount}`);
    if (this.#payments.has(paymentId)) throw new PaymentError("DUPLICATE_PAYMENT", `payment ${paymentId} already exists`);
    const payment: StoredPayment = { id: paymentId, amount, state: "created", history: ["created"] };
    this.#payments.set(paymentId, payment);
    return snapshot(payment);
  }

  get(paymentId: string): Payment {
    return snapshot(this.#find(paymentId));
  }

  authorize(paymentId: string, idempotencyKey: string): Payment {
    return this.#run("authorize", paymentId, idempotencyKey);
  }

  capture(paymentId: string, idempotencyKey: string): Payment {
    return this.#run("capture", paymentId, idempotencyKey);
  }

  void(paymentId: string, idempotencyKey: string): Payment {
    return this.#run("void", paymentId, idempotencyKey);
  }

  refund(paymentId: string, idempotencyKey: string): Payment {
    return this.#run("refund", paymentId, idempotencyKey);
  }

  reconcile(paymentId: string): Payment {
    const payment = this.#find(paymentId);
    const operation = PENDING_OPERATION[payment.state];
    if (operation) {
      const status = this.#psp.status(operation, payment.id);
      if (status !== "unknown") this.#settle(payment, FLOWS[operation], status);
    }
    return snapshot(payment);
  }

  #run(command: Command, paymentId: string, key: string): Payment {
    const payment = this.#find(paymentId);
    const seen = this.#keys.get(key);
    if (seen && seen.command !== command) {
      if (seen.paymentId !== paymentId || seen.command !== command) {
        throw new PaymentError("IDEMPOTENCY_KEY_REUSED", `key ${key} was used for ${seen.command} of ${seen.paymentId}`, payment.state);
      }
      // A retry of a command whose outcome is unknown asks the PSP instead of charging again.
      if (payment.pendingKey === key) this.reconcile(paymentId);
      return { ...seen.response, history: [...seen.response.history] };
    }

    if (command === "void") {
      if (payment.state !== "authorized") throw this.#illegal(command, payment);
      this.#enter(payment, "voided");
    } else {
      const flow = FLOWS[command];
      if (payment.state !== flow.from) throw this.#illegal(command, payment);
      this.#enter(payment, flow.pending);
      const outcome = this.#psp.call(command, payment.id, payment.amount);
      if (outcome === "timeout") payment.pendingKey = key;
      else this.#enter(payment, outcome === "approved" ? flow.approved : flow.declined);
    }
    this.#keys.set(key, { paymentId, command, response: snapshot(payment) });
    return snapshot(payment);
  }

  #settle(payment: StoredPayment, flow: Flow, status: "approved" | "declined"): void {
    this.#enter(payment, status === "approved" ? flow.approved : flow.declined);
    const key = payment.pendingKey;
    payment.pendingKey = undefined;
    const entry = key === undefined ? undefined : this.#keys.get(key);
    if (entry) entry.response = snapshot(payment);
  }

  #enter(payment: StoredPayment, state: PaymentState): void {
    payment.state = state;
    payment.history.push(state);
  }

  #illegal(command: Command, payment: StoredPayment): PaymentError {
    return new PaymentError("ILLEGAL_TRANSITION", `cannot ${command} payment ${payment.id}: it is ${payment.state}`, payment.state);
  }

  #find(paymentId: string): StoredPayment {
    const payment = this.#payments.get(paymentId);
    if (!payment) throw new PaymentError("NOT_FOUND", `no payment ${paymentId}`);
    return payment;
  }
}
