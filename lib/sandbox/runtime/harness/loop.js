// The event loop: a deterministic model of Node 24's, on a virtual clock.
//
// One iteration runs the phases of libuv in Node's order: timers (due timers, by due time, then by
// the order they were scheduled), pending (not modelled: nothing here defers I/O errors), poll
// (simulated I/O completions that are due; when nothing else is ready it "blocks", which moves the
// virtual clock to the next timer or I/O completion), check (the setImmediate callbacks queued before
// the phase began) and close. After every callback the process.nextTick queue is drained, then the
// host call returns and V8 drains the promise microtasks, and the host asks again: so, as in Node,
// ticks run before promise callbacks, and both run between any two callbacks of the loop.
//
// The host drives it one callback per call (see run.js), because only the end of a host call runs
// the microtask queue. Time never passes while code runs: a timer of 0 ms (1 ms, as in Node) is
// never due before the loop has gone round once, so in the main module setImmediate comes before
// setTimeout(0) (real Node prints either order there).
import { EPOCH, LIMITS } from "./config.js";
import { describeThrown } from "./format.js";
import { ArrayPush, ArraySlice, ArraySplice, MapCtor, MapDelete, MapGet, MapSet, MathMax, NumberIsFinite, ObjectFreeze, PromiseResolve, PromiseThen, RealDate, TypeErrorCtor, WeakMapGet, WeakMapSet, apply, construct, defineProperty } from "./intrinsics.js";

const TIMEOUT_MAX = 2147483647;

export const loop = {
  now: EPOCH,
  seq: 0,
  nextId: 1,
  /** Binary heap of timer records by (at, seq); cleared ones stay in it, marked, until popped. */
  timers: [],
  timerById: new MapCtor(),
  liveTimers: 0,
  refedTimers: 0,
  immediates: [],
  immediateHead: 0,
  ticks: [],
  tickHead: 0,
  io: [],
  closing: [],
  /** Where the iteration is: "timers" | "poll" | "check" | "close". */
  stage: "timers",
  checkBudget: 0,
  /** What is running now, for the console of predict programs. */
  phase: "main",
  detail: undefined,
  /** Callbacks of the loop run for the current test (bounded: an interval never cleared). */
  macrotasks: 0,
  /** Timers return Timeout objects (Node) instead of numbers (code exercises: browser-like). */
  handles: false,
  /** A process.exit() or a crash ended the program: nothing else runs. */
  exited: false,
  waiters: [],
};

// ---- heaps ordered by (at, seq) ---------------------------------------------------------------------
const before = (a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
function heapPush(heap, item) {
  let i = heap.length;
  ArrayPush(heap, item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = item;
}
function heapPop(heap) {
  const top = heap[0];
  const last = heap[heap.length - 1];
  heap.length -= 1;
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const child = r < heap.length && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[child], last)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  }
  return top;
}
function peekTimer() {
  while (loop.timers.length > 0 && loop.timers[0].cleared) heapPop(loop.timers);
  return loop.timers[0];
}

// ---- handles ------------------------------------------------------------------------------------------
const timerOfHandle = new WeakMap();
class Timeout {
  ref() {
    const t = WeakMapGet(timerOfHandle, this);
    if (t && !t.ref) { t.ref = true; if (!t.cleared) loop.refedTimers++; }
    return this;
  }
  unref() {
    const t = WeakMapGet(timerOfHandle, this);
    if (t && t.ref) { t.ref = false; if (!t.cleared) loop.refedTimers--; }
    return this;
  }
  hasRef() {
    const t = WeakMapGet(timerOfHandle, this);
    return !!(t && t.ref);
  }
  refresh() {
    const t = WeakMapGet(timerOfHandle, this);
    if (t && !t.cleared && !t.marker) {
      clearTimer(t);
      scheduleTimer(t.callback, t.duration, t.args, t.repeat !== 0, t.id, this, t.ref);
    }
    return this;
  }
  close() {
    clearTimer(WeakMapGet(timerOfHandle, this));
    return this;
  }
  [Symbol.toPrimitive]() {
    const t = WeakMapGet(timerOfHandle, this);
    return t ? t.id : 0;
  }
}
class Immediate {
  ref() { return this; }
  unref() { return this; }
  hasRef() { return true; }
}
ObjectFreeze(Timeout.prototype);
ObjectFreeze(Immediate.prototype);

