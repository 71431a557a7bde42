export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Base of the expected errors: each subclass knows its status, type, title and extra members. */
export abstract class HttpError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;

  constructor(detail: string) {
    super(detail);
    throw new Error("Not implemented");
  }

  extensions(): Record<string, unknown> {
    throw new Error("Not implemented");
  }
}

/** 404, "/problems/not-found", "Resource not found" */
export class NotFoundError extends HttpError {
  readonly status = 0;
  readonly type = "";
  readonly title = "";
}

/** 409, "/problems/conflict", "Conflict with the current state" */
export class ConflictError extends HttpError {
  readonly status = 0;
  readonly type = "";
  readonly title = "";
}

/** 422, "/problems/validation", "Validation failed"; extensions { errors } */
export class ValidationError extends HttpError {
  readonly status = 0;
  readonly type = "";
  readonly title = "";
  readonly errors: readonly FieldError[] = [];

  constructor(errors: readonly FieldError[], detail = "The request has invalid fields.") {
    super(detail);
    throw new Error("Not implemented");
  }
}

/** 429, "/problems/rate-limited", "Too many requests"; extensions { retryAfter }; Retry-After header */
export class RateLimitedError extends HttpError {
  readonly status = 0;
  readonly type = "";
  readonly title = "";
  readonly retryAfter: number = 0;

  /** @throws {RangeError} for a negative, NaN or infinite retryAfterSeconds. */
  constructor(retryAfterSeconds: number, detail = "Too many requests: slow down.") {
    super(detail);
    throw new Error("Not implemented");
  }
}

export interface ErrorOptions {
  /** Called with every error that becomes a 500 (never with an HttpError). */
  onUnexpected?: (error: unknown, request: Request) => void;
}

/** An application/problem+json response for any error; non-HttpErrors become a generic 500. */
export function problemResponse(error: unknown, request: Request): Response {
  throw new Error("Not implemented");
}

export function withErrors(
  handler: (request: Request) => Response | Promise<Response>,
  options: ErrorOptions = {},
): (request: Request) => Promise<Response> {
  throw new Error("Not implemented");
}
