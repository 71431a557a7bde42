// The Node.js modules and the Buffer and process globals of a `node`-kind sandbox, for the editor.
// Self-contained beside node-globals.d.ts and web-globals.d.ts (ES2023 libs, no @types/node); it
// declares exactly what createNodeModules() (lib/sandbox/runtime/node/index.ts) provides, and
// node-modules-types.test.ts checks every declared name against the bundled runtime.
// Each module is declared once under "node:x" and re-exported under "x".
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-function-type, @typescript-eslint/no-wrapper-object-types, no-var -- as in Node's own typings: listeners take any arguments, listeners() returns Function[], util.types narrows to boxed primitives (Number, String...), and Buffer and process are vars of globalThis */

type BufferEncoding =
  | "ascii"
  | "utf8"
  | "utf-8"
  | "utf16le"
  | "utf-16le"
  | "ucs2"
  | "ucs-2"
  | "base64"
  | "base64url"
  | "latin1"
  | "binary"
  | "hex";

/** Node's Buffer: a Uint8Array with encodings and binary readers and writers. */
interface Buffer<TArrayBuffer extends ArrayBufferLike = ArrayBufferLike> extends Uint8Array<TArrayBuffer> {
  write(string: string, encoding?: BufferEncoding): number;
  write(string: string, offset: number, encoding?: BufferEncoding): number;
  write(string: string, offset: number, length: number, encoding?: BufferEncoding): number;
  toString(encoding?: BufferEncoding, start?: number, end?: number): string;
  toJSON(): { type: "Buffer"; data: number[] };
  equals(otherBuffer: Uint8Array): boolean;
  compare(target: Uint8Array, targetStart?: number, targetEnd?: number, sourceStart?: number, sourceEnd?: number): -1 | 0 | 1;
  copy(target: Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number;
  /** A view on the same memory, like subarray (not a copy, unlike Uint8Array#slice). */
  slice(start?: number, end?: number): Buffer<ArrayBuffer>;
  subarray(start?: number, end?: number): Buffer<TArrayBuffer>;
  fill(value: string | Uint8Array | number, offset?: number, end?: number, encoding?: BufferEncoding): this;
  fill(value: string, encoding: BufferEncoding): this;
  indexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): number;
  lastIndexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): number;
  includes(value: string | number | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): boolean;
  swap16(): this;
  swap32(): this;
  swap64(): this;
  readUInt8(offset?: number): number;
  readUInt16LE(offset?: number): number;
  readUInt16BE(offset?: number): number;
  readUInt32LE(offset?: number): number;
  readUInt32BE(offset?: number): number;
  readUint8(offset?: number): number;
  readUint16LE(offset?: number): number;
  readUint16BE(offset?: number): number;
  readUint32LE(offset?: number): number;
  readUint32BE(offset?: number): number;
  readInt8(offset?: number): number;
  readInt16LE(offset?: number): number;
  readInt16BE(offset?: number): number;
  readInt32LE(offset?: number): number;
  readInt32BE(offset?: number): number;
  readUIntLE(offset: number, byteLength: number): number;
  readUIntBE(offset: number, byteLength: number): number;
  readIntLE(offset: number, byteLength: number): number;
  readIntBE(offset: number, byteLength: number): number;
  readFloatLE(offset?: number): number;
  readFloatBE(offset?: number): number;
  readDoubleLE(offset?: number): number;
  readDoubleBE(offset?: number): number;
  readBigInt64LE(offset?: number): bigint;
  readBigInt64BE(offset?: number): bigint;
  readBigUInt64LE(offset?: number): bigint;
  readBigUInt64BE(offset?: number): bigint;
  writeUInt8(value: number, offset?: number): number;
  writeUInt16LE(value: number, offset?: number): number;
  writeUInt16BE(value: number, offset?: number): number;
  writeUInt32LE(value: number, offset?: number): number;
  writeUInt32BE(value: number, offset?: number): number;
  writeUint8(value: number, offset?: number): number;
  writeUint16LE(value: number, offset?: number): number;
  writeUint16BE(value: number, offset?: number): number;
  writeUint32LE(value: number, offset?: number): number;
  writeUint32BE(value: number, offset?: number): number;
  writeInt8(value: number, offset?: number): number;
  writeInt16LE(value: number, offset?: number): number;
  writeInt16BE(value: number, offset?: number): number;
  writeInt32LE(value: number, offset?: number): number;
  writeInt32BE(value: number, offset?: number): number;
  writeUIntLE(value: number, offset: number, byteLength: number): number;
  writeUIntBE(value: number, offset: number, byteLength: number): number;
  writeIntLE(value: number, offset: number, byteLength: number): number;
  writeIntBE(value: number, offset: number, byteLength: number): number;
  writeFloatLE(value: number, offset?: number): number;
  writeFloatBE(value: number, offset?: number): number;
  writeDoubleLE(value: number, offset?: number): number;
  writeDoubleBE(value: number, offset?: number): number;
  writeBigInt64LE(value: bigint, offset?: number): number;
  writeBigInt64BE(value: bigint, offset?: number): number;
  writeBigUInt64LE(value: bigint, offset?: number): number;
  writeBigUInt64BE(value: bigint, offset?: number): number;
}

