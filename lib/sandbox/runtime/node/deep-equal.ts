import { types } from "./util-types.ts";

/*
 * Node's deep equality (util.isDeepStrictEqual, assert.deepStrictEqual): same prototypes
 * and tags, Object.is for primitives, own enumerable string and symbol keys, and the contents of
 * Map, Set, Date, RegExp, boxed primitives, errors, typed arrays and array buffers.
 */

interface Memo {
  strict: boolean;
  pairs: Map<object, Set<object>>;
}

const toStringTag = (value: object) => Object.prototype.toString.call(value);

function enumerableKeys(value: object): (string | symbol)[] {
  return Reflect.ownKeys(value).filter((key) => Object.prototype.propertyIsEnumerable.call(value, key));
}

function sameBytes(a: ArrayBufferView | ArrayBuffer, b: ArrayBufferView | ArrayBuffer): boolean {
  const left = ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a);
  const right = ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function setsEqual(a: Set<unknown>, b: Set<unknown>, memo: Memo): boolean {
  if (a.size !== b.size) return false;
  const unmatched = new Set(b);
  for (const value of a) {
    if (unmatched.has(value)) {
      unmatched.delete(value);
      continue;
    }
    if (typeof value !== "object" || value === null) return false;
    let found = false;
    for (const candidate of unmatched) {
      if (equal(value, candidate, memo)) {
        unmatched.delete(candidate);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function mapsEqual(a: Map<unknown, unknown>, b: Map<unknown, unknown>, memo: Memo): boolean {
  if (a.size !== b.size) return false;
  const unmatched = new Set(b.keys());
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!equal(value, b.get(key), memo)) return false;
      unmatched.delete(key);
      continue;
    }
    if (typeof key !== "object" || key === null) return false;
    let found = false;
    for (const candidate of unmatched) {
      if (equal(key, candidate, memo) && equal(value, b.get(candidate), memo)) {
        unmatched.delete(candidate);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return unmatched.size === 0;
}

function contentsEqual(a: object, b: object, memo: Memo): boolean {
  if (types.isDate(a)) return Object.is((a as Date).getTime(), (b as Date).getTime());
  if (types.isRegExp(a)) {
    const [left, right] = [a as RegExp, b as RegExp];
    return left.source === right.source && left.flags === right.flags && left.lastIndex === right.lastIndex;
  }
  if (types.isBoxedPrimitive(a)) {
    return Object.is((a as { valueOf(): unknown }).valueOf(), (b as { valueOf(): unknown }).valueOf());
  }
  if (types.isNativeError(a) || a instanceof Error) {
    const [left, right] = [a as Error, b as Error];
    if (left.message !== right.message || left.name !== right.name) return false;
    if ("cause" in left !== "cause" in right || !equal(left.cause, right.cause, memo)) return false;
  }
  if (types.isArrayBufferView(a)) {
    if (!sameBytes(a as ArrayBufferView, b as ArrayBufferView)) return false;
  } else if (types.isAnyArrayBuffer(a)) {
    if (!sameBytes(a as ArrayBuffer, b as ArrayBuffer)) return false;
  } else if (types.isSet(a)) {
    if (!setsEqual(a as Set<unknown>, b as Set<unknown>, memo)) return false;
  } else if (types.isMap(a)) {
    if (!mapsEqual(a as Map<unknown, unknown>, b as Map<unknown, unknown>, memo)) return false;
  } else if (Array.isArray(a) && a.length !== (b as unknown[]).length) {
    return false;
  }
  return true;
}

function equal(a: unknown, b: unknown, memo: Memo): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // Loose mode (assert.deepEqual) compares primitives with ==.
    const bothPrimitive = (typeof a !== "object" || a === null) && (typeof b !== "object" || b === null);
    return !memo.strict && bothPrimitive && (a == b || (Number.isNaN(a) && Number.isNaN(b)));
  }
  if (memo.strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (toStringTag(a) !== toStringTag(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;

  // A pair already being compared is assumed equal: cycles compare structurally.
  const seen = memo.pairs.get(a);
  if (seen?.has(b)) return true;
  if (seen) seen.add(b);
  else memo.pairs.set(a, new Set([b]));

  if (!contentsEqual(a, b, memo)) return false;
  // Typed arrays' indices are compared as bytes above; their other own keys still count.
  const keyFilter = types.isArrayBufferView(a) ? (key: string | symbol) => typeof key === "symbol" || !/^\d+$/.test(key) : () => true;
  const keysA = enumerableKeys(a).filter(keyFilter);
  const keysB = enumerableKeys(b).filter(keyFilter);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
    if (!equal((a as Record<string | symbol, unknown>)[key], (b as Record<string | symbol, unknown>)[key], memo)) return false;
  }
  return true;
}

export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, { strict: true, pairs: new Map() });
}

/** assert.deepEqual's legacy mode: == for primitives, prototypes ignored. */
export function isDeepLooseEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, { strict: false, pairs: new Map() });
}
