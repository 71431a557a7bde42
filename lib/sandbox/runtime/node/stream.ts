import Stream from "readable-stream/lib/stream.js";
import { runtimeHost } from "./bindings.ts";

// readable-stream 4 is Node's own lib/stream, built for userland from Node 18; its Node-specific
// imports are redirected by build-options.ts.

type PipelineCallback = (error?: unknown, value?: unknown) => void;
interface StreamState {
  destroyed?: boolean;
  closed?: boolean;
  _readableState?: { emitClose?: boolean };
  _writableState?: { emitClose?: boolean };
  once(event: "close", listener: () => void): unknown;
}

function closingStreams(args: unknown[]): StreamState[] {
  return args.filter((arg): arg is StreamState => {
    const stream = arg as StreamState | null;
    if (typeof stream?.once !== "function" || !stream.destroyed || stream.closed) return false;
    return (stream._readableState?.emitClose ?? stream._writableState?.emitClose) !== false;
  });
}

/**
 * Node 18's pipeline (the port's) calls back as soon as one stream fails; Node 24's waits for the
 * streams it destroyed to close, then calls back on the next tick. This restores the later timing.
 */
function afterDestroyedStreamsClose(streams: unknown[], callback: PipelineCallback): PipelineCallback {
  return (error, value) => {
    const closing = error ? closingStreams(streams) : [];
    if (closing.length === 0) {
      callback(error, value);
      return;
    }
    let remaining = closing.length;
    for (const stream of closing) {
      stream.once("close", () => {
        if (--remaining === 0) runtimeHost().nextTick(callback as (...args: unknown[]) => void, [error, value]);
      });
    }
  };
}

const portPipeline = Stream.pipeline as (...args: unknown[]) => unknown;
const portPromisesPipeline = Stream.promises.pipeline as (...args: unknown[]) => Promise<unknown>;

function pipeline(...args: unknown[]): unknown {
  const callback = args.at(-1);
  if (typeof callback !== "function") return portPipeline(...args);
  const streams = args.slice(0, -1);
  return portPipeline(...streams, afterDestroyedStreamsClose(streams, callback as PipelineCallback));
}

/** Node 24's AbortError from an aborted pipeline carries the signal's reason as its cause. */
function withAbortCause(error: unknown, args: unknown[]): unknown {
  const options = args.at(-1) as { signal?: AbortSignal } | undefined;
  const signal = options?.signal;
  const isAbort = error instanceof Error && error.name === "AbortError";
  if (isAbort && signal?.aborted && !Object.prototype.hasOwnProperty.call(error, "cause")) {
    Object.defineProperty(error, "cause", { value: signal.reason, writable: true, configurable: true });
  }
  return error;
}

function promisesPipeline(...args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    portPromisesPipeline(...args).then(resolve, (error: unknown) =>
      afterDestroyedStreamsClose(args, () => reject(withAbortCause(error, args)))(error),
    );
  });
}

interface ReadableInternals {
  _readableState?: { ended?: boolean; endEmitted?: boolean; emittedReadable?: boolean; readableListening?: boolean; needReadable?: boolean; flowing?: boolean | null; length: number };
}
type Listener = (...args: unknown[]) => void;
const ReadablePort = Stream.Readable as { prototype: Record<string, unknown> };
const portReadableOn = ReadablePort.prototype.on as (this: unknown, event: string | symbol, listener: Listener) => unknown;
const emitterOn = Object.getPrototypeOf(Stream.prototype).on as (this: unknown, event: string | symbol, listener: Listener) => unknown;

/**
 * Node 18 (the port) schedules a 'readable' when the stream ends while nobody listens, and again
 * when a 'readable' listener is added: a stream ended before its listener came emits 'readable'
 * twice. Node 24 keeps the first one pending and emits once. When a 'readable' is already scheduled
 * for an ended stream, the new listener joins it instead of scheduling another.
 */
function readableOn(this: ReadableInternals, event: string | symbol, listener: Listener): unknown {
  const state = this._readableState;
  if (event === "readable" && state && state.ended && state.emittedReadable && !state.endEmitted && !state.readableListening) {
    const result = emitterOn.call(this, event, listener);
    state.readableListening = true;
    state.needReadable = true;
    state.flowing = false;
    return result;
  }
  return portReadableOn.call(this, event, listener);
}
Object.assign(ReadablePort.prototype, { on: readableOn, addListener: readableOn });

// Node 22 raised the default byte highWaterMark from 16 KiB to 64 KiB (object mode stays at 16).
(Stream.setDefaultHighWaterMark as (objectMode: boolean, value: number) => void)(false, 64 * 1024);

Object.defineProperty(pipeline, Symbol.for("nodejs.util.promisify.custom"), { enumerable: true, get: () => promisesPipeline });
Object.assign(Stream, { pipeline });
Object.assign(Stream.promises, { pipeline: promisesPipeline });

export const streamModule = Stream;
export const streamPromisesModule = Stream.promises;
