// Runs one job in a fresh isolate. Only ever called inside a sandbox worker process: some
// programs abort the whole process through isolated-vm's catastrophic-error path.
import ivm from "isolated-vm";
import { z } from "zod";
import { expectExpressionAt } from "./expression-source.ts";
import { harnessScript, nodeRuntimeScript, sqlClientScript, testLibrariesScript } from "./runtime/build.ts";
import { sqlDispatch } from "./sql/bridge.ts";
import { mapPositionsInText, originalPosition, transpile, type Transpiled } from "./transpile.ts";
import type { ConsoleLine, RunJob, RunResult, RunStatus, SandboxLimits, SandboxRuntime, SourceFile, TestResult, TestSourceLocation } from "./types.ts";

const TEST_PARAMS = "exports, require, module, describe, it, test, expect, fn, clock, beforeEach, afterEach, beforeAll, afterAll, vi, jest";
const SOLUTION_PARAMS = "exports, require, module, __filename, __dirname";
/** Where a program believes it runs (its __filename). */
export const PROGRAM_FILENAME = "/sandbox/main.js";

let harnessCache: ivm.ExternalCopy<ArrayBuffer> | undefined;
let runtimeCache: ivm.ExternalCopy<ArrayBuffer> | undefined;
let testLibrariesCache: ivm.ExternalCopy<ArrayBuffer> | undefined;
let sqlClientCache: ivm.ExternalCopy<ArrayBuffer> | undefined;

/** What an isolate must have loaded for a job: the Node runtime, fast-check if its tests import it, the SQL client for SQL exercises. */
export interface IsolateFlavour {
  runtime: SandboxRuntime;
  testLibraries: boolean;
  sql?: boolean;
}

export function flavourOf(job: Pick<RunJob, "runtime" | "tests" | "sql">): IsolateFlavour {
  return { runtime: job.runtime ?? "plain", testLibraries: job.tests.some((file) => /["']fast-check["']/.test(file.code)), sql: job.sql !== undefined };
}
const testCache = new Map<string, { output: Transpiled; cachedData?: ivm.ExternalCopy<ArrayBuffer> }>();

const reportSchema = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      status: z.enum(["passed", "failed"]),
      hidden: z.boolean(),
      durationMs: z.number(),
      message: z.string().optional(),
      expected: z.string().optional(),
      actual: z.string().optional(),
      line: z.number().int().optional(),
      column: z.number().int().optional(),
      at: z.object({ file: z.string(), line: z.number().int(), column: z.number().int() }).optional(),
    }),
  ),
  running: z.string().nullable(),
  console: z.array(
    z.object({
      level: z.enum(["log", "info", "warn", "error", "debug"]),
      text: z.string(),
      test: z.string().optional(),
      phase: z.enum(["main", "nextTick", "microtask", "timers", "pending", "poll", "check", "close"]).optional(),
      detail: z.string().optional(),
    }),
  ),
  exitCode: z.number().int().nullable(),
});
const testListSchema = z.array(z.object({ name: z.string(), hidden: z.boolean() }));
/** `tests`: the list again, when test files had to register once more after the solution loaded (describe bodies that use it). */
const startSchema = z.object({ ok: z.boolean(), message: z.string().optional(), line: z.number().optional(), column: z.number().optional(), tests: testListSchema.optional() });

const cachedDataOf = (script: ivm.Script) => (script as ivm.Script & ivm.CachedDataResult).cachedData;

function wrap(js: string, params: string): string {
  // On one line, so that with lineOffset -1 the code's lines keep their numbers.
  return `(function (${params}) {"use strict";\n${js}\n})`;
}

/** Test files are trusted and change rarely: transpiled once, and V8's code cache kept. */
function transpileTest(name: string, code: string) {
  const key = `${name}\0${code}`;
  let cached = testCache.get(key);
  if (!cached) {
    const result = transpile(code, name);
    if (!result.ok) throw new Error(`${name} does not compile: ${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("; ")}`);
    cached = { output: result.output };
    if (testCache.size > 200) testCache.clear();
    testCache.set(key, cached);
  }
  return cached;
}

class LimitError extends Error {
  readonly status: "timeout" | "memory";
  constructor(status: "timeout" | "memory", message: string) {
    super(message);
    this.status = status;
  }
}

