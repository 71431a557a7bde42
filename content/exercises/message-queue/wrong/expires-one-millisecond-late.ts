/**
 * In-memory message queue with at-least-once delivery, expiring deliveries lazily from Date.now().
 *
 * Every in-flight delivery shares the same visibility timeout, so deliveries expire in the order they
 * were received: a FIFO of in-flight deliveries is enough. Each public method first moves the
 * deliveries that have expired back to the queue (or to the dead letters), so an expired message is
 * queued before anything sent or nacked after its deadline.
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
}

interface InFlight<T> {
  readonly receipt: string;
  readonly message: Stored<T>;
  readonly deadline: number;
}

export class MessageQueue<T> {
  readonly #visibilityTimeoutMs: number;
  readonly #maxDeliveries: number;
  #visible: Stored<T>[] = [];
  #visibleHead = 0;
  /** In-flight deliveries in the order they were received (= the order of their deadlines). */
  #byDeadline: InFlight<T>[] = [];
  #deadlineHead = 0;
  readonly #inFlight = new Map<string, InFlight<T>>();
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
    this.#expire();
    const message: Stored<T> = { id: `msg-${this.#nextId++}`, body, deliveryCount: 0 };
    this.#visible.push(message);
    return message.id;
  }

  receive(): Delivery<T> | undefined {
    this.#expire();
    if (this.#visibleHead === this.#visible.length) return undefined;
    const message = this.#visible[this.#visibleHead++] as Stored<T>;
    message.deliveryCount++;
    const receipt = `${message.id}/${message.deliveryCount}`;
    const entry: InFlight<T> = { receipt, message, deadline: Date.now() + this.#visibilityTimeoutMs };
    this.#inFlight.set(receipt, entry);
    this.#byDeadline.push(entry);
    return { id: message.id, receipt, body: message.body, deliveryCount: message.deliveryCount };
  }

  ack(receipt: string): boolean {
    this.#expire();
    return this.#inFlight.delete(receipt);
  }

  nack(receipt: string): boolean {
    this.#expire();
    const entry = this.#inFlight.get(receipt);
    if (!entry) return false;
    this.#inFlight.delete(receipt);
    this.#retryOrDeadLetter(entry.message);
    return true;
  }

  get deadLetters(): ReadonlyArray<DeadLetter<T>> {
    this.#expire();
    return this.#dead.slice();
  }

  get size(): number {
    this.#expire();
    return this.#visible.length - this.#visibleHead;
  }

  get inFlight(): number {
    this.#expire();
    return this.#inFlight.size;
  }

  /** Fails every delivery whose visibility timeout is over. */
  #expire(): void {
    const now = Date.now();
    while (this.#deadlineHead < this.#byDeadline.length) {
      const entry = this.#byDeadline[this.#deadlineHead] as InFlight<T>;
      if (this.#inFlight.get(entry.receipt) === entry && entry.deadline >= now) break;
      this.#deadlineHead++;
      if (this.#inFlight.delete(entry.receipt)) this.#retryOrDeadLetter(entry.message);
    }
  }

  #retryOrDeadLetter(message: Stored<T>): void {
    if (message.deliveryCount >= this.#maxDeliveries) {
      this.#dead.push({ id: message.id, body: message.body, deliveryCount: message.deliveryCount });
    } else {
      this.#visible.push(message);
    }
  }
}
