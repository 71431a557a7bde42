import fc from "fast-check";
import { createHmac } from "node:crypto";
import { JwtError, sign, verify, type VerifyOptions } from "./solution";

const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const SECRET = "s3cret";
const NOW_MS = 1_700_000_000_000;
const OPTS: VerifyOptions = { secret: SECRET, now: () => NOW_MS };

/** A token with any header text and payload text, signed over the segments exactly as given. */
function forge(headerJson: string, payloadJson: string, secret = SECRET, hash = "sha256"): string {
  const input = `${b64url(headerJson)}.${b64url(payloadJson)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest("base64url")}`;
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof JwtError ? error.code : `not a JwtError: ${String(error)}`;
  }
  return "no error: the token was accepted";
}

const OK = "no error: the token was accepted";

describe("jwt: sign", () => {
  it("produces exactly base64url(header).base64url(payload).base64url(HMAC-SHA256), without padding", () => {
    const payload = { sub: "42", name: "Zoë", n: [1, 2] };
    expect(sign(payload, SECRET)).toBe(forge('{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload)));
    expect(sign({}, "k")).not.toMatch(/[=+/]/);
  });

  it("refuses a payload that is not an object (TypeError) and an empty secret (RangeError)", () => {
    expect(() => sign([] as unknown as Record<string, unknown>, SECRET)).toThrow(TypeError);
    expect(() => sign(null as unknown as Record<string, unknown>, SECRET)).toThrow(TypeError);
    expect(() => sign({}, "")).toThrow(RangeError);
    expect(() => sign({}, Buffer.alloc(0))).toThrow(RangeError);
  });

  it("treats a Buffer secret like the same bytes as a string", () => {
    const token = sign({ sub: "b" }, Buffer.from(SECRET));
    expect(token).toBe(sign({ sub: "b" }, SECRET));
    expect(verify(token, { ...OPTS, secret: Buffer.from(SECRET) }).payload).toEqual({ sub: "b" });
  });
});

describe("jwt: errors", () => {
  it("throws JwtErrors that are Errors named JwtError, carrying the code", () => {
    let caught: unknown;
    try {
      verify("not-a-token", OPTS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JwtError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as JwtError).name).toBe("JwtError");
    expect((caught as JwtError).code).toBe("MALFORMED");
  });
});

describe("jwt: verify refuses bad options before looking at the token", () => {
  it("throws a RangeError for an empty secret or a negative or non-finite clock tolerance", () => {
    const token = sign({}, SECRET);
    expect(() => verify(token, { ...OPTS, secret: "" })).toThrow(RangeError);
    expect(() => verify(token, { ...OPTS, clockToleranceSec: -1 })).toThrow(RangeError);
    expect(() => verify(token, { ...OPTS, clockToleranceSec: Infinity })).toThrow(RangeError);
  });
});

describe("jwt: shape and encoding (MALFORMED)", () => {
  it("needs exactly three non-empty segments", () => {
    const token = sign({ sub: "x" }, SECRET);
    const [h, p, s] = token.split(".") as [string, string, string];
    for (const bad of ["", "abc", `${h}.${p}`, `${token}.${s}`, `.${p}.${s}`, `${h}..${s}`, `${h}.${p}.`]) {
      expect(errorCode(() => verify(bad, OPTS)), JSON.stringify(bad.slice(0, 30))).toBe("MALFORMED");
    }
  });

  it("refuses padding, base64 (not base64url) characters and stray characters in any segment", () => {
    const [h, p, s] = sign({ sub: "xy" }, SECRET).split(".") as [string, string, string];
    const variants = [`${h}=.${p}.${s}`, `${h}.${p}.${s}=`, `${h}.${p}.+${s}`, `${h}/.${p}.${s}`, `${h}.${p}!.${s}`, `${h}.${p} .${s}`, `${h}.${p}.${s}*`];
    for (const bad of variants) expect(errorCode(() => verify(bad, OPTS)), bad).toBe("MALFORMED");
  });

  it("refuses a non-canonical signature whose last character differs only in ignored bits", () => {
    const token = sign({ sub: "canon" }, SECRET);
    const [h, p, s] = token.split(".") as [string, string, string];
    // 32 bytes take 43 characters: the last one carries 4 data bits and 2 unused ones.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(s.charAt(s.length - 1));
    const twin = alphabet[last ^ 1];
    const aliased = `${h}.${p}.${s.slice(0, -1)}${twin}`;
    expect(Buffer.from(aliased.split(".")[2]!, "base64url").equals(Buffer.from(s, "base64url"))).toBe(true);
    expect(errorCode(() => verify(aliased, OPTS))).toBe("MALFORMED");
  });

  it("needs a header that is a JSON object", () => {
    for (const header of ["not json", "[]", "null", '"HS256"', "42"]) expect(errorCode(() => verify(forge(header, "{}"), OPTS)), header).toBe("MALFORMED");
  });
});

describe("jwt: the algorithm is the verifier's choice", () => {
  it("refuses every alg but exactly HS256, even when the token is correctly signed for the alg it names", () => {
    expect(errorCode(() => verify(forge('{"alg":"HS512"}', '{"sub":"a"}', SECRET, "sha512"), OPTS))).toBe("UNSUPPORTED_ALG");
    for (const header of ['{"alg":"none"}', '{"alg":"None"}', '{"alg":"hs256"}', '{"alg":"RS256"}', '{"alg":" HS256"}', '{"typ":"JWT"}', '{"alg":["HS256"]}']) {
      expect(errorCode(() => verify(forge(header, '{"sub":"a"}'), OPTS)), header).toBe("UNSUPPORTED_ALG");
    }
  });

  it("checks the alg before the signature: alg none with junk after it is UNSUPPORTED_ALG", () => {
    const token = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url('{"sub":"admin"}')}.${b64url("junk")}`;
    expect(errorCode(() => verify(token, OPTS))).toBe("UNSUPPORTED_ALG");
  });

  it("accepts a header with other fields, in any order and spacing: the HMAC covers the segments as received", () => {
    const token = forge('{ "typ": "JWT", "kid": "k1", "alg": "HS256" }', '{"sub":"spaced" , "n":1}');
    expect(verify(token, OPTS)).toEqual({ header: { typ: "JWT", kid: "k1", alg: "HS256" }, payload: { sub: "spaced", n: 1 } });
  });
});

describe("jwt: signature", () => {
  it("turns a signature of the wrong length into BAD_SIGNATURE, not a crash", () => {
    const [h, p, s] = sign({ sub: "len" }, SECRET).split(".") as [string, string, string];
    const short = Buffer.from(s, "base64url").subarray(0, 16).toString("base64url");
    const long = Buffer.concat([Buffer.from(s, "base64url"), Buffer.from([0])]).toString("base64url");
    expect(errorCode(() => verify(`${h}.${p}.${short}`, OPTS))).toBe("BAD_SIGNATURE");
    expect(errorCode(() => verify(`${h}.${p}.${long}`, OPTS))).toBe("BAD_SIGNATURE");
  });

  it("verifies before reading the payload: junk payload unsigned is BAD_SIGNATURE, signed it is MALFORMED", () => {
    const header = b64url('{"alg":"HS256"}');
    const junk = b64url("{not json");
    const bogusSignature = Buffer.alloc(32, 7).toString("base64url");
    expect(errorCode(() => verify(`${header}.${junk}.${bogusSignature}`, OPTS))).toBe("BAD_SIGNATURE");
    expect(errorCode(() => verify(forge('{"alg":"HS256"}', "{not json"), OPTS))).toBe("MALFORMED");
    expect(errorCode(() => verify(forge('{"alg":"HS256"}', '["array"]'), OPTS))).toBe("MALFORMED");
  });
});

describe("jwt: exp and nbf", () => {
  const at = (ms: number, extra: Partial<VerifyOptions> = {}) => ({ ...OPTS, now: () => ms, ...extra });

  it("compares in seconds without rounding now: valid 1 ms before exp, expired at exp", () => {
    const token = sign({ exp: 1000 }, SECRET);
    expect(errorCode(() => verify(token, at(999_999)))).toBe(OK);
    expect(errorCode(() => verify(token, at(999_999.5)))).toBe(OK);
    expect(errorCode(() => verify(token, at(1_000_000)))).toBe("EXPIRED");
    expect(errorCode(() => verify(token, at(1_004_999, { clockToleranceSec: 5 })))).toBe(OK);
    expect(errorCode(() => verify(token, at(1_005_000, { clockToleranceSec: 5 })))).toBe("EXPIRED");
    const fractional = sign({ exp: 1000.5 }, SECRET); // NumericDate may have a fraction
    expect(errorCode(() => verify(fractional, at(1_000_499)))).toBe(OK);
    expect(errorCode(() => verify(fractional, at(1_000_500))), "now() = 1000500 ms is 1000.5 s: not before exp").toBe("EXPIRED");
  });

  it("is not valid before nbf, and the tolerance lets it start earlier", () => {
    const token = sign({ nbf: 2000 }, SECRET);
    expect(errorCode(() => verify(token, at(1_999_999)))).toBe("NOT_YET_VALID");
    expect(errorCode(() => verify(token, at(2_000_000)))).toBe(OK);
    expect(errorCode(() => verify(token, at(1_997_000, { clockToleranceSec: 3 })))).toBe(OK);
    expect(errorCode(() => verify(token, at(1_996_999, { clockToleranceSec: 3 })))).toBe("NOT_YET_VALID");
  });

  it("needs numeric exp and nbf (INVALID_CLAIM), checks exp before nbf, and ignores iat", () => {
    expect(errorCode(() => verify(sign({ exp: "2000" }, SECRET), at(0)))).toBe("INVALID_CLAIM");
    expect(errorCode(() => verify(sign({ nbf: null }, SECRET), at(0)))).toBe("INVALID_CLAIM");
    expect(errorCode(() => verify(sign({ exp: 10, nbf: 50 }, SECRET), at(20_000)))).toBe("EXPIRED");
    expect(errorCode(() => verify(sign({ iat: 9_999_999_999 }, SECRET), at(0)))).toBe(OK);
    expect(errorCode(() => verify(sign({ sub: "forever" }, SECRET), at(8.64e15)))).toBe(OK);
  });
});

describe("jwt: iss and aud", () => {
  it("checks iss only when asked, against a string or a list", () => {
    const token = sign({ iss: "auth.deepend" }, SECRET);
    expect(errorCode(() => verify(token, OPTS))).toBe(OK);
    expect(errorCode(() => verify(token, { ...OPTS, issuer: ["other", "auth.deepend"] }))).toBe(OK);
    expect(errorCode(() => verify(token, { ...OPTS, issuer: "Auth.deepend" }))).toBe("BAD_ISSUER");
    expect(errorCode(() => verify(sign({}, SECRET), { ...OPTS, issuer: "auth.deepend" }))).toBe("BAD_ISSUER");
    expect(errorCode(() => verify(sign({ iss: ["auth.deepend"] }, SECRET), { ...OPTS, issuer: "auth.deepend" }))).toBe("BAD_ISSUER");
  });

  it("matches any token audience against any wanted audience; a missing or non-string aud fails", () => {
    const check = (aud: unknown, audience: string | string[]) => errorCode(() => verify(sign(aud === undefined ? {} : { aud }, SECRET), { ...OPTS, audience }));
    expect(check("chat", "chat")).toBe(OK);
    expect(check("chat", ["files", "chat"])).toBe(OK);
    expect(check(["a", "b"], ["c", "b"])).toBe(OK);
    expect(check(["a", "b"], ["c", "d"])).toBe("BAD_AUDIENCE");
    expect(check("chatroom", "chat")).toBe("BAD_AUDIENCE");
    expect(check(undefined, "chat")).toBe("BAD_AUDIENCE");
    expect(check(42, "42")).toBe("BAD_AUDIENCE");
    expect(check([], [])).toBe("BAD_AUDIENCE");
  });

  it("checks iss before aud, and both only after the signature and the times", () => {
    const token = sign({ iss: "x", aud: "y", exp: 1 }, SECRET);
    expect(errorCode(() => verify(token, { ...OPTS, issuer: "no", audience: "no" }))).toBe("EXPIRED");
    const live = sign({ iss: "x", aud: "y" }, SECRET);
    expect(errorCode(() => verify(live, { ...OPTS, issuer: "no", audience: "no" }))).toBe("BAD_ISSUER");
    expect(errorCode(() => verify(live, { ...OPTS, secret: "nope", issuer: "no" }))).toBe("BAD_SIGNATURE");
  });
});

describe("jwt: properties", () => {
  const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !["exp", "nbf", "__proto__"].includes(k));
  const payloads = fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 })), { maxKeys: 5 });

  it("verifies every token it signed, and refuses every single-character change with a JwtError", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    fc.assert(
      fc.property(payloads, fc.string({ minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (payload, secret, where, what) => {
        const token = sign(payload, secret);
        expect(verify(token, { secret, now: () => NOW_MS }).payload).toEqual(payload);
        const index = where % token.length;
        const replacement = alphabet[what % alphabet.length];
        fc.pre(replacement !== token[index]);
        const changed = token.slice(0, index) + replacement + token.slice(index + 1);
        const outcome = errorCode(() => verify(changed, { secret, now: () => NOW_MS }));
        expect(["MALFORMED", "BAD_SIGNATURE", "UNSUPPORTED_ALG"], `changing character ${index} of ${token} to "${replacement}" gave: ${outcome}`).toContain(outcome);
      }),
      { numRuns: 200 },
    );
  });
});
