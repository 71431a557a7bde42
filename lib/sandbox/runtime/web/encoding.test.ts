import { describe, expect, it } from "vitest";
import { outcome, seededRandom, webGlobals } from "./test-support.ts";

const web = webGlobals();

function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  // Mostly bytes that form or break UTF-8 sequences, to reach every decoder state.
  const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90];
  for (let i = 0; i < length; i++) bytes[i] = random() < 0.6 ? (interesting[Math.floor(random() * interesting.length)] as number) : Math.floor(random() * 256);
  return bytes;
}

function randomString(random: () => number, length: number): string {
  const pieces = ["a", "é", "€", "😀", "\ud800", "\udc00", "\u0000", "\ufeff", "z", "\uffff"];
  let text = "";
  for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

describe("TextEncoder", () => {
  it("encodes like Node, lone surrogates included", () => {
    const random = seededRandom(1);
    const ours = new web.TextEncoder();
    const node = new TextEncoder();
    for (let i = 0; i < 300; i++) {
      const text = randomString(random, Math.floor(random() * 20));
      expect([...ours.encode(text)]).toEqual([...node.encode(text)]);
      const size = Math.floor(random() * 12);
      const a = new Uint8Array(size);
      const b = new Uint8Array(size);
      expect(ours.encodeInto(text, a)).toEqual(node.encodeInto(text, b));
      expect([...a]).toEqual([...b]);
    }
    expect(ours.encoding).toBe("utf-8");
    expect(ours.encode()).toEqual(new Uint8Array(0));
  });
});

describe("TextDecoder", () => {
  it("decodes random UTF-8 like Node, replacing or throwing", () => {
    const random = seededRandom(2);
    for (let i = 0; i < 500; i++) {
      const bytes = randomBytes(random, Math.floor(random() * 16));
      for (const fatal of [false, true]) {
        const ours = outcome(() => new web.TextDecoder("utf-8", { fatal }).decode(bytes));
        const node = outcome(() => new TextDecoder("utf-8", { fatal }).decode(bytes));
        expect(ours, `${[...bytes]} fatal=${fatal}`).toEqual(node);
      }
    }
  });

  it("decodes in streaming chunks like Node", () => {
    const random = seededRandom(3);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(random, 24);
      const cuts = [0, Math.floor(random() * 24), Math.floor(random() * 24), 24].sort((a, b) => a - b);
      for (const label of ["utf-8", "utf-16le"]) {
        const ours = new web.TextDecoder(label);
        const node = new TextDecoder(label);
        let a = "";
        let b = "";
        for (let c = 0; c < cuts.length - 1; c++) {
          const chunk = bytes.subarray(cuts[c], cuts[c + 1]);
          a += ours.decode(chunk, { stream: true });
          b += node.decode(chunk, { stream: true });
        }
        a += ours.decode();
        b += node.decode();
        expect(a, `${label} ${[...bytes]} ${cuts}`).toBe(b);
      }
    }
  });

  it("handles the BOM, labels and encodings like Node", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]);
    for (const ignoreBOM of [false, true]) {
      expect(new web.TextDecoder("utf-8", { ignoreBOM }).decode(bom)).toBe(new TextDecoder("utf-8", { ignoreBOM }).decode(bom));
    }
    const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x3d, 0xd8, 0x00, 0xde]);
    expect(new web.TextDecoder("utf-16le").decode(utf16)).toBe(new TextDecoder("utf-16le").decode(utf16));
    for (const label of ["utf8", " UTF-8 ", "unicode-1-1-utf-8", "utf-16", "latin1", "ascii", "iso-8859-1"]) {
      expect(new web.TextDecoder(label).encoding).toBe(new TextDecoder(label).encoding);
    }
    const high = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    expect(new web.TextDecoder("latin1").decode(high)).toBe(new TextDecoder("latin1").decode(high));
    expect(() => new web.TextDecoder("klingon")).toThrow(RangeError);
    const decoder = new web.TextDecoder("utf-8", { fatal: true });
    expect(decoder.fatal).toBe(true);
    expect(() => decoder.decode(new Uint8Array([0xff]))).toThrow(TypeError);
    expect(decoder.decode(new Uint16Array([0x6968]))).toBe("hi");
    expect(decoder.decode(new Uint8Array([0x68, 0x69]).buffer)).toBe("hi");
  });

  it("decodes a large input in linear time", () => {
    const big = new TextEncoder().encode("héllo wörld 😀 ".repeat(400_000));
    const started = performance.now();
    const text = new web.TextDecoder().decode(big);
    expect(text.length).toBe(new TextDecoder().decode(big).length);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("atob/btoa", () => {
  it("match Node on random strings, including invalid ones", () => {
    const random = seededRandom(4);
    const alphabet = "ABCXYZabcxyz0189+/= \n\t-_*é";
    for (let i = 0; i < 500; i++) {
      let text = "";
      const length = Math.floor(random() * 14);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(outcome(() => web.atob(text)), JSON.stringify(text)).toEqual(outcome(() => atob(text)));
      expect(outcome(() => web.btoa(text)), JSON.stringify(text)).toEqual(outcome(() => btoa(text)));
    }
    const binary = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    expect(web.btoa(binary)).toBe(btoa(binary));
    expect(web.atob(btoa(binary))).toBe(binary);
  });

  it("throws an InvalidCharacterError DOMException like Node", () => {
    const error = outcome(() => web.atob("a"));
    expect(error).toEqual({ ok: false, error: "InvalidCharacterError" });
    try {
      web.btoa("€");
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(web.DOMException);
      expect((thrown as DOMException).code).toBe(5);
    }
    expect.assertions(3);
  });
});
