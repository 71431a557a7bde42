/** What a participant call rejects with when it timed out: the outcome is unknown. */
export class TimeoutError extends Error {
  constructor(message = "timed out") {
    super(message);
    this.name = "TimeoutError";
  }
}

export type StepKind = "compensatable" | "pivot" | "retriable";
export type SagaResult = "completed" | "compensated" | "stuck";

export interface SagaStep {
  readonly name: string;
  readonly kind: StepKind;
  /** Resolves: done. Rejects with TimeoutError: unknown (ask status). Rejects otherwise: failed, no effect. */
  action(key: string): Promise<void>;
  /** Whether the action with this key took effect. */
  status(key: string): Promise<"applied" | "not-applied">;
  /** Undoes the step (compensatable steps only); idempotent. */
  compensate?(key: string): Promise<void>;
}

export interface SagaOptions {
  /** Attempts per retriable step and per compensation, per run (positive integer). */
  maxAttempts: number;
}

/**
 * - keys: `${sagaId}:${name}` for action/status, `${sagaId}:${name}:compensate` for compensate
 * - compensatable steps and the pivot: one attempt; failure → compensate done steps in reverse
 * - retriable steps: up to maxAttempts attempts, else "stuck"
 * - compensations: up to maxAttempts attempts each, else "stuck"
 * - run again: finished → same result, nothing called; stuck → resume; in progress → same promise
 * - history: "<step>:<action|status|compensate>:<outcome>"
 */
export class SagaOrchestrator {
  /** @throws {RangeError} bad maxAttempts; {TypeError} bad step list. */
  constructor(steps: readonly SagaStep[], options: SagaOptions) {
    throw new Error("Not implemented");
  }

  run(sagaId: string): Promise<SagaResult> {
    throw new Error("Not implemented");
  }

  history(sagaId: string): string[] {
    throw new Error("Not implemented");
  }
}
