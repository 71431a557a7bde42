// expect() and its matchers. An assertion failure is recorded on the running test when it happens,
// so swallowing the thrown error does not turn a failure into a pass.
import { describeThrown, errorSummary, functionName, quote, show, solutionLocation, stackOf, testLocation } from "./format.js";
import { builtinsViolation } from "./integrity.js";
import { ArrayJoin, ArrayPush, DateGetTime, ErrorCtor, IteratorNext, MapCtor, MapDelete, MapEntries, MapGet, MapHas, MapSet, MapSize, MathAbs, MathPow, NumberIsNaN, ObjectFreeze, ObjectIs, ObjectKeys, PromiseResolve, PromiseThen, RegExpExec, RegExpTest, RegExpToString, SetHas, SetIteratorNext, SetSize, SetValues, StringIncludes, StringSlice, StringSplit, TypeErrorCtor, WeakSetAdd, WeakSetCtor, WeakSetHas, apply, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, hasOwn, isArray, isRegExp, isSet, kindOf, ownKeys } from "./intrinsics.js";
import { mockCalls, mockResults, mocks } from "./mock.js";
import { registration } from "./registry.js";
import { shared } from "./state.js";

// ---- expect -------------------------------------------------------------------------------------
export const assertionErrors = new WeakSetCtor();

