/**
 * In-memory message queue with at-least-once delivery, in the style of Amazon SQS.
 *
 * A message is always in exactly one place:
 *   visible    waiting in FIFO order to be received
 *   in flight  received, invisible until acked, nacked or its visibility timeout expires
 *   dead       moved to the dead-letter list after `maxDeliveries` failed deliveries
 *   (gone)     acked
 *
 * Each delivery gets its own receipt; ack/nack only accept the receipt of the *current* delivery,
 * so a consumer that was too slow (its delivery expired and the message went to someone else)
 * cannot ack or nack the other consumer's delivery.
 *
 * Visibility timeouts use one timer per in-flight message, cleared on ack/nack, so an old timer can
 * never cut a later delivery short.
 */
export interface Delivery<T> {
  readonly id: string;
  readonly receipt: string;
  readonly body: T;
  readonly deliveryCount: number;
}

export interface DeadLetter<T> {
  readonly id: string;
  readonly body: T;
  readonly deliveryCount: number;
}

export interface MessageQueueOptions {
  visibilityTimeoutMs: number;
  maxDeliveries: number;
}

interface Stored<T> {
  readonly id: string;
  readonly body: T;
  deliveryCount: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class MessageQueue<T> {
  readonly #visibilityTimeoutMs: number;
  readonly #maxDeliveries: number;
  /** Visible messages: a queue as an array plus a head index (shift() would be O(n)). */
  #visible: Array<Stored<T> | undefined> = [];
  #head = 0;
  /** In-flight messages by the receipt of their current delivery. */
  readonly #inFlight = new Map<string, Stored<T>>();
  readonly #dead: DeadLetter<T>[] = [];
  #nextId = 1;

  constructor(opts: MessageQueueOptions) {
    if (!(opts.visibilityTimeoutMs > 0) || !Number.isFinite(opts.visibilityTimeoutMs)) {
      throw new RangeError(`visibilityTimeoutMs must be a finite number > 0, got ${opts.visibilityTimeoutMs}`);
    }
    if (!Number.isInteger(opts.maxDeliveries) || opts.maxDeliveries < 1) {
      throw new RangeError(`maxDeliveries must be a positive integer, got ${opts.maxDeliveries}`);
    }
    this.#visibilityTimeoutMs = opts.visibilityTimeoutMs;
    this.#maxDeliveries = opts.maxDeliveries;
  }

  send(body: T): string {
    const message: Stored<T> = { id: `msg-${this.#nextId++}`, body, deliveryCount: 0, timer: undefined };
    this.#visible.push(message);
    return message.id;
  }

  receive(): Delivery<T> | undefined {
    const message = this.#visible[this.#head];
    if (!message) return undefined;
    this.#visible[this.#head++] = undefined; // let it be garbage-collected
    // Drop the consumed prefix once it is at least half the array: the copy costs no more than
    // the receives that made it necessary, so receive stays O(1) amortised.
    if (this.#head * 2 >= this.#visible.length) {
      this.#visible = this.#visible.slice(this.#head);
      this.#head = 0;
    }
    message.deliveryCount++;
    const receipt = `${message.id}/${message.deliveryCount}`;
    this.#inFlight.set(receipt, message);
    message.timer = setTimeout(() => {
      // Still in flight? Then the consumer was too slow.
      const current = `${message.id}/${message.deliveryCount}`;
      if (!this.#inFlight.delete(current)) return;
      this.#retryOrDeadLetter(message);
    }, this.#visibilityTimeoutMs);
    return { id: message.id, receipt, body: message.body, deliveryCount: message.deliveryCount };
  }

  ack(receipt: string): boolean {
    const message = this.#takeInFlight(receipt);
    return message !== undefined;
  }

  nack(receipt: string): boolean {
    const message = this.#takeInFlight(receipt);
    if (!message) return false;
    this.#retryOrDeadLetter(message);
    return true;
  }

  get deadLetters(): ReadonlyArray<DeadLetter<T>> {
    return this.#dead.slice();
  }

  get size(): number {
    return this.#visible.length - this.#head;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  #takeInFlight(receipt: string): Stored<T> | undefined {
    const message = this.#inFlight.get(receipt);
    if (!message) return undefined; // unknown, stale, already settled or expired
    this.#inFlight.delete(receipt);
    return message;
  }

  /** A delivery failed (nack or timeout): back of the queue, or dead-letter after the last try. */
  #retryOrDeadLetter(message: Stored<T>): void {
    if (message.deliveryCount >= this.#maxDeliveries) {
      this.#dead.push({ id: message.id, body: message.body, deliveryCount: message.deliveryCount });
    } else {
      this.#visible.push(message);
    }
  }
}
