import { createHmac } from "node:crypto";
import { JwtError, sign, verify } from "./solution";

const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const hs256 = (input: string, secret: string) => createHmac("sha256", secret).update(input).digest("base64url");

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof JwtError ? error.code : `not a JwtError: ${String(error)}`;
  }
  return "no error: the token was accepted";
}

const NOW_MS = 1_700_000_000_000;

describe("jwt: sign and verify", () => {
  it("signs with the fixed HS256 header and verifies its own tokens", () => {
    const token = sign({ sub: "u1", exp: 1_700_000_060 }, "s3cret");
    expect(token.split(".")[0]).toBe(b64url('{"alg":"HS256","typ":"JWT"}'));
    expect(verify(token, { secret: "s3cret", now: () => NOW_MS })).toEqual({ header: { alg: "HS256", typ: "JWT" }, payload: { sub: "u1", exp: 1_700_000_060 } });
  });

  it("rejects a wrong secret and a tampered payload with BAD_SIGNATURE", () => {
    const token = sign({ sub: "u1", role: "user" }, "s3cret");
    expect(errorCode(() => verify(token, { secret: "other", now: () => NOW_MS }))).toBe("BAD_SIGNATURE");
    const [header, , signature] = token.split(".");
    const forged = `${header}.${b64url('{"sub":"u1","role":"admin"}')}.${signature}`;
    expect(errorCode(() => verify(forged, { secret: "s3cret", now: () => NOW_MS }))).toBe("BAD_SIGNATURE");
  });

  it("refuses alg none: an empty signature is MALFORMED, any other signature UNSUPPORTED_ALG", () => {
    const unsigned = `${b64url('{"alg":"none"}')}.${b64url('{"sub":"admin"}')}`;
    expect(errorCode(() => verify(`${unsigned}.`, { secret: "s3cret", now: () => NOW_MS }))).toBe("MALFORMED");
    expect(errorCode(() => verify(`${unsigned}.${hs256(unsigned, "s3cret")}`, { secret: "s3cret", now: () => NOW_MS }))).toBe("UNSUPPORTED_ALG");
  });

  it("expires a token at exp exactly, unless the clock tolerance covers it", () => {
    const token = sign({ exp: 1_700_000_060 }, "s3cret");
    expect(errorCode(() => verify(token, { secret: "s3cret", now: () => 1_700_000_059_999 }))).toBe("no error: the token was accepted");
    expect(errorCode(() => verify(token, { secret: "s3cret", now: () => 1_700_000_060_000 }))).toBe("EXPIRED");
    expect(errorCode(() => verify(token, { secret: "s3cret", now: () => 1_700_000_060_000, clockToleranceSec: 5 }))).toBe("no error: the token was accepted");
  });

  it("accepts a token whose aud array contains the wanted audience, and checks the issuer", () => {
    const token = sign({ iss: "auth.deepend", aud: ["chat", "files"] }, "s3cret");
    const opts = { secret: "s3cret", now: () => NOW_MS };
    expect(verify(token, { ...opts, audience: "chat", issuer: "auth.deepend" }).payload.aud).toEqual(["chat", "files"]);
    expect(errorCode(() => verify(token, { ...opts, audience: "billing" }))).toBe("BAD_AUDIENCE");
    expect(errorCode(() => verify(token, { ...opts, issuer: "evil.example" }))).toBe("BAD_ISSUER");
  });
});
