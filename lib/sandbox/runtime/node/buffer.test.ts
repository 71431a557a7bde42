import * as nodeBuffer from "node:buffer";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime } from "./test-support.ts";

type BufferModule = typeof nodeBuffer;
let ours: BufferModule;
let OurBuffer: typeof Buffer;
beforeAll(async () => {
  const runtime = await loadRuntime();
  ours = runtime.modules.buffer as BufferModule;
  OurBuffer = runtime.globals.Buffer as unknown as typeof Buffer;
});

const ENCODINGS = ["utf8", "hex", "base64", "base64url", "latin1", "ascii", "ucs2", "binary"] as const;

function bytes(buffer: Uint8Array): number[] {
  return [...buffer];
}

describe("buffer, compared with Node's", () => {
  it("encodes random bytes and decodes them back like Node, in every encoding", () => {
    for (let round = 0; round < 50; round++) {
      const data = randomBytes(round * 3);
      const ourCopy = OurBuffer.from(bytes(data));
      for (const encoding of ENCODINGS) {
        const text = data.toString(encoding);
        expect(ourCopy.toString(encoding), encoding).toBe(text);
        expect(bytes(OurBuffer.from(text, encoding)), encoding).toEqual(bytes(Buffer.from(text, encoding)));
        expect(OurBuffer.byteLength(text, encoding), encoding).toBe(Buffer.byteLength(text, encoding));
      }
    }
  });

  it("refuses an encoding Node does not know, as Node does, and accepts its aliases", () => {
    const data = Buffer.from("héllo");
    const ourCopy = OurBuffer.from(bytes(data));
    for (const encoding of ["", "latin2", "utf16", null]) {
      const theirs = (() => { try { return data.toString(encoding as BufferEncoding); } catch (error) { return (error as { code?: string }).code; } })();
      const mine = (() => { try { return ourCopy.toString(encoding as BufferEncoding); } catch (error) { return (error as { code?: string }).code; } })();
      expect(mine, String(encoding)).toBe(theirs);
    }
    for (const encoding of ["UTF-8", "Utf8", "UCS-2", "utf16le", "BINARY", "Base64URL"]) expect(ourCopy.toString(encoding as BufferEncoding), encoding).toBe(data.toString(encoding as BufferEncoding));
  });

  it("decodes text with odd characters as Node does", () => {
    const samples = ["héllo wörld", "emoji 👋🏽", "\u0000\uffff", "lone \ud800 surrogate", "abz", "QUJD=", "QUJD", "_-8", ""];
    for (const sample of samples) {
      for (const encoding of ENCODINGS) {
        expect(bytes(OurBuffer.from(sample, encoding)), `${encoding} ${sample}`).toEqual(bytes(Buffer.from(sample, encoding)));
      }
    }
  });

  it("reads, writes, compares and slices like Node", () => {
    const run = (B: typeof Buffer) => {
      const buffer = B.alloc(16, "ab");
      buffer.writeUInt32LE(0xdeadbeef, 0);
      buffer.writeInt16BE(-2, 4);
      buffer.writeDoubleLE(Math.PI, 8);
      return {
        hex: buffer.toString("hex"),
        reads: [buffer.readUInt32LE(0), buffer.readInt16BE(4), buffer.readDoubleLE(8), buffer.readUInt8(15)],
        concat: B.concat([B.from("ab"), B.from("cd")], 3).toString(),
        compare: [B.compare(B.from("a"), B.from("b")), B.from("x").equals(B.from("x"))],
        sub: buffer.subarray(4, 6).toString("hex"),
        json: B.from([1, 2]).toJSON(),
        search: [B.from("hello").indexOf("l"), B.from("hello").includes("ell"), B.from("aGk=", "base64").toString()],
        fill: B.alloc(4).fill("aGk", "base64url").toString("hex"),
        isEncoding: ["base64url", "utf-8", "nope"].map((name) => B.isEncoding(name)),
        isBuffer: [B.isBuffer(B.alloc(1)), B.isBuffer(new Uint8Array(1))],
        copied: B.copyBytesFrom(new Uint16Array([1, 256, 65535]), 1).toString("hex"),
      };
    };
    expect(run(OurBuffer)).toEqual(run(Buffer));
  });

  it("handles multi-byte characters at the edges like Node", () => {
    const run = (B: typeof Buffer) => {
      const small = B.alloc(4);
      const written = small.write("a€b");
      const euro = B.from("€€");
      return {
        written,
        small: small.toString("hex"),
        cut: [euro.toString("utf8", 1), euro.toString("utf8", 0, 4), euro.toString("hex", 1, 3)],
        filled: B.alloc(5, "€").toString("hex"),
        view: (() => {
          const whole = B.from("hello");
          const part = whole.slice(1, 3);
          part[0] = 69;
          return [whole.toString(), B.from(whole).equals(whole), B.from(whole) !== whole];
        })(),
        bigints: (() => {
          const big = B.alloc(8);
          big.writeBigInt64LE(-2n);
          return [big.readBigInt64LE(), big.readBigUInt64BE()];
        })(),
        compare: [B.compare(B.from("ab"), B.from("abc")), B.from("b").compare(B.from("a"))],
        latin1: B.from("ÿé", "latin1").toString("latin1"),
        ucs2: B.from("hi €", "utf16le").toString("hex"),
      };
    };
    expect(run(OurBuffer)).toEqual(run(Buffer));
  });

  it("refuses allocations above its cap with Node's ERR_OUT_OF_RANGE instead of allocating", () => {
    for (const attempt of [() => OurBuffer.alloc(2 ** 31), () => OurBuffer.allocUnsafe(2 ** 40), () => OurBuffer.alloc(-1)]) {
      expect(attempt).toThrow(RangeError);
    }
    let thrown: unknown;
    try {
      OurBuffer.alloc(2 ** 40);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "ERR_OUT_OF_RANGE",
      message: `The value of "size" is out of range. It must be >= 0 && <= ${ours.kMaxLength}. Received 1_099_511_627_776`,
    });
    expect((thrown as Error).stack).toMatch(/^RangeError \[ERR_OUT_OF_RANGE\]: The value of "size"/);
    expect(ours.constants.MAX_LENGTH).toBe(ours.kMaxLength);
    expect(OurBuffer.alloc(1024).length).toBe(1024);
  });

  it("shows buffers like Node's inspect", async () => {
    const { inspect } = await import("node:util");
    expect(inspect(OurBuffer.from("hi there"))).toBe(inspect(Buffer.from("hi there")));
  });
});
