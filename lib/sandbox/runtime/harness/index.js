// The test harness, bundled into one script and evaluated inside each fresh isolate before any
// user or test code.
//
// Trust model: the harness, the Node runtime and the exercise's test files are trusted; the
// solution file is not. Nothing the solution does may turn a failing test into a passing one, so:
//  - built-ins the harness relies on are saved (and uncurried) before anything else runs, and the
//    shared intrinsics (the Node runtime's classes too) are then frozen, so the solution cannot
//    patch what the tests use;
//  - tests are registered and sealed before the solution's code runs (a test file whose describe
//    bodies use the solution is registered again once it has loaded: docs/decisions/011);
//  - a test passes only if its body settles successfully AND no assertion failed at any point
//    (a swallowed assertion error still fails it);
//  - results are serialised here, from the harness's own primitive data, by its own code;
//  - everything is strict mode; Function.prototype.toString reveals no source.
import { EPOCH } from "./config.js";
import { consoleObject, writeStream } from "./console.js";
import { formatArgs, inspect, style } from "./format.js";
import { ArrayPush, BigIntCtor, ObjectFreeze, ObjectKeys, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, global } from "./intrinsics.js";
import { enableOverride, extraRoots, keepMutable, lockdown } from "./lockdown.js";
import { VirtualDate, addIO, addImmediate, addTick, addTimer, loop, performanceObject, queueMicrotask, removeImmediate, removeTimer } from "./loop.js";
import { define, registerBuiltins, registerTestModule } from "./modules.js";
import { EXIT, attachProcess, exitProgram, runApi } from "./run.js";
import { shared } from "./state.js";

// Globals user code may use. The test-only API (describe, it, expect, clock, fn, vi...) is passed to test
// modules as parameters instead, so the solution cannot replace what the tests call.
const globals = {
  console: ObjectFreeze(consoleObject),
  setTimeout: (cb, ms, ...args) => addTimer(cb, ms, args, false),
  setInterval: (cb, ms, ...args) => addTimer(cb, ms, args, true),
  setImmediate: (cb, ...args) => addImmediate(cb, args),
  clearTimeout: (handle) => removeTimer(handle),
  clearInterval: (handle) => removeTimer(handle),
  clearImmediate: (handle) => removeImmediate(handle),
  queueMicrotask,
  performance: performanceObject,
  Date: VirtualDate,
};
const globalNames = ObjectKeys(globals);
for (let i = 0; i < globalNames.length; i++) defineProperty(global, globalNames[i], { value: globals[globalNames[i]], writable: true, enumerable: false, configurable: true });
defineProperty(global, "global", { value: global, writable: true, configurable: true, enumerable: false });

/** A deterministic PRNG (xorshift128+), the same sequence every run: randomBytes and UUIDs repeat. */
const seed = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x85a308d3];
function random() {
  let s1 = seed[0], s0 = seed[1];
  seed[0] = s0;
  s1 ^= s1 << 11;
  s1 ^= s1 >>> 8;
  seed[1] = seed[2];
  seed[2] = seed[3];
  seed[3] = (s1 ^ s0 ^ (s0 >>> 19)) >>> 0;
  return (seed[3] >>> 0) / 4294967296;
}

/** What the Node runtime is given (lib/sandbox/runtime/node-runtime.ts): the loop, the console, time. */
const host = ObjectFreeze({
  nextTick: (callback, args) => addTick(callback, args),
  queueMicrotask,
  setTimeout: (callback, ms, args) => addTimer(callback, ms, args, false),
  setInterval: (callback, ms, args) => addTimer(callback, ms, args, true),
  clearTimeout: (handle) => removeTimer(handle),
  setImmediate: (callback, args) => addImmediate(callback, args),
  clearImmediate: (handle) => removeImmediate(handle),
  io: (callback, args, latencyMs, detail) => addIO(callback, args, latencyMs, detail),
  now: () => loop.now,
  hrtime: () => BigIntCtor(loop.now - EPOCH) * 1000000n + 1000000000n,
  random,
  inspect: (value) => inspect(value, 0, new WeakSet(), false),
  format: (...args) => formatArgs(args),
  write: (stream, text) => writeStream(stream === "stderr" ? "stderr" : "stdout", String(text)),
  exit: (code) => exitProgram(code === undefined ? undefined : code | 0),
  exitSignal: EXIT,
  /** The files a program starts with: its own source. */
  files: () => {
    const files = {};
    if (shared.mainFile) files[shared.mainFile.name] = shared.mainFile.source;
    return files;
  },
});

let runtimeInstalled = false;
/**
 * Installs the Node runtime (node exercises): its globals, its modules for require, and its process
 * object for uncaught errors. Prototypes of its classes keep their data properties assignable on
 * instances (EventEmitter.prototype._events and the like) once frozen.
 */