interface Prepared {
  key: string;
  isolate: ivm.Isolate;
  context: ivm.Context;
  define: ivm.Reference<(name: string, factory: unknown) => void>;
  load: ivm.Reference<(files: string[]) => string>;
  startSolution: ivm.Reference<() => string>;
  startStatus: ivm.Reference<() => string>;
  step: ivm.Reference<() => boolean>;
  runMain: ivm.Reference<(filename: string, source: string) => string>;
  mainStatus: ivm.Reference<() => string>;
  programStep: ivm.Reference<() => boolean>;
  rejection: ivm.Reference<(info: unknown) => void>;
  report: ivm.Reference<() => string>;
  /** Milliseconds spent loading the Node runtime into this isolate (0 for plain ones). */
  runtimeMs: number;
}

const keyOf = (limits: SandboxLimits, flavour: IsolateFlavour) => `${flavour.runtime}:${flavour.testLibraries}:${flavour.sql === true}:${limits.memoryMb}:${limits.consoleLines}:${limits.consoleBytes}`;

/**
 * A fresh isolate with the harness installed and the intrinsics locked down: everything a run
 * needs before it sees any code. Workers prepare the next one while idle.
 */
export function prepareIsolate(limits: SandboxLimits, flavour: IsolateFlavour = { runtime: "plain", testLibraries: false }): Prepared {
  const { runtime } = flavour;
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  try {
    const context = isolate.createContextSync();
    context.global.setSync("__deependConfig", new ivm.ExternalCopy({ consoleLines: limits.consoleLines, consoleBytes: limits.consoleBytes }).copyInto());
    const harness = isolate.compileScriptSync(harnessScript(), { filename: "deepend-harness.js", ...(harnessCache ? { cachedData: harnessCache } : { produceCachedData: true }) });
    harnessCache ??= cachedDataOf(harness);
    harness.runSync(context, { timeout: 1000 });
    let runtimeMs = 0;
    if (runtime === "node") {
      const started = performance.now();
      const script = isolate.compileScriptSync(nodeRuntimeScript(), { filename: "deepend-node-runtime.js", ...(runtimeCache ? { cachedData: runtimeCache } : { produceCachedData: true }) });
      runtimeCache ??= cachedDataOf(script);
      script.runSync(context, { timeout: 2000 });
      runtimeMs = performance.now() - started;
    }
    if (flavour.testLibraries) {
      const script = isolate.compileScriptSync(testLibrariesScript(), { filename: "deepend-test-libraries.js", ...(testLibrariesCache ? { cachedData: testLibrariesCache } : { produceCachedData: true }) });
      testLibrariesCache ??= cachedDataOf(script);
      script.runSync(context, { timeout: 2000 });
    }
    if (flavour.sql) {
      // The one way from the isolate to the run's SQL session; the client script takes it off the global object.
      context.global.setSync("__deependSqlHost", new ivm.Callback((request: unknown) => sqlDispatch(request)));
      const script = isolate.compileScriptSync(sqlClientScript(), { filename: "deepend-sql-client.js", ...(sqlClientCache ? { cachedData: sqlClientCache } : { produceCachedData: true }) });
      sqlClientCache ??= cachedDataOf(script);
      script.runSync(context, { timeout: 2000 });
    }
    const api = context.global.getSync("__deependHarness", { reference: true }) as ivm.Reference<Record<string, unknown>>;
    const fnRef = <T>(name: string) => api.getSync(name, { reference: true }) as ivm.Reference<T>;
    const prepared: Prepared = {
      key: keyOf(limits, flavour),
      isolate,
      context,
      runtimeMs,
      define: fnRef("define"),
      load: fnRef("load"),
      startSolution: fnRef("startSolution"),
      startStatus: fnRef("startStatus"),
      step: fnRef("step"),
      runMain: fnRef("runMain"),
      mainStatus: fnRef("mainStatus"),
      programStep: fnRef("programStep"),
      rejection: fnRef("rejection"),
      report: fnRef("report"),
    };
    // Also removes the harness's global: from here on, nothing in the isolate can reach it.
    fnRef<() => void>("lockdown").applySync(undefined, [], { timeout: 1000 });
    return prepared;
  } catch (error) {
    isolate.dispose();
    throw error;
  }
}