interface BufferConstructor {
  readonly prototype: Buffer;
  from(data: readonly number[] | Uint8Array | ArrayBufferView): Buffer<ArrayBuffer>;
  from<T extends ArrayBufferLike>(arrayBuffer: T, byteOffset?: number, length?: number): Buffer<T>;
  from(string: string, encoding?: BufferEncoding): Buffer<ArrayBuffer>;
  /** Allocations above buffer.constants.MAX_LENGTH (the sandbox's cap) throw a RangeError. */
  alloc(size: number, fill?: string | Uint8Array | number, encoding?: BufferEncoding): Buffer<ArrayBuffer>;
  allocUnsafe(size: number): Buffer<ArrayBuffer>;
  allocUnsafeSlow(size: number): Buffer<ArrayBuffer>;
  isBuffer(value: unknown): value is Buffer;
  isEncoding(encoding: string): encoding is BufferEncoding;
  byteLength(value: string | ArrayBufferView | ArrayBuffer, encoding?: BufferEncoding): number;
  concat(list: readonly Uint8Array[], totalLength?: number): Buffer<ArrayBuffer>;
  compare(buf1: Uint8Array, buf2: Uint8Array): -1 | 0 | 1;
  copyBytesFrom(view: ArrayBufferView, offset?: number, length?: number): Buffer<ArrayBuffer>;
  poolSize: number;
}

declare var Buffer: BufferConstructor;

declare namespace NodeJS {
  // Names the node: modules re-export from the other declaration files (a module's own
  // declaration would shadow the global one).
  type TextEncoderConstructor = typeof TextEncoder;
  type TextDecoderConstructor = typeof TextDecoder;
  type URLConstructor = typeof URL;
  type URLSearchParamsConstructor = typeof URLSearchParams;
  type EventEmitter = import("node:events").EventEmitter;
  type Writable = import("node:stream").Writable;

  interface ProcessEnv {
    [key: string]: string | undefined;
  }

  interface MemoryUsage {
    rss: number;
    heapTotal: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
  }

  /** process.stdout and process.stderr: Writable streams whose output the sandbox captures. */
  interface WriteStream extends Writable {
    readonly fd: 1 | 2;
    readonly isTTY: false;
  }

  interface Process extends EventEmitter {
    readonly title: string;
    readonly version: string;
    readonly versions: { readonly node: string; readonly v8: string; readonly uv: string; readonly modules: string; readonly unicode: string };
    readonly release: { readonly name: "node"; readonly lts?: string };
    readonly arch: string;
    readonly platform: "linux";
    readonly pid: number;
    readonly ppid: number;
    argv: string[];
    readonly argv0: string;
    readonly execArgv: string[];
    readonly execPath: string;
    env: ProcessEnv;
    exitCode: number | string | undefined;
    noDeprecation: boolean;
    throwDeprecation: boolean;
    traceDeprecation: boolean;
    readonly features: { readonly inspector: boolean; readonly typescript: boolean };
    readonly stdout: WriteStream;
    readonly stderr: WriteStream;
    cwd(): string;
    nextTick<A extends unknown[]>(callback: (...args: A) => void, ...args: A): void;
    hrtime: {
      (time?: [number, number]): [number, number];
      bigint(): bigint;
    };
    /** Seconds on the virtual clock since the program started. */
    uptime(): number;
    /** Constant, plausible figures: the sandbox does not expose its real memory use. */
    memoryUsage: {
      (): MemoryUsage;
      rss(): number;
    };
    emitWarning(warning: string | Error, type?: string, code?: string, ctor?: (...args: any[]) => unknown): void;
    emitWarning(warning: string | Error, options?: { type?: string; code?: string; detail?: string; ctor?: (...args: any[]) => unknown }): void;
    /** Ends the program (a test run fails). */
    exit(code?: number | string): never;
    on(event: "exit" | "beforeExit", listener: (code: number) => void): this;
    on(event: "uncaughtException", listener: (error: Error, origin: "uncaughtException" | "unhandledRejection") => void): this;
    on(event: "unhandledRejection", listener: (reason: unknown, promise: Promise<unknown>) => void): this;
    on(event: "warning", listener: (warning: Error) => void): this;
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: "exit" | "beforeExit", listener: (code: number) => void): this;
    once(event: "uncaughtException", listener: (error: Error, origin: "uncaughtException" | "unhandledRejection") => void): this;
    once(event: "unhandledRejection", listener: (reason: unknown, promise: Promise<unknown>) => void): this;
    once(event: "warning", listener: (warning: Error) => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
  }
}

declare var process: NodeJS.Process;

// ---------------------------------------------------------------------------------------------
// events

declare module "node:events" {
  interface EventEmitterOptions {
    /** Routes rejections of async listeners to 'error' (or to Symbol.for('nodejs.rejection')). */
    captureRejections?: boolean;
  }