function installRuntime(create) {
  if (runtimeInstalled) throw new Error("the runtime is installed already");
  runtimeInstalled = true;
  loop.handles = true;
  style.node = true;
  const intrinsics = intrinsicObjects();
  const runtime = create(host);
  const names = ObjectKeys(runtime.globals);
  for (let i = 0; i < names.length; i++) defineProperty(global, names[i], { value: runtime.globals[names[i]], writable: true, enumerable: false, configurable: true });
  registerBuiltins(runtime.modules, ObjectKeys(runtime.modules));
  const processObject = runtime.globals.process;
  attachProcess(processObject, processObject.emit, processObject.listenerCount);
  // process stays extensible (exitCode, listeners, env), but what the runtime calls on it is fixed.
  keepMutable.add(processObject);
  const own = Reflect.ownKeys(processObject);
  for (let i = 0; i < own.length; i++) {
    const d = getOwnPropertyDescriptor(processObject, own[i]);
    if (d && "value" in d && (typeof d.value === "function" || own[i] === "stdout" || own[i] === "stderr") && d.configurable) defineProperty(processObject, own[i], { value: d.value, writable: false, enumerable: d.enumerable, configurable: false });
  }
  // Every class of the runtime: make its prototypes' data properties overridable, then freeze.
  const roots = [];
  const moduleNames = ObjectKeys(runtime.modules);
  for (let i = 0; i < moduleNames.length; i++) ArrayPush(roots, runtime.modules[moduleNames[i]]);
  for (let i = 0; i < names.length; i++) ArrayPush(roots, runtime.globals[names[i]]);
  prepareOverrides(roots, intrinsics);
  // Frozen by lockdown, after it has put its own Function.prototype.toString in place.
  for (let i = 0; i < roots.length; i++) ArrayPush(extraRoots, roots[i]);
}

/** The built-ins before the runtime adds anything: lockdown handles them its own way. */
function intrinsicObjects() {
  const found = new WeakSet();
  const add = (v) => {
    if (v !== null && (typeof v === "object" || typeof v === "function")) found.add(v);
  };
  const names = Reflect.ownKeys(global);
  for (let i = 0; i < names.length; i++) {
    const d = getOwnPropertyDescriptor(global, names[i]);
    const v = d && "value" in d ? d.value : undefined;
    add(v);
    if (typeof v === "function") {
      const p = getOwnPropertyDescriptor(v, "prototype");
      if (p && p.value) {
        add(p.value);
        add(getPrototypeOf(p.value));
      }
    }
  }
  add(getPrototypeOf(function* () {}));
  add(getPrototypeOf(async function () {}));
  add(getPrototypeOf([][Symbol.iterator]()));
  add(getPrototypeOf(getPrototypeOf([][Symbol.iterator]())));
  add(getPrototypeOf(async function* () {}.prototype));
  return found;
}

/** Data properties on runtime prototypes become accessors that let instances shadow them. */
function prepareOverrides(roots, intrinsics) {
  const seen = intrinsics;
  const stack = [...roots];
  while (stack.length) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== "object" && typeof obj !== "function") || seen.has(obj)) continue;
    seen.add(obj);
    if (obj === global) continue;
    if (typeof obj === "function") {
      const p = getOwnPropertyDescriptor(obj, "prototype");
      if (p && p.value !== null && typeof p.value === "object") {
        const proto = p.value;
        const keys = Reflect.ownKeys(proto);
        for (let i = 0; i < keys.length; i++) {
          const d = getOwnPropertyDescriptor(proto, keys[i]);
          if (d && "value" in d && d.writable && d.configurable) enableOverride(proto, keys[i]);
        }
        stack.push(getPrototypeOf(proto));
        stack.push(proto);
      }
      continue;
    }
    const keys = Reflect.ownKeys(obj);
    for (let i = 0; i < keys.length; i++) {
      const d = getOwnPropertyDescriptor(obj, keys[i]);
      if (d && "value" in d && typeof d.value === "function") stack.push(d.value);
      else if (d && "value" in d && d.value !== null && typeof d.value === "object" && keys[i] !== "env") stack.push(d.value);
    }
  }
}

const api = ObjectFreeze({
  define,
  load: (files) => runApi.load(files),
  installRuntime,
  /** Test-only libraries (fast-check): frozen by lockdown with everything else. */
  registerTestModule(name, exports) {
    registerTestModule(name, exports);
    ArrayPush(extraRoots, exports);
    if (exports !== null && typeof exports === "object" && exports.default) ArrayPush(extraRoots, exports.default);
  },
  /** For the runtime bundle's modules that need the loop while they initialise (before installRuntime). */
  host,
  /** Locks the intrinsics down; called after the trusted files loaded, before the solution. */
  lockdown() {
    lockdown();
  },
  startSolution: () => runApi.startSolution(),
  startStatus: () => runApi.startStatus(),
  step: () => runApi.step(),
  runMain: (filename, source) => runApi.runMain(filename, source),
  mainStatus: () => runApi.mainStatus(),
  programStep: () => runApi.programStep(),
  rejection: (info) => runApi.rejection(info),
  report: () => runApi.report(),
});

defineProperty(global, "__deependHarness", { value: api, writable: false, enumerable: false, configurable: true });
