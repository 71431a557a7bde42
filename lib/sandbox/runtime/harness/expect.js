// expect() and its matchers. An assertion failure is recorded on the running test when it happens,
// so swallowing the thrown error does not turn a failure into a pass.
import { describeThrown, errorSummary, functionName, quote, show, solutionLocation, stackOf, testLocation } from "./format.js";
import { ArrayJoin, ArrayPush, DateGetTime, ErrorCtor, IteratorNext, MapCtor, MapDelete, MapEntries, MapGet, MapHas, MapSet, MapSize, MathAbs, MathPow, NumberIsNaN, ObjectFreeze, ObjectIs, ObjectKeys, PromiseResolve, PromiseThen, RegExpTest, RegExpToString, SetHas, SetIteratorNext, SetSize, SetValues, StringIncludes, StringReplace, StringSlice, StringSplit, TypeErrorCtor, WeakSetAdd, WeakSetCtor, WeakSetHas, apply, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, isArray, isRegExp, isSet, kindOf, ownKeys } from "./intrinsics.js";
import { mockCalls, mocks } from "./mock.js";
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
    ArrayPush(kept, StringReplace(line, /\s*\/\*replayPath=.*?\*\//, ""));
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
export function assertionFailed(message, expected, actual) {
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
export function callMatcher(name, nextActual, nextNegated, nextMode, args) {
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
export const MATCHERS = matcherTable();
export const MATCHER_NAMES = ObjectKeys(MATCHERS);

// Assertions keep their state in private fields: nothing outside the harness can read or
// change it, and no per-call WeakMap or freeze is needed (the prototype is frozen below).
// `mode` is "sync" for expect(x), "resolves"/"rejects" for expect(promise).resolves/.rejects.
export class Assertion {
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

export function settle(promiseLike, onValue, onError) {
  let native;
  try {
    native = PromiseResolve(promiseLike);
  } catch (error) {
    return PromiseThen(PromiseResolve(undefined), () => onError(error));
  }
  return PromiseThen(native, onValue, onError);
}

export function expect(actual) {
  return new Assertion(actual, false, "sync");
}
