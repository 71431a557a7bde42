// Wrong: also compensates the compensatable step that failed (it had no effect).
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
  action(key: string): Promise<void>;
  status(key: string): Promise<"applied" | "not-applied">;
  compensate?(key: string): Promise<void>;
}

export interface SagaOptions {
  maxAttempts: number;
}

interface SagaState {
  phase: "forward" | "compensating" | "completed" | "compensated";
  /** forward: the next step to run; compensating: the next step to compensate (counting down). */
  next: number;
  readonly log: string[];
  running: Promise<SagaResult> | undefined;
}

const KIND_RANK: Record<StepKind, number> = { compensatable: 0, pivot: 1, retriable: 2 };

export class SagaOrchestrator {
  readonly #steps: readonly SagaStep[];
  readonly #maxAttempts: number;
  readonly #sagas = new Map<string, SagaState>();

  constructor(steps: readonly SagaStep[], options: SagaOptions) {
    if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be a positive integer, got ${options.maxAttempts}`);
    }
    const names = new Set<string>();
    let rank = 0;
    for (const step of steps) {
      if (step.name === "" || names.has(step.name)) {
        throw new TypeError(`step names must be unique and non-empty: "${step.name}"`);
      }
      names.add(step.name);
      const stepRank = KIND_RANK[step.kind];
      if (stepRank < rank || (step.kind === "pivot" && rank === 1)) {
        throw new TypeError(`steps must be compensatable*, at most one pivot, then retriable*: "${step.name}" is out of place`);
      }
      rank = stepRank;
      if (step.kind === "compensatable" && typeof step.compensate !== "function") {
        throw new TypeError(`compensatable step "${step.name}" needs a compensate function`);
      }
    }
    this.#steps = [...steps];
    this.#maxAttempts = options.maxAttempts;
  }

  run(sagaId: string): Promise<SagaResult> {
    let saga = this.#sagas.get(sagaId);
    if (!saga) {
      saga = { phase: "forward", next: 0, log: [], running: undefined };
      this.#sagas.set(sagaId, saga);
    }
    if (saga.running) return saga.running; // a concurrent run joins the one in progress
    if (saga.phase === "completed" || saga.phase === "compensated") return Promise.resolve(saga.phase);
    const state = saga;
    state.running = this.#drive(sagaId, state).finally(() => {
      state.running = undefined;
    });
    return state.running;
  }

  history(sagaId: string): string[] {
    return [...(this.#sagas.get(sagaId)?.log ?? [])];
  }

  async #drive(sagaId: string, saga: SagaState): Promise<SagaResult> {
    while (saga.phase === "forward" && saga.next < this.#steps.length) {
      const step = this.#steps[saga.next] as SagaStep;
      if (step.kind === "retriable") {
        if (!(await this.#runUntilApplied(sagaId, saga, step))) return "stuck";
        saga.next++;
      } else if (await this.#attempt(sagaId, saga, step)) {
        saga.next++;
      } else {
        // The failed step left no effect: undo the ones before it.
        saga.phase = "compensating";
        if (step.kind === "pivot") saga.next--;
      }
    }
    if (saga.phase === "forward") {
      saga.phase = "completed";
      return "completed";
    }
    while (saga.next >= 0) {
      if (!(await this.#compensate(sagaId, saga, this.#steps[saga.next] as SagaStep))) return "stuck";
      saga.next--;
    }
    saga.phase = "compensated";
    return "compensated";
  }

  /** One attempt of a step's action; a timeout is settled by the participant's status. */
  async #attempt(sagaId: string, saga: SagaState, step: SagaStep): Promise<boolean> {
    const key = `${sagaId}:${step.name}`;
    try {
      await step.action(key);
      saga.log.push(`${step.name}:action:ok`);
      return true;
    } catch (error) {
      if (!(error instanceof TimeoutError)) {
        saga.log.push(`${step.name}:action:failed`);
        return false;
      }
      saga.log.push(`${step.name}:action:timeout`);
      const status = await step.status(key);
      saga.log.push(`${step.name}:status:${status}`);
      return status === "applied";
    }
  }

  async #runUntilApplied(sagaId: string, saga: SagaState, step: SagaStep): Promise<boolean> {
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      if (await this.#attempt(sagaId, saga, step)) return true;
    }
    return false;
  }

  /** Compensations are idempotent, so any failure (timeout included) is simply retried. */
  async #compensate(sagaId: string, saga: SagaState, step: SagaStep): Promise<boolean> {
    const key = `${sagaId}:${step.name}:compensate`;
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      try {
        // Only compensatable steps are compensated, and the constructor checked that they have one.
        await step.compensate!(key);
        saga.log.push(`${step.name}:compensate:ok`);
        return true;
      } catch (error) {
        saga.log.push(`${step.name}:compensate:${error instanceof TimeoutError ? "timeout" : "failed"}`);
      }
    }
    return false;
  }
}
