/**
 * HS256-only verification of compact JWS tokens (RFC 7515/7519). The algorithm is fixed by the
 * verifier, never taken from the token: that is what defeats `alg: none` and algorithm confusion.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type JwtErrorCode = "MALFORMED" | "UNSUPPORTED_ALG" | "BAD_SIGNATURE" | "INVALID_CLAIM" | "EXPIRED" | "NOT_YET_VALID" | "BAD_ISSUER" | "BAD_AUDIENCE";

export class JwtError extends Error {
  readonly code: JwtErrorCode;
  constructor(code: JwtErrorCode, message: string) {
    super(message);
    this.name = "JwtError";
    this.code = code;
  }
}

export type Secret = string | Buffer;
type JsonObject = Record<string, unknown>;

export interface VerifyOptions {
  secret: Secret;
  now: () => number;
  clockToleranceSec?: number;
  issuer?: string | string[];
  audience?: string | string[];
}

export interface VerifiedToken {
  header: JsonObject;
  payload: JsonObject;
}

function checkSecret(secret: Secret): void {
  if (secret.length === 0) throw new RangeError("the secret must not be empty");
}

const isJsonObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

function encodeSegment(value: JsonObject): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url"); // UTF-8 by default
}

function hmac(signingInput: string, secret: Secret): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

export function sign(payload: JsonObject, secret: Secret): string {
  if (!isJsonObject(payload)) throw new TypeError("the payload must be a JSON object");
  checkSecret(secret);
  const signingInput = `${encodeSegment({ alg: "HS256", typ: "JWT" })}.${encodeSegment(payload)}`;
  return `${signingInput}.${hmac(signingInput, secret).toString("base64url")}`;
}

/** Decoding is lenient (it skips stray characters), so only a segment that re-encodes to itself is accepted. */
function decodeSegment(segment: string, index: number): Buffer {
  const bytes = Buffer.from(segment, "base64url");
  if (segment.length === 0 || bytes.toString("base64url") !== segment) throw new JwtError("MALFORMED", `segment ${index + 1} is not canonical base64url`);
  return bytes;
}

function parseObject(bytes: Buffer, name: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString()); // UTF-8 by default
  } catch {
    throw new JwtError("MALFORMED", `the ${name} is not JSON`);
  }
  if (!isJsonObject(value)) throw new JwtError("MALFORMED", `the ${name} is not a JSON object`);
  return value;
}

function numericDate(payload: JsonObject, claim: "exp" | "nbf"): number | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (!Number.isFinite(value)) throw new JwtError("INVALID_CLAIM", `${claim} must be a number of seconds`);
  return value as number;
}

const asList = (value: string | string[]) => (typeof value === "string" ? [value] : value);

export function verify(token: string, opts: VerifyOptions): VerifiedToken {
  checkSecret(opts.secret);
  const leeway = opts.clockToleranceSec ?? 0;
  if (!Number.isFinite(leeway) || leeway < 0) throw new RangeError("clockToleranceSec must be a non-negative number");

  const segments = typeof token === "string" ? token.split(".") : [];
  if (segments.length !== 3) throw new JwtError("MALFORMED", "a compact JWS has exactly three dot-separated segments");
  const [headerPart, payloadPart] = segments as [string, string, string];
  const [headerBytes, payloadBytes, signature] = segments.map(decodeSegment) as [Buffer, Buffer, Buffer];

  const header = parseObject(headerBytes, "header");
  if (header.alg !== "HS256") throw new JwtError("UNSUPPORTED_ALG", `alg ${JSON.stringify(header.alg)} is not accepted: only HS256`);

  const expected = hmac(`${headerPart}.${payloadPart}`, opts.secret);
  // timingSafeEqual throws on a length mismatch, and the length is public anyway.
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) throw new JwtError("BAD_SIGNATURE", "the signature does not match");

  // Only now is the payload trusted enough to be read.
  const payload = parseObject(payloadBytes, "payload");
  const nowSec = opts.now() / 1000;
  const exp = numericDate(payload, "exp");
  const nbf = numericDate(payload, "nbf");
  if (exp !== undefined && nowSec >= exp + leeway) throw new JwtError("EXPIRED", `the token expired at ${exp}`);
  if (nbf !== undefined && nowSec < nbf - leeway) throw new JwtError("NOT_YET_VALID", `the token is not valid before ${nbf}`);

  if (opts.issuer !== undefined) {
    // Only a string can equal one of the wanted (string) issuers.
    if (!(asList(opts.issuer) as unknown[]).includes(payload.iss)) throw new JwtError("BAD_ISSUER", `unexpected issuer ${JSON.stringify(payload.iss)}`);
  }
  if (opts.audience !== undefined) {
    const aud = payload.aud;
    // Non-string entries (and a missing or non-string aud) can never equal a wanted (string) audience.
    const tokenAudiences: unknown[] = Array.isArray(aud) ? aud : [aud];
    if (!asList(opts.audience).some((wanted) => tokenAudiences.includes(wanted))) throw new JwtError("BAD_AUDIENCE", `the token is not meant for ${JSON.stringify(opts.audience)}`);
  }
  return { header, payload };
}
