import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { RunJob, RunResult, WorkerRequest, WorkerResponse } from "./types.ts";

/**
 * Resolved from the app's root at run time: inside a Next.js server bundle import.meta.url points
 * into .next/, and a constant path here would make the bundler try to bundle the worker.
 */
function workerEntry(): string {
  return path.join(process.cwd(), ...["lib", "sandbox", "worker.ts"]);
}

export interface SupervisorOptions {
  workers: number;
  /** Jobs waiting beyond the running ones; more than this and the answer is "busy" at once. */
  queueLimit: number;
  /** Extra time past the job's wall limit before the worker is killed (isolate setup, teardown). */
  killGraceMs?: number;
  /** Replace a worker after this many runs, to return what it has accumulated to the system. */
  recycleAfter?: number;
  /** Replace a worker as soon as its resident memory passes this, whatever its run count. */
  recycleRssMb?: number;
}

interface Pending {
  job: RunJob;
  resolve: (result: RunResult) => void;
  enqueuedAt: number;
}

interface Worker {
  process: ChildProcess;
  ready: boolean;
  runs: number;
  idleSince: number;
  /** The worker this one takes over from once it is ready (a recycle). */
  replaces?: Worker;
  replacedBy?: Worker;
  /** Its replacement is ready: it takes no new job and goes when its current one ends. */
  retired: boolean;
  /** It has a warm SQL engine (its replacement after a crash starts one at once). */
  sqlEngine: boolean;
  /** Results in a row whose resident memory was over the limit: one alone may be a transient. */
  highRss: number;
  current?: { id: number; pending: Pending; timer: NodeJS.Timeout; killedForTime: boolean; startedAt: number; registered?: Array<{ name: string; hidden: boolean }> };
}

/**
 * V8 settings for short-lived isolates. A fresh isolate lives a few milliseconds, and V8's default
 * tiering spent a fifth of a worker's CPU compiling, in background threads, code that was thrown
 * away with the isolate. Sparkplug runs on the isolate's own thread, and Maglev and Turbofan start
 * only for code that runs ten times longer than by default, so JIT compilation is kept for programs
 * that run long enough to repay it. GC runs on the isolate's thread too: the heaps are small and
 * handing work to helper threads cost more than it saved. Measured on lru-cache (worker CPU per
 * run): 6.2 -> 5.0 ms for the tiering flags, a further -7% for the GC flag; CPU-heavy tests got
 * faster too (3e6 cache operations: 420 -> 365 ms; bloom-filter's tests: 79 -> 62 ms).
 */
/** How long an SQL job may wait for its worker's engine to start (opening a copy takes about a second; building the template once, about ten). */
const ENGINE_START_MS = 60_000;

const V8_FLAGS = [
  "--no-concurrent-sparkplug",
  "--invocation-count-for-maglev=4000",
  "--invocation-count-for-maglev-osr=1000",
  "--invocation-count-for-turbofan=30000",
  "--invocation-count-for-osr=5000",
  "--single-threaded-gc",
];

/**
 * Forks worker processes that run isolates, one job each at a time, behind a bounded queue.
 * The wall-clock limit is enforced here with SIGKILL, which nothing inside a worker can ignore.
 */
export class SandboxSupervisor {
  private readonly workers = new Set<Worker>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that died before becoming ready, in a row: a broken install must not spin. */
  private startFailures = 0;
  readonly stats = { runs: 0, crashes: 0, kills: 0, busy: 0, spawned: 0 };
  private readonly options: Required<SupervisorOptions>;

  constructor(options: SupervisorOptions) {
    this.options = { killGraceMs: 1500, recycleAfter: 5000, recycleRssMb: 512, ...options };
    for (let i = 0; i < this.options.workers; i++) this.spawn();
  }

