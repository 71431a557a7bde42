// Entry point of a sandbox worker process (forked by the supervisor with --no-node-snapshot and a
// clean environment). Runs one job at a time; the supervisor kills and replaces it on any trouble.
import { executeJob, flavourOf, prepareIsolate, type IsolateFlavour } from "./execute.ts";
import { attachSession, detachSession } from "./sql/bridge.ts";
import { ENGINE_RECYCLE_BYTES, SqlEngine } from "./sql/engine.ts";
import { SqlSession } from "./sql/session.ts";
import type { RunJob, RunResult, SandboxLimits, WorkerRequest, WorkerResponse } from "./types.ts";

type Prepared = ReturnType<typeof prepareIsolate>;
let next: Prepared | undefined;
let lastLimits: SandboxLimits | undefined;
let lastFlavour: IsolateFlavour = { runtime: "plain", testLibraries: false };

/** The SQL engine: started by the first SQL job (or at once, for a worker replacing one that had it), kept warm. */
let engine: SqlEngine | undefined;
let opening: Promise<SqlEngine> | undefined;
/** What opening the engine added to the worker's resident memory (its module, file bundle and heap). */
let engineRssBytes = 0;

function openEngine(): Promise<SqlEngine> {
  if (engine) return Promise.resolve(engine);
  const before = process.memoryUsage.rss();
  opening ??= SqlEngine.open()
    .then((opened) => {
      // Opening leaves hundreds of MB of garbage (module and bundle set-up): collected now, so the
      // worker's first results do not look like a leak and get it recycled (--expose-gc).
      collectGarbage();
      engineRssBytes = Math.max(0, process.memoryUsage.rss() - before);
      return (engine = opened);
    })
    .finally(() => {
      opening = undefined;
    });
  return opening;
}

function dropEngine(): void {
  const old = engine;
  engine = undefined;
  void old
    ?.close()
    .catch(() => {})
    .finally(collectGarbage);
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** While idle, get the next isolate ready (harness and, if the last job used it, the Node runtime installed; intrinsics locked down). */
function prepareNext(): void {
  if (next || !lastLimits) return;
  try {
    next = prepareIsolate(lastLimits, lastFlavour);
  } catch {
    next = undefined;
  }
}

function send(message: WorkerResponse): void {
  process.send?.(message);
}

const failed = (message: string): RunResult => ({ status: "error", tests: [], console: [], error: { message }, durationMs: 0 });

/** Runs a job that has a database: one transaction for the whole run, rolled back at its end. */
async function runWithDatabase(id: number, job: RunJob & { sql: NonNullable<RunJob["sql"]> }, ready: Prepared | undefined): Promise<{ result: RunResult; dispose: () => void }> {
  let sqlEngine: SqlEngine;
  try {
    sqlEngine = await openEngine();
  } catch (error) {
    ready?.isolate.dispose();
    return { result: failed(`The SQL engine could not start: ${error instanceof Error ? error.message : String(error)}`), dispose: () => {} };
  }
  // The engine's start is not the run's time.
  send({ type: "engine", id });
  try {
    sqlEngine.beginRun();
  } catch (error) {
    dropEngine();
    ready?.isolate.dispose();
    return { result: failed(`The SQL engine failed: ${(error as Error).message}. Try again.`), dispose: () => {} };
  }
  const session = new SqlSession(sqlEngine, job.sql, performance.now() + job.limits.wallMs);
  attachSession(session, job.sql.fixture);
  let execution;
  try {
    execution = executeJob(job, ready, (tests) => send({ type: "registered", id, tests }));
  } finally {
    let broken = detachSession();
    let pristine = false;
    try {
      sqlEngine.endRun();
      pristine = sqlEngine.isPristine();
    } catch (error) {
      broken ??= error as Error;
    }
    // An engine in a state we do not know, one whose datasets kept a trace of the run (estimates
    // updated in place, rolled-back row versions), or one that grew, is replaced before the next
    // run: the new one opens while the worker is idle.
    if (broken || !pristine || sqlEngine.memoryBytes() > ENGINE_RECYCLE_BYTES) {
      dropEngine();
      void openEngine().catch(() => {});
    }
    if (broken && execution) {
      execution.result.status = "error";
      execution.result.error = { message: "The database stopped working during this run; it has been restarted. Run again." };
    }
  }
  if (session.preview) execution.result.sql = session.preview;
  return execution;
}

process.on("message", async (message: WorkerRequest) => {
  if (message?.type !== "run") return;
  let result;
  let dispose = () => {};
  const ready = next;
  next = undefined;
  const { job } = message;
  lastLimits = job.limits;
  lastFlavour = flavourOf(job);
  try {
    if (job.sql) ({ result, dispose } = await runWithDatabase(message.id, { ...job, sql: job.sql }, ready));
    else ({ result, dispose } = executeJob(job, ready, (tests) => send({ type: "registered", id: message.id, tests })));
  } catch (error) {
    result = failed(`The sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The engine's memory is its own (bounded, and replaced with the engine when it grows): only the
  // rest decides when the worker is recycled. Counting it made every SQL worker recycle every run.
  const rssBytes = process.memoryUsage.rss() - (engine ? Math.max(engineRssBytes, engine.memoryBytes()) : 0);
  send({ type: "result", id: message.id, result, rssBytes, sqlEngine: engine !== undefined });
  setImmediate(() => {
    dispose();
    prepareNext();
  });
});

// The supervisor is our only reason to live.
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
// A worker replacing one that had an engine starts its own at once, while idle.
if (process.env.DEEPEND_SQL_WARM === "1") void openEngine().catch(() => {});