function timerOf(handle) {
  if (handle !== null && typeof handle === "object") return WeakMapGet(timerOfHandle, handle);
  if (typeof handle === "number" || typeof handle === "string") return MapGet(loop.timerById, +handle);
  return undefined;
}

// ---- timers -------------------------------------------------------------------------------------------
function checkCallback(callback) {
  if (typeof callback !== "function") {
    const error = new TypeErrorCtor('The "callback" argument must be of type function. Received ' + describeThrown(callback));
    defineProperty(error, "code", { value: "ERR_INVALID_ARG_TYPE", enumerable: false, configurable: true, writable: true });
    throw error;
  }
}
function scheduleTimer(callback, duration, args, repeat, id, handle, ref) {
  const timer = { id, at: loop.now + duration, seq: loop.seq++, callback, args, duration, repeat: repeat ? duration : 0, cleared: false, ref, marker: false, handle };
  heapPush(loop.timers, timer);
  MapSet(loop.timerById, id, timer);
  loop.liveTimers++;
  if (ref) loop.refedTimers++;
  if (handle) WeakMapSet(timerOfHandle, handle, timer);
  return timer;
}
export function addTimer(callback, delay, args, repeat) {
  checkCallback(callback);
  // Node's rule: anything but a number from 1 to 2^31-1 ms becomes 1 ms.
  let ms = +delay;
  if (!(ms >= 1 && ms <= TIMEOUT_MAX)) ms = 1;
  const id = loop.nextId++;
  const handle = loop.handles ? new Timeout() : undefined;
  scheduleTimer(callback, ms, args, repeat, id, handle, true);
  return handle || id;
}
function clearTimer(timer) {
  if (!timer || timer.cleared || timer.at === undefined) return;
  timer.cleared = true;
  MapDelete(loop.timerById, timer.id);
  if (!timer.marker) {
    loop.liveTimers--;
    if (timer.ref) loop.refedTimers--;
  }
}
export function removeTimer(handle) {
  clearTimer(timerOf(handle));
}

// ---- immediates, ticks, I/O ----------------------------------------------------------------------------
export function addImmediate(callback, args) {
  checkCallback(callback);
  const id = loop.nextId++;
  const handle = loop.handles ? new Immediate() : undefined;
  const entry = { id, callback, args, cleared: false };
  ArrayPush(loop.immediates, entry);
  if (handle) WeakMapSet(timerOfHandle, handle, entry);
  else MapSet(loop.timerById, id, entry);
  return handle || id;
}
export function removeImmediate(handle) {
  const entry = timerOf(handle);
  if (entry && entry.at === undefined) entry.cleared = true;
}
const immediatesPending = () => {
  while (loop.immediateHead < loop.immediates.length && loop.immediates[loop.immediateHead].cleared) loop.immediateHead++;
  return loop.immediateHead < loop.immediates.length;
};

export function addTick(callback, args) {
  checkCallback(callback);
  ArrayPush(loop.ticks, { callback, args });
}
export const ticksPending = () => loop.tickHead < loop.ticks.length;

/** A simulated I/O operation completing after `latencyMs` of virtual time; its callback runs in the poll phase. */
export function addIO(callback, args, latencyMs, detail) {
  checkCallback(callback);
  const ms = NumberIsFinite(latencyMs) && latencyMs > 0 ? latencyMs : 0;
  heapPush(loop.io, { at: loop.now + ms, seq: loop.seq++, callback, args, detail });
}

// ---- running callbacks ---------------------------------------------------------------------------------
/** Set by the run loop: what to do with an error thrown by a callback of the loop. */
export const errorSink = { uncaught: (error) => { throw error; } };

function invoke(phase, detail, callback, args) {
  loop.phase = phase;
  loop.detail = detail;
  try {
    apply(callback, undefined, args || []);
  } catch (error) {
    errorSink.uncaught(error, phase);
  }
}

/** Runs the process.nextTick queue to the end (ticks queued meanwhile included). */
export function drainTicks() {
  while (!loop.exited && loop.tickHead < loop.ticks.length) {
    const tick = loop.ticks[loop.tickHead];
    loop.ticks[loop.tickHead++] = undefined;
    invoke("nextTick", "process.nextTick", tick.callback, tick.args);
    // A tick that queues a tick forever must end as a timeout, not by growing the queue.
    if (loop.tickHead > 1024 && loop.tickHead * 2 > loop.ticks.length) {
      loop.ticks = ArraySlice(loop.ticks, loop.tickHead);
      loop.tickHead = 0;
    }
  }
  loop.ticks = [];
  loop.tickHead = 0;
}

