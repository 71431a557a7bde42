// URL and URLSearchParams: the WHATWG URL Standard's parser and serializers. Our own rather than a
// port because a port costs every run: core-js-pure takes ~7 ms to load in a fresh isolate and
// whatwg-url ~16 ms (plus 290 KB of tr46 tables); this loads in well under a millisecond.
// IDNA is approximated without the UTS #46 tables: NFKC, lower case, ignored code points removed,
// then Punycode.
import { TextDecoder, utf8Encode } from "./encoding.ts";

// ---------------------------------------------------------------------------------------------
// Percent-encoding

type EncodeSet = (codePoint: number) => boolean;

const c0ControlSet: EncodeSet = (c) => c < 0x20 || c > 0x7e;
const fragmentSet: EncodeSet = (c) => c0ControlSet(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const querySet: EncodeSet = (c) => c0ControlSet(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const specialQuerySet: EncodeSet = (c) => querySet(c) || c === 0x27;
const pathSet: EncodeSet = (c) => querySet(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
const userinfoSet: EncodeSet = (c) =>
  pathSet(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 || (c >= 0x5b && c <= 0x5d) || c === 0x7c;
const componentSet: EncodeSet = (c) => userinfoSet(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
const formSet: EncodeSet = (c) => componentSet(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

const HEX = "0123456789ABCDEF";

function percentEncode(text: string, set: EncodeSet, spaceAsPlus = false): string {
  let out = "";
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (spaceAsPlus && codePoint === 0x20) out += "+";
    else if (!set(codePoint)) out += char;
    else for (const byte of utf8Encode(char)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

function percentDecode(text: string): Uint8Array {
  const bytes = utf8Encode(text);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x25 && i + 2 < bytes.length && hexValue(bytes[i + 1] as number) >= 0 && hexValue(bytes[i + 2] as number) >= 0) {
      out[length++] = hexValue(bytes[i + 1] as number) * 16 + hexValue(bytes[i + 2] as number);
      i += 2;
    } else {
      out[length++] = byte;
    }
  }
  return out.subarray(0, length);
}

const utf8WithoutBOM = new TextDecoder("utf-8", { ignoreBOM: true });

function toUSVString(value: unknown): string {
  return String(value).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

// ---------------------------------------------------------------------------------------------
// Hosts

const FORBIDDEN_HOST = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\0-\x1f #%/:<>?@[\\\]^|\x7f]/;

function parseIPv4Number(input: string): number | null {
  if (input === "") return null;
  let radix = 10;
  let digits = input;
  if (/^0[xX]/.test(digits)) {
    radix = 16;
    digits = digits.slice(2);
  } else if (digits.length > 1 && digits[0] === "0") {
    radix = 8;
    digits = digits.slice(1);
  }
  if (digits === "") return 0;
  const valid = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!valid.test(digits)) return null;
  return parseInt(digits, radix);
}

function endsInANumber(input: string): boolean {
  const parts = input.split(".");
  if (parts[parts.length - 1] === "") {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1] as string;
  return /^[0-9]+$/.test(last) || parseIPv4Number(last) !== null;
}

function parseIPv4(input: string): string | null {
  const parts = input.split(".");
  if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const number = parseIPv4Number(part);
    if (number === null) return null;
    numbers.push(number);
  }
  for (let i = 0; i < numbers.length - 1; i++) if ((numbers[i] as number) > 255) return null;
  const last = numbers[numbers.length - 1] as number;
  if (last >= 256 ** (5 - numbers.length)) return null;
  let address = last;
  for (let i = 0; i < numbers.length - 1; i++) address += (numbers[i] as number) * 256 ** (3 - i);
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join(".");
}

function parseIPv6(input: string): string | null {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress: number | null = null;
  let pointer = 0;
  const at = (index: number) => input.charCodeAt(index);
  if (at(pointer) === 0x3a) {
    if (at(pointer + 1) !== 0x3a) return null;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (pointer < input.length) {
    if (pieceIndex === 8) return null;
    if (at(pointer) === 0x3a) {
      if (compress !== null) return null;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && hexValue(at(pointer)) >= 0) {
      value = value * 16 + hexValue(at(pointer));
      pointer++;
      length++;
    }
    if (at(pointer) === 0x2e) {
      if (length === 0) return null;
      pointer -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (pointer < input.length) {
        let ipv4Piece: number | null = null;
        if (numbersSeen > 0) {
          if (at(pointer) === 0x2e && numbersSeen < 4) pointer++;
          else return null;
        }
        if (!(at(pointer) >= 0x30 && at(pointer) <= 0x39)) return null;
        while (at(pointer) >= 0x30 && at(pointer) <= 0x39) {
          const digit = at(pointer) - 0x30;
          if (ipv4Piece === null) ipv4Piece = digit;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + digit;
          if (ipv4Piece > 255) return null;
          pointer++;
        }
        address[pieceIndex] = (address[pieceIndex] as number) * 0x100 + (ipv4Piece as number);
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(pointer) === 0x3a) {
      pointer++;
      if (pointer >= input.length) return null;
    } else if (pointer < input.length) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const swapWith = compress + swaps - 1;
      [address[pieceIndex], address[swapWith]] = [address[swapWith] as number, address[pieceIndex] as number];
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return serializeIPv6(address);
}

function serializeIPv6(address: number[]): string {
  // The first longest run of two or more zero pieces is compressed.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  let out = "";
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (i === bestStart) {
      out += i === 0 ? "::" : ":";
      ignore0 = true;
      continue;
    }
    out += (address[i] as number).toString(16);
    if (i !== 7) out += ":";
  }
  return `[${out}]`;
}

// RFC 3492 Punycode encoding of one label.
function punycode(label: string): string {
  const codePoints = Array.from(label, (char) => char.codePointAt(0) as number);
  let output = codePoints.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join("");
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength > 0) output += "-";
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  const adapt = (deltaIn: number, points: number, first: boolean) => {
    let d = first ? Math.floor(deltaIn / 700) : deltaIn >> 1;
    d += Math.floor(d / points);
    let k = 0;
    while (d > 455) {
      d = Math.floor(d / 35);
      k += 36;
    }
    return k + Math.floor((36 * d) / (d + 38));
  };
  const digit = (d: number) => String.fromCharCode(d < 26 ? d + 97 : d + 22);
  while (handled < codePoints.length) {
    const m = Math.min(...codePoints.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = 36; ; k += 36) {
          const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (36 - t)));
          q = Math.floor((q - t) / (36 - t));
        }
        output += digit(q);
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

const IGNORED_IN_DOMAINS = /[\u00ad\u034f\u180b-\u180d\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff]/g;

function domainToASCII(domain: string): string | null {
  const mapped = domain.replace(IGNORED_IN_DOMAINS, "").normalize("NFKC").toLowerCase().replace(/[\u3002\uff0e\uff61]/g, ".");
  const ascii = mapped
    .split(".")
    .map((label) => (/[^\0-\x7f]/.test(label) ? `xn--${punycode(label)}` : label))
    .join(".");
  return ascii === "" ? null : ascii;
}

function parseHost(input: string, isOpaque: boolean): string | null {
  if (input.startsWith("[")) {
    if (!input.endsWith("]")) return null;
    return parseIPv6(input.slice(1, -1));
  }
  if (isOpaque) {
    if (FORBIDDEN_HOST.test(input)) return null;
    return percentEncode(input, c0ControlSet);
  }
  const domain = utf8WithoutBOM.decode(percentDecode(input));
  const ascii = domainToASCII(domain);
  if (ascii === null || FORBIDDEN_DOMAIN.test(ascii)) return null;
  if (endsInANumber(ascii)) return parseIPv4(ascii);
  return ascii;
}

// ---------------------------------------------------------------------------------------------
// URL records and the basic URL parser

const SPECIAL_PORTS: Record<string, number | null> = { ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };

interface URLRecord {
  scheme: string;
  username: string;
  password: string;
  host: string | null;
  port: number | null;
  path: string[] | string; // a string is an opaque path
  query: string | null;
  fragment: string | null;
}

function isSpecialScheme(scheme: string): boolean {
  return Object.hasOwn(SPECIAL_PORTS, scheme);
}

function defaultPort(scheme: string): number | null {
  return Object.hasOwn(SPECIAL_PORTS, scheme) ? (SPECIAL_PORTS[scheme] as number | null) : null;
}

function isWindowsDriveLetter(text: string, normalizedOnly = false): boolean {
  return text.length === 2 && /[A-Za-z]/.test(text[0] as string) && (text[1] === ":" || (!normalizedOnly && text[1] === "|"));
}

function startsWithWindowsDriveLetter(chars: string[], pointer: number): boolean {
  if (chars.length - pointer < 2) return false;
  if (!isWindowsDriveLetter((chars[pointer] as string) + (chars[pointer + 1] as string))) return false;
  if (chars.length - pointer === 2) return true;
  return /[/\\?#]/.test(chars[pointer + 2] as string);
}

function shortenPath(url: URLRecord): void {
  const path = url.path as string[];
  if (url.scheme === "file" && path.length === 1 && isWindowsDriveLetter(path[0] as string, true)) return;
  path.pop();
}

function includesCredentials(url: URLRecord): boolean {
  return url.username !== "" || url.password !== "";
}

function cannotHaveCredentialsOrPort(url: URLRecord): boolean {
  return url.host === null || url.host === "" || url.scheme === "file";
}

const S = {
  SCHEME_START: 1,
  SCHEME: 2,
  NO_SCHEME: 3,
  SPECIAL_RELATIVE_OR_AUTHORITY: 4,
  PATH_OR_AUTHORITY: 5,
  RELATIVE: 6,
  RELATIVE_SLASH: 7,
  SPECIAL_AUTHORITY_SLASHES: 8,
  SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
  AUTHORITY: 10,
  HOST: 11,
  HOSTNAME: 12,
  PORT: 13,
  FILE: 14,
  FILE_SLASH: 15,
  FILE_HOST: 16,
  PATH_START: 17,
  PATH: 18,
  OPAQUE_PATH: 19,
  QUERY: 20,
  FRAGMENT: 21,
} as const;
type State = (typeof S)[keyof typeof S];

const FAILURE = null;

// The spec's basic URL parser. With `url` and `stateOverride` it edits url in place (the setters);
// it returns null on failure.
function basicParse(input: string, base: URLRecord | null, url?: URLRecord, stateOverride?: State): URLRecord | null {
  let record: URLRecord;
  if (url === undefined) {
    record = { scheme: "", username: "", password: "", host: null, port: null, path: [], query: null, fragment: null };
    input = input.replace(/^[\0- ]+|[\0- ]+$/g, "");
  } else {
    record = url;
  }
  input = input.replace(/[\t\n\r]/g, "");
  const chars = Array.from(input);
  let state: State = stateOverride ?? S.SCHEME_START;
  let buffer = "";
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const special = () => isSpecialScheme(record.scheme);
  const path = () => record.path as string[];

  for (let pointer = 0; pointer <= chars.length; pointer++) {
    const c = pointer < chars.length ? (chars[pointer] as string) : undefined; // undefined is EOF
    switch (state) {
      case S.SCHEME_START:
        if (c !== undefined && /[A-Za-z]/.test(c)) {
          buffer += c.toLowerCase();
          state = S.SCHEME;
        } else if (stateOverride === undefined) {
          state = S.NO_SCHEME;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case S.SCHEME:
        if (c !== undefined && /[A-Za-z0-9+\-.]/.test(c)) {
          buffer += c.toLowerCase();
        } else if (c === ":") {
          if (stateOverride !== undefined) {
            if (isSpecialScheme(record.scheme) !== isSpecialScheme(buffer)) return record;
            if ((includesCredentials(record) || record.port !== null) && buffer === "file") return record;
            if (record.scheme === "file" && record.host === "") return record;
          }
          record.scheme = buffer;
          if (stateOverride !== undefined) {
            if (record.port === defaultPort(record.scheme)) record.port = null;
            return record;
          }
          buffer = "";
          if (record.scheme === "file") {
            state = S.FILE;
          } else if (special() && base !== null && base.scheme === record.scheme) {
            state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (special()) {
            state = S.SPECIAL_AUTHORITY_SLASHES;
          } else if (chars[pointer + 1] === "/") {
            state = S.PATH_OR_AUTHORITY;
            pointer++;
          } else {
            record.path = "";
            state = S.OPAQUE_PATH;
          }
        } else if (stateOverride === undefined) {
          buffer = "";
          state = S.NO_SCHEME;
          pointer = -1;
        } else {
          return FAILURE;
        }
        break;

      case S.NO_SCHEME:
        if (base === null || (typeof base.path === "string" && c !== "#")) return FAILURE;
        if (typeof base.path === "string" && c === "#") {
          record.scheme = base.scheme;
          record.path = base.path;
          record.query = base.query;
          record.fragment = "";
          state = S.FRAGMENT;
        } else if (base.scheme !== "file") {
          state = S.RELATIVE;
          pointer--;
        } else {
          state = S.FILE;
          pointer--;
        }
        break;

      case S.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === "/" && chars[pointer + 1] === "/") {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = S.RELATIVE;
          pointer--;
        }
        break;

      case S.PATH_OR_AUTHORITY:
        if (c === "/") {
          state = S.AUTHORITY;
        } else {
          state = S.PATH;
          pointer--;
        }
        break;

      case S.RELATIVE: {
        const from = base as URLRecord;
        record.scheme = from.scheme;
        if (c === "/" || (special() && c === "\\")) {
          state = S.RELATIVE_SLASH;
        } else {
          record.username = from.username;
          record.password = from.password;
          record.host = from.host;
          record.port = from.port;
          record.path = [...(from.path as string[])];
          record.query = from.query;
          if (c === "?") {
            record.query = "";
            state = S.QUERY;
          } else if (c === "#") {
            record.fragment = "";
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            record.query = null;
            shortenPath(record);
            state = S.PATH;
            pointer--;
          }
        }
        break;
      }

      case S.RELATIVE_SLASH:
        if (special() && (c === "/" || c === "\\")) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === "/") {
          state = S.AUTHORITY;
        } else {
          const from = base as URLRecord;
          record.username = from.username;
          record.password = from.password;
          record.host = from.host;
          record.port = from.port;
          state = S.PATH;
          pointer--;
        }
        break;

      case S.SPECIAL_AUTHORITY_SLASHES:
        if (c === "/" && chars[pointer + 1] === "/") {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== "/" && c !== "\\") {
          state = S.AUTHORITY;
          pointer--;
        }
        break;

      case S.AUTHORITY:
        if (c === "@") {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const char of buffer) {
            if (char === ":" && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncode(char, userinfoSet);
            if (passwordTokenSeen) record.password += encoded;
            else record.username += encoded;
          }
          buffer = "";
        } else if (c === undefined || c === "/" || c === "?" || c === "#" || (special() && c === "\\")) {
          if (atSignSeen && buffer === "") return FAILURE;
          pointer -= Array.from(buffer).length + 1;
          buffer = "";
          state = S.HOST;
        } else {
          buffer += c;
        }
        break;

      case S.HOST:
      case S.HOSTNAME:
        if (stateOverride !== undefined && record.scheme === "file") {
          pointer--;
          state = S.FILE_HOST;
        } else if (c === ":" && !insideBrackets) {
          if (buffer === "") return FAILURE;
          if (stateOverride === S.HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !special());
          if (host === null) return FAILURE;
          record.host = host;
          buffer = "";
          state = S.PORT;
        } else if (c === undefined || c === "/" || c === "?" || c === "#" || (special() && c === "\\")) {
          pointer--;
          if (special() && buffer === "") return FAILURE;
          if (stateOverride !== undefined && buffer === "" && (includesCredentials(record) || record.port !== null)) return FAILURE;
          const host = parseHost(buffer, !special());
          if (host === null) return FAILURE;
          record.host = host;
          buffer = "";
          state = S.PATH_START;
          if (stateOverride !== undefined) return record;
        } else {
          if (c === "[") insideBrackets = true;
          if (c === "]") insideBrackets = false;
          buffer += c;
        }
        break;

      case S.PORT:
        if (c !== undefined && /[0-9]/.test(c)) {
          buffer += c;
        } else if (c === undefined || c === "/" || c === "?" || c === "#" || (special() && c === "\\") || stateOverride !== undefined) {
          if (buffer !== "") {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            record.port = port === defaultPort(record.scheme) ? null : port;
            buffer = "";
          }
          if (stateOverride !== undefined) return record;
          state = S.PATH_START;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case S.FILE:
        record.scheme = "file";
        record.host = "";
        if (c === "/" || c === "\\") {
          state = S.FILE_SLASH;
        } else if (base !== null && base.scheme === "file") {
          record.host = base.host;
          record.path = [...(base.path as string[])];
          record.query = base.query;
          if (c === "?") {
            record.query = "";
            state = S.QUERY;
          } else if (c === "#") {
            record.fragment = "";
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            record.query = null;
            if (!startsWithWindowsDriveLetter(chars, pointer)) shortenPath(record);
            else record.path = [];
            state = S.PATH;
            pointer--;
          }
        } else {
          state = S.PATH;
          pointer--;
        }
        break;

      case S.FILE_SLASH:
        if (c === "/" || c === "\\") {
          state = S.FILE_HOST;
        } else {
          if (base !== null && base.scheme === "file") {
            record.host = base.host;
            const basePath = base.path as string[];
            if (!startsWithWindowsDriveLetter(chars, pointer) && basePath.length > 0 && isWindowsDriveLetter(basePath[0] as string, true)) {
              path().push(basePath[0] as string);
            }
          }
          state = S.PATH;
          pointer--;
        }
        break;

      case S.FILE_HOST:
        if (c === undefined || c === "/" || c === "\\" || c === "?" || c === "#") {
          pointer--;
          if (stateOverride === undefined && isWindowsDriveLetter(buffer)) {
            state = S.PATH;
          } else if (buffer === "") {
            record.host = "";
            if (stateOverride !== undefined) return record;
            state = S.PATH_START;
          } else {
            let host = parseHost(buffer, !special());
            if (host === null) return FAILURE;
            if (host === "localhost") host = "";
            record.host = host;
            if (stateOverride !== undefined) return record;
            buffer = "";
            state = S.PATH_START;
          }
        } else {
          buffer += c;
        }
        break;

      case S.PATH_START:
        if (special()) {
          state = S.PATH;
          if (c !== "/" && c !== "\\") pointer--;
        } else if (stateOverride === undefined && c === "?") {
          record.query = "";
          state = S.QUERY;
        } else if (stateOverride === undefined && c === "#") {
          record.fragment = "";
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          state = S.PATH;
          if (c !== "/") pointer--;
        } else if (stateOverride !== undefined && record.host === null) {
          path().push("");
        }
        break;

      case S.PATH: {
        const slash = c === "/" || (special() && c === "\\");
        if (c === undefined || slash || (stateOverride === undefined && (c === "?" || c === "#"))) {
          const lower = buffer.toLowerCase();
          const doubleDot = lower === ".." || lower === ".%2e" || lower === "%2e." || lower === "%2e%2e";
          const singleDot = lower === "." || lower === "%2e";
          if (doubleDot) {
            shortenPath(record);
            if (!slash) path().push("");
          } else if (singleDot && !slash) {
            path().push("");
          } else if (!singleDot) {
            if (record.scheme === "file" && path().length === 0 && isWindowsDriveLetter(buffer)) buffer = `${buffer[0]}:`;
            path().push(buffer);
          }
          buffer = "";
          if (c === "?") {
            record.query = "";
            state = S.QUERY;
          }
          if (c === "#") {
            record.fragment = "";
            state = S.FRAGMENT;
          }
        } else {
          buffer += percentEncode(c, pathSet);
        }
        break;
      }

      case S.OPAQUE_PATH:
        if (c === "?") {
          record.query = "";
          state = S.QUERY;
        } else if (c === "#") {
          record.fragment = "";
          state = S.FRAGMENT;
        } else if (c === " ") {
          const next = chars[pointer + 1];
          record.path = (record.path as string) + (next === "?" || next === "#" ? "%20" : " ");
        } else if (c !== undefined) {
          record.path = (record.path as string) + percentEncode(c, c0ControlSet);
        }
        break;

      case S.QUERY:
        if ((stateOverride === undefined && c === "#") || c === undefined) {
          record.query = (record.query ?? "") + percentEncode(buffer, special() ? specialQuerySet : querySet);
          buffer = "";
          if (c === "#") {
            record.fragment = "";
            state = S.FRAGMENT;
          }
        } else {
          buffer += c;
        }
        break;

      case S.FRAGMENT:
        if (c !== undefined) record.fragment = (record.fragment ?? "") + percentEncode(c, fragmentSet);
        break;
    }
  }
  return record;
}

function serializePath(url: URLRecord): string {
  if (typeof url.path === "string") return url.path;
  let out = "";
  for (const segment of url.path) out += `/${segment}`;
  return out;
}

function serializeURL(url: URLRecord): string {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += "//";
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== "") out += `:${url.password}`;
      out += "@";
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (typeof url.path !== "string" && url.path.length > 1 && url.path[0] === "") {
    out += "/.";
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function serializeOrigin(url: URLRecord): string {
  if (url.scheme === "blob") {
    const inner = basicParse(serializePath(url), null);
    return inner !== null && (inner.scheme === "http" || inner.scheme === "https") ? serializeOrigin(inner) : "null";
  }
  if (isSpecialScheme(url.scheme) && url.scheme !== "file") {
    return `${url.scheme}://${url.host}${url.port === null ? "" : `:${url.port}`}`;
  }
  return "null";
}

// ---------------------------------------------------------------------------------------------
// application/x-www-form-urlencoded

function parseFormUrlencoded(input: string): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  for (const sequence of input.split("&")) {
    if (sequence === "") continue;
    const equals = sequence.indexOf("=");
    const name = equals === -1 ? sequence : sequence.slice(0, equals);
    const value = equals === -1 ? "" : sequence.slice(equals + 1);
    list.push([
      utf8WithoutBOM.decode(percentDecode(name.replace(/\+/g, " "))),
      utf8WithoutBOM.decode(percentDecode(value.replace(/\+/g, " "))),
    ]);
  }
  return list;
}

function serializeFormUrlencoded(list: ReadonlyArray<readonly [string, string]>): string {
  return list.map(([name, value]) => `${percentEncode(name, formSet, true)}=${percentEncode(value, formSet, true)}`).join("&");
}

// ---------------------------------------------------------------------------------------------
// The classes

let recordOf: (url: URL) => URLRecord;
let attachParams: (params: URLSearchParams, url: URL, list: Array<[string, string]>) => void;
let replaceParams: (params: URLSearchParams, list: Array<[string, string]>) => void;

export class URLSearchParams {
  #list: Array<[string, string]> = [];
  #url: URL | null = null;

  static {
    attachParams = (params, url, list) => {
      params.#url = url;
      params.#list = list;
    };
    replaceParams = (params, list) => {
      params.#list = list;
    };
  }

  constructor(init: string | Iterable<Iterable<string>> | Record<string, string> | URLSearchParams = "") {
    if (init instanceof URLSearchParams) {
      this.#list = init.#list.map(([name, value]): [string, string] => [name, value]);
    } else if (init !== null && typeof init === "object" && typeof (init as Iterable<unknown>)[Symbol.iterator] === "function") {
      for (const pair of init as Iterable<Iterable<string>>) {
        if (pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
          throw new TypeError("Each query pair must be an iterable [name, value] tuple");
        }
        const items = [...pair];
        if (items.length !== 2) throw new TypeError("Each query pair must be an iterable [name, value] tuple");
        this.#list.push([toUSVString(items[0]), toUSVString(items[1])]);
      }
    } else if (init !== null && (typeof init === "object" || typeof init === "function")) {
      for (const key of Reflect.ownKeys(init)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
        if (descriptor?.enumerable !== true || typeof key === "symbol") continue;
        this.#list.push([toUSVString(key), toUSVString((init as Record<string, unknown>)[key])]);
      }
    } else {
      const text = toUSVString(init);
      this.#list = parseFormUrlencoded(text.startsWith("?") ? text.slice(1) : text);
    }
  }

  #update(): void {
    if (this.#url === null) return;
    const serialized = serializeFormUrlencoded(this.#list);
    recordOf(this.#url).query = serialized === "" ? null : serialized;
  }

  get size(): number {
    return this.#list.length;
  }

  append(name: string, value: string): void {
    if (arguments.length < 2) throw new TypeError('The "name" and "value" arguments must be specified');
    this.#list.push([toUSVString(name), toUSVString(value)]);
    this.#update();
  }

  delete(name: string, value?: string): void {
    const key = toUSVString(name);
    const match = value === undefined ? null : toUSVString(value);
    this.#list = this.#list.filter(([n, v]) => n !== key || (match !== null && v !== match));
    this.#update();
  }

  get(name: string): string | null {
    const key = toUSVString(name);
    return this.#list.find(([n]) => n === key)?.[1] ?? null;
  }

  getAll(name: string): string[] {
    const key = toUSVString(name);
    return this.#list.filter(([n]) => n === key).map(([, v]) => v);
  }

  has(name: string, value?: string): boolean {
    const key = toUSVString(name);
    const match = value === undefined ? null : toUSVString(value);
    return this.#list.some(([n, v]) => n === key && (match === null || v === match));
  }

  set(name: string, value: string): void {
    if (arguments.length < 2) throw new TypeError('The "name" and "value" arguments must be specified');
    const key = toUSVString(name);
    const entry: [string, string] = [key, toUSVString(value)];
    const index = this.#list.findIndex(([n]) => n === key);
    if (index === -1) this.#list.push(entry);
    else this.#list = this.#list.filter(([n], position) => n !== key || position === index).map((pair) => (pair[0] === key ? entry : pair));
    this.#update();
  }

  // Stable, by UTF-16 code units of the names (Array.prototype.sort is stable).
  sort(): void {
    this.#list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#update();
  }

  toString(): string {
    return serializeFormUrlencoded(this.#list);
  }

  forEach(callback: (value: string, name: string, params: URLSearchParams) => void, thisArg?: unknown): void {
    if (typeof callback !== "function") throw new TypeError('The "callback" argument must be of type function');
    for (let i = 0; i < this.#list.length; i++) {
      const [name, value] = this.#list[i] as [string, string];
      callback.call(thisArg, value, name, this);
    }
  }

  entries(): IterableIterator<[string, string]> {
    return this.#list.map(([name, value]): [string, string] => [name, value])[Symbol.iterator]();
  }

  keys(): IterableIterator<string> {
    return this.#list.map(([name]) => name)[Symbol.iterator]();
  }

  values(): IterableIterator<string> {
    return this.#list.map(([, value]) => value)[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: "URLSearchParams", configurable: true });

export class URL {
  #url: URLRecord;
  #params: URLSearchParams;

  static {
    recordOf = (url) => url.#url;
  }

  constructor(url: string | URL, base?: string | URL) {
    if (arguments.length === 0) throw new TypeError('The "url" argument must be specified');
    const href = toUSVString(url);
    let baseRecord: URLRecord | null = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base), null);
      if (baseRecord === null) throw new TypeError(`Invalid base URL: ${toUSVString(base)}`);
    }
    const record = basicParse(href, baseRecord);
    if (record === null) throw new TypeError(`Invalid URL: ${href}`);
    this.#url = record;
    this.#params = new URLSearchParams();
    attachParams(this.#params, this, parseFormUrlencoded(record.query ?? ""));
  }

  static parse(url: string | URL, base?: string | URL): URL | null {
    try {
      return base === undefined ? new URL(url) : new URL(url, base);
    } catch {
      return null;
    }
  }

  static canParse(url: string | URL, base?: string | URL): boolean {
    let baseRecord: URLRecord | null = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base), null);
      if (baseRecord === null) return false;
    }
    return basicParse(toUSVString(url), baseRecord) !== null;
  }

  get href(): string {
    return serializeURL(this.#url);
  }
  set href(value: string) {
    const record = basicParse(toUSVString(value), null);
    if (record === null) throw new TypeError(`Invalid URL: ${toUSVString(value)}`);
    this.#url = record;
    replaceParams(this.#params, parseFormUrlencoded(record.query ?? ""));
  }

  get origin(): string {
    return serializeOrigin(this.#url);
  }

  get protocol(): string {
    return `${this.#url.scheme}:`;
  }
  set protocol(value: string) {
    basicParse(`${toUSVString(value)}:`, null, this.#url, S.SCHEME_START);
  }

  get username(): string {
    return this.#url.username;
  }
  set username(value: string) {
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.username = percentEncode(toUSVString(value), userinfoSet);
  }

  get password(): string {
    return this.#url.password;
  }
  set password(value: string) {
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.password = percentEncode(toUSVString(value), userinfoSet);
  }

  get host(): string {
    const { host, port } = this.#url;
    if (host === null) return "";
    return port === null ? host : `${host}:${port}`;
  }
  set host(value: string) {
    if (typeof this.#url.path === "string") return;
    this.#edit(toUSVString(value), S.HOST);
  }

  get hostname(): string {
    return this.#url.host ?? "";
  }
  set hostname(value: string) {
    if (typeof this.#url.path === "string") return;
    this.#edit(toUSVString(value), S.HOSTNAME);
  }

  get port(): string {
    return this.#url.port === null ? "" : String(this.#url.port);
  }
  set port(value: string) {
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    const text = toUSVString(value);
    if (text === "") this.#url.port = null;
    else this.#edit(text, S.PORT);
  }

  get pathname(): string {
    return serializePath(this.#url);
  }
  set pathname(value: string) {
    if (typeof this.#url.path === "string") return;
    this.#url.path = [];
    this.#edit(toUSVString(value), S.PATH_START);
  }

  get search(): string {
    const { query } = this.#url;
    return query === null || query === "" ? "" : `?${query}`;
  }
  set search(value: string) {
    const text = toUSVString(value);
    if (text === "") {
      this.#url.query = null;
      replaceParams(this.#params, []);
      return;
    }
    const input = text.startsWith("?") ? text.slice(1) : text;
    this.#url.query = "";
    this.#edit(input, S.QUERY);
    replaceParams(this.#params, parseFormUrlencoded(input));
  }

  get searchParams(): URLSearchParams {
    return this.#params;
  }

  get hash(): string {
    const { fragment } = this.#url;
    return fragment === null || fragment === "" ? "" : `#${fragment}`;
  }
  set hash(value: string) {
    const text = toUSVString(value);
    if (text === "") {
      this.#url.fragment = null;
      return;
    }
    this.#url.fragment = "";
    this.#edit(text.startsWith("#") ? text.slice(1) : text, S.FRAGMENT);
  }

  toString(): string {
    return this.href;
  }

  toJSON(): string {
    return this.href;
  }

  // As the spec does, edits in place: a failure part-way keeps what was set before it.
  #edit(input: string, state: State): void {
    basicParse(input, null, this.#url, state);
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: "URL", configurable: true });
for (const name of ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "searchParams", "hash", "toString", "toJSON"]) {
  const descriptor = Object.getOwnPropertyDescriptor(URL.prototype, name) as PropertyDescriptor;
  Object.defineProperty(URL.prototype, name, { ...descriptor, enumerable: true });
}
