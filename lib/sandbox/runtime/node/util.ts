import { runtimeHost } from "./bindings.ts";
import { isDeepStrictEqual } from "./deep-equal.ts";
import { invalidArgType, nodeError, validateFunction } from "./errors.ts";
import type { WebGlobals } from "./host.ts";
import { emitDeprecationOnce, process } from "./process.ts";
import { types } from "./util-types.ts";

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;
type NodeCallback = (error: unknown, ...values: unknown[]) => void;

export const promisifyCustom = Symbol.for("nodejs.util.promisify.custom");
export const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

function promisify(original: unknown): AnyFunction {
  validateFunction(original, "original");
  const custom = (original as unknown as Record<symbol, unknown>)[promisifyCustom];
  if (custom !== undefined) {
    validateFunction(custom, "util.promisify.custom");
    return Object.defineProperty(custom, promisifyCustom, { value: custom, configurable: true }) as AnyFunction;
  }
  const callbackStyle = original as unknown as AnyFunction;
  function promisified(this: unknown, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const callback: NodeCallback = (error, ...values) => {
        if (error) reject(error);
        else resolve(values[0]);
      };
      Reflect.apply(callbackStyle, this, [...args, callback]);
    });
  }
  Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
  Object.defineProperty(promisified, promisifyCustom, { value: promisified, configurable: true });
  Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
  return promisified as AnyFunction;
}
promisify.custom = promisifyCustom;

function callbackify(original: unknown): AnyFunction {
  validateFunction(original, "original");
  const promiseStyle = original as unknown as AnyFunction;
  function callbackified(this: unknown, ...args: unknown[]): void {
    const callback = args.pop();
    validateFunction(callback, "last argument");
    const settle = callback as unknown as NodeCallback;
    const onRejected = (reason: unknown) => {
      // A falsy rejection would read as success in callback style: Node wraps it.
      if (!reason) {
        const wrapped = nodeError(Error, "ERR_FALSY_VALUE_REJECTION", "Promise was rejected with falsy value");
        reason = Object.assign(wrapped, { reason });
      }
      runtimeHost().nextTick(settle as (...args: unknown[]) => void, [reason]);
    };
    (Reflect.apply(promiseStyle, this, args) as Promise<unknown>).then(
      (value) => runtimeHost().nextTick(settle as (...args: unknown[]) => void, [null, value]),
      onRejected,
    );
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length?.value === "number") descriptors.length.value++;
  if (typeof descriptors.name?.value === "string") descriptors.name.value += "Callbackified";
  Object.defineProperties(callbackified, descriptors);
  return callbackified as AnyFunction;
}

function inspect(value: unknown, options?: unknown): string {
  if (options !== null && typeof options === "object") return runtimeHost().inspect(value, options as { depth?: number });
  return runtimeHost().inspect(value);
}
inspect.custom = inspectCustom;

function format(...args: unknown[]): string {
  return runtimeHost().format(...args);
}

function deprecate<T extends AnyFunction>(fn: T, message: string, code?: string): T {
  validateFunction(fn, "fn");
  if (process.noDeprecation === true) return fn;
  let warned = false;
  function deprecated(this: unknown, ...args: unknown[]): unknown {
    if (!warned) {
      warned = true;
      emitDeprecationOnce(message, code, deprecated);
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated as unknown as T;
}

function inherits(constructor: unknown, superConstructor: unknown): void {
  validateFunction(constructor, "ctor");
  validateFunction(superConstructor, "superCtor");
  const superPrototype = (superConstructor as { prototype?: unknown }).prototype;
  if (superPrototype === undefined) throw invalidArgType("superCtor.prototype", "object", superPrototype);
  Object.defineProperty(constructor, "super_", { value: superConstructor, writable: true, configurable: true });
  Object.setPrototypeOf((constructor as { prototype: object }).prototype, superPrototype as object);
}

function debuglog(): ((...args: unknown[]) => void) & { enabled: boolean } {
  // NODE_DEBUG is never set in the sandbox.
  return Object.assign(() => undefined, { enabled: false });
}

const ANSI_PATTERN = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

function stripVTControlCharacters(text: unknown): string {
  if (typeof text !== "string") throw invalidArgType("str", "string", text);
  return text.replace(ANSI_PATTERN, "");
}

export function createUtilModule(web: WebGlobals) {
  return {
    promisify,
    callbackify,
    inspect,
    format,
    deprecate,
    inherits,
    isDeepStrictEqual,
    debuglog,
    debug: debuglog,
    stripVTControlCharacters,
    types,
    TextEncoder: web.TextEncoder,
    TextDecoder: web.TextDecoder,
  };
}