  interface StaticEventEmitterOptions {
    signal?: AbortSignal;
  }

  interface StaticEventEmitterIteratorOptions extends StaticEventEmitterOptions {
    /** Event names that end the iteration. */
    close?: string[];
  }

  type Listener = (...args: any[]) => void;

  class EventEmitter {
    constructor(options?: EventEmitterOptions);
    static readonly EventEmitter: typeof EventEmitter;
    static defaultMaxListeners: number;
    static captureRejections: boolean;
    static readonly errorMonitor: unique symbol;
    static readonly captureRejectionSymbol: unique symbol;
    static once(emitter: EventEmitter | EventTarget, eventName: string | symbol, options?: StaticEventEmitterOptions): Promise<any[]>;
    static on(emitter: EventEmitter | EventTarget, eventName: string | symbol, options?: StaticEventEmitterIteratorOptions): AsyncIterableIterator<any[]>;
    /** @deprecated Use emitter.listenerCount(eventName). */
    static listenerCount(emitter: EventEmitter, eventName: string | symbol): number;
    static getEventListeners(emitter: EventEmitter, eventName: string | symbol): Function[];
    static getMaxListeners(emitter: EventEmitter): number;
    static setMaxListeners(n?: number, ...emitters: EventEmitter[]): void;
    /** Returns a Disposable: its [Symbol.dispose]() removes the listener. */
    static addAbortListener(signal: AbortSignal, listener: () => void): { [key: symbol]: () => void };

    addListener(eventName: string | symbol, listener: Listener): this;
    on(eventName: string | symbol, listener: Listener): this;
    once(eventName: string | symbol, listener: Listener): this;
    prependListener(eventName: string | symbol, listener: Listener): this;
    prependOnceListener(eventName: string | symbol, listener: Listener): this;
    removeListener(eventName: string | symbol, listener: Listener): this;
    off(eventName: string | symbol, listener: Listener): this;
    removeAllListeners(eventName?: string | symbol): this;
    setMaxListeners(n: number): this;
    getMaxListeners(): number;
    listeners(eventName: string | symbol): Function[];
    rawListeners(eventName: string | symbol): Function[];
    emit(eventName: string | symbol, ...args: any[]): boolean;
    listenerCount(eventName: string | symbol, listener?: Function): number;
    eventNames(): (string | symbol)[];
  }

  const once: typeof EventEmitter.once;
  const on: typeof EventEmitter.on;
  const listenerCount: typeof EventEmitter.listenerCount;
  const getEventListeners: typeof EventEmitter.getEventListeners;
  const getMaxListeners: typeof EventEmitter.getMaxListeners;
  const setMaxListeners: typeof EventEmitter.setMaxListeners;
  const addAbortListener: typeof EventEmitter.addAbortListener;
  const errorMonitor: typeof EventEmitter.errorMonitor;
  const captureRejectionSymbol: typeof EventEmitter.captureRejectionSymbol;
  let defaultMaxListeners: number;
  let captureRejections: boolean;

  export {
    EventEmitter,
    EventEmitterOptions,
    StaticEventEmitterOptions,
    StaticEventEmitterIteratorOptions,
    once,
    on,
    listenerCount,
    getEventListeners,
    getMaxListeners,
    setMaxListeners,
    addAbortListener,
    errorMonitor,
    captureRejectionSymbol,
    defaultMaxListeners,
    captureRejections,
  };
  export default EventEmitter;
}

declare module "events" {
  export * from "node:events";
  export { default } from "node:events";
}

// ---------------------------------------------------------------------------------------------
// stream

declare module "node:stream" {
  import { EventEmitter } from "node:events";

  type Callback = (error?: Error | null) => void;

  interface StreamOptions<S> {
    highWaterMark?: number;
    objectMode?: boolean;
    signal?: AbortSignal;
    emitClose?: boolean;
    autoDestroy?: boolean;
    construct?(this: S, callback: Callback): void;
    destroy?(this: S, error: Error | null, callback: Callback): void;
  }

  interface ReadableOptions<S extends Readable = Readable> extends StreamOptions<S> {
    encoding?: BufferEncoding;
    read?(this: S, size: number): void;
  }

  interface WritableOptions<S extends Writable = Writable> extends StreamOptions<S> {
    decodeStrings?: boolean;
    defaultEncoding?: BufferEncoding;
    write?(this: S, chunk: any, encoding: BufferEncoding, callback: Callback): void;
    writev?(this: S, chunks: { chunk: any; encoding: BufferEncoding }[], callback: Callback): void;
    final?(this: S, callback: Callback): void;
  }

  interface DuplexOptions<S extends Duplex = Duplex> extends ReadableOptions<S>, WritableOptions<S> {
    allowHalfOpen?: boolean;
    readableObjectMode?: boolean;
    writableObjectMode?: boolean;
    readableHighWaterMark?: number;
    writableHighWaterMark?: number;
  }

  interface TransformOptions<S extends Transform = Transform> extends DuplexOptions<S> {
    transform?(this: S, chunk: any, encoding: BufferEncoding, callback: TransformCallback): void;
    flush?(this: S, callback: TransformCallback): void;
  }

