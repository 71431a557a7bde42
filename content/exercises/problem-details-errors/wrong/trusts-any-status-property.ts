// Wrong: treats any thrown object with a 4xx status property as an expected error and echoes its message.
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export abstract class HttpError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;

  constructor(detail: string) {
    super(detail);
    this.name = new.target.name;
  }

  /** Extra members of the problem object; the standard members always win over them. */
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class NotFoundError extends HttpError {
  readonly status = 404;
  readonly type = "/problems/not-found";
  readonly title = "Resource not found";
}

export class ConflictError extends HttpError {
  readonly status = 409;
  readonly type = "/problems/conflict";
  readonly title = "Conflict with the current state";
}

export class ValidationError extends HttpError {
  readonly status = 422;
  readonly type = "/problems/validation";
  readonly title = "Validation failed";
  readonly errors: readonly FieldError[];

  constructor(errors: readonly FieldError[], detail = "The request has invalid fields.") {
    super(detail);
    this.errors = errors.map(({ field, message }) => ({ field, message }));
  }

  override extensions(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

export class RateLimitedError extends HttpError {
  readonly status = 429;
  readonly type = "/problems/rate-limited";
  readonly title = "Too many requests";
  /** Whole seconds, rounded up: waiting less than asked would only be refused again. */
  readonly retryAfter: number;

  constructor(retryAfterSeconds: number, detail = "Too many requests: slow down.") {
    if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) {
      throw new RangeError(`retryAfterSeconds must be a finite number >= 0, got ${retryAfterSeconds}`);
    }
    super(detail);
    this.retryAfter = Math.ceil(retryAfterSeconds);
  }

  override extensions(): Record<string, unknown> {
    return { retryAfter: this.retryAfter };
  }
}

export interface ErrorOptions {
  /** Called with every error that becomes a 500 (never with an HttpError). */
  onUnexpected?: (error: unknown, request: Request) => void;
}

export function problemResponse(error: unknown, request: Request): Response {
  const instance = new URL(request.url).pathname;
  const headers = new Headers({ "Content-Type": "application/problem+json" });
  // Anything that carries a 4xx status is a client error we can describe.
  const status = (error as { status?: unknown } | undefined)?.status;
  if (!(error instanceof HttpError) && typeof status === "number" && status >= 400 && status < 500) {
    const { type = "about:blank", title = "Error", message = "" } = error as { type?: string; title?: string; message?: string };
    return new Response(JSON.stringify({ type, title, status, detail: message, instance }), { status, headers });
  }
  if (!(error instanceof HttpError)) {
    const body = { type: "about:blank", title: "Internal Server Error", status: 500, detail: "An unexpected error occurred.", instance };
    return new Response(JSON.stringify(body), { status: 500, headers });
  }
  if (error instanceof RateLimitedError) headers.set("Retry-After", String(error.retryAfter));
  const body = { ...error.extensions(), type: error.type, title: error.title, status: error.status, detail: error.message, instance };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

export function withErrors(
  handler: (request: Request) => Response | Promise<Response>,
  options: ErrorOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (!(error instanceof HttpError)) {
        try {
          options.onUnexpected?.(error, request);
        } catch {
          // A broken reporter must not turn a 500 into a crash.
        }
      }
      return problemResponse(error, request);
    }
  };
}
