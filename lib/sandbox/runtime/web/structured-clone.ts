// structuredClone: the HTML StructuredSerialize/Deserialize pair done in one pass. It works from an
// explicit stack, so a deep structure cannot overflow the call stack, and a Map of originals to
// copies keeps cycles and shared references (linear in the size of the graph).
import { Blob, File, blobBytes } from "./blob.ts";
import { DOMException } from "./dom-exception.ts";

const ERROR_CONSTRUCTORS: Record<string, ErrorConstructor> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)!.get!;
const TYPED_ARRAYS: Record<string, new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};
if (typeof (globalThis as { Float16Array?: unknown }).Float16Array === "function") {
  TYPED_ARRAYS.Float16Array = (globalThis as unknown as { Float16Array: (typeof TYPED_ARRAYS)[string] }).Float16Array;
}

const byteLengthOfArrayBuffer = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength")!.get!;
const sizeOfMap = Object.getOwnPropertyDescriptor(Map.prototype, "size")!.get!;
const sizeOfSet = Object.getOwnPropertyDescriptor(Set.prototype, "size")!.get!;
const sourceOfRegExp = Object.getOwnPropertyDescriptor(RegExp.prototype, "source")!.get!;
const isError: (value: unknown) => boolean =
  typeof (Error as { isError?: unknown }).isError === "function"
    ? (Error as unknown as { isError: (value: unknown) => boolean }).isError
    : (value) => Object.prototype.toString.call(value) === "[object Error]";

function hasBrand(check: (this: unknown) => unknown, value: object): boolean {
  try {
    check.call(value);
    return true;
  } catch {
    return false;
  }
}

function dataCloneError(value: unknown): DOMException {
  const shown = typeof value === "function" ? String(value).slice(0, 60) : typeof value === "symbol" ? String(value) : "#<Object>";
  return new DOMException(`${shown} could not be cloned.`, "DataCloneError");
}

// Pending work is kept in parallel arrays rather than closures: a large graph otherwise spends most
// of its time in the garbage collector.
const PROPERTY = 0;
const MAP_ENTRY = 1;
const SET_MEMBER = 2;
const ERROR_CAUSE = 3;

