/** One SQS message as Lambda passes it to the function (only the fields this handler uses). */
export interface SqsRecord {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: {
    /** How many times SQS has handed this message out, this time included: "1", "2", ... */
    readonly ApproximateReceiveCount: string;
    /** FIFO queues only: messages of one group must be processed in order. */
    readonly MessageGroupId?: string;
  };
}

export interface SqsEvent {
  readonly Records: readonly SqsRecord[];
}

export interface BatchItemFailure {
  itemIdentifier: string;
}

/** Lambda's partial batch response (ReportBatchItemFailures): the messages to redeliver. */
export interface BatchResponse {
  batchItemFailures: BatchItemFailure[];
}

/** Remembers the ids of messages that were processed successfully, across invocations. */
export interface ProcessedStore {
  has(messageId: string): boolean | Promise<boolean>;
  add(messageId: string): void | Promise<void>;
}

export interface HandlerOptions {
  /** The business logic for one message; throws (or rejects) when it fails. */
  process(record: SqsRecord): void | Promise<void>;
  store: ProcessedStore;
  /** A message received more times than this is dead-lettered instead of processed. */
  maxReceiveCount: number;
  /** Parks a poison message (for example: writes it to a DLQ table and alerts). */
  deadLetter(record: SqsRecord): void | Promise<void>;
}

/**
 * Returns the Lambda handler for SQS batches: records one at a time in batch order; for each,
 * blocked group -> failed; store.has -> skipped; receive count > maxReceiveCount -> deadLetter;
 * else process then store.add. Any error fails the record (and blocks its group for this event).
 */
export function createBatchHandler(opts: HandlerOptions): (event: SqsEvent) => Promise<BatchResponse> {
  throw new Error("Not implemented");
}