function countMacrotask() {
  if (++loop.macrotasks > LIMITS.timerFiringsPerTest) {
    loop.macrotasks = 0;
    return false;
  }
  return true;
}

function runTimer(timer) {
  heapPop(loop.timers);
  if (timer.at > loop.now) loop.now = timer.at;
  if (timer.marker) {
    timer.cleared = true;
    apply(timer.callback, undefined, []);
    return;
  }
  if (!countMacrotask()) {
    onRunaway();
    return;
  }
  const repeat = timer.repeat;
  if (!repeat) clearTimer(timer);
  invoke("timers", (repeat ? "setInterval " : "setTimeout ") + timer.duration + " ms", timer.callback, timer.args);
  // An interval goes back in after its callback, as in Node (unless the callback cleared it).
  if (repeat && !timer.cleared) {
    const again = { id: timer.id, at: loop.now + repeat, seq: loop.seq++, callback: timer.callback, args: timer.args, duration: timer.duration, repeat, cleared: false, ref: timer.ref, marker: false, handle: timer.handle };
    heapPush(loop.timers, again);
    MapSet(loop.timerById, timer.id, again);
    if (timer.handle) WeakMapSet(timerOfHandle, timer.handle, again);
  }
}

/** What happens when a test's callbacks run away (an interval never cleared): set by run.js. */
export const runawaySink = { onRunaway: () => {} };
function onRunaway() {
  clearAll();
  runawaySink.onRunaway();
}

/** Is there anything that keeps the loop alive (a program ends when not)? Unref'd timers do not count in programs. */
export function loopAlive(countUnrefed) {
  return immediatesPending() || loop.io.length > 0 || loop.closing.length > 0 || (countUnrefed ? loop.liveTimers > 0 : loop.refedTimers > 0) || markerPending();
}
function markerPending() {
  for (let i = 0; i < loop.timers.length; i++) if (loop.timers[i].marker && !loop.timers[i].cleared) return true;
  return false;
}

/**
 * Runs the next callback of the loop, moving through the phases (and the virtual clock) as Node's
 * loop would. Returns false when nothing is left to run.
 */
export function runMacrotask(countUnrefed) {
  for (let guard = 0; guard < 16; guard++) {
    switch (loop.stage) {
      case "timers": {
        const timer = peekTimer();
        if (timer && timer.at <= loop.now) {
          runTimer(timer);
          return true;
        }
        loop.stage = "poll";
        break;
      }
      case "poll": {
        const io = loop.io[0];
        if (io && io.at <= loop.now) {
          heapPop(loop.io);
          if (!countMacrotask()) { onRunaway(); return true; }
          invoke("poll", io.detail || "I/O callback", io.callback, io.args);
          return true;
        }
        if (immediatesPending() || loop.closing.length > 0) {
          loop.stage = "check";
          loop.checkBudget = loop.immediates.length - loop.immediateHead;
          break;
        }
        // Nothing ready: block until the next timer or I/O completion.
        const timer = peekTimer();
        const timerCounts = timer && (countUnrefed || timer.ref || timer.marker || loop.refedTimers > 0);
        if (!io && !timerCounts) return false;
        if (io && (!timerCounts || io.at < timer.at)) {
          loop.now = MathMax(loop.now, io.at);
          break; // stay in poll: the completion is due now
        }
        loop.now = MathMax(loop.now, timer.at);
        loop.stage = "check";
        loop.checkBudget = 0;
        break;
      }
      case "check": {
        if (loop.checkBudget > 0 && immediatesPending()) {
          loop.checkBudget--;
          const entry = loop.immediates[loop.immediateHead];
          loop.immediates[loop.immediateHead++] = undefined;
          MapDelete(loop.timerById, entry.id);
          entry.cleared = true;
          if (!countMacrotask()) { onRunaway(); return true; }
          invoke("check", "setImmediate", entry.callback, entry.args);
          return true;
        }
        if (loop.immediateHead > 1024 && loop.immediateHead * 2 > loop.immediates.length) {
          loop.immediates = ArraySlice(loop.immediates, loop.immediateHead);
          loop.immediateHead = 0;
        }
        loop.stage = "close";
        break;
      }
      case "close": {
        if (loop.closing.length > 0) {
          const entry = loop.closing.shift();
          invoke("close", entry.detail || "close callback", entry.callback, entry.args);
          return true;
        }
        loop.stage = "timers";
        break;
      }
    }
  }
  return false;
}

