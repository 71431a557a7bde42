export interface Delivery<T> {
  /** The message's id (the same for every delivery of it). */
  readonly id: string;
  /** Identifies this one delivery: pass it to ack / nack. */
  readonly receipt: string;
  readonly body: T;
  /** 1 for the first delivery, 2 for the second, ... */
  readonly deliveryCount: number;
}

export interface DeadLetter<T> {
  readonly id: string;
  readonly body: T;
  readonly deliveryCount: number;
}

export interface MessageQueueOptions {
  /** How long a received message stays invisible (finite, > 0). */
  visibilityTimeoutMs: number;
  /** Deliveries before a failing message is dead-lettered (positive integer). */
  maxDeliveries: number;
}

/**
 * At-least-once in-memory queue.
 *
 * - FIFO by the moment a message became visible (sent, nacked, or visibility timeout expired);
 *   it always joins the back.
 * - receive() hides a message for visibilityTimeoutMs; it reappears at exactly t + timeout.
 * - ack/nack accept only the receipt of the current, unexpired delivery; otherwise they return false.
 * - A failed delivery (nack/timeout) of a message already delivered maxDeliveries times goes to
 *   deadLetters instead of back to the queue.
 */
export class MessageQueue<T> {
  /** @throws {RangeError} for a bad visibilityTimeoutMs or maxDeliveries. */
  constructor(opts: MessageQueueOptions) {
    throw new Error("Not implemented");
  }

  send(body: T): string {
    throw new Error("Not implemented");
  }

  receive(): Delivery<T> | undefined {
    throw new Error("Not implemented");
  }

  ack(receipt: string): boolean {
    throw new Error("Not implemented");
  }

  nack(receipt: string): boolean {
    throw new Error("Not implemented");
  }

  get deadLetters(): ReadonlyArray<DeadLetter<T>> {
    throw new Error("Not implemented");
  }

  get size(): number {
    throw new Error("Not implemented");
  }

  get inFlight(): number {
    throw new Error("Not implemented");
  }
}