export function structuredClone<T>(value: T, options?: { transfer?: unknown[] }): T {
  if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
  if (options?.transfer !== undefined && [...options.transfer].length > 0) {
    throw new DOMException("Transferring objects is not supported in this sandbox", "DataCloneError");
  }
  const copies = new Map<object, unknown>();
  const kinds: number[] = [];
  const targets: object[] = [];
  const firsts: unknown[] = [];
  const seconds: unknown[] = [];
  const queue = (kind: number, target: object, first: unknown, second: unknown) => {
    kinds.push(kind);
    targets.push(target);
    firsts.push(first);
    seconds.push(second);
  };

  // Returns the copy at once; the contents of containers are filled in from the queue.
  const copyOf = (input: unknown): unknown => {
    if (typeof input === "symbol" || typeof input === "function") throw dataCloneError(input);
    if (input === null || typeof input !== "object") return input;
    const known = copies.get(input);
    if (known !== undefined) return known;
    const copy = shallowCopy(input);
    copies.set(input, copy);
    return copy;
  };

  // Queued in reverse so that they come off the stack in order, keeping key order.
  const queueProperties = (source: object, target: object) => {
    const keys = Object.keys(source);
    for (let i = keys.length - 1; i >= 0; i--) queue(PROPERTY, target, source, keys[i]);
  };

  const shallowCopy = (input: object): object => {
    if (Array.isArray(input)) {
      const copy = new Array<unknown>(input.length);
      queueProperties(input, copy);
      return copy;
    }
    // Fast path for plain objects: the brand checks below throw (slowly) on every miss.
    const proto: unknown = Object.getPrototypeOf(input);
    if ((proto === Object.prototype || proto === null) && Object.prototype.toString.call(input) === "[object Object]") {
      const copy = {};
      queueProperties(input, copy);
      return copy;
    }
    if (hasBrand(Boolean.prototype.valueOf, input)) return Object(Boolean.prototype.valueOf.call(input));
    if (hasBrand(Number.prototype.valueOf, input)) return Object(Number.prototype.valueOf.call(input));
    if (hasBrand(String.prototype.valueOf, input)) return Object(String.prototype.valueOf.call(input));
    if (hasBrand(BigInt.prototype.valueOf, input)) return Object(BigInt.prototype.valueOf.call(input));
    if (hasBrand(Symbol.prototype.valueOf, input)) throw dataCloneError(input);
    if (hasBrand(Date.prototype.getTime, input)) return new Date(Date.prototype.getTime.call(input));
    if (input !== RegExp.prototype && hasBrand(sourceOfRegExp, input)) {
      const regexp = input as RegExp;
      return new RegExp(regexp.source, regexp.flags);
    }
    if (hasBrand(byteLengthOfArrayBuffer, input)) return ArrayBuffer.prototype.slice.call(input, 0);
    if (ArrayBuffer.isView(input)) {
      const buffer = copyOf(input.buffer) as ArrayBuffer;
      if (input instanceof DataView) return new DataView(buffer, input.byteOffset, input.byteLength);
      const name = typedArrayTag.call(input) as string;
      const Constructor = TYPED_ARRAYS[name];
      if (Constructor === undefined) throw dataCloneError(input);
      return new Constructor(buffer, input.byteOffset, (input as unknown as { length: number }).length);
    }
    if (hasBrand(sizeOfMap, input)) {
      const copy = new Map<unknown, unknown>();
      const entries = [...Map.prototype.entries.call(input)];
      for (let i = entries.length - 1; i >= 0; i--) queue(MAP_ENTRY, copy, entries[i]![0], entries[i]![1]);
      return copy;
    }
    if (hasBrand(sizeOfSet, input)) {
      const copy = new Set<unknown>();
      const members = [...Set.prototype.values.call(input)];
      for (let i = members.length - 1; i >= 0; i--) queue(SET_MEMBER, copy, members[i], undefined);
      return copy;
    }
    if (input instanceof DOMException) return new DOMException(input.message, input.name);
    if (input instanceof File) return new File([blobBytes(input)], input.name, { type: input.type, lastModified: input.lastModified });
    if (input instanceof Blob) return new Blob([blobBytes(input)], { type: input.type });
    if (isError(input)) return copyError(input as Error);
    if (isUncloneable(input)) throw dataCloneError(input);
    const copy = {};
    queueProperties(input, copy);
    return copy;
  };

  const copyError = (input: Error): Error => {
    const name = String(input.name);
    const Constructor = Object.hasOwn(ERROR_CONSTRUCTORS, name) ? (ERROR_CONSTRUCTORS[name] as ErrorConstructor) : Error;
    const messageDescriptor = Object.getOwnPropertyDescriptor(input, "message");
    const copy = messageDescriptor !== undefined && "value" in messageDescriptor ? new Constructor(String(messageDescriptor.value)) : new Constructor();
    const stack = Object.getOwnPropertyDescriptor(input, "stack");
    Object.defineProperty(copy, "stack", {
      value: stack !== undefined && "value" in stack && typeof stack.value === "string" ? stack.value : undefined,
      writable: true,
      configurable: true,
    });
    if (Object.hasOwn(input, "cause")) queue(ERROR_CAUSE, copy, input.cause, undefined);
    return copy;
  };

  const result = copyOf(value);
  while (kinds.length > 0) {
    const kind = kinds.pop();
    const target = targets.pop() as object;
    const first = firsts.pop();
    const second = seconds.pop();
    if (kind === PROPERTY) {
      const key = second as string;
      const copied = copyOf((first as Record<string, unknown>)[key]);
      if (key === "__proto__") Object.defineProperty(target, key, { value: copied, writable: true, enumerable: true, configurable: true });
      else (target as Record<string, unknown>)[key] = copied;
    } else if (kind === MAP_ENTRY) {
      (target as Map<unknown, unknown>).set(copyOf(first), copyOf(second));
    } else if (kind === SET_MEMBER) {
      (target as Set<unknown>).add(copyOf(first));
    } else {
      Object.defineProperty(target, "cause", { value: copyOf(first), writable: true, configurable: true });
    }
  }
  return result as T;
}

const UNCLONEABLE_CHECKS: Array<(this: unknown) => unknown> = [
  WeakMap.prototype.has as (this: unknown) => unknown,
  WeakSet.prototype.has as (this: unknown) => unknown,
];

function isUncloneable(input: object): boolean {
  if (UNCLONEABLE_CHECKS.some((check) => hasBrand(check, input))) return true;
  const tag = Object.prototype.toString.call(input);
  return tag === "[object Promise]" || tag === "[object WeakRef]" || tag === "[object FinalizationRegistry]" || tag === "[object Generator]";
}
