import { bytesOf, utf8Encode, TextDecoder } from "./encoding.ts";
import { getHost } from "./host.ts";
import { concatBytes, streamOfBytes, type ReadableStream } from "./streams.ts";

export type BlobPart = string | ArrayBuffer | ArrayBufferView | Blob;

let bytesOfBlob: (blob: Blob) => Uint8Array;

function normalizeType(type: unknown): string {
  const text = type === undefined ? "" : String(type);
  return /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : "";
}

export class Blob {
  #bytes: Uint8Array;
  #type: string;

  static {
    bytesOfBlob = (blob) => blob.#bytes;
  }

  constructor(parts: Iterable<BlobPart> = [], options: { type?: string; endings?: "transparent" | "native" } = {}) {
    if (parts === null || typeof parts !== "object" || typeof (parts as Iterable<BlobPart>)[Symbol.iterator] !== "function") {
      throw new TypeError('The "sources" argument must be a sequence.');
    }
    const chunks: Uint8Array[] = [];
    for (const part of parts) {
      if (part instanceof Blob) chunks.push(part.#bytes);
      else if (part instanceof ArrayBuffer || ArrayBuffer.isView(part)) chunks.push(bytesOf(part).slice());
      else chunks.push(utf8Encode(String(part)));
    }
    this.#bytes = concatBytes(chunks);
    this.#type = normalizeType(options?.type);
  }

  get size(): number {
    return this.#bytes.byteLength;
  }

  get type(): string {
    return this.#type;
  }

  slice(start?: number, end?: number, contentType?: string): Blob {
    const size = this.#bytes.byteLength;
    const clamp = (value: number | undefined, fallback: number) => {
      if (value === undefined) return fallback;
      const n = Math.trunc(Number(value)) || 0;
      return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
    };
    const from = clamp(start, 0);
    const to = clamp(end, size);
    const blob = new Blob([], { type: contentType });
    blob.#bytes = this.#bytes.slice(from, Math.max(from, to));
    return blob;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.#bytes);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }

  async bytes(): Promise<Uint8Array> {
    return this.#bytes.slice();
  }

  stream(): ReadableStream<Uint8Array> {
    return streamOfBytes(this.#bytes);
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: "Blob", configurable: true });

export class File extends Blob {
  #name: string;
  #lastModified: number;

  constructor(parts: Iterable<BlobPart>, name: string, options: { type?: string; lastModified?: number } = {}) {
    if (arguments.length < 2) throw new TypeError('The "fileBits" and "fileName" arguments must be specified');
    super(parts, options);
    this.#name = String(name);
    this.#lastModified = options?.lastModified === undefined ? getHost().now() : Math.trunc(Number(options.lastModified)) || 0;
  }

  get name(): string {
    return this.#name;
  }

  get lastModified(): number {
    return this.#lastModified;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: "File", configurable: true });

export function blobBytes(blob: Blob): Uint8Array {
  return bytesOfBlob(blob);
}