  run(job: RunJob): Promise<RunResult> {
    if (this.closed) return Promise.resolve(failure("error", "The sandbox is shutting down."));
    if (this.startFailures >= 3 && ![...this.workers].some((w) => w.ready)) {
      return Promise.resolve(failure("error", "The sandbox could not start its worker processes. The server log has the details."));
    }
    return new Promise((resolve) => {
      const pending: Pending = { job, resolve, enqueuedAt: performance.now() };
      // The worker idle the longest has had the most time to prepare its next isolate.
      const idle = [...this.workers].filter((w) => w.ready && !w.retired && !w.current).sort((a, b) => a.idleSince - b.idleSince)[0];
      if (idle) return this.dispatch(idle, pending);
      if (this.queue.length >= this.options.queueLimit) {
        this.stats.busy++;
        return resolve(failure("busy", "The sandbox is busy. Try again in a moment."));
      }
      this.queue.push(pending);
    });
  }

  /** Waits until every worker has started (used by benchmarks and tests). */
  async ready(): Promise<void> {
    while (![...this.workers].every((w) => w.ready)) await new Promise((r) => setTimeout(r, 10));
  }

  /** Process ids of the live workers (for tests that check their memory). */
  workerPids(): number[] {
    return [...this.workers].map((w) => w.process.pid).filter((pid): pid is number => pid !== undefined);
  }

  get queued(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve(failure("error", "The sandbox is shutting down."));
    const exits = [...this.workers].map((w) => new Promise<void>((r) => (w.process.exitCode !== null || w.process.signalCode !== null ? r() : w.process.once("exit", () => r()))));
    for (const worker of this.workers) worker.process.kill("SIGKILL");
    await Promise.all(exits);
    this.workers.clear();
  }