export interface Execution {
  result: RunResult;
  /** Frees the isolate; call after the result is on its way. */
  dispose: () => void;
}

export function executeJob(job: RunJob, ready?: Prepared, onRegistered?: (tests: Array<{ name: string; hidden: boolean }>) => void): Execution {
  const started = performance.now();
  const { limits } = job;
  const elapsed = () => performance.now() - started;
  const done = (partial: Omit<RunResult, "durationMs">, dispose = () => {}): Execution => ({ result: { ...partial, durationMs: Math.round(elapsed() * 100) / 100 }, dispose });
  const unused = () => ready?.isolate.dispose();

  if (Buffer.byteLength(job.solution, "utf8") > limits.codeBytes) {
    return done({ status: "error", tests: [], console: [], error: { message: `The code is larger than ${Math.round(limits.codeBytes / 1024)} KB.` } }, unused);
  }
  // An sql exercise's solution is SQL, run by the tests through `learner`: the solution module is empty.
  const compiled = transpile(job.sql?.script !== undefined ? "" : job.solution, "solution.ts");
  if (!compiled.ok) return done({ status: "error", tests: [], console: [], compileErrors: compiled.errors }, unused);
  const solution = compiled.output;
  let tests: Array<{ name: string; compiled: ReturnType<typeof transpileTest> }>;
  try {
    tests = job.tests.map((file) => ({ name: file.name, compiled: transpileTest(file.name, file.code) }));
  } catch (error) {
    // Only a learner's own test file can fail to compile here (the exercise's are checked in CI).
    return done({ status: "error", tests: [], console: [], error: { message: (error as Error).message } }, unused);
  }

  const flavour = flavourOf(job);
  const program = job.mode === "program";
  let prepared: Prepared;
  if (ready && ready.key === keyOf(limits, flavour) && !ready.isolate.isDisposed) prepared = ready;
  else {
    unused();
    prepared = prepareIsolate(limits, flavour);
  }
  const { isolate, context } = prepared;
  const cpuAtStart = Number(isolate.cpuTime) / 1e6;
  let registered: Array<{ name: string; hidden: boolean }> = [];
  let report: z.infer<typeof reportSchema> | undefined;
  let runError: RunResult["error"];
  let status: RunStatus | undefined;

  const remainingMs = () => {
    const cpuLeft = limits.cpuMs - (Number(isolate.cpuTime) / 1e6 - cpuAtStart);
    const wallLeft = limits.wallMs - elapsed();
    return { left: Math.min(cpuLeft, wallLeft), message: cpuLeft <= wallLeft ? `CPU time limit of ${limits.cpuMs} ms exceeded.` : `Time limit of ${limits.wallMs} ms exceeded.` };
  };
  const budget = () => {
    const { left, message } = remainingMs();
    if (left <= 0) throw new LimitError("timeout", message);
    return Math.max(1, Math.ceil(left));
  };

  /**
   * isolated-vm throws out of a call when a promise was rejected with no handler by the end of it,
   * although the call itself completed: the harness hears of it (Node's 'unhandledRejection'), and
   * the call's answer, lost, is asked again with `recover`. Limits still end the run.
   */
  const withRejections = <T>(call: () => T, recover: () => T): T => {
    for (let attempt = 0; ; attempt++) {
      try {
        return attempt === 0 ? call() : recover();
      } catch (error) {
        if (error instanceof LimitError || isolate.isDisposed || /timed out|memory limit|disposed/i.test(error instanceof Error ? error.message : "")) throw error;
        if (attempt > 1000) throw error;
        const info = error instanceof Error ? { error: true, name: error.name, message: error.message } : { error: false, value: typeof error === "object" ? String(error) : error };
        try {
          prepared.rejection.applySync(undefined, [new ivm.ExternalCopy(info).copyInto()], { timeout: budget() });
        } catch (again) {
          if (again instanceof LimitError || isolate.isDisposed || /timed out|memory limit|disposed/i.test(again instanceof Error ? again.message : "")) throw again;
          // another rejection while reporting this one: the next round reports it
        }
      }
    }
  };

  try {
    for (const test of tests) {
      const { compiled: entry } = test;
      const script = isolate.compileScriptSync(wrap(entry.output.js, TEST_PARAMS), {
        filename: test.name,
        lineOffset: -1,
        ...(entry.cachedData ? { cachedData: entry.cachedData } : { produceCachedData: true }),
      });
      entry.cachedData ??= cachedDataOf(script);
      const factory = script.runSync(context, { reference: true, timeout: budget() });
      prepared.define.applySync(undefined, [test.name, factory.derefInto()], { timeout: budget() });
    }
    if (!program) {
      registered = testListSchema.parse(JSON.parse(prepared.load.applySync(undefined, [new ivm.ExternalCopy(tests.map((t) => t.name)).copyInto()], { timeout: budget() }) as string));
      onRegistered?.(registered);
    } else {
      prepared.load.applySync(undefined, [new ivm.ExternalCopy([]).copyInto()], { timeout: budget() });
    }

    // From here on, untrusted code runs.
    // No code cache for user code: it is new at almost every run, and producing one costs more
    // than compiling a solution-sized file.
    const script = isolate.compileScriptSync(wrap(solution.js, SOLUTION_PARAMS), { filename: "solution.ts", lineOffset: -1 });
    const factory = script.runSync(context, { reference: true, timeout: budget() });
    prepared.define.applySync(undefined, ["solution.ts", factory.derefInto()], { timeout: budget() });
    if (program) {
      withRejections(
        () => prepared.runMain.applySync(undefined, [PROGRAM_FILENAME, job.solution], { timeout: budget() }) as string,
        () => prepared.mainStatus.applySync(undefined, [], { timeout: budget() }) as string,
      );
      while (!withRejections(() => prepared.programStep.applySync(undefined, [], { timeout: budget() }) as boolean, () => false)) budget();
    } else {
      const startRaw = withRejections(
        () => prepared.startSolution.applySync(undefined, [], { timeout: budget() }) as string,
        () => prepared.startStatus.applySync(undefined, [], { timeout: budget() }) as string,
      );
      const start = startSchema.parse(JSON.parse(startRaw));
      if (!start.ok) {
        status = "error";
        runError = { message: `Your code threw while loading: ${start.message ?? "unknown error"}`, ...mapLocation(solution, start.line, start.column) };
      } else {
        if (start.tests) {
          registered = start.tests;
          onRegistered?.(registered);
        }
        // step() is idempotent once done, so a step whose answer was lost is simply asked again.
        while (!withRejections(() => prepared.step.applySync(undefined, [], { timeout: budget() }) as boolean, () => false)) budget();
      }
    }
  } catch (error) {
    const classified = classify(error, isolate);
    status = classified.status;
    // isolated-vm's own timeout message does not say which limit ended the run.
    runError = { message: status === "timeout" && !(error instanceof LimitError) ? remainingMs().message : classified.message };
  }

  if (!isolate.isDisposed) {
    try {
      const raw = prepared.report.applySync(undefined, [], { timeout: 250 }) as string;
      if (raw.length > limits.resultBytes) {
        status = "error";
        runError = { message: `The test output is larger than ${Math.round(limits.resultBytes / 1024)} KB.` };
      } else report = reportSchema.parse(JSON.parse(raw));
    } catch {
      report = undefined; // the isolate is unusable (limit hit while reporting): keep what we know
    }
  }

  if (program) {
    const consoleLines: ConsoleLine[] = (report?.console ?? []).map((line) => ({ ...line, text: cleanText(line.text, solution) }));
    const exitCode = report?.exitCode ?? null;
    return done({ status: status ?? (exitCode === 0 ? "passed" : "failed"), tests: [], console: consoleLines, exitCode, ...(runError ? { error: runError } : {}) }, () => {
      if (!isolate.isDisposed) isolate.dispose();
    });
  }
  const testResults = assembleTests(registered, report, status, solution, job.tests, tests, runError?.message);
  // The test that hit the limit carries its message; saying it again for the run would repeat it.
  if (testResults.some((t) => t.interrupted === "timeout" || t.interrupted === "memory")) runError = undefined;
  if (!status) status = testResults.length > 0 && testResults.every((t) => t.status === "passed") ? "passed" : "failed";
  if (testResults.length === 0 && status === "failed") runError ??= { message: "No tests ran." };
  const consoleLines: ConsoleLine[] = (report?.console ?? []).map((line) => ({ ...line, text: cleanText(line.text, solution) }));
  return done({ status, tests: testResults, console: consoleLines, ...(runError ? { error: runError } : {}) }, () => {
    if (!isolate.isDisposed) isolate.dispose();
  });
}

