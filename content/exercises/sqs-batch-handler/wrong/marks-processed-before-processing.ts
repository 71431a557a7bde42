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

export function createBatchHandler(opts: HandlerOptions): (event: SqsEvent) => Promise<BatchResponse> {
  const { process, store, maxReceiveCount, deadLetter } = opts;
  if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1) {
    throw new RangeError(`maxReceiveCount must be a positive integer, got ${String(maxReceiveCount)}`);
  }

  /** Handles one record; resolves when it is done, rejects when it failed. */
  async function handle(record: SqsRecord): Promise<void> {
    // A duplicate is checked first: a message that was processed and then redelivered many times
    // (its delete kept failing) is finished work, not poison.
    if (await store.has(record.messageId)) return;
    // ApproximateReceiveCount is a string: compare it as a number ("10" < "9" as strings).
    if (Number(record.attributes.ApproximateReceiveCount) > maxReceiveCount) {
      await deadLetter(record);
      return;
    }
    await store.add(record.messageId);
    await process(record);
  }

  return async (event) => {
    const batchItemFailures: BatchItemFailure[] = [];
    // Groups with a failed message in this event: the rest of each is not touched.
    const failedGroups = new Set<string>();
    // One record at a time, in batch order: FIFO order within a group depends on it.
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId;
      if (group !== undefined && failedGroups.has(group)) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      try {
        await handle(record);
      } catch {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        if (group !== undefined) failedGroups.add(group);
      }
    }
    return { batchItemFailures };
  };
}
