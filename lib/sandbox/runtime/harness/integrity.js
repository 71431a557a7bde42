// RegExp.prototype is the one intrinsic that is verified instead of frozen. V8 runs regular
// expressions (replace, split, match, exec) on a fast path only while RegExp.prototype keeps its
// initial shape; freezing it made regex-heavy code about 2-3x slower than in Node. So its own
// properties are recorded at lockdown and compared at every assertion and at the end of every
// test: any change fails the test that sees it and every test after it (the flag is sticky, so
// code that catches the assertion error gains nothing). The harness itself never calls a method
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

/** At lockdown: what RegExp.prototype must stay. */
export function recordBuiltins() {
  recorded = shapeOf(RegExpPrototype);
}

/** null while RegExp.prototype is as recorded; otherwise (from then on) the message that fails tests. */
export function builtinsViolation() {
  if (violation !== null || recorded === null) return violation;
  const now = shapeOf(RegExpPrototype);
  let same = now.length === recorded.length && now[0] === ObjectPrototype;
  for (let i = 0; same && i < now.length; i++) same = ObjectIs(now[i], recorded[i]);
  if (!same) violation = "The code changed RegExp.prototype. Built-ins are read-only in the sandbox: the tests rely on them.";
  return violation;
}