  type TransformCallback = (error?: Error | null, data?: any) => void;

  interface ArrayOptions {
    concurrency?: number;
    signal?: AbortSignal;
  }

  /** The legacy base class; `pipe` is what it adds to EventEmitter. */
  class Stream extends EventEmitter {
    constructor(options?: { emitClose?: boolean });
    pipe<T extends NodeJS.WritableStreamLike>(destination: T, options?: { end?: boolean }): T;
  }

  class Readable extends Stream implements AsyncIterable<any> {
    constructor(options?: ReadableOptions);
    static from(iterable: Iterable<any> | AsyncIterable<any>, options?: ReadableOptions): Readable;
    readable: boolean;
    readonly readableEncoding: BufferEncoding | null;
    readonly readableEnded: boolean;
    readonly readableFlowing: boolean | null;
    readonly readableHighWaterMark: number;
    readonly readableLength: number;
    readonly readableObjectMode: boolean;
    readonly readableAborted: boolean;
    readonly readableDidRead: boolean;
    destroyed: boolean;
    readonly closed: boolean;
    readonly errored: Error | null;
    _construct?(callback: Callback): void;
    _read(size: number): void;
    _destroy(error: Error | null, callback: Callback): void;
    read(size?: number): any;
    setEncoding(encoding: BufferEncoding): this;
    pause(): this;
    resume(): this;
    isPaused(): boolean;
    unpipe(destination?: NodeJS.WritableStreamLike): this;
    unshift(chunk: any, encoding?: BufferEncoding): void;
    push(chunk: any, encoding?: BufferEncoding): boolean;
    destroy(error?: Error): this;
    wrap(stream: EventEmitter): this;
    iterator(options?: { destroyOnReturn?: boolean }): AsyncIterableIterator<any>;
    map(fn: (data: any, options: { signal: AbortSignal }) => any, options?: ArrayOptions): Readable;
    filter(fn: (data: any, options: { signal: AbortSignal }) => boolean | Promise<boolean>, options?: ArrayOptions): Readable;
    flatMap(fn: (data: any, options: { signal: AbortSignal }) => any, options?: ArrayOptions): Readable;
    drop(limit: number, options?: { signal?: AbortSignal }): Readable;
    take(limit: number, options?: { signal?: AbortSignal }): Readable;
    asIndexedPairs(options?: { signal?: AbortSignal }): Readable;
    forEach(fn: (data: any, options: { signal: AbortSignal }) => void | Promise<void>, options?: ArrayOptions): Promise<void>;
    toArray(options?: { signal?: AbortSignal }): Promise<any[]>;
    some(fn: (data: any, options: { signal: AbortSignal }) => boolean | Promise<boolean>, options?: ArrayOptions): Promise<boolean>;
    find(fn: (data: any, options: { signal: AbortSignal }) => boolean | Promise<boolean>, options?: ArrayOptions): Promise<any>;
    every(fn: (data: any, options: { signal: AbortSignal }) => boolean | Promise<boolean>, options?: ArrayOptions): Promise<boolean>;
    reduce<T = any>(fn: (previous: T, data: any, options: { signal: AbortSignal }) => T | Promise<T>, initial?: T, options?: { signal?: AbortSignal }): Promise<T>;
    [Symbol.asyncIterator](): AsyncIterableIterator<any>;
    on(event: "close" | "end" | "pause" | "readable" | "resume", listener: () => void): this;
    on(event: "data", listener: (chunk: any) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: "close" | "end" | "pause" | "readable" | "resume", listener: () => void): this;
    once(event: "data", listener: (chunk: any) => void): this;
    once(event: "error", listener: (error: Error) => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
  }

  class Writable extends Stream {
    constructor(options?: WritableOptions);
    writable: boolean;
    readonly writableEnded: boolean;
    readonly writableFinished: boolean;
    readonly writableHighWaterMark: number;
    readonly writableLength: number;
    readonly writableObjectMode: boolean;
    readonly writableCorked: number;
    readonly writableNeedDrain: boolean;
    destroyed: boolean;
    readonly closed: boolean;
    readonly errored: Error | null;
    _construct?(callback: Callback): void;
    _write(chunk: any, encoding: BufferEncoding, callback: Callback): void;
    _writev?(chunks: { chunk: any; encoding: BufferEncoding }[], callback: Callback): void;
    _final?(callback: Callback): void;
    _destroy(error: Error | null, callback: Callback): void;
    /** Returns false once the buffered data reaches highWaterMark: wait for 'drain'. */
    write(chunk: any, callback?: Callback): boolean;
    write(chunk: any, encoding: BufferEncoding, callback?: Callback): boolean;
    setDefaultEncoding(encoding: BufferEncoding): this;
    end(callback?: () => void): this;
    end(chunk: any, callback?: () => void): this;
    end(chunk: any, encoding: BufferEncoding, callback?: () => void): this;
    cork(): void;
    uncork(): void;
    destroy(error?: Error): this;
    on(event: "close" | "drain" | "finish", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: "pipe" | "unpipe", listener: (source: Readable) => void): this;
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: "close" | "drain" | "finish", listener: () => void): this;
    once(event: "error", listener: (error: Error) => void): this;
    once(event: "pipe" | "unpipe", listener: (source: Readable) => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
  }

