// Running: tests one after another (exercises), or a program as Node's main module (predict
// exercises and the event-loop corpus). The host calls step() until it answers true; each call runs
// one callback of the event loop (then the nextTick queue), and V8 drains the promise microtasks
// when the call returns.
import { consoleState, flushStreams, writeStream } from "./console.js";
import { expect, fail, failWithThrown, sealExpect } from "./expect.js";
import { builtinsViolation } from "./integrity.js";
import { describeThrown, quote, solutionLocation, stackOf, toJson } from "./format.js";
import { ArrayJoin, ArrayPush, ArraySplice, DateGetTime, ErrorCtor, MapGet, ObjectFreeze, PromiseReject, PromiseThen, StringFn, apply, defineProperty, realNow } from "./intrinsics.js";
import { clock, drainTicks, errorSink, expireWaiters, loop, loopAlive, resetLoop, resolveIdleWaiters, runMacrotask, runawaySink, ticksPending } from "./loop.js";
import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from "./mock.js";
import { exposeSolution, factories, registerTestModule, requireForSolution, requireForTests, solutionReadsRecorded } from "./modules.js";
import { afterAll, afterEach, beforeAll, beforeEach, beginFile, buildRunList, describe, endFile, it, markNeedsSolution, phasesOf, registerFailure, registration, setupFailureOf, tests } from "./registry.js";
import { shared } from "./state.js";

// ---- tests ------------------------------------------------------------------------------------------
function runPhases(state, phases, done) {
  let index = 0;
  let setup = null;
  const next = () => {
    // A beforeAll that failed fails the rest of its block too.
    if (setup !== null && state.failure && !setup.suite.setupFailure) {
      state.failure = { ...state.failure, message: "beforeAll() failed: " + state.failure.message };
      setup.suite.setupFailure = state.failure;
    }
    setup = null;
    if (index >= phases.length || (state.failure && phases[index].skippable)) {
      // After a failure, skip to the afterEach hooks (they still run).
      while (index < phases.length && phases[index].skippable) index++;
      if (index >= phases.length) return done();
    }
    const phase = phases[index++];
    if (phase.setupOf && !state.failure) setup = { suite: phase.setupOf };
    let returned;
    try {
      returned = apply(phase.fn, undefined, []);
    } catch (error) {
      failWithThrown(state, error);
      return next();
    }
    if (returned !== null && (typeof returned === "object" || typeof returned === "function")) {
      let chained = false;
      try {
        PromiseThen(returned, next, (error) => {
          failWithThrown(state, error);
          next();
        });
        chained = true;
      } catch {
        chained = false;
      }
      if (chained) return undefined;
    }
    return next();
  };
  next();
}

const results = [];
let running = null;
let nextIndex = 0;

function begin(test) {
  const state = { test, failure: null, settled: false, started: realNow(), assertions: 0, expectedAssertions: undefined };
  const setupFailure = setupFailureOf(test);
  if (setupFailure) state.failure = setupFailure;
  if (test.registrationError) failWithThrown(state, test.registrationError.error, test.registrationError.prefix);
  resetLoop();
  shared.currentTest = state;
  // Known as running before its body starts: a body that never returns is the one timed out.
  running = state;
  loop.phase = "main";
  runPhases(state, phasesOf(test), () => {
    state.settled = true;
  });
  return state;
}

function finish(state) {
  // A changed RegExp.prototype fails every test from the one that ends after the change.
  const broken = builtinsViolation();
  if (broken !== null) state.failure = { message: broken };
  if (!state.failure && state.expectedAssertions !== undefined) {
    const expected = state.expectedAssertions;
    if (expected === -1 ? state.assertions === 0 : state.assertions !== expected) {
      fail(state, { message: expected === -1 ? "expected at least one assertion (expect.hasAssertions()), but none ran" : "expected " + expected + " assertions (expect.assertions(" + expected + ")), but " + state.assertions + " ran" });
    }
  }
  const result = {
    name: state.test.name,
    status: state.failure ? "failed" : "passed",
    hidden: state.test.hidden,
    durationMs: realNow() - state.started,
  };
  if (state.failure) {
    result.message = state.failure.message;
    if (state.failure.expected !== undefined) result.expected = state.failure.expected;
    if (state.failure.actual !== undefined) result.actual = state.failure.actual;
    if (state.failure.line !== undefined) result.line = state.failure.line;
    if (state.failure.column !== undefined) result.column = state.failure.column;
    if (state.failure.at) result.at = state.failure.at;
  }
  ArrayPush(results, toJson(result));
  shared.currentTest = null;
  resetLoop();
}

