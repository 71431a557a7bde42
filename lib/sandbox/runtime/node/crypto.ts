import { hmac } from "@noble/hashes/hmac.js";
import { md5, ripemd160, sha1 } from "@noble/hashes/legacy.js";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import type { CHash } from "@noble/hashes/utils.js";
import { runtimeHost } from "./bindings.ts";
import { Buffer } from "./buffer.ts";
import { invalidArgType, nodeError, outOfRange, validateFunction } from "./errors.ts";

/*
 * A subset of node:crypto: hashes and HMACs from @noble/hashes, and "random" values drawn from the
 * host's per-run PRNG, so a run is reproducible (and nothing here is fit for real secrets).
 */

type HashFunction = CHash;
interface IncrementalHash {
  update(data: Uint8Array): IncrementalHash;
  digest(): Uint8Array;
  clone(): IncrementalHash;
}

const HASHES: Record<string, HashFunction> = {
  md5,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
  ripemd160,
};

function hashFunction(algorithm: unknown): HashFunction {
  if (typeof algorithm !== "string") throw invalidArgType("algorithm", "string", algorithm);
  // Node accepts "SHA256", "sha-256" and OpenSSL's "RSA-SHA256" for the same digest.
  const name = algorithm.toLowerCase().replace(/^rsa-/, "").replace(/^sha-(\d)/, "sha$1").replace("ripemd-160", "ripemd160");
  const found = HASHES[name];
  if (!found) throw new Error("Digest method not supported");
  return found;
}

function toBytes(data: unknown, encoding: unknown, name: string): Uint8Array {
  if (typeof data === "string") return Buffer.from(data, (encoding as BufferEncoding | undefined) ?? "utf8");
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType(name, ["string", "Buffer", "TypedArray", "DataView"], data);
}

function output(bytes: Uint8Array, encoding: unknown): Buffer | string {
  const buffer = Buffer.from(bytes);
  return encoding === undefined || encoding === "buffer" ? buffer : buffer.toString(encoding as BufferEncoding);
}

const finalizedError = () => nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");

/** Node's Hash and Hmac objects, minus their stream interface. */
class Digest {
  #state: IncrementalHash;
  #finalized = false;

  constructor(state: IncrementalHash) {
    this.#state = state;
  }

  update(data: string | ArrayBufferView, inputEncoding?: string): this {
    if (this.#finalized) throw finalizedError();
    this.#state.update(toBytes(data, inputEncoding, "data"));
    return this;
  }

  digest(): Buffer;
  digest(encoding: string): string;
  digest(encoding?: string): Buffer | string {
    if (this.#finalized) throw finalizedError();
    this.#finalized = true;
    return output(this.#state.digest(), encoding);
  }

  protected cloneState(): IncrementalHash {
    if (this.#finalized) throw finalizedError();
    return this.#state.clone();
  }
}

export class Hash extends Digest {
  copy(): Hash {
    return new Hash(this.cloneState());
  }
}

export class Hmac extends Digest {}

function createHash(algorithm: string): Hash {
  return new Hash(hashFunction(algorithm).create() as unknown as IncrementalHash);
}

function createHmac(algorithm: string, key: string | ArrayBufferView): Hmac {
  const hashFn = hashFunction(algorithm);
  return new Hmac(hmac.create(hashFn, toBytes(key, "utf8", "key")) as unknown as IncrementalHash);
}

function hash(algorithm: string, data: string | ArrayBufferView, outputEncoding: string = "hex"): string | Buffer {
  return output(hashFunction(algorithm)(toBytes(data, "utf8", "data")), outputEncoding);
}

function fillRandom(bytes: Uint8Array): void {
  const host = runtimeHost();
  for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(host.random() * 256);
}

const MAX_RANDOM_BYTES = 2 ** 31 - 1;

function randomBytes(size: number, callback?: (error: Error | null, buffer: Buffer) => void): Buffer | undefined {
  if (typeof size !== "number") throw invalidArgType("size", "number", size);
  if (!(size >= 0 && size <= MAX_RANDOM_BYTES)) throw outOfRange("size", `>= 0 && <= ${MAX_RANDOM_BYTES}`, size);
  if (callback !== undefined) validateFunction(callback, "callback");
  const buffer = Buffer.alloc(size);
  fillRandom(buffer);
  if (callback === undefined) return buffer;
  runtimeHost().nextTick(callback as (...args: unknown[]) => void, [null, buffer]);
  return undefined;
}

function randomUUID(): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function randomInt(min: number, max?: number): number {
  if (max === undefined) [min, max] = [0, min];
  if (!Number.isSafeInteger(min)) throw invalidArgType("min", "a safe integer", min);
  if (!Number.isSafeInteger(max)) throw invalidArgType("max", "a safe integer", max);
  if (max <= min) throw outOfRange("max", `greater than the value of "min" (${min})`, max);
  return min + Math.floor(runtimeHost().random() * (max - min));
}

function getRandomValues<T extends ArrayBufferView | null>(array: T): T {
  if (!ArrayBuffer.isView(array) || array instanceof DataView || array instanceof Float32Array || array instanceof Float64Array) {
    throw invalidArgType("typedArray", ["Int8Array", "Int16Array", "Int32Array", "Uint8Array", "Uint16Array", "Uint32Array"], array);
  }
  if (array.byteLength > 65536) {
    throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
  }
  fillRandom(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return array;
}

function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const expected = ["ArrayBuffer", "Buffer", "TypedArray", "DataView"];
  const bytesOf = (value: unknown, name: string) => {
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    throw invalidArgType(name, expected, value);
  };
  const left = bytesOf(a, "buf1");
  const right = bytesOf(b, "buf2");
  if (left.length !== right.length) {
    throw nodeError(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
  }
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= (left[index] as number) ^ (right[index] as number);
  return difference === 0;
}

export const cryptoModule = {
  createHash,
  createHmac,
  hash,
  getHashes: () => Object.keys(HASHES).sort(),
  randomBytes,
  randomUUID,
  randomInt,
  getRandomValues,
  timingSafeEqual,
  Hash,
  Hmac,
};
