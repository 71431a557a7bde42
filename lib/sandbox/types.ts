// Plain data exchanged between the web server, the sandbox supervisor and its workers.
import type { SqlRunDetails } from "./sql/types.ts";

export type RunStatus = "passed" | "failed" | "error" | "timeout" | "memory" | "busy";

export interface TestResult {
  name: string;
  status: "passed" | "failed";
  message?: string;
  expected?: string;
  actual?: string;
  hidden: boolean;
  durationMs: number;
  /** Where in the user's solution the failure was raised, when known. */
  line?: number;
  column?: number;
  /** The line of a visible test file that failed (an assertion, or a call that threw), and its source. */
  failedAt?: TestSourceLocation;
  /** Set when the test did not finish: it was running when a limit was hit, or never started. */
  interrupted?: "timeout" | "memory" | "not-run";
}

export interface TestSourceLocation {
  file: string;
  line: number;
  /** The `expect(...)` chain at that line, or the line itself when it is not an assertion. */
  source?: string;
}

export interface CompileError {
  line: number;
  column: number;
  message: string;
}

export interface ConsoleLine {
  level: "log" | "info" | "warn" | "error" | "debug";
  text: string;
  test?: string;
  /** Programs only: the phase of the event loop that printed the line, and what scheduled it. */
  phase?: LoopPhase;
  detail?: string;
}

/** Where a callback of Node's event loop came from: the answer key of predict exercises. */
export type LoopPhase = "main" | "nextTick" | "microtask" | "timers" | "pending" | "poll" | "check" | "close";

export interface PredictStep {
  line: string;
  phase: LoopPhase;
  /** What scheduled it, e.g. "setTimeout 10 ms". */
  detail?: string;
}

export interface PredictOutcome {
  /** How many lines the program prints. */
  expectedLines: number;
  /** How many leading lines of the answer are right. */
  matched: number;
  /** null: all right. expected null: the answer has extra lines; actual null: the answer is too short. */
  firstDifference: { line: number; expected: string | null; actual: string | null } | null;
  /** Only once solved or given up. */
  walkthrough?: PredictStep[];
  /** The authored walkthrough (Markdown), with it. */
  notes?: string;
}

export interface RunResult {
  status: RunStatus;
  tests: TestResult[];
  compileErrors?: CompileError[];
  /** A run-level problem: the solution threw while loading, a limit was hit, the queue was full. */
  error?: { message: string; line?: number; column?: number };
  console: ConsoleLine[];
  durationMs: number;
  /** Predict exercises only (tests is then empty). */
  predict?: PredictOutcome;
  /** Program runs only: the exit code (null when a limit ended it first). */
  exitCode?: number | null;
  /** SQL exercises' Run: what each of the learner's statements returned, and its plan. */
  sql?: SqlRunDetails;
}

export interface SandboxLimits {
  memoryMb: number;
  cpuMs: number;
  wallMs: number;
  consoleLines: number;
  consoleBytes: number;
  codeBytes: number;
  resultBytes: number;
}

export interface SourceFile {
  /** "solution.ts", "visible.test.ts" or "hidden.test.ts". */
  name: string;
  code: string;
}

/** plain: ECMAScript and the harness only (code exercises); node: with the Node runtime. */
export type SandboxRuntime = "plain" | "node";

/** SQL exercises: the run gets a PostgreSQL session (lib/sandbox/sql). */
export interface SqlJob {
  /** The exercise's schema.sql, loaded by the tests' resetDatabase(). */
  fixture: string;
  /** sql exercises: the learner's SQL (the job's solution is then not TypeScript). */
  script?: string;
  /** Keep the first rows and plan of each learner statement for Run's output. */
  preview?: boolean;
}

export interface RunJob {
  solution: string;
  /** Trusted test files, loaded in this order. */
  tests: SourceFile[];
  limits: SandboxLimits;
  runtime?: SandboxRuntime;
  /** tests (default): the solution against the tests; program: the solution is a program run as Node's main module (no tests). */
  mode?: "tests" | "program";
  sql?: SqlJob;
}

export type WorkerRequest = { type: "run"; id: number; job: RunJob };
export type WorkerResponse =
  | { type: "ready" }
  /** Sent once the tests are registered, before user code runs: lets a crash still name them. */
  | { type: "registered"; id: number; tests: Array<{ name: string; hidden: boolean }> }
  /** Sent when the job's SQL engine is ready: its start (first SQL run, or after a crash) does not count against the wall limit. */
  | { type: "engine"; id: number }
  /** rssBytes: the worker's resident memory (less its SQL engine's), which decides when it is recycled. */
  | { type: "result"; id: number; result: RunResult; rssBytes: number; sqlEngine?: boolean };
