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

export interface VerifyOptions {
  secret: Secret;
  /** The clock in milliseconds; exp and nbf are in seconds. */
  now: () => number;
  /** Leeway in seconds for exp and nbf (default 0). */
  clockToleranceSec?: number;
  issuer?: string | string[];
  audience?: string | string[];
}

export interface VerifiedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** header {"alg":"HS256","typ":"JWT"}; base64url without padding; HMAC-SHA256 over "header.payload". */
export function sign(payload: Record<string, unknown>, secret: Secret): string {
  throw new Error("Not implemented");
}

/**
 * Checks, first failure wins: shape/base64url (MALFORMED), header JSON (MALFORMED), alg === "HS256"
 * (UNSUPPORTED_ALG), signature in constant time (BAD_SIGNATURE), payload JSON (MALFORMED),
 * exp/nbf (INVALID_CLAIM, EXPIRED, NOT_YET_VALID), iss (BAD_ISSUER), aud (BAD_AUDIENCE).
 */
export function verify(token: string, opts: VerifyOptions): VerifiedToken {
  throw new Error("Not implemented");
}