export function fail(state, failure) {
  if (!state.failure) state.failure = failure;
}
export function failWithThrown(state, error, prefix) {
  if (error !== null && typeof error === "object" && WeakSetHas(assertionErrors, error)) return; // already recorded
  // A property-based test (fast-check) wraps the assertion that failed in its own report, with the
  // shrunk counterexample: that report says more than the first failing assertion did.
  const cause = causeOf(error);
  if (state.failure && cause !== null && WeakSetHas(assertionErrors, cause)) {
    // The assertion that failed in the shrunk case says what was wrong: it follows the sequence.
    state.failure = { ...state.failure, message: propertyReport(describeThrown(error)) + "\nFailed check: " + describeThrown(cause), expected: undefined, actual: undefined };
    return;
  }
  // A report fast-check wrote with the error inside it (includeErrorInReport): cleaned up the same way.
  if (state.failure && cause === null && StringIncludes(describeThrown(error), "Property failed after")) {
    state.failure = { ...state.failure, message: propertyReport(describeThrown(error)), expected: undefined, actual: undefined };
    return;
  }
  const stack = stackOf(error);
  const location = solutionLocation(stack);
  fail(state, { message: (prefix || "") + describeThrown(error), line: location ? location.line : undefined, column: location ? location.column : undefined, at: testLocation(stack) });
}
/** fast-check's report without what a learner cannot use (replay paths, the verbose-mode hint). */
function propertyReport(text) {
  const lines = StringSplit(text, "\n");
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (StringSlice(line, 0, 5) === "Hint:" || StringSlice(line, 0, 7) === "{ seed:") continue;
    const replay = RegExpExec(/\s*\/\*replayPath=.*?\*\//, line);
    ArrayPush(kept, replay ? StringSlice(line, 0, replay.index) + StringSlice(line, replay.index + replay[0].length) : line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.length -= 1;
  return ArrayJoin(kept, "\n");
}

/** An error's own `cause` data property, read without running getters. */
function causeOf(error) {
  if (error === null || typeof error !== "object") return null;
  try {
    const d = getOwnPropertyDescriptor(error, "cause");
    return d && "value" in d && d.value !== null && typeof d.value === "object" ? d.value : null;
  } catch {
    return null;
  }
}
// Where the assertion of an async matcher (.resolves/.rejects) was written: its failure is
// raised later, from a promise callback whose stack no longer reaches the test.
let pendingCallSite = null;
/** The label of the assertion being checked (expect(value, label)), for its failure message. */
let currentLabel;
function withLabel(label, check) {
  const saved = currentLabel;
  currentLabel = label;
  try {
    return check();
  } finally {
    currentLabel = saved;
  }
}

export function assertionFailed(message, expected, actual) {
  if (currentLabel !== undefined) message = currentLabel + ": " + message;
  const failure = { message };
  if (expected !== undefined) failure.expected = expected;
  if (actual !== undefined) failure.actual = actual;
  const error = new ErrorCtor(message);
  if (shared.currentTest && !shared.currentTest.failure) failure.at = testLocation(stackOf(pendingCallSite || error));
  if (shared.currentTest) fail(shared.currentTest, failure);
  WeakSetAdd(assertionErrors, error);
  throw error;
}

export function equals(a, b, strict, seenA, seenB) {
  if (ObjectIs(a, b)) return true;
  // expect.any(...) and friends, on either side (only the harness's own: they carry a private brand).
  if (b !== null && typeof b === "object" && Asymmetric.is(b)) return Asymmetric.matches(b, a);
  if (a !== null && typeof a === "object" && Asymmetric.is(a)) return Asymmetric.matches(a, b);
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
export function ownEnumerableKeys(value, strict) {
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

export function isMock(value) {
  return typeof value === "function" && WeakSetHas(mocks, value);
}

export function throwMatches(error, expected) {
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
  if (expected !== null && typeof expected === "object" && Asymmetric.is(expected)) return { ok: Asymmetric.matches(expected, error), label: "an error matching " + show(expected) };
  if (expected !== null && typeof expected === "object" && !isRegExp(expected)) {
    // Jest compares an error object (or any { message }) by its message only.
    const wanted = ownMessage(expected);
    if (wanted === null) throw new TypeErrorCtor("toThrow(object) needs an error or an object with a string message");
    return { ok: message === wanted, label: "an error with the message " + quote(wanted) };
  }
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

/** The `message` data property of an error object (own or inherited), read without running getters. */
function ownMessage(value) {
  let proto = value;
  for (let i = 0; proto !== null && i < 20; i++) {
    const d = getOwnPropertyDescriptor(proto, "message");
    if (d) return "value" in d && typeof d.value === "string" ? d.value : null;
    proto = getPrototypeOf(proto);
  }
  return null;
}

// Matchers are built once; each call gets the assertion's state (actual, negated, mode).
// Per-call cost matters: hidden tests assert thousands of times in a loop.
// The assertion being evaluated; set (and restored, for re-entrant calls) by callMatcher.
let actual;
let negated = false;
let mode = "sync";
let not = "";
export function callMatcher(name, nextActual, nextNegated, nextMode, args) {
  const saved = [actual, negated, mode, not];
  actual = nextActual;
  negated = nextNegated;
  mode = nextMode;
  not = nextNegated ? "not " : "";
  if (shared.currentTest) shared.currentTest.assertions++;
  try {
    if (!hasOwn(MATCHERS, name)) return callCustom(name, nextActual, nextNegated, nextMode, args);
    return apply(MATCHERS[name], undefined, args);
  } finally {
    actual = saved[0];
    negated = saved[1];
    mode = saved[2];
    not = saved[3];
  }
}
function callsOf(matcher) {
  if (!isMock(actual)) assertionFailed(matcher + "() needs a mock function (fn(), vi.fn() or jest.fn())");
  return mockCalls(actual);
}
function resultsOf(matcher) {
  if (!isMock(actual)) assertionFailed(matcher + "() needs a mock function (fn(), vi.fn() or jest.fn())");
  return mockResults(actual);
}
export function matcherTable() {
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
      if (!isMock(actual)) assertionFailed("toHaveBeenCalled() needs a mock function (fn(), vi.fn() or jest.fn())");
      const n = mockCalls(actual).length;
      check(n > 0, () => ["expected the mock " + not + "to have been called, it was called " + n + " times", not + "called", n + " calls"]);
    },
    toHaveBeenCalledTimes(times) {
      if (!isMock(actual)) assertionFailed("toHaveBeenCalledTimes() needs a mock function (fn(), vi.fn() or jest.fn())");
      const n = mockCalls(actual).length;
      check(n === times, () => ["expected the mock " + not + "to have been called " + times + " times, it was called " + n + " times", show(times), show(n)]);
    },
    toHaveBeenCalledWith(...args) {
      if (!isMock(actual)) assertionFailed("toHaveBeenCalledWith() needs a mock function (fn(), vi.fn() or jest.fn())");
      const calls = mockCalls(actual);
      let pass = false;
      for (let i = 0; i < calls.length && !pass; i++) pass = equals(calls[i], args, false, new MapCtor(), new MapCtor());
      check(pass, () => ["expected the mock " + not + "to have been called with " + show(args), show(args), show(calls)]);
    },
    toHaveBeenLastCalledWith(...args) {
      const calls = callsOf("toHaveBeenLastCalledWith");
      const last = calls.length > 0 ? calls[calls.length - 1] : undefined;
      check(last !== undefined && equals(last, args, false, new MapCtor(), new MapCtor()), () => ["expected the last call of the mock " + not + "to have the arguments " + show(args) + (last === undefined ? ", but it was never called" : ", it had " + show(last)), show(args), last === undefined ? "no calls" : show(last)]);
    },
    toHaveBeenNthCalledWith(n, ...args) {
      const calls = callsOf("toHaveBeenNthCalledWith");
      if (typeof n !== "number" || n < 1 || n !== (n | 0)) assertionFailed("toHaveBeenNthCalledWith(n, ...args): n counts calls from 1, got " + show(n));
      const call = n <= calls.length ? calls[n - 1] : undefined;
      check(call !== undefined && equals(call, args, false, new MapCtor(), new MapCtor()), () => ["expected call " + n + " of the mock " + not + "to have the arguments " + show(args) + (call === undefined ? ", but the mock was called " + calls.length + " times" : ", it had " + show(call)), show(args), call === undefined ? calls.length + " calls" : show(call)]);
    },
    toHaveBeenCalledOnce() {
      const n = callsOf("toHaveBeenCalledOnce").length;
      check(n === 1, () => ["expected the mock " + not + "to have been called once, it was called " + n + " times", "1 call", n + " calls"]);
    },
    toHaveReturned() {
      const results = resultsOf("toHaveReturned");
      let returned = 0;
      for (let i = 0; i < results.length; i++) if (results[i].type === "return") returned++;
      check(returned > 0, () => ["expected the mock " + not + "to have returned (without throwing), it returned " + returned + " times in " + results.length + " calls", not + "returned", returned + " returns"]);
    },
    toHaveReturnedTimes(times) {
      const results = resultsOf("toHaveReturnedTimes");
      let returned = 0;
      for (let i = 0; i < results.length; i++) if (results[i].type === "return") returned++;
      check(returned === times, () => ["expected the mock " + not + "to have returned " + times + " times, it returned " + returned + " times", show(times), show(returned)]);
    },
    toHaveReturnedWith(value) {
      const results = resultsOf("toHaveReturnedWith");
      const values = [];
      let pass = false;
      for (let i = 0; i < results.length; i++) {
        if (results[i].type !== "return") continue;
        ArrayPush(values, results[i].value);
        if (!pass) pass = equals(results[i].value, value, false, new MapCtor(), new MapCtor());
      }
      check(pass, () => ["expected the mock " + not + "to have returned " + show(value) + ", it returned " + show(values), show(value), show(values)]);
    },
    toHaveLastReturnedWith(value) {
      const results = resultsOf("toHaveLastReturnedWith");
      const last = results.length > 0 ? results[results.length - 1] : undefined;
      const pass = last !== undefined && last.type === "return" && equals(last.value, value, false, new MapCtor(), new MapCtor());
      check(pass, () => ["expected the mock's last call " + not + "to have returned " + show(value) + (last === undefined ? ", but it was never called" : last.type === "throw" ? ", it threw " + describeThrown(last.value) : ", it returned " + show(last.value)), show(value), last === undefined ? "no calls" : show(last.value)]);
    },
    toMatchObject(expected) {
      if (expected === null || typeof expected !== "object") assertionFailed("toMatchObject() needs an object (or an array of objects) to compare with, got " + show(expected));
      check(matchesObject(actual, expected, new MapCtor()), () => ["expected " + show(actual) + " " + not + "to match the object " + show(expected) + (negated ? "" : firstMismatch(actual, expected)), show(expected), show(actual)]);
    },
    toHaveProperty(path, ...value) {
      const keys = propertyPath(path);
      let target = actual;
      let found = true;
      let reached = "";
      for (let i = 0; i < keys.length && found; i++) {
        found = target !== null && target !== undefined && hasProperty(target, keys[i]);
        if (found) {
          target = target[keys[i]];
          reached += (typeof keys[i] === "number" ? "[" + keys[i] + "]" : (reached ? "." : "") + keys[i]);
        }
      }
      const pathText = typeof path === "string" ? path : show(path);
      if (value.length === 0) {
        check(found, () => ["expected " + show(actual) + " " + not + "to have the property " + quote(pathText) + (found ? "" : reached ? " (found " + quote(reached) + ", = " + show(target) + ", but no further)" : ""), quote(pathText), show(actual)]);
      } else {
        check(found && equals(target, value[0], false, new MapCtor(), new MapCtor()), () => ["expected " + show(actual) + " " + not + "to have the property " + quote(pathText) + " equal to " + show(value[0]) + (found ? ", it is " + show(target) : ", but it has no such property"), show(value[0]), found ? show(target) : "no property " + quote(pathText)]);
      }
    },
    toBeTypeOf(type) {
      const TYPES = ["bigint", "boolean", "function", "number", "object", "string", "symbol", "undefined"];
      if (!TYPES.includes(type)) assertionFailed("toBeTypeOf() takes one of " + ArrayJoin(TYPES, ", ") + ", got " + show(type));
      check(typeof actual === type, () => ["expected " + show(actual) + " " + not + "to be of type " + quote(type) + " (it is " + quote(typeof actual) + ")", quote(type), quote(typeof actual)]);
    },
    toContainEqual(item) {
      if (!isArray(actual)) assertionFailed("toContainEqual() needs an array, got " + show(actual));
      let pass = false;
      for (let i = 0; i < actual.length && !pass; i++) pass = equals(actual[i], item, false, new MapCtor(), new MapCtor());
      check(pass, () => ["expected " + show(actual) + " " + not + "to contain an item equal to " + show(item), show(item), show(actual)]);
    },
    toSatisfy(predicate) {
      if (typeof predicate !== "function") assertionFailed("toSatisfy() needs a predicate function");
      check(!!predicate(actual), () => ["expected " + show(actual) + " " + not + "to satisfy " + functionName(predicate), "satisfies " + functionName(predicate), show(actual)]);
    },
  };
  // Jest's and Vitest's other names for the same matchers.
  matchers.toThrowError = matchers.toThrow;
  matchers.toBeCalled = matchers.toHaveBeenCalled;
  matchers.toBeCalledTimes = matchers.toHaveBeenCalledTimes;
  matchers.toBeCalledWith = matchers.toHaveBeenCalledWith;
  matchers.lastCalledWith = matchers.toHaveBeenLastCalledWith;
  matchers.nthCalledWith = matchers.toHaveBeenNthCalledWith;
  matchers.toReturn = matchers.toHaveReturned;
  matchers.toReturnTimes = matchers.toHaveReturnedTimes;
  matchers.toReturnWith = matchers.toHaveReturnedWith;
  matchers.lastReturnedWith = matchers.toHaveLastReturnedWith;
  return matchers;
}
export const MATCHERS = matcherTable();
export const MATCHER_NAMES = ObjectKeys(MATCHERS);

// Assertions keep their state in private fields: nothing outside the harness can read or
// change it, and no per-call WeakMap or freeze is needed (the prototype is frozen by sealExpect,
// once the test files have added their custom matchers).
// `mode` is "sync" for expect(x), "resolves"/"rejects" for expect(promise).resolves/.rejects.
export class Assertion {
  #actual;
  #negated;
  #mode;
  #label;
  constructor(actual, negated, mode, label) {
    this.#actual = actual;
    this.#negated = negated;
    this.#mode = mode;
    this.#label = label;
  }
  static load(self) {
    return { actual: self.#actual, negated: self.#negated, mode: self.#mode, label: self.#label };
  }
}
export const stateOf = (self) => {
  try {
    return Assertion.load(self);
  } catch {
    throw new TypeErrorCtor("matchers must be called on the object expect() returned");
  }
};
defineProperty(Assertion.prototype, "not", {
  get() {
    const { actual, negated, mode } = stateOf(this);
    return new Assertion(actual, !negated, mode, stateOf(this).label);
  },
});
for (const mode of ["resolves", "rejects"]) {
  defineProperty(Assertion.prototype, mode, {
    get() {
      const state = stateOf(this);
      if (state.mode !== "sync") throw new TypeErrorCtor("." + mode + " cannot follow ." + state.mode);
      return new Assertion(state.actual, state.negated, mode, state.label);
    },
  });
}
/** Puts a matcher on the assertion prototype: synchronous, or after the promise of .resolves/.rejects settles. */
function installMatcher(name) {
  defineProperty(Assertion.prototype, name, {
    value: function (...args) {
      const state = stateOf(this);
      if (state.mode === "sync") return withLabel(state.label, () => callMatcher(name, state.actual, state.negated, state.mode, args));
      const callSite = new ErrorCtor();
      const withCallSite = (check) => {
        pendingCallSite = callSite;
        try {
          return check();
        } finally {
          pendingCallSite = null;
        }
      };
      return settle(
        state.actual,
        (value) =>
          withCallSite(() => {
            if (state.mode === "rejects") assertionFailed("expected the promise to reject, but it resolved to " + show(value));
            return callMatcher(name, value, state.negated, state.mode, args);
          }),
        (error) => {
          if (error !== null && typeof error === "object" && WeakSetHas(assertionErrors, error)) throw error;
          return withCallSite(() => {
            if (state.mode === "resolves") assertionFailed("expected the promise to resolve, but it rejected with " + describeThrown(error));
            return callMatcher(name, error, state.negated, state.mode, args);
          });
        },
      );
    },
  });
}
for (let i = 0; i < MATCHER_NAMES.length; i++) installMatcher(MATCHER_NAMES[i]);
ObjectFreeze(Assertion);

// ---- asymmetric matchers (expect.any, expect.objectContaining, ...) -----------------------------------
// Recognised by a private field, so an object from the solution cannot pass itself off as one
// (in Jest any object with an asymmetricMatch method would be trusted).
class Asymmetric {
  #match;
  constructor(match) {
    this.#match = match;
  }
  static is(value) {
    return #match in value;
  }
  static matches(matcher, other) {
    return !!matcher.#match(other);
  }
}
const NumberCtor = Number;
const StringCtor = String;
const BooleanCtor = Boolean;
const BigIntCtor = BigInt;
const SymbolCtor = Symbol;
const FunctionCtor = Function;
const ObjectCtor = Object;
const asymmetricClasses = new MapCtor();
/** One matcher object, printed in messages as `Name { sample: ... }`. */
function asymmetric(name, sample, match) {
  let cls = MapGet(asymmetricClasses, name);
  if (!cls) {
    cls = { [name]: class extends Asymmetric {} }[name];
    ObjectFreeze(cls.prototype);
    ObjectFreeze(cls);
    MapSet(asymmetricClasses, name, cls);
  }
  const matcher = new cls(match);
  if (sample !== undefined) defineProperty(matcher, "sample", { value: sample, enumerable: true });
  return ObjectFreeze(matcher);
}
/** `value instanceof cls`, by walking prototypes (no Symbol.hasInstance from user code). */
function isInstance(value, cls) {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return false;
  const target = getOwnPropertyDescriptor(cls, "prototype");
  if (!target) return false;
  let proto = getPrototypeOf(value);
  for (let i = 0; proto !== null && i < 100; i++) {
    if (proto === target.value) return true;
    proto = getPrototypeOf(proto);
  }
  return false;
}
function anyOf(cls) {
  if (typeof cls !== "function") throw new TypeErrorCtor("expect.any(Class) needs a constructor (Number, String, Object, a class...), got " + show(cls));
  return asymmetric("Any", cls, (v) => {
    if (cls === NumberCtor) return typeof v === "number" || isInstance(v, cls);
    if (cls === StringCtor) return typeof v === "string" || isInstance(v, cls);
    if (cls === BooleanCtor) return typeof v === "boolean" || isInstance(v, cls);
    if (cls === BigIntCtor) return typeof v === "bigint";
    if (cls === SymbolCtor) return typeof v === "symbol";
    if (cls === FunctionCtor) return typeof v === "function";
    if (cls === ObjectCtor) return v !== null && typeof v === "object";
    return isInstance(v, cls);
  });
}
function objectContaining(sample, negate) {
  if (sample === null || typeof sample !== "object") throw new TypeErrorCtor("expect.objectContaining() needs an object");
  return asymmetric(negate ? "NotObjectContaining" : "ObjectContaining", sample, (v) => {
    let pass = v !== null && (typeof v === "object" || typeof v === "function");
    const keys = ownKeys(sample);
    for (let i = 0; i < keys.length && pass; i++) {
      const d = getOwnPropertyDescriptor(sample, keys[i]);
      if (!d || !d.enumerable) continue;
      pass = hasProperty(v, keys[i]) && equals(v[keys[i]], d.value, false, new MapCtor(), new MapCtor());
    }
    return pass !== negate;
  });
}
function arrayContaining(sample, negate) {
  if (!isArray(sample)) throw new TypeErrorCtor("expect.arrayContaining() needs an array");
  return asymmetric(negate ? "NotArrayContaining" : "ArrayContaining", sample, (v) => {
    let pass = isArray(v);
    for (let i = 0; i < sample.length && pass; i++) {
      let found = false;
      for (let j = 0; j < v.length && !found; j++) found = equals(v[j], sample[i], false, new MapCtor(), new MapCtor());
      pass = found;
    }
    return pass !== negate;
  });
}
function stringContaining(sample, negate) {
  if (typeof sample !== "string") throw new TypeErrorCtor("expect.stringContaining() needs a string");
  return asymmetric(negate ? "NotStringContaining" : "StringContaining", sample, (v) => (typeof v === "string" && StringIncludes(v, sample)) !== negate);
}
function stringMatching(sample, negate) {
  if (typeof sample !== "string" && !isRegExp(sample)) throw new TypeErrorCtor("expect.stringMatching() needs a RegExp or a string");
  const pattern = typeof sample === "string" ? new RegExp(sample) : sample;
  return asymmetric(negate ? "NotStringMatching" : "StringMatching", sample, (v) => (typeof v === "string" && RegExpTest(pattern, v)) !== negate);
}
function closeTo(sample, digits) {
  if (typeof sample !== "number") throw new TypeErrorCtor("expect.closeTo() needs a number");
  const d = digits === undefined ? 2 : digits;
  return asymmetric("CloseTo", sample, (v) => typeof v === "number" && (v === sample || MathAbs(v - sample) < MathPow(10, -d) / 2));
}

// ---- toMatchObject and toHaveProperty ----------------------------------------------------------------
/** `key in value` for objects, and own indices/length of strings. */
function hasProperty(value, key) {
  if (value === null || value === undefined) return false;
  if (typeof value !== "object" && typeof value !== "function") value = ObjectCtor(value);
  return key in value;
}
/** toMatchObject: every property of `expected` is in `actual` and matches, recursively; arrays match item by item. */
function matchesObject(actual, expected, seen) {
  if (expected !== null && typeof expected === "object" && Asymmetric.is(expected)) return Asymmetric.matches(expected, actual);
  if (expected === null || typeof expected !== "object" || actual === null || typeof actual !== "object") return equals(actual, expected, false, new MapCtor(), new MapCtor());
  if (isArray(expected)) {
    if (!isArray(actual) || actual.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (!matchesObject(actual[i], expected[i], seen)) return false;
    return true;
  }
  if (kindOf(expected) !== "object" || kindOf(actual) !== "object") return equals(actual, expected, false, new MapCtor(), new MapCtor());
  if (MapHas(seen, expected)) return MapGet(seen, expected) === actual;
  MapSet(seen, expected, actual);
  try {
    const keys = ownKeys(expected);
    for (let i = 0; i < keys.length; i++) {
      const d = getOwnPropertyDescriptor(expected, keys[i]);
      if (!d || !d.enumerable) continue;
      if (!hasProperty(actual, keys[i]) || !matchesObject(actual[keys[i]], "value" in d ? d.value : undefined, seen)) return false;
    }
    return true;
  } finally {
    MapDelete(seen, expected);
  }
}
/** Names the first property that does not match, to point the learner at it. */
function firstMismatch(actual, expected) {
  if (actual === null || typeof actual !== "object" || isArray(expected) || (expected !== null && Asymmetric.is(expected))) return "";
  const keys = ownKeys(expected);
  for (let i = 0; i < keys.length; i++) {
    const d = getOwnPropertyDescriptor(expected, keys[i]);
    if (!d || !d.enumerable || typeof keys[i] !== "string") continue;
    if (!hasProperty(actual, keys[i])) return " (it has no property " + quote(keys[i]) + ")";
    if (!matchesObject(actual[keys[i]], d.value, new MapCtor())) return " (property " + quote(keys[i]) + " is " + show(actual[keys[i]]) + ", expected " + show(d.value) + ")";
  }
  return "";
}
/** "a.b[0].c" or ["a", "b", 0, "c"] as a list of keys. */
function propertyPath(path) {
  if (isArray(path)) return path;
  if (typeof path !== "string") assertionFailed("toHaveProperty() needs a path: a string like \"a.b[0]\" or an array of keys, got " + show(path));
  // "a[0].b" reads as "a.0.b" (rewritten by hand: String.prototype.replace would consult RegExp.prototype).
  let dotted = "";
  let rest = path;
  let index = RegExpExec(/\[(\d+)\]/, rest);
  while (index) {
    dotted += StringSlice(rest, 0, index.index) + "." + index[1];
    rest = StringSlice(rest, index.index + index[0].length);
    index = RegExpExec(/\[(\d+)\]/, rest);
  }
  const keys = [];
  const parts = StringSplit(dotted + rest, ".");
  for (let i = 0; i < parts.length; i++) if (parts[i] !== "" || parts.length === 1) ArrayPush(keys, parts[i]);
  return keys;
}

// ---- expect.extend -------------------------------------------------------------------------------
const customMatchers = new MapCtor();
let expectSealed = false;
const matcherUtils = ObjectFreeze({
  printReceived: (value) => show(value),
  printExpected: (value) => show(value),
  stringify: (value) => show(value),
  matcherHint: (matcherName, received, expected) => "expect(" + (received === undefined ? "received" : received) + ")." + matcherName + "(" + (expected === undefined ? "expected" : expected) + ")",
  diff: () => null,
  RECEIVED_COLOR: (text) => text,
  EXPECTED_COLOR: (text) => text,
});

function extend(definitions) {
  if (!registration.open) throw new ErrorCtor("expect.extend() can only be called while test files load (at the top of a test file)");
  if (definitions === null || typeof definitions !== "object") throw new TypeErrorCtor("expect.extend() needs an object of matcher functions");
  const names = ObjectKeys(definitions);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const matcher = definitions[name];
    if (typeof matcher !== "function") throw new TypeErrorCtor("expect.extend(): " + name + " is not a function");
    if (hasOwn(MATCHERS, name) || name === "not" || name === "resolves" || name === "rejects" || name === "constructor") throw new TypeErrorCtor("expect.extend(): " + name + " is a built-in matcher and cannot be replaced");
    if (!MapHas(customMatchers, name)) {
      // The prototype is frozen once the first registration ends: a later one may only refresh a matcher.
      if (expectSealed) throw new ErrorCtor("expect.extend(): " + name + " must be defined at the top of a test file");
      installMatcher(name);
      if (!hasOwn(expect, name)) defineProperty(expect, name, { value: (...args) => asymmetric(name, args, (v) => customPasses(name, v, args)), enumerable: false });
    }
    MapSet(customMatchers, name, matcher);
  }
}
function customContext(negatedNow, modeNow) {
  return ObjectFreeze({
    isNot: negatedNow,
    promise: modeNow === "sync" ? "" : modeNow,
    equals: (a, b) => equals(a, b, false, new MapCtor(), new MapCtor()),
    utils: matcherUtils,
  });
}
/** A custom matcher used as an asymmetric one (expect.toBeEven() inside toEqual): synchronous only. */
function customPasses(name, value, args) {
  const result = apply(MapGet(customMatchers, name), customContext(false, "sync"), [value, ...args]);
  return result !== null && typeof result === "object" && !!result.pass;
}
function callCustom(name, actualValue, negatedNow, modeNow, args) {
  const result = apply(MapGet(customMatchers, name), customContext(negatedNow, modeNow), [actualValue, ...args]);
  if (result !== null && typeof result === "object" && typeof result.then === "function") {
    const callSite = new ErrorCtor();
    return PromiseThen(PromiseResolve(result), (settled) => {
      pendingCallSite = callSite;
      try {
        judgeCustom(name, settled, negatedNow);
      } finally {
        pendingCallSite = null;
      }
    });
  }
  judgeCustom(name, result, negatedNow);
  return undefined;
}
function judgeCustom(name, result, negatedNow) {
  if (result === null || typeof result !== "object") assertionFailed("the custom matcher " + name + " must return { pass, message }, it returned " + show(result));
  if (!!result.pass !== negatedNow) return;
  let message;
  try {
    const m = result.message;
    message = typeof m === "function" ? m() : m;
  } catch (error) {
    message = "(its message threw " + describeThrown(error) + ")";
  }
  assertionFailed(typeof message === "string" && message ? message : "expected the value " + (negatedNow ? "not " : "") + "to pass " + name);
}

/** The number of assertions a test must make (expect.assertions) or that it makes at least one. */
function expectAssertions(n) {
  if (!shared.currentTest) throw new ErrorCtor("expect.assertions() can only be called inside a test");
  if (typeof n !== "number" || n < 0 || n !== (n | 0)) throw new TypeErrorCtor("expect.assertions(n) needs a whole number");
  shared.currentTest.expectedAssertions = n;
}
function hasAssertions() {
  if (!shared.currentTest) throw new ErrorCtor("expect.hasAssertions() can only be called inside a test");
  shared.currentTest.expectedAssertions = -1;
}

/** Once the test files are registered the first time (before any solution code): nothing can change. */
export function sealExpect() {
  expectSealed = true;
  ObjectFreeze(Assertion.prototype);
  ObjectFreeze(expect);
}

export function settle(promiseLike, onValue, onError) {
  let native;
  try {
    native = PromiseResolve(promiseLike);
  } catch (error) {
    return PromiseThen(PromiseResolve(undefined), () => onError(error));
  }
  return PromiseThen(native, onValue, onError);
}

/** expect(value, label): the label (Vitest's custom message) starts the failure message. */
export function expect(actual, label) {
  const broken = builtinsViolation(true);
  if (broken !== null) assertionFailed(broken);
  return new Assertion(actual, false, "sync", typeof label === "string" && label !== "" ? label : undefined);
}
expect.extend = extend;
expect.any = anyOf;
expect.anything = () => asymmetric("Anything", undefined, (v) => v !== null && v !== undefined);
expect.objectContaining = (sample) => objectContaining(sample, false);
expect.arrayContaining = (sample) => arrayContaining(sample, false);
expect.stringContaining = (sample) => stringContaining(sample, false);
expect.stringMatching = (sample) => stringMatching(sample, false);
expect.closeTo = closeTo;
expect.not = ObjectFreeze({
  objectContaining: (sample) => objectContaining(sample, true),
  arrayContaining: (sample) => arrayContaining(sample, true),
  stringContaining: (sample) => stringContaining(sample, true),
  stringMatching: (sample) => stringMatching(sample, true),
});
expect.assertions = expectAssertions;
expect.hasAssertions = hasAssertions;
