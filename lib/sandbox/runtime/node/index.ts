import { bindRuntime } from "./bindings.ts";
import { Buffer, bufferModule, DEFAULT_MAX_BUFFER_BYTES, setMaxBufferLength } from "./buffer.ts";
import { eventsModule } from "./events.ts";
import type { RuntimeHost, WebGlobals } from "./host.ts";
import { process, startProcessClock } from "./process.ts";
import { streamModule, streamPromisesModule } from "./stream.ts";
import { StringDecoder } from "string_decoder/";

export type { RuntimeHost, WebGlobals } from "./host.ts";

export interface NodeModulesOptions {
  /** Largest Buffer allocation allowed (Buffer.alloc & co. throw Node's ERR_OUT_OF_RANGE beyond it). */
  maxBufferBytes?: number;
}

export interface NodeModules {
  modules: Record<string, unknown>;
  globals: { Buffer: typeof Buffer; process: typeof process };
}

type WritableConstructor = new (options: {
  decodeStrings: boolean;
  write: (chunk: unknown, encoding: string, callback: () => void) => void;
}) => Record<string, unknown>;

function createStdio(name: "stdout" | "stderr", host: RuntimeHost) {
  const Writable = streamModule.Writable as WritableConstructor;
  const stdio = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      host.write(name, typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString(encoding === "buffer" ? "utf8" : (encoding as BufferEncoding)));
      callback();
    },
  });
  return Object.assign(stdio, { fd: name === "stdout" ? 1 : 2, isTTY: false });
}

/**
 * Node's modules for a `node` exercise, evaluated inside the isolate. Call once per isolate:
 * the modules are singletons of the bundle and bind to the last host given.
 */
export function createNodeModules(host: RuntimeHost, web: WebGlobals, options: NodeModulesOptions = {}): NodeModules {
  bindRuntime(host, web);
  setMaxBufferLength(options.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES);
  startProcessClock();
  process.stdout = createStdio("stdout", host) as unknown as typeof process.stdout;
  process.stderr = createStdio("stderr", host) as unknown as typeof process.stderr;

  return {
    modules: {
      events: eventsModule,
      stream: streamModule,
      "stream/promises": streamPromisesModule,
      buffer: bufferModule,
      string_decoder: { StringDecoder },
      process,
    },
    globals: { Buffer, process },
  };
}