  class Duplex extends Readable implements Writable {
    constructor(options?: DuplexOptions);
    static from(source: any): Duplex;
    allowHalfOpen: boolean;
    writable: boolean;
    readonly writableEnded: boolean;
    readonly writableFinished: boolean;
    readonly writableHighWaterMark: number;
    readonly writableLength: number;
    readonly writableObjectMode: boolean;
    readonly writableCorked: number;
    readonly writableNeedDrain: boolean;
    _write(chunk: any, encoding: BufferEncoding, callback: Callback): void;
    _writev?(chunks: { chunk: any; encoding: BufferEncoding }[], callback: Callback): void;
    _final?(callback: Callback): void;
    write(chunk: any, callback?: Callback): boolean;
    write(chunk: any, encoding: BufferEncoding, callback?: Callback): boolean;
    setDefaultEncoding(encoding: BufferEncoding): this;
    end(callback?: () => void): this;
    end(chunk: any, callback?: () => void): this;
    end(chunk: any, encoding: BufferEncoding, callback?: () => void): this;
    cork(): void;
    uncork(): void;
  }

  class Transform extends Duplex {
    constructor(options?: TransformOptions);
    _transform(chunk: any, encoding: BufferEncoding, callback: TransformCallback): void;
    _flush?(callback: TransformCallback): void;
  }

  class PassThrough extends Transform {}

  type PipelineSource = Iterable<any> | AsyncIterable<any> | Readable | (() => Iterable<any> | AsyncIterable<any>);
  type PipelineTransform = Duplex | ((source: AsyncIterable<any>) => AsyncIterable<any>);
  type PipelineDestination = Writable | ((source: AsyncIterable<any>) => Promise<any> | AsyncIterable<any>);
  type PipelineCallback = (error: NodeJS.ErrnoException | null, value?: any) => void;

  function pipeline<D extends PipelineDestination>(source: PipelineSource, destination: D, callback: PipelineCallback): D extends NodeJS.WritableStreamLike ? D : Duplex;
  function pipeline<D extends PipelineDestination>(source: PipelineSource, t1: PipelineTransform, destination: D, callback: PipelineCallback): D extends NodeJS.WritableStreamLike ? D : Duplex;
  function pipeline<D extends PipelineDestination>(source: PipelineSource, t1: PipelineTransform, t2: PipelineTransform, destination: D, callback: PipelineCallback): D extends NodeJS.WritableStreamLike ? D : Duplex;
  function pipeline(...streams: [...(PipelineSource | PipelineTransform | PipelineDestination)[], PipelineCallback]): Stream;

  interface FinishedOptions {
    error?: boolean;
    readable?: boolean;
    writable?: boolean;
    signal?: AbortSignal;
  }
  function finished(stream: Stream | NodeJS.WritableStreamLike, callback: (error?: NodeJS.ErrnoException | null) => void): () => void;
  function finished(stream: Stream | NodeJS.WritableStreamLike, options: FinishedOptions, callback: (error?: NodeJS.ErrnoException | null) => void): () => void;

  function addAbortSignal<T extends Stream>(signal: AbortSignal, stream: T): T;
  function compose(...streams: (Stream | Iterable<any> | AsyncIterable<any> | ((source: any) => any))[]): Duplex;
  function destroy<T extends Stream>(stream: T, error?: Error): T;
  function isReadable(stream: Stream): boolean;
  function isWritable(stream: Stream): boolean;
  function isErrored(stream: Stream): boolean;
  function isDisturbed(stream: Stream): boolean;
  function isDestroyed(stream: Stream): boolean;
  function getDefaultHighWaterMark(objectMode: boolean): number;
  function setDefaultHighWaterMark(objectMode: boolean, value: number): void;

  const promises: typeof import("node:stream/promises");

  export {
    Stream,
    Readable,
    Writable,
    Duplex,
    Transform,
    PassThrough,
    ReadableOptions,
    WritableOptions,
    DuplexOptions,
    TransformOptions,
    TransformCallback,
    FinishedOptions,
    pipeline,
    finished,
    addAbortSignal,
    compose,
    destroy,
    isReadable,
    isWritable,
    isErrored,
    isDisturbed,
    isDestroyed,
    getDefaultHighWaterMark,
    setDefaultHighWaterMark,
    promises,
  };
  export default Stream;
}

declare namespace NodeJS {
  /** What pipe() and pipeline() accept as a destination. */
  interface WritableStreamLike {
    write(chunk: any, callback?: (error?: Error | null) => void): boolean;
    end(callback?: () => void): unknown;
  }

