// Web streams come from web-streams-polyfill (the WHATWG reference implementation, packaged).
export {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  ReadableByteStreamController,
  ReadableStream,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableStreamDefaultController,
  ReadableStreamDefaultReader,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultController,
  WritableStreamDefaultWriter,
} from "web-streams-polyfill";
import { ReadableStream } from "web-streams-polyfill";

// A one-chunk byte stream, as undici gives for bodies that are already in memory.
export function streamOfBytes(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let pending: Uint8Array | null = bytes;
  return new ReadableStream({
    type: "bytes",
    pull(controller) {
      if (pending !== null && pending.byteLength > 0) controller.enqueue(pending.slice());
      pending = null;
      controller.close();
    },
    cancel() {
      pending = null;
    },
  }) as ReadableStream<Uint8Array>;
}

// The polyfill keeps the spec's [[disturbed]] slot as `_disturbed`; a test pins this.
export function isDisturbed(stream: ReadableStream): boolean {
  return (stream as unknown as { _disturbed?: boolean })._disturbed === true;
}

export async function readAllBytes(stream: ReadableStream): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError("Received non-Uint8Array chunk");
    chunks.push(value);
    total += value.byteLength;
  }
  return concatBytes(chunks, total);
}

export function concatBytes(chunks: readonly Uint8Array[], total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
