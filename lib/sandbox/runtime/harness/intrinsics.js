// Built-ins the harness relies on, saved before any other code runs (and uncurried), so that
// nothing patched later can change what the harness does.

export const FunctionPrototype = Function.prototype;
export const uncurry = FunctionPrototype.bind.bind(FunctionPrototype.call);
export const apply = Reflect.apply;
export const construct = Reflect.construct;
export const ownKeys = Reflect.ownKeys;
export const ObjectIs = Object.is;
export const ObjectFreeze = Object.freeze;
export const ObjectCreate = Object.create;
export const ObjectKeys = Object.keys;
export const getPrototypeOf = Object.getPrototypeOf;
export const defineProperty = Object.defineProperty;
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const getOwnPropertyNames = Object.getOwnPropertyNames;
export const hasOwn = Object.hasOwn;
export const ObjectPrototype = Object.prototype;
export const isArray = Array.isArray;
export const ArrayPush = uncurry(Array.prototype.push);
export const ArrayJoin = uncurry(Array.prototype.join);
export const ArraySplice = uncurry(Array.prototype.splice);
export const ArraySlice = uncurry(Array.prototype.slice);
export const TypedArrayLength = uncurry(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), "length").get);
export const StringFn = String;
export const StringSlice = uncurry(String.prototype.slice);
export const StringIncludes = uncurry(String.prototype.includes);
export const StringCharCodeAt = uncurry(String.prototype.charCodeAt);
export const StringSplit = uncurry(String.prototype.split);
export const NumberToString = uncurry(Number.prototype.toString);
export const NumberIsNaN = Number.isNaN;
export const NumberIsFinite = Number.isFinite;
export const MathAbs = Math.abs;
export const MathPow = Math.pow;
export const MathMax = Math.max;
export const SymbolToString = uncurry(Symbol.prototype.toString);
export const BigIntToString = uncurry(BigInt.prototype.toString);
// RegExp.prototype is verified, not frozen (integrity.js), so the harness never calls a method that
// looks anything up on it: RegExp.prototype.test and toString read "exec", "source" and "flags"
// through the prototype. The built-in exec and the flag getters read the regex's internal slots.
export const RegExpExec = uncurry(RegExp.prototype.exec);
export const RegExpTest = (regex, string) => RegExpExec(regex, string) !== null;
const RegExpSource = uncurry(Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get);
const REGEXP_FLAGS = [];
for (const [flag, name] of [["d", "hasIndices"], ["g", "global"], ["i", "ignoreCase"], ["m", "multiline"], ["s", "dotAll"], ["u", "unicode"], ["v", "unicodeSets"], ["y", "sticky"]]) {
  const d = Object.getOwnPropertyDescriptor(RegExp.prototype, name);
  if (d && d.get) REGEXP_FLAGS.push(flag, uncurry(d.get));
}
export const RegExpToString = (regex) => {
  let flags = "";
  for (let i = 0; i < REGEXP_FLAGS.length; i += 2) if (REGEXP_FLAGS[i + 1](regex)) flags += REGEXP_FLAGS[i];
  return "/" + RegExpSource(regex) + "/" + flags;
};
export const ErrorCtor = Error;
export const TypeErrorCtor = TypeError;
export const RealDate = Date;
export const realNow = Date.now;
export const DateGetTime = uncurry(Date.prototype.getTime);
export const DateToISOString = uncurry(Date.prototype.toISOString);
export const PromiseThen = uncurry(Promise.prototype.then);
export const PromiseResolve = Promise.resolve.bind(Promise);
export const MapCtor = Map;
export const MapGet = uncurry(Map.prototype.get);
export const MapSet = uncurry(Map.prototype.set);
export const MapHas = uncurry(Map.prototype.has);
export const MapDelete = uncurry(Map.prototype.delete);
export const MapSize = uncurry(getOwnPropertyDescriptor(Map.prototype, "size").get);
export const MapEntries = uncurry(Map.prototype.entries);
export const SetHas = uncurry(Set.prototype.has);
export const SetSize = uncurry(getOwnPropertyDescriptor(Set.prototype, "size").get);
export const SetValues = uncurry(Set.prototype.values);
export const WeakSetCtor = WeakSet;
export const WeakMapGet = uncurry(WeakMap.prototype.get);
export const WeakMapSet = uncurry(WeakMap.prototype.set);
export const WeakSetHas = uncurry(WeakSet.prototype.has);
export const WeakSetAdd = uncurry(WeakSet.prototype.add);
export const IteratorNext = uncurry(getPrototypeOf(new Map().entries()).next);
export const SetIteratorNext = uncurry(getPrototypeOf(new Set().values()).next);
export const isMap = (v) => { try { MapSize(v); return true; } catch { return false; } };
export const isSet = (v) => { try { SetSize(v); return true; } catch { return false; } };
export const isDate = (v) => { try { DateGetTime(v); return true; } catch { return false; } };
export const isRegExp = (v) => { try { RegExpToString(v); return typeof v === "object" && getPrototypeOf(v) !== null && hasOwn(v, "lastIndex"); } catch { return false; } };

/**
 * Which built-in an object is, by its internal slots, which user code cannot forge. Arrays,
 * object literals and null-prototype objects skip the brand checks: they are what tests compare
 * most, and each failed check costs a TypeError and its stack. (A Map re-parented onto
 * Object.prototype is then compared as a plain object: it never equals a real Map.)
 */
export function kindOf(v) {
  if (isArray(v)) return "array";
  const proto = getPrototypeOf(v);
  if (proto === ObjectPrototype || proto === null) return "object";
  if (isDate(v)) return "date";
  if (isRegExp(v)) return "regexp";
  if (isMap(v)) return "map";
  if (isSet(v)) return "set";
  return "object";
}
export const global = globalThis;
export const BigIntCtor = BigInt;
export const FunctionToString = uncurry(FunctionPrototype.toString);
export const MapKeys = uncurry(Map.prototype.keys);
export const StringReplace = uncurry(String.prototype.replace);
export const StringIndexOf = uncurry(String.prototype.indexOf);
export const StringReplaceAll = uncurry(String.prototype.replaceAll);
export const NumberParseInt = Number.parseInt;
export const NumberParseFloat = Number.parseFloat;
export const JSONStringify = JSON.stringify;
export const PromiseReject = Promise.reject.bind(Promise);