/** Drops every pending callback (a new test starts, or a runaway was stopped). */
export function clearAll() {
  loop.timers = [];
  loop.timerById = new MapCtor();
  loop.liveTimers = 0;
  loop.refedTimers = 0;
  loop.immediates = [];
  loop.immediateHead = 0;
  loop.ticks = [];
  loop.tickHead = 0;
  loop.io = [];
  loop.closing = [];
  loop.stage = "timers";
  loop.waiters = [];
}

/** Each test starts at the same instant with an empty loop. */
export function resetLoop() {
  clearAll();
  loop.now = EPOCH;
  loop.macrotasks = 0;
}

/** Resolves the clock.runAllAsync() promises once only they are left; true if one was resolved. */
export function resolveIdleWaiters() {
  if (loop.waiters.length === 0) return false;
  const waiters = loop.waiters;
  loop.waiters = [];
  for (let i = 0; i < waiters.length; i++) waiters[i].resolve();
  return true;
}
/** Stops waiting for an idle loop after 10,000 callbacks (the old runAllAsync's bound). */
export function expireWaiters() {
  for (let i = 0; i < loop.waiters.length; i++) {
    if (loop.macrotasks - loop.waiters[i].startedAt > 10000) {
      const waiter = loop.waiters[i];
      ArraySplice(loop.waiters, i--, 1);
      waiter.resolve();
    }
  }
}

// ---- the test API's clock -----------------------------------------------------------------------------
function checkMs(ms) {
  if (typeof ms !== "number" || !(ms >= 0) || !NumberIsFinite(ms)) throw new TypeErrorCtor("clock: ms must be a finite number >= 0");
}
/** A promise settled by the loop itself once every timer due by `target` has run. */
function untilTime(target) {
  return new Promise((resolve) => {
    const timer = { id: -1, at: target, seq: Infinity, callback: resolve, args: [], duration: 0, repeat: 0, cleared: false, ref: false, marker: true };
    heapPush(loop.timers, timer);
  });
}
export const clock = ObjectFreeze({
  now: () => loop.now,
  /** Fires every timer due within `ms`, synchronously and in order (like fake timers in Jest). */
  advance(ms) {
    checkMs(ms);
    const target = loop.now + ms;
    for (;;) {
      const timer = peekTimer();
      if (!timer || timer.at > target) break;
      runTimer(timer);
    }
    loop.now = target;
  },
  /** Lets the loop run (ticks, promises, immediates, I/O and timers, in Node's order) until `ms` have passed. */
  advanceAsync(ms) {
    checkMs(ms);
    return untilTime(loop.now + ms);
  },
  /** Lets the loop run until nothing but this is left (or 10,000 callbacks ran: an interval never ends). */
  runAllAsync() {
    return new Promise((resolve) => ArrayPush(loop.waiters, { resolve, startedAt: loop.macrotasks }));
  },
  pending: () => loop.liveTimers,
  /** Simulated I/O: `callback` runs in the poll phase once `latencyMs` (default 0) of virtual time has passed. */
  io(callback, latencyMs) {
    addIO(callback, [], latencyMs === undefined ? 0 : latencyMs, "clock.io");
  },
});
// ---- Date and performance on the virtual clock ---------------------------------------------------------
export function VirtualDate(...args) {
  if (new.target === undefined) return new RealDate(loop.now).toString();
  return construct(RealDate, args.length === 0 ? [loop.now] : args, new.target);
}
VirtualDate.prototype = RealDate.prototype;
VirtualDate.now = () => loop.now;
VirtualDate.parse = RealDate.parse;
VirtualDate.UTC = RealDate.UTC;
defineProperty(RealDate.prototype, "constructor", { value: VirtualDate, writable: true, configurable: true, enumerable: false });

export const performanceObject = ObjectFreeze({ now: () => loop.now - EPOCH, timeOrigin: EPOCH });

export function queueMicrotask(callback) {
  if (typeof callback !== "function") throw new TypeErrorCtor("queueMicrotask needs a function");
  PromiseThen(PromiseResolve(undefined), () => {
    // A microtask's error is an uncaught exception, as in Node.
    try {
      callback();
    } catch (error) {
      errorSink.uncaught(error, "microtask");
    }
  });
}