function mapLocation(solution: Transpiled, line?: number, column?: number): { line?: number; column?: number } {
  if (line === undefined) return {};
  return originalPosition(solution.map, line, column ?? 1) ?? {};
}

/**
 * One result per registered test, in registration order. The list comes from before the solution
 * ran, so user code can neither add nor drop tests; unfinished ones fail.
 */
function assembleTests(
  registered: Array<{ name: string; hidden: boolean }>,
  report: z.infer<typeof reportSchema> | undefined,
  status: RunStatus | undefined,
  solution: Transpiled,
  testSources: SourceFile[],
  compiledTests: Array<{ name: string; compiled: { output: Transpiled } }>,
  limitMessage: string | undefined,
): TestResult[] {
  const finished = report?.results ?? [];
  return registered.map((test, index) => {
    const result = finished[index];
    if (result && result.name === test.name && result.hidden === test.hidden) {
      const { at, ...mapped }: TestResult & { at?: { file: string; line: number; column: number } } = { ...result };
      if (mapped.message) mapped.message = cleanText(mapped.message, solution);
      if (result.line !== undefined) Object.assign(mapped, mapLocation(solution, result.line, result.column));
      // Hidden tests' source never leaves the server.
      const failedAt = at && !test.hidden ? locateInTest(at, testSources, compiledTests) : undefined;
      if (failedAt) mapped.failedAt = failedAt;
      return mapped;
    }
    const wasRunning = report?.running === test.name || (!report && index === finished.length);
    const limit = status === "timeout" || status === "memory" ? status : undefined;
    if (limit && wasRunning) {
      const fallback = limit === "timeout" ? "The time limit was reached." : "The memory limit was reached.";
      return { name: test.name, status: "failed", hidden: test.hidden, durationMs: 0, interrupted: limit, message: `${limit === "timeout" ? "Timed out" : "Out of memory"} while running this test: ${limitMessage ?? fallback}` };
    }
    const reason = limit ? "Not run: an earlier test hit the limit." : status === "error" ? "Not run: the code did not load." : "Not run.";
    return { name: test.name, status: "failed", hidden: test.hidden, durationMs: 0, interrupted: "not-run", message: reason };
  });
}

