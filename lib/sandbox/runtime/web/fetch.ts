// Request and Response (Fetch standard), shaped after undici, which is what Node's globals are.
// There is no fetch() itself: the sandbox has no network.
import { AbortController, AbortSignal, followSignal } from "./abort.ts";
import type { Blob } from "./blob.ts";
import { bodyIsUnusable, consumeBody, extractBody, type BodyInit } from "./body.ts";
import type { FormData } from "./form-data.ts";
import { guardHeaders, Headers, headersGuard, type HeadersInit } from "./headers.ts";
import { isDisturbed, ReadableStream, TransformStream } from "./streams.ts";
import { URL } from "./url.ts";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH"]);
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const REQUEST_ENUMS = {
  mode: ["navigate", "same-origin", "no-cors", "cors"],
  credentials: ["omit", "same-origin", "include"],
  cache: ["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"],
  redirect: ["follow", "error", "manual"],
  referrerPolicy: [
    "",
    "no-referrer",
    "no-referrer-when-downgrade",
    "same-origin",
    "origin",
    "strict-origin",
    "origin-when-cross-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
  ],
  duplex: ["half"],
} as const;

function enumValue<K extends keyof typeof REQUEST_ENUMS>(key: K, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  const text = String(value);
  if (!(REQUEST_ENUMS[key] as readonly string[]).includes(text)) {
    throw new TypeError(`Request constructor: ${text} is not an accepted type. Expected one of ${REQUEST_ENUMS[key].join(", ")}.`);
  }
  return text;
}