  private spawn(replaces?: Worker, warmSql = false): void {
    const child = fork(workerEntry(), [], {
      // --no-lazy: V8 compiles every function up front, so the code caches kept for the harness and
      // the test files hold all their functions and each fresh isolate skips that work (-30% per run).
      // --expose-gc: the worker collects the garbage an SQL engine's start leaves (gc is the worker's, not the isolates').
      execArgv: ["--no-node-snapshot", "--no-lazy", "--expose-gc", ...V8_FLAGS, "--disable-warning=ExperimentalWarning"],
      // No secrets: the worker gets nothing of the server's environment.
      env: {
        NODE_ENV: "production",
        PATH: "/usr/bin:/bin",
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
        ...(process.env.DEEPEND_SQL_CACHE ? { DEEPEND_SQL_CACHE: process.env.DEEPEND_SQL_CACHE } : {}),
        ...(warmSql || replaces?.sqlEngine ? { DEEPEND_SQL_WARM: "1" } : {}),
      },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "json",
    });
    this.stats.spawned++;
    const worker: Worker = { process: child, ready: false, runs: 0, idleSince: 0, retired: false, sqlEngine: false, highRss: 0, replaces };
    if (replaces) replaces.replacedBy = worker;
    this.workers.add(worker);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      // Kept only until the worker is ready, to explain a failed start; V8's fatal messages later are not for users.
      if (!worker.ready && stderr.length < 4000) stderr += chunk.toString();
    });
    child.on("exit", (code, signal) => {
      if (worker.ready || this.closed) return;
      this.startFailures++;
      console.error(`[sandbox] worker exited before it was ready (${signal ?? `code ${code}`}): ${stderr.trim().slice(0, 2000)}`);
    });
    child.on("message", (message: WorkerResponse) => this.onMessage(worker, message));
    child.on("exit", () => this.onExit(worker));
    child.on("error", () => child.kill("SIGKILL"));
  }

  private dispatch(worker: Worker, pending: Pending): void {
    const id = this.nextId++;
    // An SQL job may first wait for the worker's engine to start (or its template to be built): the
    // wall limit starts again when the worker says the engine is ready.
    const firstLimit = pending.job.limits.wallMs + this.options.killGraceMs + (pending.job.sql ? ENGINE_START_MS : 0);
    worker.current = { id, pending, timer: this.killTimer(worker, id, firstLimit), killedForTime: false, startedAt: performance.now() };
    const request: WorkerRequest = { type: "run", id, job: pending.job };
    worker.process.send(request, (error) => {
      if (error) worker.process.kill("SIGKILL");
    });
  }

  private killTimer(worker: Worker, id: number, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      if (worker.current?.id !== id) return;
      worker.current.killedForTime = true;
      this.stats.kills++;
      worker.process.kill("SIGKILL");
    }, ms);
  }

  private onMessage(worker: Worker, message: WorkerResponse): void {
    if (message.type === "ready") {
      worker.ready = true;
      this.startFailures = 0;
      if (worker.replaces) this.retire(worker.replaces);
      worker.replaces = undefined;
      this.next(worker);
      return;
    }
    if (message.type === "engine") {
      const current = worker.current;
      if (current?.id !== message.id) return;
      clearTimeout(current.timer);
      current.startedAt = performance.now();
      current.timer = this.killTimer(worker, message.id, current.pending.job.limits.wallMs + this.options.killGraceMs);
      return;
    }
    if (message.type === "registered") {
      if (worker.current?.id === message.id) worker.current.registered = message.tests;
      return;
    }
    const current = worker.current;
    if (!current || current.id !== message.id) return;
    clearTimeout(current.timer);
    worker.current = undefined;
    worker.idleSince = performance.now();
    worker.runs++;
    worker.sqlEngine = message.sqlEngine === true;
    this.stats.runs++;
    current.pending.resolve(message.result);
    if (worker.retired) return this.retire(worker);
    const rssMb = message.rssBytes / 2 ** 20;
    // The replacement starts while this worker goes on serving, so a recycle costs no capacity.
    worker.highRss = rssMb > this.options.recycleRssMb ? worker.highRss + 1 : 0;
    if ((worker.runs >= this.options.recycleAfter || worker.highRss >= 3) && !worker.replacedBy && this.startFailures === 0 && !this.closed) this.spawn(worker);
    this.next(worker);
  }

  /** Ends a worker whose replacement is ready: now if it is idle, else after its current job. */
  private retire(worker: Worker): void {
    worker.retired = true;
    if (worker.current) return;
    this.workers.delete(worker);
    worker.process.kill("SIGKILL");
  }

  private onExit(worker: Worker): void {
    const wasKnown = this.workers.delete(worker);
    const current = worker.current;
    if (current) {
      clearTimeout(current.timer);
      worker.current = undefined;
      if (!current.killedForTime) this.stats.crashes++;
      // A worker dies under a job only by our SIGKILL (time) or by V8 aborting (memory).
      const result = current.killedForTime
        ? failure("timeout", `The run took longer than ${current.pending.job.limits.wallMs} ms and was stopped.`, performance.now() - current.startedAt)
        : failure("memory", "The code exhausted the sandbox's memory and was stopped.", performance.now() - current.startedAt);
      const reason = current.killedForTime ? "Not finished: the time limit was reached." : "Not finished: the memory limit was reached.";
      result.tests = (current.registered ?? []).map((t) => ({ ...t, status: "failed" as const, durationMs: 0, message: reason }));
      current.pending.resolve(result);
    }
    if (!wasKnown || this.closed) return;
    // A replacement that never started: the worker it was to replace goes on serving.
    if (worker.replaces && !worker.ready) {
      worker.replaces.replacedBy = undefined;
      return;
    }
    // A retired worker's replacement is already serving; a worker that is being replaced hands
    // its place to that replacement.
    if (worker.retired || worker.replacedBy) {
      if (worker.replacedBy) worker.replacedBy.replaces = undefined;
      return;
    }
    if (this.startFailures === 0) return this.spawn(undefined, worker.sqlEngine || current?.pending.job.sql !== undefined);
    // Back off while workers keep failing to start; fail what is waiting rather than hang.
    for (const pending of this.queue.splice(0)) pending.resolve(failure("error", "The sandbox could not start its worker processes. The server log has the details."));
    setTimeout(() => this.closed || this.spawn(), Math.min(30_000, 250 * 2 ** this.startFailures)).unref();
  }

  private next(worker: Worker): void {
    const pending = this.queue.shift();
    if (pending) this.dispatch(worker, pending);
  }
}

export function failure(status: RunResult["status"], message: string, durationMs = 0): RunResult {
  return { status, tests: [], console: [], error: { message }, durationMs: Math.round(durationMs * 100) / 100 };
}
