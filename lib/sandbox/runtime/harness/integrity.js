// RegExp.prototype is the one intrinsic that is verified instead of frozen. V8 runs regular
// expressions (replace, split, match, exec) on a fast path only while RegExp.prototype keeps its
// initial shape; freezing it made regex-heavy code about 2-3x slower than in Node. So its own
// properties are recorded at lockdown and compared at every assertion (the methods) and at the end
// of every test (everything): any change fails the test that sees it and every test after it (the
// flag is sticky, so code that catches the assertion error gains nothing). The harness itself never calls a method
// that reads RegExp.prototype: it uses the built-in exec and the flag getters saved in
// intrinsics.js. Decision 013.
import { ArrayPush, ObjectIs, ObjectPrototype, getOwnPropertyDescriptor, getPrototypeOf, ownKeys } from "./intrinsics.js";

const RegExpPrototype = RegExp.prototype;
let recorded = null;
let violation = null;

function shapeOf(object) {
  const keys = ownKeys(object);
  const shape = [getPrototypeOf(object)];
  for (let i = 0; i < keys.length; i++) {
    const d = getOwnPropertyDescriptor(object, keys[i]);
    ArrayPush(shape, keys[i], d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
  }
  return shape;
}

/** Its data properties (the methods), for the quick check at every assertion. */
const methodKeys = [];
const methodValues = [];

/** At lockdown: what RegExp.prototype must stay. */
export function recordBuiltins() {
  recorded = shapeOf(RegExpPrototype);
  const keys = ownKeys(RegExpPrototype);
  for (let i = 0; i < keys.length; i++) {
    const d = getOwnPropertyDescriptor(RegExpPrototype, keys[i]);
    if (!("value" in d)) continue;
    ArrayPush(methodKeys, keys[i]);
    ArrayPush(methodValues, d.value);
  }
}

function fail() {
  violation = "The code changed RegExp.prototype. Built-ins are read-only in the sandbox: the tests rely on them.";
  return violation;
}

/**
 * null while RegExp.prototype is as recorded; otherwise (from then on) the message that fails tests.
 * The full comparison (every key, getter, setter and attribute) runs at the end of each test; at
 * each assertion, a quick one compares the methods and the prototype (a few property reads, where
 * the full one would cost more than the assertion itself). A change the quick check cannot see (a
 * method turned into a getter, an added key) is still caught when the test ends.
 */
export function builtinsViolation(quick) {
  if (violation !== null || recorded === null) return violation;
  if (getPrototypeOf(RegExpPrototype) !== ObjectPrototype) return fail();
  if (quick) {
    for (let i = 0; i < methodKeys.length; i++) if (RegExpPrototype[methodKeys[i]] !== methodValues[i]) return fail();
    return null;
  }
  const now = shapeOf(RegExpPrototype);
  let same = now.length === recorded.length;
  for (let i = 0; same && i < now.length; i++) same = ObjectIs(now[i], recorded[i]);
  return same ? null : fail();
}
