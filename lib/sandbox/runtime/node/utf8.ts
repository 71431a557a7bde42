const REPLACEMENT = 0xfffd;
const CHUNK = 4096;

/**
 * UTF-8 to string with the WHATWG decoder's replacement rules (one U+FFFD per maximal invalid
 * subpart), which Node's Buffer#toString follows and the npm buffer port does not.
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  const parts: string[] = [];
  let units: number[] = [];
  const push = (codePoint: number) => {
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      units.push(0xd800 | (codePoint >>> 10), 0xdc00 | (codePoint & 0x3ff));
    } else {
      units.push(codePoint);
    }
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  };

  let codePoint = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let index = start; index < end; index++) {
    const byte = bytes[index] as number;
    if (needed === 0) {
      if (byte <= 0x7f) push(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0xf;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x7;
      } else push(REPLACEMENT);
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence broke off: replace what was read and decode this byte afresh.
      codePoint = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      push(REPLACEMENT);
      index--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    if (++seen === needed) {
      push(codePoint);
      codePoint = needed = seen = 0;
    }
  }
  if (needed !== 0) push(REPLACEMENT);
  parts.push(String.fromCharCode(...units));
  return parts.join("");
}
