import { Blob, File } from "./blob.ts";

export type FormDataValue = string | File;

function toEntryValue(value: unknown, filename: string | undefined): FormDataValue {
  if (!(value instanceof Blob)) return String(value);
  if (value instanceof File && filename === undefined) return value;
  const name = filename !== undefined ? filename : value instanceof File ? value.name : "blob";
  return new File([value], name, { type: value.type, lastModified: value instanceof File ? value.lastModified : undefined });
}

function checkArguments(method: string, count: number, value: unknown, filename: unknown): void {
  if (count < 2) throw new TypeError(`FormData.${method}: 2 arguments required`);
  if (filename !== undefined && !(value instanceof Blob)) {
    throw new TypeError(`FormData.${method}: parameter 2 is not of type 'Blob'`);
  }
}

export class FormData {
  #entries: Array<[string, FormDataValue]> = [];

  constructor(form?: undefined) {
    if (form !== undefined) throw new TypeError("FormData constructor: Argument 1 is not of type 'HTMLFormElement'; there are no forms here.");
  }

  append(name: string, value: string | Blob, filename?: string): void {
    checkArguments("append", arguments.length, value, filename);
    this.#entries.push([String(name), toEntryValue(value, filename === undefined ? undefined : String(filename))]);
  }

  delete(name: string): void {
    const key = String(name);
    this.#entries = this.#entries.filter(([existing]) => existing !== key);
  }

  get(name: string): FormDataValue | null {
    const key = String(name);
    return this.#entries.find(([existing]) => existing === key)?.[1] ?? null;
  }

  getAll(name: string): FormDataValue[] {
    const key = String(name);
    return this.#entries.filter(([existing]) => existing === key).map(([, value]) => value);
  }

  has(name: string): boolean {
    const key = String(name);
    return this.#entries.some(([existing]) => existing === key);
  }

  set(name: string, value: string | Blob, filename?: string): void {
    checkArguments("set", arguments.length, value, filename);
    const key = String(name);
    const entry: [string, FormDataValue] = [key, toEntryValue(value, filename === undefined ? undefined : String(filename))];
    const index = this.#entries.findIndex(([existing]) => existing === key);
    if (index === -1) {
      this.#entries.push(entry);
      return;
    }
    this.#entries[index] = entry;
    this.#entries = this.#entries.filter(([existing], position) => existing !== key || position <= index);
  }

  forEach(callback: (value: FormDataValue, name: string, form: FormData) => void, thisArg?: unknown): void {
    if (typeof callback !== "function") throw new TypeError("FormData.forEach: Argument 1 is not a function.");
    for (const [name, value] of [...this.#entries]) callback.call(thisArg, value, name, this);
  }

  entries(): IterableIterator<[string, FormDataValue]> {
    return this.#entries.map(([name, value]): [string, FormDataValue] => [name, value])[Symbol.iterator]();
  }

  keys(): IterableIterator<string> {
    return this.#entries.map(([name]) => name)[Symbol.iterator]();
  }

  values(): IterableIterator<FormDataValue> {
    return this.#entries.map(([, value]) => value)[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, FormDataValue]> {
    return this.entries();
  }
}
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: "FormData", configurable: true });