/** Runs tests until one is waiting on the loop (or all are done); true when all are done. */
function advance() {
  for (;;) {
    if (running === null) {
      if (nextIndex >= tests.length) return true;
      begin(tests[nextIndex++]);
    }
    if (running.settled) {
      finish(running);
      running = null;
      continue;
    }
    return false;
  }
}

/** One callback of the loop, then the tick queue; false when the loop has nothing to run. */
function loopTurn(countUnrefed) {
  if (ticksPending()) {
    drainTicks();
    return true;
  }
  // As in Node's processTicksAndRejections: rejections are looked at once ticks and microtasks are done.
  if (pendingRejections.length > 0) {
    processRejections();
    return true;
  }
  if (!runMacrotask(countUnrefed)) return false;
  drainTicks();
  expireWaiters();
  return true;
}

function testStep() {
  const before = running;
  if (advance()) return true;
  // A test that started during this call has not had its microtasks run yet.
  if (running !== before) return false;
  // A failed assertion does not end the test at once: the body may still be working on it (a
  // property-based test shrinking its counterexample). It ends when the body settles, the loop
  // runs dry, or 1,000 more callbacks have run since the failure.
  if (running.failure && running.failedAt === undefined) running.failedAt = loop.macrotasks;
  if (running.failure && (loop.macrotasks - running.failedAt > 1000 || loop.macrotasks < running.failedAt)) {
    finish(running);
    running = null;
  } else if (!loopTurn(true) && !resolveIdleWaiters()) {
    if (!running.failure) fail(running, { message: "The test never finished: it waits for a promise that nothing settles (no pending timers, immediates or I/O)." });
    finish(running);
    running = null;
  }
  return advance() && running === null;
}

// ---- Node's process: uncaught errors and unhandled rejections -------------------------------------------
const node = { process: null, emit: null, listenerCount: null };
const EXIT = { exit: true };
let exitCode = 0;
let beforeExitEmitted = false;

const listeners = (event) => (node.process ? apply(node.listenerCount, node.process, [event]) : 0);
const emit = (event, ...args) => apply(node.emit, node.process, [event, ...args]);

function exitProgram(code) {
  // In a test run there is no process to end: the call fails the test that made it, as in Vitest.
  if (!shared.program) throw new ErrorCtor("process.exit(" + (code === undefined ? "" : StringFn(code)) + ") was called: tests cannot end the process");
  if (loop.exited) throw EXIT;
  // Node's process.exit() has emitted 'exit' itself already.
  const emitted = node.process && node.process._exiting === true;
  // process.exit() without a code exits with process.exitCode, as in Node.
  if (code === undefined) code = node.process && typeof node.process.exitCode === "number" ? node.process.exitCode : 0;
  exitCode = code;
  loop.exited = true;
  if (node.process && !emitted) {
    try {
      node.process._exiting = true;
      emit("exit", code);
    } catch {
      // an exit listener that throws does not change the ending
    }
  }
  throw EXIT;
}

function crash(error, prefix) {
  writeStream("stderr", (prefix || "Uncaught ") + describeThrown(error) + "\n");
  try {
    exitProgram(1);
  } catch {
    // the program is over
  }
}

/** An error thrown by a callback of the loop (a timer, an immediate, a tick, I/O, a microtask). */
errorSink.uncaught = (error, phase) => {
  if (error === EXIT) return;
  if (listeners("uncaughtException") > 0) {
    try {
      emit("uncaughtException", error, "uncaughtException");
      return;
    } catch (again) {
      error = again;
    }
  }
  if (shared.program) {
    crash(error);
    return;
  }
  if (shared.currentTest) failWithThrown(shared.currentTest, error, "Uncaught error in " + (phase === "timers" ? "a timer callback" : phase === "nextTick" ? "a process.nextTick callback" : phase === "check" ? "a setImmediate callback" : phase === "microtask" ? "a queued microtask" : "a callback") + ": ");
};

runawaySink.onRunaway = () => {
  if (shared.program) {
    crash(new ErrorCtor("more than 100000 timer and immediate callbacks ran: is an interval never cleared?"), "Stopped: ");
    return;
  }
  if (shared.currentTest) fail(shared.currentTest, { message: "More than 100000 timer callbacks ran in one test: is an interval never cleared?" });
};

/**
 * The host saw a promise rejected with no handler by the end of a call (isolated-vm reports only
 * the first, as a copy): Node 24 emits 'unhandledRejection', and without a listener raises it as an
 * uncaught exception. Tests keep the old rule: without a listener, a rejection nobody awaited is not
 * an error of the test (the awaiting code fails the test when it matters).
 */
const pendingRejections = [];

function rejection(info) {
  if (loop.exited) return;
  ArrayPush(pendingRejections, info && info.error ? rebuildError(info) : info ? info.value : undefined);
}