  interface ErrnoException extends Error {
    code?: string;
  }
}

declare module "stream" {
  export * from "node:stream";
  export { default } from "node:stream";
}

declare module "node:stream/promises" {
  import type { FinishedOptions, Stream } from "node:stream";

  type Source = Iterable<any> | AsyncIterable<any> | Stream | (() => Iterable<any> | AsyncIterable<any>);
  type Step = Stream | ((source: AsyncIterable<any>) => AsyncIterable<any> | Promise<any>);

  export function pipeline(source: Source, ...rest: [...Step[], { signal?: AbortSignal; end?: boolean }] | Step[]): Promise<void>;
  export function finished(stream: Stream | NodeJS.WritableStreamLike, options?: FinishedOptions): Promise<void>;
}

declare module "stream/promises" {
  export * from "node:stream/promises";
}

// ---------------------------------------------------------------------------------------------
// buffer, string_decoder

declare module "node:buffer" {
  const Buffer: BufferConstructor;
  type Buffer = globalThis.Buffer;
  /** The sandbox's allocation cap (Node's own limit is far higher). */
  const kMaxLength: number;
  const kStringMaxLength: number;
  const INSPECT_MAX_BYTES: number;
  const constants: { readonly MAX_LENGTH: number; readonly MAX_STRING_LENGTH: number };
  export { Buffer, kMaxLength, kStringMaxLength, INSPECT_MAX_BYTES, constants };
}

declare module "buffer" {
  export * from "node:buffer";
}

declare module "node:string_decoder" {
  export class StringDecoder {
    constructor(encoding?: BufferEncoding);
    readonly encoding: BufferEncoding;
    write(buffer: string | Uint8Array): string;
    end(buffer?: string | Uint8Array): string;
  }
}

declare module "string_decoder" {
  export * from "node:string_decoder";
}

// ---------------------------------------------------------------------------------------------
// util

declare module "node:util" {
  interface InspectOptions {
    depth?: number | null;
    showHidden?: boolean;
    colors?: boolean;
    compact?: boolean | number;
    sorted?: boolean;
    breakLength?: number;
  }

  type CustomPromisify<TCustom extends Function> = Function & { [promisify.custom]: TCustom };

  function promisify<TCustom extends Function>(fn: CustomPromisify<TCustom>): TCustom;
  function promisify<T>(fn: (callback: (error: any, result: T) => void) => void): () => Promise<T>;
  function promisify(fn: (callback: (error?: any) => void) => void): () => Promise<void>;
  function promisify<A1, T>(fn: (a1: A1, callback: (error: any, result: T) => void) => void): (a1: A1) => Promise<T>;
  function promisify<A1>(fn: (a1: A1, callback: (error?: any) => void) => void): (a1: A1) => Promise<void>;
  function promisify<A1, A2, T>(fn: (a1: A1, a2: A2, callback: (error: any, result: T) => void) => void): (a1: A1, a2: A2) => Promise<T>;
  function promisify<A1, A2>(fn: (a1: A1, a2: A2, callback: (error?: any) => void) => void): (a1: A1, a2: A2) => Promise<void>;
  function promisify<A1, A2, A3, T>(fn: (a1: A1, a2: A2, a3: A3, callback: (error: any, result: T) => void) => void): (a1: A1, a2: A2, a3: A3) => Promise<T>;
  function promisify(fn: Function): (...args: any[]) => Promise<any>;
  namespace promisify {
    const custom: unique symbol;
  }

  function callbackify<T>(fn: () => Promise<T>): (callback: (error: any, result: T) => void) => void;
  function callbackify<A1, T>(fn: (a1: A1) => Promise<T>): (a1: A1, callback: (error: any, result: T) => void) => void;
  function callbackify<A1, A2, T>(fn: (a1: A1, a2: A2) => Promise<T>): (a1: A1, a2: A2, callback: (error: any, result: T) => void) => void;
  function callbackify(fn: (...args: any[]) => Promise<any>): (...args: any[]) => void;

  function inspect(value: unknown, options?: InspectOptions): string;
  namespace inspect {
    /** Define [inspect.custom](depth, options, inspect) on an object to control how it prints. */
    const custom: unique symbol;
  }

  function format(format?: unknown, ...args: unknown[]): string;
  function deprecate<T extends Function>(fn: T, message: string, code?: string): T;
  function inherits(constructor: Function, superConstructor: Function): void;
  function isDeepStrictEqual(value1: unknown, value2: unknown): boolean;
  /** NODE_DEBUG is never set in the sandbox: the logger does nothing. */
  function debuglog(section: string): ((message: string, ...args: unknown[]) => void) & { enabled: boolean };
  const debug: typeof debuglog;
  function stripVTControlCharacters(text: string): string;