/** A test-file position from the harness (transpiled JS) as a line of the TypeScript test and its source. */
function locateInTest(
  at: { file: string; line: number; column: number },
  testSources: SourceFile[],
  compiledTests: Array<{ name: string; compiled: { output: Transpiled } }>,
): TestSourceLocation | undefined {
  if (at.file === "hidden.test.ts") return undefined;
  const source = testSources.find((f) => f.name === at.file)?.code;
  const compiled = compiledTests.find((t) => t.name === at.file)?.compiled.output;
  if (source === undefined || !compiled) return undefined;
  const position = originalPosition(compiled.map, at.line, at.column);
  if (!position) return undefined;
  const lineText = source.split("\n")[position.line - 1]?.trim();
  const expression = expectExpressionAt(source, position.line, position.column) ?? (lineText && lineText.length <= 200 ? lineText : undefined);
  return { file: at.file, line: position.line, ...(expression ? { source: expression } : {}) };
}

/**
 * Text that reaches the user: positions mapped to the TypeScript source, hidden test positions
 * and the harness's own stack frames removed.
 */
function cleanText(text: string, solution: Transpiled): string {
  return mapPositionsInText(text, "solution.ts", solution.map)
    .replace(/^\s*at .*deepend-(harness|node-runtime|test-libraries|sql-client)\.js.*$\n?/gm, "")
    .replace(/hidden\.test\.ts:\d+:\d+/g, "hidden test")
    .trimEnd();
}

function classify(error: unknown, isolate: ivm.Isolate): { status: RunStatus; message: string } {
  if (error instanceof LimitError) return { status: error.status, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (isolate.isDisposed || /memory limit|disposed/i.test(message)) return { status: "memory", message: "The code used more memory than allowed." };
  if (/timed out/i.test(message)) return { status: "timeout", message: "The code ran longer than allowed." };
  return { status: "error", message: `The sandbox could not run the code: ${message}` };
}
