// TextEncoderStream / TextDecoderStream: thin TransformStreams over TextEncoder / TextDecoder.
import { TextDecoder, TextEncoder, type BufferSourceLike } from "./encoding.ts";
import { TransformStream, type ReadableStream, type WritableStream } from "./streams.ts";

export class TextEncoderStream {
  #transform: TransformStream<string, Uint8Array>;

  constructor() {
    const encoder = new TextEncoder();
    // A lone high surrogate at the end of a chunk waits for the next chunk, as the spec says.
    let pendingHigh = "";
    this.#transform = new TransformStream<string, Uint8Array>({
      transform(chunk, controller) {
        let text = pendingHigh + String(chunk);
        pendingHigh = "";
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pendingHigh = text.slice(-1);
          text = text.slice(0, -1);
        }
        if (text !== "") controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pendingHigh !== "") controller.enqueue(encoder.encode(pendingHigh));
      },
    });
  }

  get encoding(): string {
    return "utf-8";
  }
  get readable(): ReadableStream<Uint8Array> {
    return this.#transform.readable;
  }
  get writable(): WritableStream<string> {
    return this.#transform.writable;
  }
}
Object.defineProperty(TextEncoderStream.prototype, Symbol.toStringTag, { value: "TextEncoderStream", configurable: true });

export class TextDecoderStream {
  #decoder: TextDecoder;
  #transform: TransformStream<BufferSourceLike, string>;

  constructor(label = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const decoder = new TextDecoder(label, options);
    this.#decoder = decoder;
    this.#transform = new TransformStream<BufferSourceLike, string>({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text !== "") controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text !== "") controller.enqueue(text);
      },
    });
  }

  get encoding(): string {
    return this.#decoder.encoding;
  }
  get fatal(): boolean {
    return this.#decoder.fatal;
  }
  get ignoreBOM(): boolean {
    return this.#decoder.ignoreBOM;
  }
  get readable(): ReadableStream<string> {
    return this.#transform.readable;
  }
  get writable(): WritableStream<BufferSourceLike> {
    return this.#transform.writable;
  }
}
Object.defineProperty(TextDecoderStream.prototype, Symbol.toStringTag, { value: "TextDecoderStream", configurable: true });
