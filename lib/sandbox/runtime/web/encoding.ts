// TextEncoder / TextDecoder (WHATWG Encoding): UTF-8, UTF-16LE and windows-1252 ("latin1").

export type BufferSourceLike = ArrayBuffer | ArrayBufferView;

export function bytesOf(input: BufferSourceLike): Uint8Array {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
}

export function utf8Encode(input: string): Uint8Array {
  const out = new Uint8Array(input.length * 3);
  const written = encodeUtf8Into(input, out).written;
  return out.slice(0, written);
}

function encodeUtf8Into(input: string, out: Uint8Array): { read: number; written: number } {
  let read = 0;
  let written = 0;
  const length = input.length;
  while (read < length) {
    let codePoint = input.charCodeAt(read);
    let units = 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      const next = read + 1 < length ? input.charCodeAt(read + 1) : 0;
      if (codePoint <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00);
        units = 2;
      } else {
        codePoint = 0xfffd;
      }
    }
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (written + size > out.length) break;
    if (size === 1) {
      out[written++] = codePoint;
    } else if (size === 2) {
      out[written++] = 0xc0 | (codePoint >> 6);
      out[written++] = 0x80 | (codePoint & 0x3f);
    } else if (size === 3) {
      out[written++] = 0xe0 | (codePoint >> 12);
      out[written++] = 0x80 | ((codePoint >> 6) & 0x3f);
      out[written++] = 0x80 | (codePoint & 0x3f);
    } else {
      out[written++] = 0xf0 | (codePoint >> 18);
      out[written++] = 0x80 | ((codePoint >> 12) & 0x3f);
      out[written++] = 0x80 | ((codePoint >> 6) & 0x3f);
      out[written++] = 0x80 | (codePoint & 0x3f);
    }
    read += units;
  }
  return { read, written };
}

export class TextEncoder {
  get encoding(): string {
    return "utf-8";
  }

  encode(input: string = ""): Uint8Array {
    return utf8Encode(String(input));
  }

  encodeInto(source: string, destination: Uint8Array): { read: number; written: number } {
    if (!(destination instanceof Uint8Array)) throw new TypeError('The "dest" argument must be an instance of Uint8Array.');
    return encodeUtf8Into(String(source), destination);
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: "TextEncoder", configurable: true });

// Collects UTF-16 code units and turns them into a string in bounded slices (linear time).
class StringBuilder {
  #parts: string[] = [];
  #units: number[] = [];

  push(unit: number): void {
    this.#units.push(unit);
    if (this.#units.length >= 8192) this.#flush();
  }

  pushCodePoint(codePoint: number): void {
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      this.push(0xd800 + (codePoint >> 10));
      this.push(0xdc00 + (codePoint & 0x3ff));
    } else {
      this.push(codePoint);
    }
  }

  #flush(): void {
    this.#parts.push(String.fromCharCode.apply(null, this.#units));
    this.#units = [];
  }

  build(): string {
    if (this.#units.length > 0) this.#flush();
    return this.#parts.join("");
  }
}

const REPLACEMENT = 0xfffd;

interface Decoder {
  // Appends what `bytes` completes; `flush` ends the stream. Returns false on an error when fatal.
  decode(bytes: Uint8Array, out: StringBuilder, flush: boolean, fatal: boolean): boolean;
  reset(): void;
}

class Utf8Decoder implements Decoder {
  #needed = 0;
  #seen = 0;
  #codePoint = 0;
  #lower = 0x80;
  #upper = 0xbf;

  reset(): void {
    this.#needed = 0;
    this.#seen = 0;
    this.#codePoint = 0;
    this.#lower = 0x80;
    this.#upper = 0xbf;
  }

  decode(bytes: Uint8Array, out: StringBuilder, flush: boolean, fatal: boolean): boolean {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i] as number;
      if (this.#needed === 0) {
        if (byte <= 0x7f) {
          out.push(byte);
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.#needed = 1;
          this.#codePoint = byte & 0x1f;
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.#lower = 0xa0;
          if (byte === 0xed) this.#upper = 0x9f;
          this.#needed = 2;
          this.#codePoint = byte & 0xf;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.#lower = 0x90;
          if (byte === 0xf4) this.#upper = 0x8f;
          this.#needed = 3;
          this.#codePoint = byte & 0x7;
        } else {
          if (fatal) return false;
          out.push(REPLACEMENT);
        }
        continue;
      }
      if (byte < this.#lower || byte > this.#upper) {
        this.reset();
        if (fatal) return false;
        out.push(REPLACEMENT);
        i--; // the byte starts over as the first of a new sequence
        continue;
      }
      this.#lower = 0x80;
      this.#upper = 0xbf;
      this.#codePoint = (this.#codePoint << 6) | (byte & 0x3f);
      this.#seen++;
      if (this.#seen === this.#needed) {
        out.pushCodePoint(this.#codePoint);
        this.reset();
      }
    }
    if (flush && this.#needed !== 0) {
      this.reset();
      if (fatal) return false;
      out.push(REPLACEMENT);
    }
    return true;
  }
}

