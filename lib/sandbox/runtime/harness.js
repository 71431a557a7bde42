// The test harness, evaluated inside each fresh isolate before any user or test code.
//
// Trust model: this file and the exercise's test files are trusted; the solution file is not.
// Nothing the solution does may turn a failing test into a passing one, so:
//  - built-ins the harness relies on are saved (and uncurried) before anything else runs, and the
//    shared intrinsics are then frozen, so the solution cannot patch what the tests use;
//  - tests are registered and sealed before the solution's code runs;
//  - a test passes only if its body settles successfully AND no assertion failed at any point
//    (a swallowed assertion error still fails it);
//  - results are serialised here, from the harness's own primitive data, by its own code;
//  - everything is strict mode; Function.prototype.toString reveals no source.
//
// The host drives the run with `step()` calls: after each call the isolate drains its microtask
// queue, so "still pending after a step" means only a (virtual) timer can move the test forward.
"use strict";
(function installHarness(global) {
  // ---- saved built-ins ------------------------------------------------------------------------
  const FunctionPrototype = Function.prototype;
  const uncurry = FunctionPrototype.bind.bind(FunctionPrototype.call);
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const ownKeys = Reflect.ownKeys;
  const ObjectIs = Object.is;
  const ObjectFreeze = Object.freeze;
  const ObjectCreate = Object.create;
  const ObjectKeys = Object.keys;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getOwnPropertyNames = Object.getOwnPropertyNames;
  const hasOwn = Object.hasOwn;
  const ObjectPrototype = Object.prototype;
  const isArray = Array.isArray;
  const ArrayPush = uncurry(Array.prototype.push);
  const ArrayJoin = uncurry(Array.prototype.join);
  const ArraySplice = uncurry(Array.prototype.splice);
  const StringFn = String;
  const StringSlice = uncurry(String.prototype.slice);
  const StringIncludes = uncurry(String.prototype.includes);
  const StringCharCodeAt = uncurry(String.prototype.charCodeAt);
  const StringSplit = uncurry(String.prototype.split);
  const NumberToString = uncurry(Number.prototype.toString);
  const NumberIsNaN = Number.isNaN;
  const NumberIsFinite = Number.isFinite;
  const MathAbs = Math.abs;
  const MathPow = Math.pow;
  const MathMax = Math.max;
  const SymbolToString = uncurry(Symbol.prototype.toString);
  const BigIntToString = uncurry(BigInt.prototype.toString);
  const RegExpTest = uncurry(RegExp.prototype.test);
  const RegExpToString = uncurry(RegExp.prototype.toString);
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const RealDate = Date;
  const realNow = Date.now;
  const DateGetTime = uncurry(Date.prototype.getTime);
  const DateToISOString = uncurry(Date.prototype.toISOString);
  const PromiseThen = uncurry(Promise.prototype.then);
  const PromiseResolve = Promise.resolve.bind(Promise);
  const MapCtor = Map;
  const MapGet = uncurry(Map.prototype.get);
  const MapSet = uncurry(Map.prototype.set);
  const MapHas = uncurry(Map.prototype.has);
  const MapDelete = uncurry(Map.prototype.delete);
  const MapSize = uncurry(getOwnPropertyDescriptor(Map.prototype, "size").get);
  const MapEntries = uncurry(Map.prototype.entries);
  const SetHas = uncurry(Set.prototype.has);
  const SetSize = uncurry(getOwnPropertyDescriptor(Set.prototype, "size").get);
  const SetValues = uncurry(Set.prototype.values);
  const WeakSetCtor = WeakSet;
  const WeakMapGet = uncurry(WeakMap.prototype.get);
  const WeakMapSet = uncurry(WeakMap.prototype.set);
  const WeakSetHas = uncurry(WeakSet.prototype.has);
  const WeakSetAdd = uncurry(WeakSet.prototype.add);
  const IteratorNext = uncurry(getPrototypeOf(new Map().entries()).next);
  const SetIteratorNext = uncurry(getPrototypeOf(new Set().values()).next);
  const isMap = (v) => { try { MapSize(v); return true; } catch { return false; } };
  const isSet = (v) => { try { SetSize(v); return true; } catch { return false; } };
  const isDate = (v) => { try { DateGetTime(v); return true; } catch { return false; } };
  const isRegExp = (v) => { try { RegExpToString(v); return typeof v === "object" && getPrototypeOf(v) !== null && hasOwn(v, "lastIndex"); } catch { return false; } };

  /**
   * Which built-in an object is, by its internal slots, which user code cannot forge. Arrays,
   * object literals and null-prototype objects skip the brand checks: they are what tests compare
   * most, and each failed check costs a TypeError and its stack. (A Map re-parented onto
   * Object.prototype is then compared as a plain object: it never equals a real Map.)
   */
  function kindOf(v) {
    if (isArray(v)) return "array";
    const proto = getPrototypeOf(v);
    if (proto === ObjectPrototype || proto === null) return "object";
    if (isDate(v)) return "date";
    if (isRegExp(v)) return "regexp";
    if (isMap(v)) return "map";
    if (isSet(v)) return "set";
    return "object";
  }

  /** Objects frozen by lockdown (built-ins): their accessors are the harness's own. */
  const hardened = new WeakSetCtor();

  const config = global.__deependConfig;
  delete global.__deependConfig;
  const LIMITS = {
    consoleLines: config.consoleLines,
    consoleBytes: config.consoleBytes,
    timerFiringsPerTest: 100000,
    inspectLength: 2000,
  };
  const EPOCH = 1700000000000;

  // ---- safe formatting --------------------------------------------------------------------------
  function quote(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const c = StringCharCodeAt(s, i);
      if (c === 34) out += '\\"';
      else if (c === 92) out += "\\\\";
      else if (c === 10) out += "\\n";
      else if (c === 13) out += "\\r";
      else if (c === 9) out += "\\t";
      else if (c < 32 || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) {
        // Lone surrogates and control characters are escaped, so the output is always valid JSON.
        const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && StringCharCodeAt(s, i + 1) >= 0xdc00 && StringCharCodeAt(s, i + 1) <= 0xdfff;
        if (isPair) { out += StringSlice(s, i, i + 2); i++; }
        else out += "\\u" + StringSlice("0000" + NumberToString(c, 16), -4);
      } else out += StringSlice(s, i, i + 1);
    }
    return out + '"';
  }

  function clip(s, max) {
    return s.length > max ? StringSlice(s, 0, max) + "… (" + (s.length - max) + " more characters)" : s;
  }

  function functionName(fn) {
    try {
      const d = getOwnPropertyDescriptor(fn, "name");
      return d && typeof d.value === "string" && d.value ? d.value : "anonymous";
    } catch {
      return "anonymous";
    }
  }

  function bigintText(value) {
    // Converting a huge BigInt to text cannot be interrupted; print only modest ones.
    if (value > 10n ** 200n || value < -(10n ** 200n)) return "<a BigInt with more than 200 digits>";
    return BigIntToString(value) + "n";
  }

  function inspect(value, depth, seen, top) {
    try {
      switch (typeof value) {
        case "string":
          return top ? value : quote(clip(value, LIMITS.inspectLength));
        case "number":
          return ObjectIs(value, -0) ? "-0" : NumberToString(value);
        case "bigint":
          return bigintText(value);
        case "boolean":
          return value ? "true" : "false";
        case "undefined":
          return "undefined";
        case "symbol":
          return SymbolToString(value);
        case "function":
          return "[Function " + functionName(value) + "]";
      }
      if (value === null) return "null";
      if (WeakSetHas(seen, value)) return "[Circular]";
      const kind = kindOf(value);
      if (kind === "date") {
        const t = DateGetTime(value);
        return NumberIsNaN(t) ? "Invalid Date" : DateToISOString(value);
      }
      if (kind === "regexp") return RegExpToString(value);
      if (depth > 3) return isArray(value) ? "[Array]" : "[Object]";
      WeakSetAdd(seen, value);
      const parts = [];
      let length = 0;
      const push = (text) => {
        ArrayPush(parts, text);
        length += text.length;
      };
      if (kind === "map") {
        const it = MapEntries(value);
        for (let i = 0; ; i++) {
          const r = IteratorNext(it);
          if (r.done) break;
          if (i >= 50 || length > LIMITS.inspectLength) { push("…"); break; }
          push(inspect(r.value[0], depth + 1, seen, false) + " => " + inspect(r.value[1], depth + 1, seen, false));
        }
        return "Map(" + MapSize(value) + ") {" + (parts.length ? " " + ArrayJoin(parts, ", ") + " " : "") + "}";
      }
      if (kind === "set") {
        const it = SetValues(value);
        for (let i = 0; ; i++) {
          const r = SetIteratorNext(it);
          if (r.done) break;
          if (i >= 50 || length > LIMITS.inspectLength) { push("…"); break; }
          push(inspect(r.value, depth + 1, seen, false));
        }
        return "Set(" + SetSize(value) + ") {" + (parts.length ? " " + ArrayJoin(parts, ", ") + " " : "") + "}";
      }
      const errorText = errorSummary(value);
      if (errorText !== null) return "[" + errorText + "]";
      if (isArray(value)) {
        const n = value.length;
        for (let i = 0; i < n; i++) {
          if (i >= 100 || length > LIMITS.inspectLength) { push("… " + (n - i) + " more items"); break; }
          const d = getOwnPropertyDescriptor(value, i);
          push(d === undefined ? "<empty>" : "value" in d ? inspect(d.value, depth + 1, seen, false) : "[Getter]");
        }
        return "[" + ArrayJoin(parts, ", ") + "]";
      }
      const keys = ownKeys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const d = getOwnPropertyDescriptor(value, key);
        if (!d || !d.enumerable) continue;
        if (parts.length >= 50 || length > LIMITS.inspectLength) { push("…"); break; }
        const name = typeof key === "symbol" ? "[" + SymbolToString(key) + "]" : RegExpTest(/^[A-Za-z_$][\w$]*$/, key) ? key : quote(key);
        push(name + ": " + ("value" in d ? inspect(d.value, depth + 1, seen, false) : "[Getter]"));
      }
      const proto = getPrototypeOf(value);
      let prefix = "";
      if (proto === null) prefix = "[Object: null prototype] ";
      else if (proto !== ObjectPrototype) {
        const ctor = getOwnPropertyDescriptor(proto, "constructor");
        if (ctor && typeof ctor.value === "function") prefix = functionName(ctor.value) + " ";
      }
      return prefix + "{" + (parts.length ? " " + ArrayJoin(parts, ", ") + " " : "") + "}";
    } catch {
      return "[unprintable value]";
    }
  }

  function show(value) {
    return clip(inspect(value, 0, new WeakSetCtor(), false), LIMITS.inspectLength);
  }

  /** "Name: message" for error-like objects (read without running getters), else null. */
  function errorSummary(value) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return null;
    let name = null;
    let message = null;
    let proto = value;
    // Data properties are read directly; getters only on frozen built-ins (ours, after lockdown),
    // so no user code runs here.
    const read = (obj, key) => {
      const d = getOwnPropertyDescriptor(obj, key);
      if (!d) return null;
      if ("value" in d) return typeof d.value === "string" ? d.value : null;
      if (d.get && WeakSetHas(hardened, obj)) {
        const v = apply(d.get, obj, []);
        return typeof v === "string" ? v : null;
      }
      return null;
    };
    for (let i = 0; proto !== null && i < 20; i++) {
      const n = read(proto, "name");
      const m = read(proto, "message");
      if (name === null && n !== null) name = n;
      if (message === null && m !== null) message = m;
      proto = getPrototypeOf(proto);
      if (proto === ErrorCtor.prototype) {
        if (name === null) name = "Error";
        if (message === null) message = "";
      }
    }
    if (name === null || message === null) return null;
    return message ? name + ": " + message : name;
  }

  /** A thrown value as readable text, whatever it is (non-Errors, throwing getters, proxies). */
  function describeThrown(value) {
    try {
      const summary = errorSummary(value);
      if (summary !== null) return clip(summary, LIMITS.inspectLength);
    } catch {
      // fall through to a generic description
    }
    return "Thrown value: " + show(value);
  }

  /** A thrown value's stack, read once: V8 keeps `stack` as an accessor, and a thrown object's own getter may run. */
  function stackOf(value) {
    try {
      if (value === null || typeof value !== "object") return null;
      const stack = value.stack;
      return typeof stack === "string" ? stack : null;
    } catch {
      return null;
    }
  }

  /**
   * The first stack frame in a loaded test file, as { file, line, column } (transpiled positions;
   * the host maps them to the TypeScript source). Only read when a test fails, never on a pass.
   */
  function testLocation(stack) {
    if (stack === null) return null;
    const lines = StringSplit(stack, "\n");
    for (let i = 0; i < lines.length; i++) {
      const m = /([\w.-]+\.test\.ts):(\d+):(\d+)\)?$/.exec(lines[i]);
      if (m && MapHas(factories, m[1])) return { file: m[1], line: +m[2], column: +m[3] };
    }
    return null;
  }

  /** The first stack frame in the solution file ("solution.ts:LINE:COL"), if any. */
  function solutionLocation(stack) {
    if (stack === null) return null;
    const lines = StringSplit(stack, "\n");
    for (let i = 0; i < lines.length; i++) {
      const m = /solution\.ts:(\d+):(\d+)/.exec(lines[i]);
      if (m) return { line: +m[1], column: +m[2] };
    }
    return null;
  }

  // ---- serialisation: harness-made data only --------------------------------------------------
  function toJson(value) {
    if (value === null || value === undefined) return "null";
    if (typeof value === "string") return quote(value);
    if (typeof value === "number") return NumberIsFinite(value) ? NumberToString(value) : "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (isArray(value)) {
      const parts = [];
      for (let i = 0; i < value.length; i++) ArrayPush(parts, toJson(value[i]));
      return "[" + ArrayJoin(parts, ",") + "]";
    }
    const parts = [];
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const d = getOwnPropertyDescriptor(value, keys[i]);
      if (d && "value" in d && d.value !== undefined) ArrayPush(parts, quote(keys[i]) + ":" + toJson(d.value));
    }
    return "{" + ArrayJoin(parts, ",") + "}";
  }

  // ---- console ---------------------------------------------------------------------------------
  const consoleState = { lines: [], bytes: 0, truncated: false };
  function writeConsole(level, args) {
    if (consoleState.truncated) return;
    const parts = [];
    for (let i = 0; i < args.length; i++) ArrayPush(parts, clip(inspect(args[i], 0, new WeakSetCtor(), true), LIMITS.inspectLength));
    const text = ArrayJoin(parts, " ");
    if (consoleState.lines.length >= LIMITS.consoleLines || consoleState.bytes + text.length > LIMITS.consoleBytes) {
      consoleState.truncated = true;
      ArrayPush(consoleState.lines, { level: "warn", text: "… output truncated (limit: " + LIMITS.consoleLines + " lines, " + LIMITS.consoleBytes + " characters)" });
      return;
    }
    consoleState.bytes += text.length;
    ArrayPush(consoleState.lines, { level, text, test: currentTest ? currentTest.test.name : undefined });
  }
  const consoleObject = ObjectCreate(null);
  const levels = ["log", "info", "warn", "error", "debug"];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    consoleObject[level] = function (...args) { writeConsole(level, args); };
  }
  consoleObject.trace = consoleObject.debug;
  consoleObject.table = consoleObject.log;
  consoleObject.dir = consoleObject.log;

  // ---- virtual clock and timers -----------------------------------------------------------------
  const clockState = { now: EPOCH, timers: [], nextId: 1, seq: 0 };
  function addTimer(callback, delay, args, repeat) {
    if (typeof callback !== "function") throw new TypeErrorCtor("The callback must be a function");
    let ms = +delay;
    if (!(ms >= 1) || !NumberIsFinite(ms)) ms = ms > 0 ? ms : 0;
    if (ms > 2147483647) ms = 1;
    const id = clockState.nextId++;
    insertTimer({ id, at: clockState.now + ms, seq: clockState.seq++, callback, args, repeat: repeat ? MathMax(1, ms) : 0 });
    return id;
  }
  function insertTimer(timer) {
    const list = clockState.timers;
    let i = list.length;
    while (i > 0 && (list[i - 1].at > timer.at || (list[i - 1].at === timer.at && list[i - 1].seq > timer.seq))) i--;
    ArraySplice(list, i, 0, timer);
  }
  function removeTimer(id) {
    const list = clockState.timers;
    for (let i = 0; i < list.length; i++) if (list[i].id === id) { ArraySplice(list, i, 1); return; }
  }
  /** Fires the earliest timer if it is due at or before `limit`; returns whether one fired. */
  function fireNext(limit) {
    const timer = clockState.timers[0];
    if (!timer || timer.at > limit) return false;
    ArraySplice(clockState.timers, 0, 1);
    if (timer.at > clockState.now) clockState.now = timer.at;
    if (timer.repeat) insertTimer({ id: timer.id, at: clockState.now + timer.repeat, seq: clockState.seq++, callback: timer.callback, args: timer.args, repeat: timer.repeat });
    if (currentTest && ++currentTest.timerFirings > LIMITS.timerFiringsPerTest) {
      clockState.timers = [];
      fail(currentTest, { message: "More than " + LIMITS.timerFiringsPerTest + " timer callbacks ran in one test: is an interval never cleared?" });
      return false;
    }
    try {
      apply(timer.callback, undefined, timer.args);
    } catch (error) {
      if (currentTest) failWithThrown(currentTest, error, "Uncaught error in a timer callback: ");
    }
    return true;
  }
  function checkMs(ms) {
    if (typeof ms !== "number" || !(ms >= 0) || !NumberIsFinite(ms)) throw new TypeErrorCtor("clock: ms must be a finite number >= 0");
  }
  const microtaskTurns = (n) => {
    let p = PromiseResolve(undefined);
    for (let i = 0; i < n; i++) p = PromiseThen(p, () => undefined);
    return p;
  };
  const clock = ObjectFreeze({
    now: () => clockState.now,
    advance(ms) {
      checkMs(ms);
      const target = clockState.now + ms;
      while (fireNext(target)) { /* fire every due timer in order */ }
      clockState.now = target;
    },
    advanceAsync(ms) {
      checkMs(ms);
      const target = clockState.now + ms;
      const loop = () => (fireNext(target) ? PromiseThen(microtaskTurns(20), loop) : ((clockState.now = target), undefined));
      return PromiseThen(microtaskTurns(20), loop);
    },
    runAllAsync() {
      let guard = 0;
      const loop = () => (guard++ < 10000 && fireNext(Infinity) ? PromiseThen(microtaskTurns(20), loop) : undefined);
      return PromiseThen(microtaskTurns(20), loop);
    },
    pending: () => clockState.timers.length,
  });

  function VirtualDate(...args) {
    if (new.target === undefined) return new RealDate(clockState.now).toString();
    return construct(RealDate, args.length === 0 ? [clockState.now] : args, new.target);
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = () => clockState.now;
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  defineProperty(RealDate.prototype, "constructor", { value: VirtualDate, writable: true, configurable: true, enumerable: false });

  // ---- test registry -------------------------------------------------------------------------------
  const tests = [];
  const rootSuite = { name: null, parent: null, before: [], after: [] };
  let suite = rootSuite;
  let loadingFile = null;
  let sealed = false;

  function assertRegistering(what) {
    if (sealed || loadingFile === null) throw new ErrorCtor(what + " can only be called while test files load");
  }
  function describe(name, body) {
    assertRegistering("describe()");
    if (typeof body !== "function") throw new TypeErrorCtor("describe(name, body): body must be a function");
    const parent = suite;
    suite = { name: StringFn(name), parent, before: [], after: [] };
    try {
      apply(body, undefined, []);
    } finally {
      suite = parent;
    }
  }
  function it(name, body) {
    assertRegistering("it()");
    if (typeof body !== "function") throw new TypeErrorCtor("it(name, body): body must be a function");
    const names = [StringFn(name)];
    for (let s = suite; s !== null && s.name !== null; s = s.parent) ArraySplice(names, 0, 0, s.name);
    ArrayPush(tests, { name: ArrayJoin(names, " › "), body, suite, hidden: loadingFile === "hidden.test.ts" });
  }
  function beforeEach(hook) {
    assertRegistering("beforeEach()");
    if (typeof hook !== "function") throw new TypeErrorCtor("beforeEach() needs a function");
    ArrayPush(suite.before, hook);
  }
  function afterEach(hook) {
    assertRegistering("afterEach()");
    if (typeof hook !== "function") throw new TypeErrorCtor("afterEach() needs a function");
    ArrayPush(suite.after, hook);
  }
  /** Hooks apply to every test of their describe block; outer beforeEach first, inner afterEach first. */
  function phasesOf(test) {
    const chain = [];
    for (let s = test.suite; s !== null; s = s.parent) ArraySplice(chain, 0, 0, s);
    const phases = [];
    for (let i = 0; i < chain.length; i++) for (let j = 0; j < chain[i].before.length; j++) ArrayPush(phases, { fn: chain[i].before[j], skippable: true });
    ArrayPush(phases, { fn: test.body, skippable: true });
    for (let i = chain.length - 1; i >= 0; i--) for (let j = 0; j < chain[i].after.length; j++) ArrayPush(phases, { fn: chain[i].after[j], skippable: false });
    return phases;
  }

  // ---- expect -------------------------------------------------------------------------------------
  let currentTest = null;
  const assertionErrors = new WeakSetCtor();

  function fail(state, failure) {
    if (!state.failure) state.failure = failure;
  }
  function failWithThrown(state, error, prefix) {
    if (error !== null && typeof error === "object" && WeakSetHas(assertionErrors, error)) return; // already recorded
    const stack = stackOf(error);
    const location = solutionLocation(stack);
    fail(state, { message: (prefix || "") + describeThrown(error), line: location ? location.line : undefined, column: location ? location.column : undefined, at: testLocation(stack) });
  }
  // Where the assertion of an async matcher (.resolves/.rejects) was written: its failure is
  // raised later, from a promise callback whose stack no longer reaches the test.
  let pendingCallSite = null;
  function assertionFailed(message, expected, actual) {
    const failure = { message };
    if (expected !== undefined) failure.expected = expected;
    if (actual !== undefined) failure.actual = actual;
    const error = new ErrorCtor(message);
    if (currentTest && !currentTest.failure) failure.at = testLocation(stackOf(pendingCallSite || error));
    if (currentTest) fail(currentTest, failure);
    WeakSetAdd(assertionErrors, error);
    throw error;
  }

  function equals(a, b, strict, seenA, seenB) {
    if (ObjectIs(a, b)) return true;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
      return false;
    }
    const pa = getPrototypeOf(a);
    const pb = getPrototypeOf(b);
    if (strict && pa !== pb) return false;
    const kind = kindOf(a);
    if (kind !== kindOf(b)) return false;
    if (kind === "date") return ObjectIs(DateGetTime(a), DateGetTime(b));
    if (kind === "regexp") return RegExpToString(a) === RegExpToString(b);
    if (MapHas(seenA, a)) return MapGet(seenA, a) === b && MapGet(seenB, b) === a;
    MapSet(seenA, a, b);
    MapSet(seenB, b, a);
    try {
      if (kind === "map") {
        if (MapSize(a) !== MapSize(b)) return false;
        const it = MapEntries(a);
        for (;;) {
          const r = IteratorNext(it);
          if (r.done) return true;
          if (!MapHas(b, r.value[0]) || !equals(r.value[1], MapGet(b, r.value[0]), strict, seenA, seenB)) return false;
        }
      }
      if (kind === "set") {
        if (SetSize(a) !== SetSize(b)) return false;
        const it = SetValues(a);
        for (;;) {
          const r = SetIteratorNext(it);
          if (r.done) return true;
          if (!SetHas(b, r.value)) return false;
        }
      }
      const ea = errorSummary(a);
      if (ea !== null && ea !== errorSummary(b)) return false;
      const ka = ownEnumerableKeys(a, strict);
      const kb = ownEnumerableKeys(b, strict);
      if (ka.length !== kb.length) return false;
      for (let i = 0; i < ka.length; i++) {
        const key = ka[i];
        const da = getOwnPropertyDescriptor(a, key);
        const db = getOwnPropertyDescriptor(b, key);
        if (!db || !db.enumerable) {
          if (strict || (da && "value" in da && da.value !== undefined)) return false;
          continue;
        }
        const va = da && "value" in da ? da.value : a[key];
        const vb = "value" in db ? db.value : b[key];
        if (!equals(va, vb, strict, seenA, seenB)) return false;
      }
      return true;
    } finally {
      MapDelete(seenA, a);
      MapDelete(seenB, b);
    }
  }
  /** Keys compared by toEqual: enumerable own keys; without `strict`, undefined-valued ones are skipped. */
  function ownEnumerableKeys(value, strict) {
    const keys = [];
    const all = ownKeys(value);
    for (let i = 0; i < all.length; i++) {
      const d = getOwnPropertyDescriptor(value, all[i]);
      if (!d || !d.enumerable) continue;
      if (!strict && "value" in d && d.value === undefined) continue;
      ArrayPush(keys, all[i]);
    }
    if (strict && isArray(value) && value.length !== keys.length) ArrayPush(keys, "length");
    return keys;
  }

  function isMock(value) {
    return typeof value === "function" && WeakSetHas(mocks, value);
  }

  function throwMatches(error, expected) {
    if (expected === undefined) return { ok: true, label: "" };
    const summary = describeThrown(error);
    let message = "";
    try {
      const d = error !== null && typeof error === "object" ? getOwnPropertyDescriptor(error, "message") : undefined;
      message = d && typeof d.value === "string" ? d.value : summary;
    } catch {
      message = summary;
    }
    if (typeof expected === "string") return { ok: StringIncludes(message, expected), label: "an error whose message includes " + quote(expected) };
    if (isRegExp(expected)) return { ok: RegExpTest(expected, message), label: "an error whose message matches " + RegExpToString(expected) };
    if (typeof expected === "function") {
      let ok = false;
      try {
        let proto = error !== null && (typeof error === "object" || typeof error === "function") ? getPrototypeOf(error) : null;
        const target = getOwnPropertyDescriptor(expected, "prototype");
        for (let i = 0; proto !== null && i < 50; i++) {
          if (target && proto === target.value) { ok = true; break; }
          proto = getPrototypeOf(proto);
        }
      } catch {
        ok = false;
      }
      return { ok, label: "an instance of " + functionName(expected) };
    }
    throw new TypeErrorCtor("toThrow() expects a string, a RegExp or an error class");
  }

  // Matchers are built once; each call gets the assertion's state (actual, negated, mode).
  // Per-call cost matters: hidden tests assert thousands of times in a loop.
  // The assertion being evaluated; set (and restored, for re-entrant calls) by callMatcher.
  let actual;
  let negated = false;
  let mode = "sync";
  let not = "";
  function callMatcher(name, nextActual, nextNegated, nextMode, args) {
    const saved = [actual, negated, mode, not];
    actual = nextActual;
    negated = nextNegated;
    mode = nextMode;
    not = nextNegated ? "not " : "";
    try {
      return apply(MATCHERS[name], undefined, args);
    } finally {
      actual = saved[0];
      negated = saved[1];
      mode = saved[2];
      not = saved[3];
    }
  }
  function matcherTable() {
    // The message is built only when the assertion fails: passing assertions must be cheap.
    const check = (pass, describe) => {
      if (pass === negated) {
        const [message, expected, actualText] = describe();
        assertionFailed(message, expected, actualText);
      }
    };
    const numeric = (name, n, op, cmp) => {
      if ((typeof actual !== "number" && typeof actual !== "bigint") || (typeof n !== "number" && typeof n !== "bigint")) {
        assertionFailed("expected a number for " + name + "(), got " + show(actual), show(n), show(actual));
      }
      check(cmp(actual, n), () => ["expected " + show(actual) + " " + not + "to be " + op + " " + show(n), not + op + " " + show(n), show(actual)]);
    };
    const matchers = {
      toBe(expected) {
        check(ObjectIs(actual, expected), () => {
          // Equal-looking but distinct objects deserve a hint: toBe compares identity.
          const sameShape = !negated && actual !== null && typeof actual === "object" && equals(actual, expected, false, new MapCtor(), new MapCtor());
          return ["expected " + show(actual) + " " + not + "to be " + show(expected) + (sameShape ? " (equal, but not the same object: use toEqual)" : ""), show(expected), show(actual)];
        });
      },
      toEqual(expected) {
        check(equals(actual, expected, false, new MapCtor(), new MapCtor()), () => ["expected " + show(actual) + " " + not + "to equal " + show(expected), show(expected), show(actual)]);
      },
      toStrictEqual(expected) {
        check(equals(actual, expected, true, new MapCtor(), new MapCtor()), () => ["expected " + show(actual) + " " + not + "to strictly equal " + show(expected), show(expected), show(actual)]);
      },
      toThrow(expected) {
        let threw = false;
        let error;
        if (mode === "rejects") {
          threw = true;
          error = actual;
        } else if (mode === "resolves") {
          assertionFailed("expected the promise to reject, but it resolved to " + show(actual));
        } else {
          if (typeof actual !== "function") assertionFailed("toThrow() needs a function, got " + show(actual));
          try {
            apply(actual, undefined, []);
          } catch (e) {
            threw = true;
            error = e;
          }
        }
        const { ok, label } = threw ? throwMatches(error, expected) : { ok: false, label: expected === undefined ? "" : "" };
        if (!negated) {
          if (!threw) assertionFailed("expected the function to throw" + (label ? " " + label : "") + ", but it did not throw", label || "an error", "no error");
          if (!ok) assertionFailed("expected " + label + ", but got " + describeThrown(error), label, describeThrown(error));
        } else if (threw && ok) {
          assertionFailed("expected the function not to throw" + (label ? " " + label : "") + ", but it threw " + describeThrown(error), "no error", describeThrown(error));
        }
      },
      toBeCloseTo(expected, digits) {
        const d = digits === undefined ? 2 : digits;
        const pass = typeof actual === "number" && typeof expected === "number" && (actual === expected || MathAbs(actual - expected) < MathPow(10, -d) / 2);
        check(pass, () => ["expected " + show(actual) + " " + not + "to be close to " + show(expected) + " (" + d + " digits)", show(expected), show(actual)]);
      },
      toContain(item) {
        let pass = false;
        if (typeof actual === "string") pass = typeof item === "string" && StringIncludes(actual, item);
        else if (isArray(actual)) for (let i = 0; i < actual.length && !pass; i++) pass = actual[i] === item;
        else if (isSet(actual)) pass = SetHas(actual, item);
        else assertionFailed("toContain() needs an array, a string or a Set, got " + show(actual));
        check(pass, () => ["expected " + show(actual) + " " + not + "to contain " + show(item), show(item), show(actual)]);
      },
      toHaveLength(length) {
        let actualLength;
        try {
          const d = actual !== null && actual !== undefined ? getOwnPropertyDescriptor(Object(actual), "length") : undefined;
          actualLength = d && "value" in d ? d.value : actual == null ? undefined : actual.length;
        } catch {
          actualLength = undefined;
        }
        check(actualLength === length, () => ["expected " + show(actual) + " " + not + "to have length " + length + " (it has " + show(actualLength) + ")", show(length), show(actualLength)]);
      },
      toBeGreaterThan: (n) => numeric("toBeGreaterThan", n, ">", (a, b) => a > b),
      toBeGreaterThanOrEqual: (n) => numeric("toBeGreaterThanOrEqual", n, ">=", (a, b) => a >= b),
      toBeLessThan: (n) => numeric("toBeLessThan", n, "<", (a, b) => a < b),
      toBeLessThanOrEqual: (n) => numeric("toBeLessThanOrEqual", n, "<=", (a, b) => a <= b),
      toBeTruthy() { check(!!actual, () => ["expected " + show(actual) + " " + not + "to be truthy", not + "truthy", show(actual)]); },
      toBeFalsy() { check(!actual, () => ["expected " + show(actual) + " " + not + "to be falsy", not + "falsy", show(actual)]); },
      toBeNull() { check(actual === null, () => ["expected " + show(actual) + " " + not + "to be null", not + "null", show(actual)]); },
      toBeUndefined() { check(actual === undefined, () => ["expected " + show(actual) + " " + not + "to be undefined", not + "undefined", show(actual)]); },
      toBeDefined() { check(actual !== undefined, () => ["expected " + show(actual) + " " + not + "to be defined", not + "defined", show(actual)]); },
      toBeNaN() { check(typeof actual === "number" && NumberIsNaN(actual), () => ["expected " + show(actual) + " " + not + "to be NaN", not + "NaN", show(actual)]); },
      toBeInstanceOf(cls) {
        const { ok, label } = throwMatches(actual, cls);
        check(ok, () => ["expected " + show(actual) + " " + not + "to be " + label, label, show(actual)]);
      },
      toMatch(expected) {
        if (typeof actual !== "string") assertionFailed("toMatch() needs a string, got " + show(actual));
        const pass = typeof expected === "string" ? StringIncludes(actual, expected) : RegExpTest(expected, actual);
        check(pass, () => ["expected " + show(actual) + " " + not + "to match " + (typeof expected === "string" ? quote(expected) : RegExpToString(expected)), show(expected), show(actual)]);
      },
      toHaveBeenCalled() {
        if (!isMock(actual)) assertionFailed("toHaveBeenCalled() needs a mock function made with fn()");
        const n = mockCalls(actual).length;
        check(n > 0, () => ["expected the mock " + not + "to have been called, it was called " + n + " times", not + "called", n + " calls"]);
      },
      toHaveBeenCalledTimes(times) {
        if (!isMock(actual)) assertionFailed("toHaveBeenCalledTimes() needs a mock function made with fn()");
        const n = mockCalls(actual).length;
        check(n === times, () => ["expected the mock " + not + "to have been called " + times + " times, it was called " + n + " times", show(times), show(n)]);
      },
      toHaveBeenCalledWith(...args) {
        if (!isMock(actual)) assertionFailed("toHaveBeenCalledWith() needs a mock function made with fn()");
        const calls = mockCalls(actual);
        let pass = false;
        for (let i = 0; i < calls.length && !pass; i++) pass = equals(calls[i], args, false, new MapCtor(), new MapCtor());
        check(pass, () => ["expected the mock " + not + "to have been called with " + show(args), show(args), show(calls)]);
      },
    };
    return matchers;
  }
  const MATCHERS = matcherTable();
  const MATCHER_NAMES = ObjectKeys(MATCHERS);

  // Assertions keep their state in private fields: nothing outside the harness can read or
  // change it, and no per-call WeakMap or freeze is needed (the prototype is frozen below).
  // `mode` is "sync" for expect(x), "resolves"/"rejects" for expect(promise).resolves/.rejects.
  class Assertion {
    #actual;
    #negated;
    #mode;
    constructor(actual, negated, mode) {
      this.#actual = actual;
      this.#negated = negated;
      this.#mode = mode;
    }
    static load(self) {
      return { actual: self.#actual, negated: self.#negated, mode: self.#mode };
    }
  }
  const stateOf = (self) => {
    try {
      return Assertion.load(self);
    } catch {
      throw new TypeErrorCtor("matchers must be called on the object expect() returned");
    }
  };
  defineProperty(Assertion.prototype, "not", {
    get() {
      const { actual, negated, mode } = stateOf(this);
      return new Assertion(actual, !negated, mode);
    },
  });
  for (const mode of ["resolves", "rejects"]) {
    defineProperty(Assertion.prototype, mode, {
      get() {
        const state = stateOf(this);
        if (state.mode !== "sync") throw new TypeErrorCtor("." + mode + " cannot follow ." + state.mode);
        return new Assertion(state.actual, state.negated, mode);
      },
    });
  }
  for (let i = 0; i < MATCHER_NAMES.length; i++) {
    const name = MATCHER_NAMES[i];
    defineProperty(Assertion.prototype, name, {
      value: function (...args) {
        const state = stateOf(this);
        if (state.mode === "sync") return callMatcher(name, state.actual, state.negated, state.mode, args);
        const callSite = new ErrorCtor();
        const withCallSite = (check) => {
          pendingCallSite = callSite;
          try {
            check();
          } finally {
            pendingCallSite = null;
          }
        };
        return settle(
          state.actual,
          (value) =>
            withCallSite(() => {
              if (state.mode === "rejects") assertionFailed("expected the promise to reject, but it resolved to " + show(value));
              callMatcher(name, value, state.negated, state.mode, args);
            }),
          (error) => {
            if (error !== null && typeof error === "object" && WeakSetHas(assertionErrors, error)) throw error;
            withCallSite(() => {
              if (state.mode === "resolves") assertionFailed("expected the promise to resolve, but it rejected with " + describeThrown(error));
              callMatcher(name, error, state.negated, state.mode, args);
            });
          },
        );
      },
    });
  }
  ObjectFreeze(Assertion.prototype);
  ObjectFreeze(Assertion);

  function settle(promiseLike, onValue, onError) {
    let native;
    try {
      native = PromiseResolve(promiseLike);
    } catch (error) {
      return PromiseThen(PromiseResolve(undefined), () => onError(error));
    }
    return PromiseThen(native, onValue, onError);
  }

  function expect(actual) {
    return new Assertion(actual, false, "sync");
  }

  // ---- mock functions ------------------------------------------------------------------------------
  const mocks = new WeakSetCtor();
  const mockState = new WeakMap();
  function mockCalls(mock) {
    return WeakMapGet(mockState, mock).calls;
  }
  function fn(impl) {
    const state = { calls: [], impl: typeof impl === "function" ? impl : undefined };
    const mock = function (...args) {
      ArrayPush(state.calls, args);
      return state.impl ? apply(state.impl, this, args) : undefined;
    };
    defineProperty(mock, "calls", { get: () => state.calls, enumerable: true });
    defineProperty(mock, "mockImplementation", {
      value: (next) => {
        state.impl = next;
        return mock;
      },
    });
    WeakSetAdd(mocks, mock);
    WeakMapSet(mockState, mock, state);
    return mock;
  }

  // ---- module system ---------------------------------------------------------------------------
  const factories = new MapCtor();
  const solutionExports = {};
  const testApi = [describe, it, it, expect, fn, clock, beforeEach, afterEach];

  function define(name, factory) {
    // Test files are defined before the registry is sealed; the solution, once, after.
    if (sealed ? name !== "solution.ts" || MapHas(factories, name) : name === "solution.ts") throw new ErrorCtor("cannot define " + name + " now");
    MapSet(factories, name, factory);
  }
  function requireForTests(specifier) {
    if (specifier === "./solution" || specifier === "./solution.ts" || specifier === "./solution.js") return solutionExports;
    throw new ErrorCtor("Tests can only import ./solution (asked for " + quote(StringFn(specifier)) + ")");
  }
  function requireForSolution(specifier) {
    throw new ErrorCtor("Cannot import " + quote(StringFn(specifier)) + ": code in the sandbox runs without modules (no Node.js APIs, no npm packages). Write everything in this file.");
  }

  // ---- lockdown ---------------------------------------------------------------------------------
  // Freeze every intrinsic reachable from the global object, so solutions cannot patch what tests
  // and the harness use. Common data properties stay overridable per object (SES's approach to the
  // "override mistake"), so `this.name = "MyError"` in an Error subclass still works.
  function enableOverride(obj, name) {
    const d = getOwnPropertyDescriptor(obj, name);
    if (!d || !("value" in d) || !d.configurable || !d.writable) return;
    const value = d.value;
    defineProperty(obj, name, {
      get: function () { return value; },
      set: function (next) {
        if (this === obj) throw new TypeErrorCtor("Cannot assign to read only property '" + StringFn(name) + "' of a built-in object");
        if (hasOwn(this, name)) {
          const own = getOwnPropertyDescriptor(this, name);
          if (own && own.set) { apply(own.set, this, [next]); return; }
        }
        defineProperty(this, name, { value: next, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }
  // Freezes what code can use to change shared behaviour: constructors (with their static
  // properties), prototypes up their chains, and namespace objects. Individual built-in methods
  // are functions whose own properties change nothing else, so they are left alone (this keeps
  // lockdown around a millisecond instead of walking every reachable function).
  function harden(root) {
    const stack = [root];
    while (stack.length) {
      const obj = stack.pop();
      if (obj === null || (typeof obj !== "object" && typeof obj !== "function") || WeakSetHas(hardened, obj)) continue;
      WeakSetAdd(hardened, obj);
      const proto = getPrototypeOf(obj);
      if (proto !== null) ArrayPush(stack, proto);
      if (typeof obj === "function") {
        const p = getOwnPropertyDescriptor(obj, "prototype");
        if (p && p.value !== null && typeof p.value === "object") ArrayPush(stack, p.value);
      } else if (!hasOwn(obj, "constructor")) {
        // A namespace (Math, JSON, Reflect, Intl, ...): constructors inside it are intrinsics too.
        const keys = ownKeys(obj);
        for (let i = 0; i < keys.length; i++) {
          const d = getOwnPropertyDescriptor(obj, keys[i]);
          if (d && typeof d.value === "function" && hasOwn(d.value, "prototype")) ArrayPush(stack, d.value);
        }
      }
      ObjectFreeze(obj);
    }
  }
  function lockdown(options) {
    delete global.__deependHarness;
    delete global.WebAssembly;
    delete global.SharedArrayBuffer;
    delete global.Atomics;
    // Function sources (including hidden tests' callbacks) are never observable.
    const fakeToString = function toString() {
      return "function " + functionName(this) + "() { [native code] }";
    };
    defineProperty(FunctionPrototype, "toString", { value: fakeToString, writable: true, configurable: true, enumerable: false });

    const roots = [];
    const names = getOwnPropertyNames(global);
    for (let i = 0; i < names.length; i++) {
      const d = getOwnPropertyDescriptor(global, names[i]);
      if (d && "value" in d && d.value !== null && d.value !== global && (typeof d.value === "object" || typeof d.value === "function")) ArrayPush(roots, d.value);
    }
    const hiddenIntrinsics = [
      function* () {},
      async function () {},
      async function* () {},
      [][Symbol.iterator](),
      new Map().entries(),
      new Set().values(),
      ""[Symbol.iterator](),
      /a/[Symbol.matchAll](""),
      (function* () {})(),
      (async function* () {})(),
      new Uint8Array(0),
    ];
    for (let i = 0; i < hiddenIntrinsics.length; i++) ArrayPush(roots, getPrototypeOf(hiddenIntrinsics[i]));
    // Keep the properties that ordinary code assigns on its own objects overridable: methods of
    // Object.prototype (obj.toString = ...), Function.prototype.toString, and name/message/toString
    // of the error prototypes (this.name = "MyError"). Converting every property of every
    // prototype would cost a millisecond per run for assignments nobody makes.
    const OBJECT_METHODS = ["constructor", "toString", "valueOf", "toLocaleString", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"];
    for (let k = 0; k < OBJECT_METHODS.length; k++) enableOverride(ObjectPrototype, OBJECT_METHODS[k]);
    enableOverride(FunctionPrototype, "toString");
    const errorConstructors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError];
    for (let i = 0; i < errorConstructors.length; i++) {
      const proto = errorConstructors[i].prototype;
      enableOverride(proto, "name");
      enableOverride(proto, "message");
      enableOverride(proto, "toString");
      enableOverride(proto, "constructor");
    }
    enableOverride(ObjectPrototype, "__proto__");
    for (let i = 0; i < roots.length; i++) harden(roots[i]);
    if (options && options.skipGlobals) return;
    lockGlobals(names);
  }
  /** Global bindings of intrinsics cannot be replaced either. */
  function lockGlobals(names) {
    // One defineProperties call: much cheaper on the global object than one call per name.
    const descriptors = ObjectCreate(null);
    for (let i = 0; i < names.length; i++) {
      const d = getOwnPropertyDescriptor(global, names[i]);
      if (d && d.configurable && "value" in d) descriptors[names[i]] = { value: d.value, writable: false, enumerable: d.enumerable, configurable: false };
    }
    Object.defineProperties(global, descriptors);
  }

  // ---- run loop ---------------------------------------------------------------------------------
  function runPhases(state, phases, done) {
    let index = 0;
    const next = () => {
      if (index >= phases.length || (state.failure && phases[index].skippable)) {
        // After a failure, skip to the afterEach hooks (they still run).
        while (index < phases.length && phases[index].skippable) index++;
        if (index >= phases.length) return done();
      }
      const phase = phases[index++];
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

  function begin(test) {
    const state = { test, failure: null, settled: false, timerFirings: 0, started: realNow() };
    clockState.now = EPOCH;
    clockState.timers = [];
    currentTest = state;
    // Known as running before its body starts: a body that never returns is the one timed out.
    running = state;
    runPhases(state, phasesOf(test), () => {
      state.settled = true;
    });
    return state;
  }

  function finish(state) {
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
    currentTest = null;
    clockState.timers = [];
  }

  const results = [];
  let startResult = "";
  let nextIndex = 0;
  let running = null;

  /** Runs tests until one is waiting on promises (or all are done); true when all are done. */
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

  const api = ObjectFreeze({
    define,
    /** Runs the test files (registration only) and seals the registry; returns the test list. */
    load(files) {
      for (let i = 0; i < files.length; i++) {
        const factory = MapGet(factories, files[i]);
        if (typeof factory !== "function") throw new ErrorCtor("missing test file " + files[i]);
        loadingFile = files[i];
        const moduleObject = { exports: {} };
        apply(factory, undefined, [moduleObject.exports, requireForTests, moduleObject, ...testApi]);
      }
      loadingFile = null;
      sealed = true;
      const list = [];
      for (let i = 0; i < tests.length; i++) ArrayPush(list, { name: tests[i].name, hidden: tests[i].hidden });
      return toJson(list);
    },
    /** Locks the intrinsics down; called after the trusted files loaded, before the solution. */
    lockdown() {
      lockdown();
    },
    /** Evaluates the solution module and exposes its exports to the tests. */
    startSolution() {
      const factory = MapGet(factories, "solution.ts");
      const moduleObject = { exports: {} };
      try {
        apply(factory, undefined, [moduleObject.exports, requireForSolution, moduleObject]);
      } catch (error) {
        const location = solutionLocation(stackOf(error));
        startResult = toJson({ ok: false, message: describeThrown(error), line: location ? location.line : undefined, column: location ? location.column : undefined });
        return startResult;
      }
      const exported = moduleObject.exports;
      if (exported !== null && (typeof exported === "object" || typeof exported === "function")) {
        const keys = ownKeys(exported);
        for (let i = 0; i < keys.length; i++) {
          const d = getOwnPropertyDescriptor(exported, keys[i]);
          if (d) defineProperty(solutionExports, keys[i], { get: "value" in d ? () => d.value : d.get, enumerable: true, configurable: false });
        }
      }
      startResult = toJson({ ok: true });
      return startResult;
    },
    /** startSolution's answer again, for when the host lost it (see execute.ts). */
    startStatus() {
      return startResult;
    },
    /**
     * One step of the run; returns true when every test has finished. Between steps the isolate
     * drains its microtasks, so a test still pending after a step can only move on by a timer.
     */
    step() {
      const before = running;
      if (advance()) return true;
      // A test that started during this call has not had its microtasks run yet.
      if (running !== before) return false;
      if (running.failure) {
        finish(running); // an assertion already failed: no need to wait for the rest
        running = null;
      } else if (clockState.timers.length > 0) {
        fireNext(Infinity);
      } else {
        fail(running, { message: "The test never finished: it waits for a promise that nothing settles (no pending timers)." });
        finish(running);
        running = null;
      }
      return advance() && running === null;
    },
    /** Finished results, the test running now (if any) and the console output, as JSON. */
    report() {
      return "{" + quote("results") + ":[" + ArrayJoin(results, ",") + "]," + quote("running") + ":" + (running ? quote(running.test.name) : "null") + "," + quote("console") + ":" + toJson(consoleState.lines) + "}";
    },
  });

  // Globals user code may use. Test-only API (describe, it, expect, clock, fn) is passed to test
  // modules as parameters instead, so the solution cannot replace what the tests call.
  const globals = {
    console: ObjectFreeze(consoleObject),
    setTimeout: (cb, ms, ...args) => addTimer(cb, ms, args, false),
    setInterval: (cb, ms, ...args) => addTimer(cb, ms, args, true),
    setImmediate: (cb, ...args) => addTimer(cb, 0, args, false),
    clearTimeout: (id) => removeTimer(id),
    clearInterval: (id) => removeTimer(id),
    clearImmediate: (id) => removeTimer(id),
    queueMicrotask: (cb) => {
      if (typeof cb !== "function") throw new TypeErrorCtor("queueMicrotask needs a function");
      PromiseThen(PromiseResolve(undefined), () => cb());
    },
    performance: ObjectFreeze({ now: () => clockState.now - EPOCH }),
    Date: VirtualDate,
  };
  const globalNames = ObjectKeys(globals);
  for (let i = 0; i < globalNames.length; i++) defineProperty(global, globalNames[i], { value: globals[globalNames[i]], writable: true, enumerable: false, configurable: true });
  defineProperty(global, "global", { value: global, writable: true, configurable: true, enumerable: false });

  defineProperty(global, "__deependHarness", { value: api, writable: false, enumerable: false, configurable: true });
})(globalThis);