function parseUrl(input: string, what: string): InstanceType<typeof URL> {
  try {
    return new URL(input);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${what}`, { cause });
  }
}

// A body taken from another Request goes through an identity transform, which leaves the source
// disturbed and locked as the spec's "proxy" does.
function proxyStream(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const identity = new TransformStream<Uint8Array, Uint8Array>();
  void stream.pipeTo(identity.writable).catch(() => {});
  (stream as unknown as { _disturbed: boolean })._disturbed = true;
  return identity.readable;
}

function teeBody(stream: ReadableStream<Uint8Array>): [ReadableStream<Uint8Array>, ReadableStream<Uint8Array>] {
  return stream.tee() as [ReadableStream<Uint8Array>, ReadableStream<Uint8Array>];
}

export interface RequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
  mode?: string;
  credentials?: string;
  cache?: string;
  redirect?: string;
  referrer?: string;
  referrerPolicy?: string;
  integrity?: string;
  keepalive?: boolean;
  duplex?: string;
  window?: null;
}

export class Request {
  #method = "GET";
  #url = "";
  #headers: Headers;
  #stream: ReadableStream<Uint8Array> | null = null;
  #signal: AbortSignal;
  #mode = "cors";
  #credentials = "same-origin";
  #cache = "default";
  #redirect = "follow";
  #referrer = "about:client";
  #referrerPolicy = "";
  #integrity = "";
  #keepalive = false;

  constructor(input: string | URL | Request, init: RequestInit = {}) {
    if (arguments.length === 0) throw new TypeError("Request constructor: 1 argument required, but only 0 present.");
    if (init === null || (typeof init !== "object" && typeof init !== "function")) {
      if (init !== undefined) throw new TypeError("Request constructor: Expected init to be a dictionary.");
      init = {};
    }
    let inputSignal: AbortSignal | null = null;
    let inputStream: ReadableStream<Uint8Array> | null = null;
    if (input instanceof Request) {
      this.#method = input.#method;
      this.#url = input.#url;
      this.#headers = new Headers(input.#headers);
      this.#mode = input.#mode;
      this.#credentials = input.#credentials;
      this.#cache = input.#cache;
      this.#redirect = input.#redirect;
      this.#referrer = input.#referrer;
      this.#referrerPolicy = input.#referrerPolicy;
      this.#integrity = input.#integrity;
      this.#keepalive = input.#keepalive;
      inputSignal = input.#signal;
      inputStream = input.#stream;
    } else {
      const text = String(input);
      const url = parseUrl(text, text);
      if (url.username !== "" || url.password !== "") {
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${text}`);
      }
      this.#url = url.href;
      this.#headers = new Headers();
    }

    if (init.window !== undefined && init.window !== null) throw new TypeError("RequestInit: Expected window to be null");
    const mode = enumValue("mode", init.mode, this.#mode);
    if (mode === "navigate") throw new TypeError("Request constructor: invalid request mode navigate.");
    this.#mode = mode;
    this.#credentials = enumValue("credentials", init.credentials, this.#credentials);
    this.#cache = enumValue("cache", init.cache, this.#cache);
    if (this.#cache === "only-if-cached" && this.#mode !== "same-origin") {
      throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
    this.#redirect = enumValue("redirect", init.redirect, this.#redirect);
    this.#referrerPolicy = enumValue("referrerPolicy", init.referrerPolicy, this.#referrerPolicy);
    enumValue("duplex", init.duplex, "half");
    if (init.referrer !== undefined) {
      const referrer = String(init.referrer);
      this.#referrer = referrer === "" ? "" : parseUrl(referrer, referrer).href;
    }
    if (init.integrity !== undefined) this.#integrity = String(init.integrity);
    if (init.keepalive !== undefined) this.#keepalive = Boolean(init.keepalive);

    if (init.method !== undefined) {
      const method = String(init.method);
      if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
      const upper = method.toUpperCase();
      if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
      this.#method = NORMALIZED_METHODS.has(upper) ? upper : method;
    }

    if (init.signal !== undefined && init.signal !== null && !(init.signal instanceof AbortSignal)) {
      throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
    }
    const controller = new AbortController();
    this.#signal = controller.signal;
    const followed = init.signal !== undefined ? init.signal : inputSignal;
    if (followed !== null) {
      if (followed.aborted) controller.abort(followed.reason);
      else followSignal(followed, (reason) => controller.abort(reason));
    }

    if (init.headers !== undefined) this.#headers = new Headers(init.headers);

    const initBody = init.body ?? null;
    if ((initBody !== null || inputStream !== null) && (this.#method === "GET" || this.#method === "HEAD")) {
      throw new TypeError("Request with GET/HEAD method cannot have body.");
    }
    if (initBody !== null) {
      const extracted = extractBody(initBody);
      if (extracted.fromStream && init.duplex === undefined) {
        throw new TypeError("RequestInit: duplex option is required when sending a body.");
      }
      if (extracted.type !== null && !this.#headers.has("content-type")) this.#headers.append("content-type", extracted.type);
      this.#stream = extracted.stream;
    } else if (inputStream !== null) {
      if (bodyIsUnusable(inputStream)) throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
      this.#stream = proxyStream(inputStream);
    }
    guardHeaders(this.#headers, "request");
  }

  get method(): string {
    return this.#method;
  }
  get url(): string {
    return this.#url;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get destination(): string {
    return "";
  }
  get referrer(): string {
    return this.#referrer;
  }
  get referrerPolicy(): string {
    return this.#referrerPolicy;
  }
  get mode(): string {
    return this.#mode;
  }
  get credentials(): string {
    return this.#credentials;
  }
  get cache(): string {
    return this.#cache;
  }
  get redirect(): string {
    return this.#redirect;
  }
  get integrity(): string {
    return this.#integrity;
  }
  get keepalive(): boolean {
    return this.#keepalive;
  }
  get isReloadNavigation(): boolean {
    return false;
  }
  get isHistoryNavigation(): boolean {
    return false;
  }
  get signal(): AbortSignal {
    return this.#signal;
  }
  get duplex(): string {
    return "half";
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.#stream;
  }
  get bodyUsed(): boolean {
    return this.#stream !== null && isDisturbed(this.#stream);
  }

  clone(): Request {
    if (bodyIsUnusable(this.#stream)) throw new TypeError("Request.clone: Body has already been consumed.");
    // Constructed without our body (the constructor would proxy it away), then both get a tee branch.
    const stream = this.#stream;
    this.#stream = null;
    const copy = new Request(this, { signal: this.#signal });
    if (stream !== null) {
      const [mine, theirs] = teeBody(stream);
      this.#stream = mine;
      copy.#stream = theirs;
    }
    return copy;
  }

  text(): Promise<string> {
    return consumeBody(this.#stream, this.#headers, "text") as Promise<string>;
  }
  json(): Promise<unknown> {
    return consumeBody(this.#stream, this.#headers, "json");
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return consumeBody(this.#stream, this.#headers, "arrayBuffer") as Promise<ArrayBuffer>;
  }
  bytes(): Promise<Uint8Array> {
    return consumeBody(this.#stream, this.#headers, "bytes") as Promise<Uint8Array>;
  }
  blob(): Promise<Blob> {
    return consumeBody(this.#stream, this.#headers, "blob") as Promise<Blob>;
  }
  formData(): Promise<FormData> {
    return consumeBody(this.#stream, this.#headers, "formData") as Promise<FormData>;
  }
}
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: "Request", configurable: true });

export interface ResponseInit {
  status?: number;
  statusText?: string;
  headers?: HeadersInit;
}

const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

export class Response {
  #type = "default";
  #status = 200;
  #statusText = "";
  #headers: Headers;
  #stream: ReadableStream<Uint8Array> | null = null;
  #url = "";

  constructor(body: BodyInit | null = null, init: ResponseInit = {}) {
    if (init === null || (typeof init !== "object" && typeof init !== "function")) {
      if (init !== undefined) throw new TypeError("Response constructor: Expected init to be a dictionary.");
      init = {};
    }
    if (init.status !== undefined) {
      const status = Number(init.status);
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
      }
      this.#status = status;
    }
    if (init.statusText !== undefined) {
      const statusText = String(init.statusText);
      if (!REASON_PHRASE.test(statusText)) throw new TypeError("Invalid statusText");
      this.#statusText = statusText;
    }
    this.#headers = new Headers(init.headers);
    if (body !== null) {
      if (NULL_BODY_STATUSES.has(this.#status)) throw new TypeError(`Response constructor: Invalid response status code ${this.#status}`);
      const extracted = extractBody(body);
      if (extracted.type !== null && !this.#headers.has("content-type")) this.#headers.append("content-type", extracted.type);
      this.#stream = extracted.stream;
    }
    guardHeaders(this.#headers, "response");
  }

  static error(): Response {
    const response = new Response(null);
    response.#type = "error";
    response.#status = 0;
    guardHeaders(response.#headers, "immutable");
    return response;
  }

  static redirect(url: string | URL, status = 302): Response {
    const text = String(url);
    const parsed = parseUrl(text, text);
    const code = Number(status);
    if (!REDIRECT_STATUSES.has(code)) throw new RangeError(`Invalid status code ${String(status)}`);
    const response = new Response(null);
    response.#status = code;
    response.#headers.set("location", parsed.href);
    guardHeaders(response.#headers, "immutable");
    return response;
  }

  static json(data: unknown, init: ResponseInit = {}): Response {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError("Value is not JSON serializable");
    const headers = new Headers(init?.headers);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    return new Response(text, { ...init, headers });
  }

  get type(): string {
    return this.#type;
  }
  get url(): string {
    return this.#url;
  }
  get redirected(): boolean {
    return false;
  }
  get status(): number {
    return this.#status;
  }
  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }
  get statusText(): string {
    return this.#statusText;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.#stream;
  }
  get bodyUsed(): boolean {
    return this.#stream !== null && isDisturbed(this.#stream);
  }

  clone(): Response {
    if (bodyIsUnusable(this.#stream)) throw new TypeError("Response.clone: Body has already been consumed.");
    const copy = new Response(null);
    copy.#type = this.#type;
    copy.#status = this.#status;
    copy.#statusText = this.#statusText;
    copy.#url = this.#url;
    copy.#headers = guardHeaders(new Headers(this.#headers), headersGuard(this.#headers));
    if (this.#stream !== null) {
      const [mine, theirs] = teeBody(this.#stream);
      this.#stream = mine;
      copy.#stream = theirs;
    }
    return copy;
  }

  text(): Promise<string> {
    return consumeBody(this.#stream, this.#headers, "text") as Promise<string>;
  }
  json(): Promise<unknown> {
    return consumeBody(this.#stream, this.#headers, "json");
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return consumeBody(this.#stream, this.#headers, "arrayBuffer") as Promise<ArrayBuffer>;
  }
  bytes(): Promise<Uint8Array> {
    return consumeBody(this.#stream, this.#headers, "bytes") as Promise<Uint8Array>;
  }
  blob(): Promise<Blob> {
    return consumeBody(this.#stream, this.#headers, "blob") as Promise<Blob>;
  }
  formData(): Promise<FormData> {
    return consumeBody(this.#stream, this.#headers, "formData") as Promise<FormData>;
  }
}
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: "Response", configurable: true });