class Utf16LeDecoder implements Decoder {
  #leadByte = -1;
  #leadSurrogate = -1;

  reset(): void {
    this.#leadByte = -1;
    this.#leadSurrogate = -1;
  }

  decode(bytes: Uint8Array, out: StringBuilder, flush: boolean, fatal: boolean): boolean {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i] as number;
      if (this.#leadByte === -1) {
        this.#leadByte = byte;
        continue;
      }
      const unit = this.#leadByte | (byte << 8);
      this.#leadByte = -1;
      if (this.#leadSurrogate !== -1) {
        const lead = this.#leadSurrogate;
        this.#leadSurrogate = -1;
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          out.push(lead);
          out.push(unit);
          continue;
        }
        if (fatal) return false;
        out.push(REPLACEMENT);
      }
      if (unit >= 0xd800 && unit <= 0xdbff) {
        this.#leadSurrogate = unit;
      } else if (unit >= 0xdc00 && unit <= 0xdfff) {
        if (fatal) return false;
        out.push(REPLACEMENT);
      } else {
        out.push(unit);
      }
    }
    if (flush && (this.#leadByte !== -1 || this.#leadSurrogate !== -1)) {
      this.reset();
      if (fatal) return false;
      out.push(REPLACEMENT);
    }
    return true;
  }
}

// windows-1252 differs from Latin-1 only in 0x80..0x9F.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

class Windows1252Decoder implements Decoder {
  reset(): void {}

  decode(bytes: Uint8Array, out: StringBuilder): boolean {
    for (const byte of bytes) out.push(byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte);
    return true;
  }
}

const LABELS: Record<string, "utf-8" | "utf-16le" | "windows-1252"> = {
  "unicode-1-1-utf-8": "utf-8",
  "unicode11utf8": "utf-8",
  "unicode20utf8": "utf-8",
  "utf-8": "utf-8",
  "utf8": "utf-8",
  "x-unicode20utf8": "utf-8",
  "csunicode": "utf-16le",
  "iso-10646-ucs-2": "utf-16le",
  "ucs-2": "utf-16le",
  "unicode": "utf-16le",
  "unicodefeff": "utf-16le",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "ansi_x3.4-1968": "windows-1252",
  "ascii": "windows-1252",
  "cp1252": "windows-1252",
  "cp819": "windows-1252",
  "csisolatin1": "windows-1252",
  "ibm819": "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso-ir-100": "windows-1252",
  "iso8859-1": "windows-1252",
  "iso88591": "windows-1252",
  "iso_8859-1": "windows-1252",
  "iso_8859-1:1987": "windows-1252",
  "l1": "windows-1252",
  "latin1": "windows-1252",
  "us-ascii": "windows-1252",
  "windows-1252": "windows-1252",
  "x-cp1252": "windows-1252",
};

const BOM = 0xfeff;

export class TextDecoder {
  #encoding: "utf-8" | "utf-16le" | "windows-1252";
  #fatal: boolean;
  #ignoreBOM: boolean;
  #decoder: Decoder;
  #bomChecked = false;

  constructor(label: string = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const encoding = LABELS[String(label).trim().toLowerCase()];
    if (encoding === undefined) throw new RangeError(`The "${String(label)}" encoding is not supported`);
    this.#encoding = encoding;
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
    this.#decoder = encoding === "utf-8" ? new Utf8Decoder() : encoding === "utf-16le" ? new Utf16LeDecoder() : new Windows1252Decoder();
  }

  get encoding(): string {
    return this.#encoding;
  }

  get fatal(): boolean {
    return this.#fatal;
  }

  get ignoreBOM(): boolean {
    return this.#ignoreBOM;
  }

  decode(input?: BufferSourceLike, options: { stream?: boolean } = {}): string {
    const bytes = input === undefined || input === null ? new Uint8Array(0) : bytesOf(input);
    const stream = Boolean(options?.stream);
    const out = new StringBuilder();
    const ok = this.#decoder.decode(bytes, out, !stream, this.#fatal);
    if (!ok) {
      this.#decoder.reset();
      this.#bomChecked = false;
      throw new TypeError(`The encoded data was not valid for encoding ${this.#encoding}`);
    }
    let text = out.build();
    if (!this.#bomChecked && text.length > 0) {
      this.#bomChecked = true;
      if (!this.#ignoreBOM && this.#encoding !== "windows-1252" && text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    if (!stream) this.#bomChecked = false;
    return text;
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: "TextDecoder", configurable: true });
