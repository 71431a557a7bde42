// Headers (Fetch standard), with undici's messages and iteration order.

export type HeadersInit = Headers | Iterable<Iterable<string>> | Record<string, string>;
export type HeadersGuard = "none" | "immutable" | "request" | "response";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INVALID_VALUE = /[\0\r\n]/;

function normalizeValue(value: unknown): string {
  return String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

function checkName(name: string, method: string): string {
  if (!TOKEN.test(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
  return name.toLowerCase();
}

function checkValue(value: string, method: string, name: string): void {
  if (INVALID_VALUE.test(value)) throw new TypeError(`Headers.${method}: "${value}" is an invalid header value for the "${name}" header.`);
}

let guardOf: (headers: Headers) => HeadersGuard;
let setGuard: (headers: Headers, guard: HeadersGuard) => void;

export class Headers {
  // Insertion-ordered [lowercase name, value] pairs, one per append (set-cookie values stay apart).
  #list: Array<[string, string]> = [];
  #guard: HeadersGuard = "none";

  static {
    guardOf = (headers) => headers.#guard;
    setGuard = (headers, guard) => {
      headers.#guard = guard;
    };
  }

  constructor(init?: HeadersInit) {
    if (init === undefined || init === null) {
      if (init === null) throw new TypeError("Headers constructor: The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
      return;
    }
    if (init instanceof Headers) {
      for (const [name, value] of init.#list) this.#list.push([name, value]);
      return;
    }
    if (typeof init !== "object" && typeof init !== "function") {
      throw new TypeError("Headers constructor: The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (typeof (init as Iterable<unknown>)[Symbol.iterator] === "function") {
      for (const pair of init as Iterable<Iterable<string>>) {
        if (typeof pair === "string" || pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
          throw new TypeError("Headers constructor: The provided value cannot be converted to a sequence.");
        }
        const items = [...pair];
        if (items.length !== 2) throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${items.length}.`);
        this.append(items[0] as string, items[1] as string);
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
      if (descriptor?.enumerable !== true) continue;
      if (typeof key === "symbol") throw new TypeError("Headers constructor: Key is a symbol, which cannot be converted to a ByteString.");
      this.append(key, (init as Record<string, string>)[key] as string);
    }
  }

  #checkMutable(): void {
    if (this.#guard === "immutable") throw new TypeError("immutable");
  }

  append(name: string, value: string): void {
    if (arguments.length < 2) throw new TypeError("Headers.append: 2 arguments required");
    const normalized = normalizeValue(value);
    const key = checkName(String(name), "append");
    checkValue(normalized, "append", String(name));
    this.#checkMutable();
    this.#list.push([key, normalized]);
  }

  delete(name: string): void {
    const key = checkName(String(name), "delete");
    this.#checkMutable();
    this.#list = this.#list.filter(([existing]) => existing !== key);
  }

  get(name: string): string | null {
    const key = checkName(String(name), "get");
    const values = this.#list.filter(([existing]) => existing === key).map(([, value]) => value);
    return values.length === 0 ? null : values.join(", ");
  }

  getSetCookie(): string[] {
    return this.#list.filter(([name]) => name === "set-cookie").map(([, value]) => value);
  }

  has(name: string): boolean {
    const key = checkName(String(name), "has");
    return this.#list.some(([existing]) => existing === key);
  }

  set(name: string, value: string): void {
    if (arguments.length < 2) throw new TypeError("Headers.set: 2 arguments required");
    const normalized = normalizeValue(value);
    const key = checkName(String(name), "set");
    checkValue(normalized, "set", String(name));
    this.#checkMutable();
    const index = this.#list.findIndex(([existing]) => existing === key);
    if (index === -1) {
      this.#list.push([key, normalized]);
      return;
    }
    this.#list[index] = [key, normalized];
    this.#list = this.#list.filter(([existing], position) => existing !== key || position <= index);
  }

  // The spec's "sort and combine": by name, values joined, except each set-cookie on its own.
  #sorted(): Array<[string, string]> {
    const names = [...new Set(this.#list.map(([name]) => name))].sort();
    const result: Array<[string, string]> = [];
    for (const name of names) {
      if (name === "set-cookie") {
        for (const value of this.getSetCookie()) result.push([name, value]);
      } else {
        result.push([name, this.get(name) as string]);
      }
    }
    return result;
  }

  forEach(callback: (value: string, name: string, headers: Headers) => void, thisArg?: unknown): void {
    if (typeof callback !== "function") throw new TypeError("Headers.forEach: Argument 1 is not a function.");
    for (const [name, value] of this.#sorted()) callback.call(thisArg, value, name, this);
  }

  entries(): IterableIterator<[string, string]> {
    return this.#sorted()[Symbol.iterator]();
  }

  keys(): IterableIterator<string> {
    return this.#sorted()
      .map(([name]) => name)
      [Symbol.iterator]();
  }

  values(): IterableIterator<string> {
    return this.#sorted()
      .map(([, value]) => value)
      [Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: "Headers", configurable: true });

export function headersGuard(headers: Headers): HeadersGuard {
  return guardOf(headers);
}

export function guardHeaders(headers: Headers, guard: HeadersGuard): Headers {
  setGuard(headers, guard);
  return headers;
}
