export type Vote = "yes" | "no";

export interface Participant {
  readonly name: string;
  /** Resolves the participant's vote. May reject, or answer too late. */
  prepare(txId: string): Promise<Vote>;
  /** Idempotent. Resolves: acknowledged. Rejects: failed, or done with the answer lost. */
  commit(txId: string): Promise<void>;
  /** Idempotent, like commit. */
  abort(txId: string): Promise<void>;
}

export type LogRecord =
  | { readonly type: "begin"; readonly txId: string; readonly participants: readonly string[] }
  | { readonly type: "commit"; readonly txId: string }
  | { readonly type: "end"; readonly txId: string };

/** Durable and append-only. append() throwing means the coordinator crashed right there. */
export interface RecoveryLog {
  append(record: LogRecord): void;
  records(): readonly LogRecord[];
}

export type Outcome = "committed" | "aborted";

export interface TxResult {
  readonly txId: string;
  readonly outcome: Outcome;
  /** Participants that did not acknowledge phase 2 (in order); [] once the transaction is finished. */
  readonly pending: readonly string[];
}

export interface CoordinatorOptions {
  /** How long a prepare call may take before it counts as a failure (finite, > 0). */
  prepareTimeoutMs: number;
  /** Phase 2 calls per participant per run (positive integer). */
  maxAttempts: number;
}

/**
 * Two-phase commit coordinator with presumed abort.
 *
 * - log "begin" before the first prepare; log "commit" before the first commit; never log aborts;
 *   log "end" when every phase 2 target has acknowledged.
 * - a crash (log.append throwing) propagates at once.
 * - recover() finishes every transaction with a "begin" and no "end" record.
 */
export class Coordinator {
  /**
   * @throws {TypeError} no participants, or an empty or duplicate name.
   * @throws {RangeError} a bad prepareTimeoutMs or maxAttempts.
   */
  constructor(participants: readonly Participant[], log: RecoveryLog, options: CoordinatorOptions) {
    throw new Error("Not implemented");
  }

  async execute(txId: string): Promise<TxResult> {
    throw new Error("Not implemented");
  }

  async recover(): Promise<TxResult[]> {
    throw new Error("Not implemented");
  }

  decision(txId: string): "commit" | "abort" | "pending" {
    throw new Error("Not implemented");
  }
}
