// The web-platform globals of a `node`-kind sandbox: plain JavaScript that runs inside the isolate.
// See notes/runtime-contract.md; declared for the editor in lib/sandbox/types/web-globals.d.ts.
import { AbortController, AbortSignal } from "./abort.ts";
import { atob, btoa } from "./base64.ts";
import { Blob, File } from "./blob.ts";
import { Request, Response } from "./fetch.ts";
import { FormData } from "./form-data.ts";
import { Headers } from "./headers.ts";
import { DOMException } from "./dom-exception.ts";
import { TextDecoder, TextEncoder } from "./encoding.ts";
import { CustomEvent, Event, EventTarget } from "./events.ts";
import { installHost, type WebHost } from "./host.ts";
import {
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
} from "./streams.ts";
import { structuredClone } from "./structured-clone.ts";
import { TextDecoderStream, TextEncoderStream } from "./text-streams.ts";
import { URL, URLSearchParams } from "./url.ts";

export type { WebHost } from "./host.ts";

export function createWebGlobals(host: WebHost) {
  installHost(host);
  return {
    AbortController,
    AbortSignal,
    atob,
    btoa,
    Blob,
    ByteLengthQueuingStrategy,
    CountQueuingStrategy,
    CustomEvent,
    DOMException,
    Event,
    EventTarget,
    File,
    FormData,
    Headers,
    ReadableByteStreamController,
    ReadableStream,
    ReadableStreamBYOBReader,
    ReadableStreamBYOBRequest,
    ReadableStreamDefaultController,
    ReadableStreamDefaultReader,
    Request,
    Response,
    structuredClone,
    TextDecoder,
    TextDecoderStream,
    TextEncoder,
    TextEncoderStream,
    TransformStream,
    TransformStreamDefaultController,
    URL,
    URLSearchParams,
    WritableStream,
    WritableStreamDefaultController,
    WritableStreamDefaultWriter,
  };
}

export type WebGlobals = ReturnType<typeof createWebGlobals>;
