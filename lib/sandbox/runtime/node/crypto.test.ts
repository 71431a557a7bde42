import * as nodeCrypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fakeHost, loadRuntime } from "./test-support.ts";

type Crypto = typeof nodeCrypto;
let ours: Crypto;
let OurBuffer: typeof Buffer;
beforeAll(async () => {
  const runtime = await loadRuntime();
  ours = runtime.modules.crypto as Crypto;
  OurBuffer = runtime.globals.Buffer as unknown as typeof Buffer;
});

function describeError(attempt: () => unknown) {
  try {
    attempt();
  } catch (error) {
    const { name, message, code } = error as { name: string; message: string; code?: string };
    return { name, message, code };
  }
  throw new Error("expected a throw");
}

describe("crypto, compared with Node's", () => {
  it("hashes random inputs to Node's digests, in every output encoding", () => {
    for (let round = 0; round < 40; round++) {
      const data = nodeCrypto.randomBytes(round * 17);
      const text = data.toString("latin1");
      for (const algorithm of ["sha256", "sha1", "md5", "sha512", "sha384", "sha224", "SHA256", "RSA-SHA1"]) {
        for (const encoding of ["hex", "base64", "base64url", "latin1"] as nodeCrypto.BinaryToTextEncoding[]) {
          const expected = nodeCrypto.createHash(algorithm).update(data).update(text, "latin1").digest(encoding);
          const actual = ours.createHash(algorithm).update(OurBuffer.from(data)).update(text, "latin1").digest(encoding);
          expect(actual, `${algorithm} ${encoding}`).toBe(expected);
        }
        const expectedBuffer = nodeCrypto.createHash(algorithm).update("héllo").digest();
        expect([...ours.createHash(algorithm).update("héllo").digest()]).toEqual([...expectedBuffer]);
        expect(ours.hash(algorithm, "abc")).toBe(nodeCrypto.hash(algorithm, "abc"));
      }
    }
  });

  it("computes HMACs like Node, with string and binary keys", () => {
    for (let round = 0; round < 20; round++) {
      const key = nodeCrypto.randomBytes(round * 9);
      const data = nodeCrypto.randomBytes(round * 31).toString("hex");
      for (const algorithm of ["sha256", "sha1", "md5", "sha512"]) {
        expect(ours.createHmac(algorithm, OurBuffer.from(key)).update(data, "hex").digest("base64")).toBe(
          nodeCrypto.createHmac(algorithm, key).update(data, "hex").digest("base64"),
        );
        expect(ours.createHmac(algorithm, "secret").update(data).digest("hex")).toBe(
          nodeCrypto.createHmac(algorithm, "secret").update(data).digest("hex"),
        );
      }
    }
  });

  it("copies hashes mid-way and refuses to be used after digest(), like Node", () => {
    const run = (crypto: Crypto) => {
      const hash = crypto.createHash("sha256").update("a");
      const copy = hash.copy().update("b");
      const results: unknown[] = [hash.digest("hex"), copy.digest("hex")];
      results.push(describeError(() => hash.update("more")), describeError(() => hash.digest()));
      results.push(describeError(() => crypto.createHash("nope")), describeError(() => crypto.createHash("sha256").update(1 as never)));
      return results;
    };
    expect(run(ours)).toEqual(run(nodeCrypto));
  });

  it("compares in constant time with Node's errors for mismatched inputs", () => {
    const run = (crypto: Crypto, B: typeof Buffer) => [
      crypto.timingSafeEqual(B.from("secret"), B.from("secret")),
      crypto.timingSafeEqual(B.from("secret"), B.from("secreT")),
      crypto.timingSafeEqual(new Uint16Array([1, 2]), new Uint8Array([1, 0, 2, 0])),
      describeError(() => crypto.timingSafeEqual(B.from("a"), B.from("ab"))),
    ];
    expect(run(ours, OurBuffer)).toEqual(run(nodeCrypto, Buffer));
  });

  it("draws random values from the host's seeded PRNG: same seed, same run", async () => {
    const first = (await loadRuntime(fakeHost())).modules.crypto as Crypto;
    const second = (await loadRuntime(fakeHost())).modules.crypto as Crypto;
    const draw = (crypto: Crypto) => [crypto.randomUUID(), crypto.randomBytes(8).toString("hex"), crypto.randomInt(10), crypto.getRandomValues(new Uint32Array(2))];
    const drawn = draw(first);
    expect(draw(second)).toEqual(drawn);
    expect(drawn[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(describeError(() => first.randomBytes(-1))).toEqual(describeError(() => nodeCrypto.randomBytes(-1)));
    const viaCallback = await new Promise<Buffer>((resolve, reject) => first.randomBytes(4, (error, buffer) => (error ? reject(error) : resolve(buffer))));
    expect(viaCallback).toHaveLength(4);
  });
});
