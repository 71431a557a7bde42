import { DOMException } from "./dom-exception.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Map<string, number>([...ALPHABET].map((char, index) => [char, index]));

export function btoa(data: string): string {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  const input = String(data);
  const parts: string[] = [];
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i);
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) : 0;
    if (a > 0xff || b > 0xff || c > 0xff) throw new DOMException("Invalid character", "InvalidCharacterError");
    const triple = (a << 16) | (b << 8) | c;
    parts.push(
      (ALPHABET[(triple >> 18) & 63] as string) +
        (ALPHABET[(triple >> 12) & 63] as string) +
        (i + 1 < input.length ? (ALPHABET[(triple >> 6) & 63] as string) : "=") +
        (i + 2 < input.length ? (ALPHABET[triple & 63] as string) : "="),
    );
  }
  return parts.join("");
}

// The forgiving-base64 decode of the HTML spec.
export function atob(data: string): string {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  let input = String(data).replace(/[\t\n\f\r ]/g, "");
  if (input.length % 4 === 0) input = input.replace(/={1,2}$/, "");
  if (input.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(input)) {
    throw new DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
  }
  const codes: number[] = [];
  const parts: string[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of input) {
    buffer = ((buffer << 6) | (VALUES.get(char) as number)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      codes.push((buffer >> bits) & 0xff);
      if (codes.length === 8192) parts.push(String.fromCharCode.apply(null, codes.splice(0)));
    }
  }
  parts.push(String.fromCharCode.apply(null, codes));
  return parts.join("");
}
