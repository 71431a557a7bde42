// Freezes every intrinsic reachable from the global object, so solutions cannot patch what tests
// and the harness use.
import { hardened } from "./config.js";
import { recordBuiltins } from "./integrity.js";
import { functionName } from "./format.js";
import { ArrayPush, FunctionPrototype, ObjectCreate, ObjectFreeze, ObjectPrototype, StringFn, TypeErrorCtor, WeakSetAdd, WeakSetHas, apply, defineProperty, getOwnPropertyDescriptor, getOwnPropertyNames, getPrototypeOf, global, hasOwn, ownKeys } from "./intrinsics.js";

// ---- lockdown ---------------------------------------------------------------------------------
// Freeze every intrinsic reachable from the global object, so solutions cannot patch what tests
// and the harness use. Common data properties stay overridable per object (SES's approach to the
// "override mistake"), so `this.name = "MyError"` in an Error subclass still works.
export function enableOverride(obj, name) {
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
/** Objects user code may change (Node's process): never frozen, though what they inherit is. */
export const keepMutable = new WeakSet();
/** Objects not reachable from the global object that must be frozen too (the Node runtime's modules). */
export const extraRoots = [];

export function harden(root) {
  const stack = [root];
  while (stack.length) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== "object" && typeof obj !== "function") || WeakSetHas(hardened, obj)) continue;
    if (WeakSetHas(keepMutable, obj)) {
      ArrayPush(stack, getPrototypeOf(obj));
      continue;
    }
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
export function lockdown(options) {
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
  for (let i = 0; i < extraRoots.length; i++) ArrayPush(roots, extraRoots[i]);
  // Verified instead of frozen, to keep V8's regex fast paths (integrity.js).
  WeakSetAdd(keepMutable, RegExp.prototype);
  for (let i = 0; i < roots.length; i++) harden(roots[i]);
  recordBuiltins();
  if (options && options.skipGlobals) return;
  lockGlobals(names);
}
/** Global bindings of intrinsics cannot be replaced either. */
export function lockGlobals(names) {
  // One defineProperties call: much cheaper on the global object than one call per name.
  const descriptors = ObjectCreate(null);
  for (let i = 0; i < names.length; i++) {
    const d = getOwnPropertyDescriptor(global, names[i]);
    if (d && d.configurable && "value" in d) descriptors[names[i]] = { value: d.value, writable: false, enumerable: d.enumerable, configurable: false };
  }
  Object.defineProperties(global, descriptors);
}