function processRejections() {
  const reasons = ArraySplice(pendingRejections, 0, pendingRejections.length);
  for (let i = 0; i < reasons.length && !loop.exited; i++) {
    loop.phase = "microtask";
    loop.detail = "unhandledRejection";
    reportRejection(reasons[i]);
  }
  drainTicks();
}

function reportRejection(reason) {
  if (listeners("unhandledRejection") > 0) {
    const promise = PromiseReject(reason);
    PromiseThen(promise, undefined, () => undefined);
    try {
      emit("unhandledRejection", reason, promise);
    } catch (error) {
      errorSink.uncaught(error, "microtask");
    }
  } else if (shared.program) {
    errorSink.uncaught(reason, "microtask");
  }
}

function rebuildError(info) {
  const error = new ErrorCtor(StringFn(info.message || ""));
  defineProperty(error, "name", { value: StringFn(info.name || "Error"), writable: true, configurable: true, enumerable: false });
  return error;
}

// ---- programs -------------------------------------------------------------------------------------------
let mainStatus = "";

function runMain(filename, source) {
  shared.program = true;
  shared.mainFile = { name: filename, source: typeof source === "string" ? source : "" };
  loop.phase = "main";
  loop.detail = undefined;
  const factory = MapGet(factories, "solution.ts");
  const moduleObject = { exports: {} };
  try {
    apply(factory, undefined, [moduleObject.exports, requireForSolution, moduleObject, filename, "/sandbox"]);
  } catch (error) {
    if (error !== EXIT) errorSink.uncaught(error, "main");
  }
  drainTicks();
  loop.phase = "microtask";
  loop.detail = undefined;
  mainStatus = toJson({ ok: true });
  return mainStatus;
}

function programStep() {
  if (loop.exited) return true;
  let ran;
  try {
    ran = loopTurn(false);
  } catch (error) {
    if (error !== EXIT) throw error;
    ran = true;
  }
  if (ran) {
    // New work after 'beforeExit': the next time the loop empties, it is emitted again.
    beforeExitEmitted = false;
    loop.phase = "microtask";
    loop.detail = undefined;
    return loop.exited;
  }
  // The loop is empty: 'beforeExit' may give it more work; if not, the program ends.
  if (!beforeExitEmitted && listeners("beforeExit") > 0) {
    beforeExitEmitted = true;
    loop.phase = "main";
    loop.detail = "beforeExit";
    try {
      emit("beforeExit", exitCode);
    } catch (error) {
      errorSink.uncaught(error, "main");
    }
    drainTicks();
    loop.phase = "microtask";
    loop.detail = undefined;
    return false;
  }
  if (loopAlive(false) || ticksPending()) {
    beforeExitEmitted = false;
    return false;
  }
  loop.phase = "main";
  loop.detail = "exit";
  try {
    exitProgram(node.process && typeof node.process.exitCode === "number" ? node.process.exitCode : exitCode);
  } catch {
    // EXIT
  }
  return true;
}

// ---- the API the host calls ----------------------------------------------------------------------------
let startResult = "";

export const runApi = {
  /**
   * Registers the test files before any solution code exists, and seals the registry; returns the
   * test list. A file that needed the solution while registering (a describe body that uses it)
   * is registered again once the solution has loaded (see startSolution).
   */
  load(files) {
    registration.open = true;
    for (let i = 0; i < files.length; i++) {
      if (typeof MapGet(factories, files[i]) !== "function") throw new ErrorCtor("missing test file " + files[i]);
      if (registerFile(files[i])) ArrayPush(again, files[i]);
    }
    registration.open = false;
    shared.loadingFile = null;
    shared.sealed = true;
    sealExpect();
    solutionReadsRecorded();
    buildRunList();
    return testList();
  },
  /** Evaluates the solution module and exposes its exports to the tests; then registers again the files that need it. */
  startSolution() {
    const factory = MapGet(factories, "solution.ts");
    const moduleObject = { exports: {} };
    loop.phase = "main";
    try {
      apply(factory, undefined, [moduleObject.exports, requireForSolution, moduleObject, "/sandbox/solution.js", "/sandbox"]);
    } catch (error) {
      const location = solutionLocation(stackOf(error));
      startResult = toJson({ ok: false, message: describeThrown(error), line: location ? location.line : undefined, column: location ? location.column : undefined });
      return startResult;
    }
    exposeSolution(moduleObject.exports);
    // Ticks the module queued run before the first test, as they would after Node loads a module.
    drainTicks();
    registration.solutionLoaded = true;
    if (again.length === 0) {
      startResult = toJson({ ok: true });
      return startResult;
    }
    // The second registration: the solution's code may now run inside describe bodies, but it has
    // no reference to the registration API; a body that throws becomes a failing test.
    registration.open = true;
    try {
      for (let i = 0; i < again.length; i++) registerFile(again[i]);
    } finally {
      registration.open = false;
    }
    buildRunList();
    startResult = "{" + quote("ok") + ":true," + quote("tests") + ":" + testList() + "}";
    return startResult;
  },
  /** startSolution's answer again, for when the host lost it (see execute.ts). */
  startStatus() {
    return startResult;
  },
  /** One step of the run; true when every test has finished. */
  step: testStep,
  runMain,
  mainStatus: () => mainStatus,
  programStep,
  rejection,
  /** Finished results, the test running now (if any), the console output, and a program's exit code, as JSON. */
  report() {
    flushStreams();
    return "{" + quote("results") + ":[" + ArrayJoin(results, ",") + "]," + quote("running") + ":" + (running ? quote(running.test.name) : "null") + "," + quote("console") + ":" + toJson(consoleState.lines) + "," + quote("exitCode") + ":" + (shared.program ? (loop.exited ? exitCode : "null") : "null") + "}";
  },
  requireForTests,
  /** The parameters of a test file's factory after exports, require, module (TEST_PARAMS in execute.ts). */
  testApi: null,
};