  namespace types {
    function isPromise(value: unknown): value is Promise<unknown>;
    function isDate(value: unknown): value is Date;
    function isRegExp(value: unknown): value is RegExp;
    function isMap(value: unknown): value is Map<unknown, unknown>;
    function isSet(value: unknown): value is Set<unknown>;
    function isWeakMap(value: unknown): value is WeakMap<object, unknown>;
    function isWeakSet(value: unknown): value is WeakSet<object>;
    function isMapIterator(value: unknown): boolean;
    function isSetIterator(value: unknown): boolean;
    function isAsyncFunction(value: unknown): boolean;
    function isGeneratorFunction(value: unknown): boolean;
    function isGeneratorObject(value: unknown): value is Generator;
    function isNativeError(value: unknown): value is Error;
    function isTypedArray(value: unknown): value is Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
    function isUint8Array(value: unknown): value is Uint8Array;
    function isUint8ClampedArray(value: unknown): value is Uint8ClampedArray;
    function isUint16Array(value: unknown): value is Uint16Array;
    function isUint32Array(value: unknown): value is Uint32Array;
    function isInt8Array(value: unknown): value is Int8Array;
    function isInt16Array(value: unknown): value is Int16Array;
    function isInt32Array(value: unknown): value is Int32Array;
    function isFloat32Array(value: unknown): value is Float32Array;
    function isFloat64Array(value: unknown): value is Float64Array;
    function isBigInt64Array(value: unknown): value is BigInt64Array;
    function isBigUint64Array(value: unknown): value is BigUint64Array;
    function isArrayBufferView(value: unknown): value is ArrayBufferView;
    function isDataView(value: unknown): value is DataView;
    function isArrayBuffer(value: unknown): value is ArrayBuffer;
    function isSharedArrayBuffer(value: unknown): value is SharedArrayBuffer;
    function isAnyArrayBuffer(value: unknown): value is ArrayBuffer | SharedArrayBuffer;
    function isNumberObject(value: unknown): value is Number;
    function isStringObject(value: unknown): value is String;
    function isBooleanObject(value: unknown): value is Boolean;
    function isBigIntObject(value: unknown): value is BigInt;
    function isSymbolObject(value: unknown): value is Symbol;
    function isBoxedPrimitive(value: unknown): value is Number | String | Boolean | BigInt | Symbol;
  }

  const TextEncoder: NodeJS.TextEncoderConstructor;
  type TextEncoder = InstanceType<NodeJS.TextEncoderConstructor>;
  const TextDecoder: NodeJS.TextDecoderConstructor;
  type TextDecoder = InstanceType<NodeJS.TextDecoderConstructor>;

  export {
    InspectOptions,
    CustomPromisify,
    promisify,
    callbackify,
    inspect,
    format,
    deprecate,
    inherits,
    isDeepStrictEqual,
    debuglog,
    debug,
    stripVTControlCharacters,
    types,
    TextEncoder,
    TextDecoder,
  };
}

declare module "util" {
  export * from "node:util";
}

// ---------------------------------------------------------------------------------------------
// timers (virtual time)

declare module "node:timers" {
  export const setTimeout: typeof globalThis.setTimeout;
  export const setInterval: typeof globalThis.setInterval;
  export const setImmediate: typeof globalThis.setImmediate;
  export const clearTimeout: typeof globalThis.clearTimeout;
  export const clearInterval: typeof globalThis.clearInterval;
  export const clearImmediate: typeof globalThis.clearImmediate;
  export const promises: typeof import("node:timers/promises");
}

declare module "timers" {
  export * from "node:timers";
}

declare module "node:timers/promises" {
  interface TimerOptions {
    signal?: AbortSignal;
    /** false: the pending timer does not keep the program alive. */
    ref?: boolean;
  }
  /** Rejects with an AbortError (code "ABORT_ERR", cause: the signal's reason) when the signal aborts. */
  export function setTimeout<T = void>(delay?: number, value?: T, options?: TimerOptions): Promise<T>;
  export function setImmediate<T = void>(value?: T, options?: TimerOptions): Promise<T>;
  export function setInterval<T = void>(delay?: number, value?: T, options?: TimerOptions): AsyncGenerator<T, void, unknown>;
  export const scheduler: {
    wait(delay: number, options?: TimerOptions): Promise<void>;
    yield(): Promise<void>;
  };
  export type { TimerOptions };
}

declare module "timers/promises" {
  export * from "node:timers/promises";
}

// ---------------------------------------------------------------------------------------------
// crypto (hashes, HMAC and seeded random values; no webcrypto, ciphers or keys)

declare module "node:crypto" {
  type BinaryLike = string | ArrayBufferView;
  type BinaryToTextEncoding = "base64" | "base64url" | "hex" | "binary" | "latin1";
  type Encoding = BinaryToTextEncoding | "utf8" | "utf-8" | "ascii" | "ucs2" | "utf16le";

  class Hash {
    private constructor();
    update(data: BinaryLike): this;
    update(data: string, inputEncoding: Encoding): this;
    digest(): Buffer;
    digest(encoding: BinaryToTextEncoding): string;
    copy(): Hash;
  }

  class Hmac {
    private constructor();
    update(data: BinaryLike): this;
    update(data: string, inputEncoding: Encoding): this;
    digest(): Buffer;
    digest(encoding: BinaryToTextEncoding): string;
  }

