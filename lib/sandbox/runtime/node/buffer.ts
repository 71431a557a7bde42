import * as bufferPort from "buffer/";
import { invalidArgType, nodeError, outOfRange } from "./errors.ts";
import { decodeUtf8 } from "./utf8.ts";

/*
 * The npm `buffer` port (v6), adjusted at load to what Node 24 does differently:
 * - 'base64url' (missing from the port; its base64 decoder already accepts '-' and '_');
 * - UTF-8 decoding with the WHATWG replacement rules, and hex input cut at the first bad pair;
 * - a size cap: allocating more than the cap throws Node's ERR_OUT_OF_RANGE instead of
 *   exhausting the isolate's heap.
 */

export const Buffer = bufferPort.Buffer;
export type Buffer = bufferPort.Buffer;

/** The port itself refuses sizes above 2 ** 31 - 1. */
const PORT_MAX_LENGTH = 0x7fffffff;
const MAX_STRING_LENGTH = 536_870_888;
export const DEFAULT_MAX_BUFFER_BYTES = 64 * 1024 * 1024;

let maxLength = DEFAULT_MAX_BUFFER_BYTES;

/** Called by createNodeModules; sizes above the port's own limit are clamped to it. */
export function setMaxBufferLength(bytes: number): void {
  maxLength = Math.min(Math.max(0, Math.floor(bytes)), PORT_MAX_LENGTH);
}

function isBase64Url(encoding: unknown): boolean {
  return typeof encoding === "string" && encoding.toLowerCase() === "base64url";
}

function toBase64Url(base64: string): string {
  return base64.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** The longest prefix made of whole hex pairs: Node stops decoding at the first bad pair. */
function validHexPrefix(text: string): string {
  const match = /^(?:[0-9a-fA-F]{2})*/.exec(text);
  return match ? match[0] : "";
}

/** Maps 'base64url' to the port's 'base64' and trims hex input the way Node reads it. */
function adaptEncodingArguments(args: unknown[]): unknown[] {
  const adapted = [...args];
  const encodingIndex = adapted.findIndex((arg, index) => index > 0 && typeof arg === "string");
  if (encodingIndex < 0) return adapted;
  const encoding = (adapted[encodingIndex] as string).toLowerCase();
  if (encoding === "base64url") adapted[encodingIndex] = "base64";
  else if (encoding === "hex" && typeof adapted[0] === "string") adapted[0] = validHexPrefix(adapted[0]);
  return adapted;
}

function withNodeEncodings(original: AnyFunction, name: string): AnyFunction {
  const wrapped = {
    [name](this: unknown, ...args: unknown[]) {
      return original.apply(this, adaptEncodingArguments(args));
    },
  };
  return wrapped[name] as AnyFunction;
}

function checkSize(size: unknown): void {
  if (typeof size === "number" && (size > maxLength || size < 0)) {
    throw outOfRange("size", `>= 0 && <= ${maxLength}`, size);
  }
}

// Plain assignment, as the port does: the names "toString" & co. clash with Object's in the types.
function replaceMethod(target: object, name: string, method: AnyFunction): void {
  Reflect.set(target, name, method);
}

const BufferStatics = Buffer as unknown as Record<string, AnyFunction>;
const BufferMethods = Buffer.prototype as unknown as Record<string, AnyFunction>;

for (const name of ["alloc", "allocUnsafe", "allocUnsafeSlow"]) {
  const original = BufferStatics[name] as AnyFunction;
  const capped = {
    [name](this: unknown, ...args: unknown[]) {
      checkSize(args[0]);
      return original.apply(this, [args[0], ...adaptEncodingArguments(args.slice(1))]);
    },
  };
  BufferStatics[name] = capped[name] as AnyFunction;
}
for (const name of ["from", "byteLength"]) {
  BufferStatics[name] = withNodeEncodings(BufferStatics[name] as AnyFunction, name);
}
// Node 19.8+: copies a typed array's elements (not a view on its memory).
replaceMethod(BufferStatics, "copyBytesFrom", function copyBytesFrom(view: unknown, offset: number = 0, length?: number) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw invalidArgType("view", ["TypedArray"], view);
  }
  const typed = view as unknown as Uint8Array;
  const count = Math.max(0, Math.min(length ?? typed.length - offset, typed.length - offset));
  const size = typed.BYTES_PER_ELEMENT;
  return Buffer.from(new Uint8Array(typed.buffer, typed.byteOffset + offset * size, count * size));
} as AnyFunction);

const portIsEncoding = Buffer.isEncoding;
Buffer.isEncoding = (encoding: string): encoding is BufferEncoding =>
  isBase64Url(encoding) || portIsEncoding(encoding);

for (const name of ["write", "fill", "indexOf", "lastIndexOf", "includes"]) {
  BufferMethods[name] = withNodeEncodings(BufferMethods[name] as AnyFunction, name);
}
const portToString = Buffer.prototype.toString as (this: Buffer, encoding?: string, start?: number, end?: number) => string;
replaceMethod(BufferMethods, "toString", function toString(this: Buffer, encoding?: string, start?: number, end?: number) {
  // Node refuses what it does not know ("", null, "latin2"); the port would fall back to UTF-8.
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) throw nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${String(encoding)}`);
  const name = encoding === undefined ? "utf8" : String(encoding).toLowerCase();
  if (name === "base64url") return toBase64Url(portToString.call(this, "base64", start, end));
  if (name !== "utf8" && name !== "utf-8") return portToString.call(this, encoding, start, end);
  const from = Math.max(0, Math.trunc(Number(start) || 0));
  const to = end === undefined ? this.length : Math.min(this.length, Math.trunc(Number(end) || 0));
  return decodeUtf8(this, from, to);
} as AnyFunction);
replaceMethod(BufferMethods, "toLocaleString", Reflect.get(BufferMethods, "toString") as AnyFunction);

export const bufferModule = {
  Buffer,
  INSPECT_MAX_BYTES: 50,
  get kMaxLength() {
    return maxLength;
  },
  kStringMaxLength: MAX_STRING_LENGTH,
  constants: {
    get MAX_LENGTH() {
      return maxLength;
    },
    MAX_STRING_LENGTH,
  },
};