// ---- registration ---------------------------------------------------------------------------------------
/** Test files registered before the solution loaded that need it to register their tests. */
const again = [];

/** Runs one test file's factory with registration open; true if it must run again once the solution has loaded. */
function registerFile(name) {
  beginFile(name);
  shared.loadingFile = name;
  try {
    const moduleObject = { exports: {} };
    apply(MapGet(factories, name), undefined, [moduleObject.exports, runApi.requireForTests, moduleObject, ...runApi.testApi]);
  } catch (error) {
    if (registration.solutionLoaded) registerFailure(name, error, "The test file threw while loading: ");
    else markNeedsSolution();
  } finally {
    shared.loadingFile = null;
  }
  return endFile();
}

function testList() {
  const list = [];
  for (let i = 0; i < tests.length; i++) ArrayPush(list, { name: tests[i].name, hidden: tests[i].hidden });
  return toJson(list);
}

// ---- the test API: parameters of test files, and the "vitest" / "@jest/globals" modules -------------------
/** Vitest's vi and Jest's jest objects, on the harness's mocks and virtual clock. */
function timerControls(self) {
  return {
    fn,
    spyOn,
    isMockFunction,
    clearAllMocks: () => { clearAllMocks(); return self(); },
    resetAllMocks: () => { resetAllMocks(); return self(); },
    restoreAllMocks: () => { restoreAllMocks(); return self(); },
    // The sandbox's timers are always fake (the virtual clock): turning them on or off changes nothing.
    useFakeTimers: () => self(),
    useRealTimers: () => self(),
    advanceTimersByTime: (ms) => { clock.advance(ms); return self(); },
    advanceTimersByTimeAsync: (ms) => PromiseThen(clock.advanceAsync(ms), () => self()),
    runAllTimersAsync: () => PromiseThen(clock.runAllAsync(), () => self()),
    runOnlyPendingTimersAsync: () => PromiseThen(clock.runAllAsync(), () => self()),
    getTimerCount: () => clock.pending(),
    now: () => clock.now(),
    /** Moves the virtual clock's "now" without firing timers (as Jest and Vitest do). */
    setSystemTime: (time) => {
      const ms = typeof time === "number" ? time : time !== null && typeof time === "object" ? DateGetTime(time) : NaN;
      if (ms !== ms) throw new ErrorCtor("setSystemTime() needs a number of milliseconds or a Date");
      loop.now = ms;
      return self();
    },
    getRealSystemTime: () => clock.now(),
  };
}
let viObject = null;
let jestObject = null;
viObject = ObjectFreeze({ ...timerControls(() => viObject), mocked: (value) => value });
jestObject = ObjectFreeze(timerControls(() => jestObject));
const testApiModule = ObjectFreeze({ describe, it, test: it, expect, vi: viObject, jest: jestObject, fn, clock, beforeEach, afterEach, beforeAll, afterAll });
registerTestModule("vitest", testApiModule);
registerTestModule("@jest/globals", testApiModule);
runApi.testApi = [describe, it, it, expect, fn, clock, beforeEach, afterEach, beforeAll, afterAll, viObject, jestObject];

/** Connects Node's process object (node exercises): uncaught errors and rejections reach its listeners. */
export function attachProcess(processObject, emitFn, listenerCountFn) {
  node.process = processObject;
  node.emit = emitFn;
  node.listenerCount = listenerCountFn;
}

export { exitProgram, EXIT };