  /** md5, sha1, sha224, sha256, sha384, sha512, ripemd160 (any case, "sha-256" and "RSA-SHA256" too). */
  function createHash(algorithm: string): Hash;
  function createHmac(algorithm: string, key: BinaryLike): Hmac;
  function hash(algorithm: string, data: BinaryLike, outputEncoding?: BinaryToTextEncoding): string;
  function hash(algorithm: string, data: BinaryLike, outputEncoding: "buffer"): Buffer;
  function getHashes(): string[];
  /** Random values come from the run's seeded generator: reproducible, not secret. */
  function randomBytes(size: number): Buffer;
  function randomBytes(size: number, callback: (error: Error | null, buffer: Buffer) => void): void;
  function randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
  function randomInt(max: number): number;
  function randomInt(min: number, max: number): number;
  function getRandomValues<T extends Int8Array | Int16Array | Int32Array | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array>(typedArray: T): T;
  /** Throws a RangeError (ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH) when the lengths differ. */
  function timingSafeEqual(a: ArrayBufferView | ArrayBuffer, b: ArrayBufferView | ArrayBuffer): boolean;

  export {
    BinaryLike,
    BinaryToTextEncoding,
    Encoding,
    Hash,
    Hmac,
    createHash,
    createHmac,
    hash,
    getHashes,
    randomBytes,
    randomUUID,
    randomInt,
    getRandomValues,
    timingSafeEqual,
  };
}

declare module "crypto" {
  export * from "node:crypto";
}

// ---------------------------------------------------------------------------------------------
// process, url

declare module "node:process" {
  const process: NodeJS.Process;
  export default process;
}

declare module "process" {
  export { default } from "node:process";
}

declare module "node:url" {
  const URL: NodeJS.URLConstructor;
  type URL = InstanceType<NodeJS.URLConstructor>;
  const URLSearchParams: NodeJS.URLSearchParamsConstructor;
  type URLSearchParams = InstanceType<NodeJS.URLSearchParamsConstructor>;
  export { URL, URLSearchParams };
}

declare module "url" {
  export * from "node:url";
}

// ---------------------------------------------------------------------------------------------
// assert

declare module "node:assert" {
  /** assert(value) is assert.ok(value). */
  function assert(value: unknown, message?: string | Error): asserts value;
  namespace assert {
    class AssertionError extends Error {
      constructor(options: { message?: string; actual?: unknown; expected?: unknown; operator?: string });
      actual: unknown;
      expected: unknown;
      operator: string | undefined;
      generatedMessage: boolean;
      code: "ERR_ASSERTION";
    }
    type AssertPredicate = RegExp | (new (...args: any[]) => object) | ((thrown: unknown) => boolean) | object | Error;

    function ok(value: unknown, message?: string | Error): asserts value;
    function fail(message?: string | Error): never;
    /** Loose (==) in node:assert; strict in node:assert/strict. */
    function equal(actual: unknown, expected: unknown, message?: string | Error): void;
    function notEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T;
    function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    /** Loose in node:assert; strict in node:assert/strict. */
    function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T;
    function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function throws(block: () => unknown, message?: string | Error): void;
    function throws(block: () => unknown, error: AssertPredicate, message?: string | Error): void;
    function doesNotThrow(block: () => unknown, message?: string | Error): void;
    function rejects(block: (() => Promise<unknown>) | Promise<unknown>, message?: string | Error): Promise<void>;
    function rejects(block: (() => Promise<unknown>) | Promise<unknown>, error: AssertPredicate, message?: string | Error): Promise<void>;
    function doesNotReject(block: (() => Promise<unknown>) | Promise<unknown>, message?: string | Error): Promise<void>;
    function match(value: string, regExp: RegExp, message?: string | Error): void;
    function doesNotMatch(value: string, regExp: RegExp, message?: string | Error): void;
    function ifError(value: unknown): asserts value is null | undefined;
    const strict: typeof assert;
  }
  export default assert;
  export import AssertionError = assert.AssertionError;
  export import ok = assert.ok;
  export import fail = assert.fail;
  export import equal = assert.equal;
  export import notEqual = assert.notEqual;
  export import strictEqual = assert.strictEqual;
  export import notStrictEqual = assert.notStrictEqual;
  export import deepEqual = assert.deepEqual;
  export import notDeepEqual = assert.notDeepEqual;
  export import deepStrictEqual = assert.deepStrictEqual;
  export import notDeepStrictEqual = assert.notDeepStrictEqual;
  export import throws = assert.throws;
  export import doesNotThrow = assert.doesNotThrow;
  export import rejects = assert.rejects;
  export import doesNotReject = assert.doesNotReject;
  export import match = assert.match;
  export import doesNotMatch = assert.doesNotMatch;
  export import ifError = assert.ifError;
  export import strict = assert.strict;
}

declare module "assert" {
  export * from "node:assert";
  export { default } from "node:assert";
}

declare module "node:assert/strict" {
  export * from "node:assert";
  export { default } from "node:assert";
}

declare module "assert/strict" {
  export * from "node:assert";
  export { default } from "node:assert";
}
