/**
 * A two-phase commit coordinator with presumed abort.
 *
 * Everything the coordinator must remember across a crash is in the recovery log, and each record
 * is written *before* the action it makes possible: `begin` before the first prepare (so a
 * recovering coordinator knows whom to tell "abort"), `commit` before the first commit (the commit
 * point: from here on the transaction commits, whoever finishes it). An abort is never logged:
 * a transaction without a `commit` record is aborted (presumed abort). `end` is written only when
 * every participant has acknowledged phase 2, so recovery can forget the transaction.
 */
export type Vote = "yes" | "no";

export interface Participant {
  readonly name: string;
  prepare(txId: string): Promise<Vote>;
  commit(txId: string): Promise<void>;
  abort(txId: string): Promise<void>;
}

export type LogRecord =
  | { readonly type: "begin"; readonly txId: string; readonly participants: readonly string[] }
  | { readonly type: "commit"; readonly txId: string }
  | { readonly type: "end"; readonly txId: string };

export interface RecoveryLog {
  append(record: LogRecord): void;
  records(): readonly LogRecord[];
}

export type Outcome = "committed" | "aborted";

export interface TxResult {
  readonly txId: string;
  readonly outcome: Outcome;
  readonly pending: readonly string[];
}

export interface CoordinatorOptions {
  prepareTimeoutMs: number;
  maxAttempts: number;
}

/** What one prepare call came to: a vote, or no usable answer (rejected or too late). */
type PrepareAnswer = "yes" | "no" | "failed";

export class Coordinator {
  readonly #participants: readonly Participant[];
  readonly #byName = new Map<string, Participant>();
  readonly #log: RecoveryLog;
  readonly #prepareTimeoutMs: number;
  readonly #maxAttempts: number;
  /** Transactions this instance is collecting votes for right now. */
  readonly #preparing = new Set<string>();

  constructor(participants: readonly Participant[], log: RecoveryLog, options: CoordinatorOptions) {
    if (participants.length === 0) throw new TypeError("a transaction needs at least one participant");
    for (const p of participants) {
      if (p.name === "" || this.#byName.has(p.name)) {
        throw new TypeError(`participant names must be unique and non-empty: "${p.name}"`);
      }
      this.#byName.set(p.name, p);
    }
    const { prepareTimeoutMs, maxAttempts } = options;
    if (!Number.isFinite(prepareTimeoutMs) || prepareTimeoutMs <= 0) {
      throw new RangeError(`prepareTimeoutMs must be a finite number > 0, got ${prepareTimeoutMs}`);
    }
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
    }
    this.#participants = participants;
    this.#log = log;
    this.#prepareTimeoutMs = prepareTimeoutMs;
    this.#maxAttempts = maxAttempts;
  }

  async execute(txId: string): Promise<TxResult> {
    if (this.#log.records().some((r) => r.txId === txId)) {
      throw new Error(`transaction "${txId}" already exists`);
    }
    // Errors thrown by append are crashes: they must propagate, never be caught.
    this.#log.append({ type: "begin", txId, participants: this.#participants.map((p) => p.name) });

    // Phase 1, one participant at a time; the first answer other than "yes" decides abort.
    const toAbort: Participant[] = [];
    let allYes = true;
    this.#preparing.add(txId);
    try {
      for (const p of this.#participants) {
        const answer = await this.#prepare(p, txId);
        if (answer === "yes") {
          toAbort.push(p);
          continue;
        }
        // A participant that voted no has already aborted on its own; one that failed or timed
        // out may be prepared, so it must be told.
        toAbort.push(p);
        allYes = false;
        break;
      }
    } finally {
      this.#preparing.delete(txId);
    }

    if (allYes) {
      this.#log.append({ type: "commit", txId }); // the commit point
      return this.#finish(txId, "committed", this.#participants);
    }
    return this.#finish(txId, "aborted", toAbort);
  }

  async recover(): Promise<TxResult[]> {
    const records = this.#log.records();
    const ended = new Set<string>();
    const committed = new Set<string>();
    for (const r of records) {
      if (r.type === "end") ended.add(r.txId);
      if (r.type === "commit") committed.add(r.txId);
    }
    const inFlight = records.filter((r): r is Extract<LogRecord, { type: "begin" }> => r.type === "begin" && !ended.has(r.txId));
    // Refuse before calling anyone, so a misconfigured coordinator changes nothing.
    for (const r of inFlight) {
      for (const name of r.participants) {
        if (!this.#byName.has(name)) throw new Error(`unknown participant "${name}" in transaction "${r.txId}"`);
      }
    }
    const results: TxResult[] = [];
    for (const r of inFlight) {
      const targets = r.participants.map((name) => this.#byName.get(name) as Participant);
      // Presumed abort: no commit record means the transaction never reached its commit point.
      results.push(await this.#finish(r.txId, committed.has(r.txId) ? "committed" : "aborted", targets));
    }
    return results;
  }

  decision(txId: string): "commit" | "abort" | "pending" {
    if (this.#log.records().some((r) => r.type === "commit" && r.txId === txId)) return "commit";
    return this.#preparing.has(txId) ? "pending" : "abort";
  }

  /** Phase 2: tells each target the outcome, retrying each up to maxAttempts; `end` once all acked. */
  async #finish(txId: string, outcome: Outcome, targets: readonly Participant[]): Promise<TxResult> {
    const pending: string[] = [];
    for (const p of targets) {
      let acked = false;
      for (let attempt = 0; attempt < this.#maxAttempts && !acked; attempt++) {
        try {
          await (outcome === "committed" ? p.commit(txId) : p.abort(txId));
          acked = true;
        } catch {
          // Failed or unknown: both calls are idempotent, so simply call again.
        }
      }
      if (!acked) pending.push(p.name);
    }
    if (pending.length === 0) this.#log.append({ type: "end", txId });
    return { txId, outcome, pending };
  }

  /** One prepare call, cut off after prepareTimeoutMs; a late answer is ignored. */
  async #prepare(p: Participant, txId: string): Promise<PrepareAnswer> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<PrepareAnswer>((resolve) => {
      timer = setTimeout(() => resolve("failed"), this.#prepareTimeoutMs);
    });
    const reply = (async (): Promise<PrepareAnswer> => {
      try {
        const vote = await p.prepare(txId);
        return vote === "yes" ? "yes" : "no";
      } catch {
        return "failed";
      }
    })();
    try {
      return await Promise.race([reply, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
