// console.log output like Node's: each class gets a nodejs.util.inspect.custom method that shows
// the same fields Node shows (our state sits in private fields, which an inspector cannot see).
import { AbortController, AbortSignal } from "./abort.ts";
import { Blob, File } from "./blob.ts";
import { Event } from "./events.ts";
import { Request, Response } from "./fetch.ts";
import { FormData } from "./form-data.ts";
import { Headers, headersAsGiven } from "./headers.ts";
import { TextDecoder } from "./encoding.ts";
import { ReadableByteStreamController, ReadableStream } from "./streams.ts";
import { URL, URLSearchParams } from "./url.ts";

const CUSTOM = Symbol.for("nodejs.util.inspect.custom");

type Inspect = (value: unknown, options?: object) => string;

function defineInspect<T>(target: { prototype: T }, name: string, view: (value: T, inspect: Inspect, options: object) => unknown): void {
  Object.defineProperty(target.prototype, CUSTOM, {
    // As undici does, the fields are shown with the caller's options whatever the nesting depth.
    value(this: T, _depth: number, options: object, inspect?: Inspect) {
      if (typeof inspect !== "function") return view(this, (value) => String(value), {});
      return `${name} ${inspect(view(this, inspect, options), options)}`;
    },
    writable: true,
    configurable: true,
  });
}

function streamView(stream: ReadableStream) {
  const internals = stream as unknown as { _state: string; _readableStreamController: unknown };
  return { locked: stream.locked, state: internals._state, supportsBYOB: internals._readableStreamController instanceof ReadableByteStreamController };
}

// An object whose printed form is given text (for values already formatted, like a Map's body).
function preformatted(text: string) {
  return { [CUSTOM]: () => text };
}

export function installInspectors(): void {
  defineInspect(Headers, "Headers", (headers) => Object.fromEntries(headersAsGiven(headers)));
  defineInspect(FormData, "FormData", (form) => {
    const view: Record<string, unknown> = {};
    for (const [name, value] of form) {
      const existing = view[name];
      view[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return view;
  });
  defineInspect(Blob, "Blob", (blob) => ({ size: blob.size, type: blob.type }));
  defineInspect(File, "File", (file) => ({ size: file.size, type: file.type, name: file.name, lastModified: file.lastModified }));
  defineInspect(AbortSignal, "AbortSignal", (signal) => ({ aborted: signal.aborted }));
  defineInspect(AbortController, "AbortController", (controller) => ({ signal: controller.signal }));
  defineInspect(Event, "Event", (event) => ({ type: event.type, defaultPrevented: event.defaultPrevented, cancelable: event.cancelable, timeStamp: event.timeStamp }));
  defineInspect(TextDecoder, "TextDecoder", (decoder) => ({ encoding: decoder.encoding, fatal: decoder.fatal, ignoreBOM: decoder.ignoreBOM }));
  defineInspect(ReadableStream, "ReadableStream", streamView);
  defineInspect(Response, "Response", (response) => ({
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: response.body,
    bodyUsed: response.bodyUsed,
    ok: response.ok,
    redirected: response.redirected,
    type: response.type,
    url: response.url,
  }));
  defineInspect(Request, "Request", (request) => ({
    method: request.method,
    url: request.url,
    headers: request.headers,
    destination: request.destination,
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
    mode: request.mode,
    credentials: request.credentials,
    cache: request.cache,
    redirect: request.redirect,
    integrity: request.integrity,
    keepalive: request.keepalive,
    isReloadNavigation: request.isReloadNavigation,
    isHistoryNavigation: request.isHistoryNavigation,
    signal: request.signal,
  }));
  defineInspect(URLSearchParams, "URLSearchParams", (params, inspect, options) => {
    const pairs = [...params].map(([name, value]) => `${inspect(name, options)} => ${inspect(value, options)}`);
    return preformatted(pairs.length === 0 ? "{}" : `{ ${pairs.join(", ")} }`);
  });
  defineInspect(URL, "URL", (url) => ({
    href: url.href,
    origin: url.origin,
    protocol: url.protocol,
    username: url.username,
    password: url.password,
    host: url.host,
    hostname: url.hostname,
    port: url.port,
    pathname: url.pathname,
    search: url.search,
    searchParams: url.searchParams,
    hash: url.hash,
  }));
}
