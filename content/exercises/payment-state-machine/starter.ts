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
  /** Every state entered, in order, starting with "created". */
  history: PaymentState[];
}

export type PaymentErrorCode = "NOT_FOUND" | "DUPLICATE_PAYMENT" | "ILLEGAL_TRANSITION" | "IDEMPOTENCY_KEY_REUSED";

export class PaymentError extends Error {
  readonly code: PaymentErrorCode;
  /** The payment's current state, when there is a payment. */
  readonly state: PaymentState | undefined;
  constructor(code: PaymentErrorCode, message: string, state?: PaymentState) {
    super(message);
    this.name = "PaymentError";
    this.code = code;
    this.state = state;
  }
}

/**
 * authorize: created → authorizing → authorized | failed (declined) | stays (timeout)
 * capture:   authorized → capturing → captured | authorized (declined) | stays (timeout)
 * refund:    captured → refunding → refunded | captured (declined) | stays (timeout)
 * void:      authorized → voided (no PSP call)
 */
export class PaymentStateMachine {
  constructor(psp: Psp) {
    throw new Error("Not implemented");
  }

  create(paymentId: string, amount: number): Payment {
    throw new Error("Not implemented");
  }

  get(paymentId: string): Payment {
    throw new Error("Not implemented");
  }

  authorize(paymentId: string, idempotencyKey: string): Payment {
    throw new Error("Not implemented");
  }

  capture(paymentId: string, idempotencyKey: string): Payment {
    throw new Error("Not implemented");
  }

  void(paymentId: string, idempotencyKey: string): Payment {
    throw new Error("Not implemented");
  }

  refund(paymentId: string, idempotencyKey: string): Payment {
    throw new Error("Not implemented");
  }

  /** Resolves a pending state with one psp.status call; otherwise calls nothing. */
  reconcile(paymentId: string): Payment {
    throw new Error("Not implemented");
  }
}
