/*
 * util.types: brand checks through the built-ins' own getters and methods (not instanceof or
 * Symbol.toStringTag, which any object can fake).
 */

function passes(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

function getter(prototype: object, name: PropertyKey): (this: unknown) => unknown {
  return Object.getOwnPropertyDescriptor(prototype, name)?.get as (this: unknown) => unknown;
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = getter(TypedArrayPrototype, Symbol.toStringTag);
const arrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
const sharedArrayBufferByteLength =
  typeof SharedArrayBuffer === "function" ? getter(SharedArrayBuffer.prototype, "byteLength") : undefined;
const dataViewByteLength = getter(DataView.prototype, "byteLength");
const mapSize = getter(Map.prototype, "size");
const setSize = getter(Set.prototype, "size");
const regExpSource = getter(RegExp.prototype, "source");

const AsyncFunctionPrototype = Object.getPrototypeOf(async function () {}) as object;
const GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {}) as object;
const AsyncGeneratorFunctionPrototype = Object.getPrototypeOf(async function* () {}) as object;
const tagOf = (value: unknown) => Object.prototype.toString.call(value);
const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;

type ErrorWithIsError = ErrorConstructor & { isError?: (value: unknown) => boolean };

function typedArrayKind(value: unknown): string | undefined {
  return isObject(value) ? (typedArrayTag.call(value) as string | undefined) : undefined;
}

const isTypedArrayOf = (kind: string) => (value: unknown) => typedArrayKind(value) === kind;

export const types = {
  isPromise: (value: unknown) => value instanceof Promise,
  isDate: (value: unknown) => isObject(value) && passes(() => Date.prototype.getTime.call(value)),
  isRegExp: (value: unknown) => isObject(value) && value !== RegExp.prototype && passes(() => regExpSource.call(value)),
  isMap: (value: unknown) => isObject(value) && passes(() => mapSize.call(value)),
  isSet: (value: unknown) => isObject(value) && passes(() => setSize.call(value)),
  isWeakMap: (value: unknown) => isObject(value) && passes(() => WeakMap.prototype.has.call(value, {})),
  isWeakSet: (value: unknown) => isObject(value) && passes(() => WeakSet.prototype.has.call(value, {})),
  isMapIterator: (value: unknown) => tagOf(value) === "[object Map Iterator]",
  isSetIterator: (value: unknown) => tagOf(value) === "[object Set Iterator]",
  isAsyncFunction: (value: unknown) =>
    typeof value === "function" &&
    [AsyncFunctionPrototype, AsyncGeneratorFunctionPrototype].includes(Object.getPrototypeOf(value)),
  isGeneratorFunction: (value: unknown) =>
    typeof value === "function" &&
    [GeneratorFunctionPrototype, AsyncGeneratorFunctionPrototype].includes(Object.getPrototypeOf(value)),
  isGeneratorObject: (value: unknown) => tagOf(value) === "[object Generator]",
  isNativeError: (value: unknown) => {
    const isError = (Error as ErrorWithIsError).isError;
    return isError ? isError(value) : value instanceof Error;
  },
  isTypedArray: (value: unknown) => typedArrayKind(value) !== undefined,
  isUint8Array: isTypedArrayOf("Uint8Array"),
  isUint8ClampedArray: isTypedArrayOf("Uint8ClampedArray"),
  isUint16Array: isTypedArrayOf("Uint16Array"),
  isUint32Array: isTypedArrayOf("Uint32Array"),
  isInt8Array: isTypedArrayOf("Int8Array"),
  isInt16Array: isTypedArrayOf("Int16Array"),
  isInt32Array: isTypedArrayOf("Int32Array"),
  isFloat32Array: isTypedArrayOf("Float32Array"),
  isFloat64Array: isTypedArrayOf("Float64Array"),
  isBigInt64Array: isTypedArrayOf("BigInt64Array"),
  isBigUint64Array: isTypedArrayOf("BigUint64Array"),
  isArrayBufferView: (value: unknown) => ArrayBuffer.isView(value),
  isDataView: (value: unknown) => isObject(value) && passes(() => dataViewByteLength.call(value)),
  isArrayBuffer: (value: unknown) => isObject(value) && passes(() => arrayBufferByteLength.call(value)),
  isSharedArrayBuffer: (value: unknown) =>
    isObject(value) && sharedArrayBufferByteLength !== undefined && passes(() => sharedArrayBufferByteLength.call(value)),
  isAnyArrayBuffer: (value: unknown) => types.isArrayBuffer(value) || types.isSharedArrayBuffer(value),
  isNumberObject: (value: unknown) => isObject(value) && passes(() => Number.prototype.valueOf.call(value)),
  isStringObject: (value: unknown) => isObject(value) && passes(() => String.prototype.valueOf.call(value)),
  isBooleanObject: (value: unknown) => isObject(value) && passes(() => Boolean.prototype.valueOf.call(value)),
  isBigIntObject: (value: unknown) => isObject(value) && passes(() => BigInt.prototype.valueOf.call(value)),
  isSymbolObject: (value: unknown) => isObject(value) && passes(() => Symbol.prototype.valueOf.call(value)),
  isBoxedPrimitive: (value: unknown): boolean =>
    types.isNumberObject(value) ||
    types.isStringObject(value) ||
    types.isBooleanObject(value) ||
    types.isBigIntObject(value) ||
    types.isSymbolObject(value),
};
