import { ConflictError, HttpError, NotFoundError, problemResponse, RateLimitedError, ValidationError, withErrors } from "./solution";

const get = (path: string) => new Request(`https://shop.test${path}`);
const GENERIC_500 = (instance: string) => ({
  type: "about:blank",
  title: "Internal Server Error",
  status: 500,
  detail: "An unexpected error occurred.",
  instance,
});

/** A user's own subclass (built on first use: the solution's classes only exist once tests run). */
function teapot(detail: string): HttpError {
  class TeapotError extends HttpError {
    readonly status = 418;
    readonly type = "https://errors.example/teapot";
    readonly title = "I'm a teapot";
    override extensions() {
      return { brew: "earl grey", status: 200, instance: "/elsewhere" };
    }
  }
  return new TeapotError(detail);
}

describe("problem details: the error classes", () => {
  it("keeps detail as the message and the class name as the name, for every class and user subclasses", () => {
    const errors: HttpError[] = [new NotFoundError("a"), new ConflictError("b"), new ValidationError([], "c"), new RateLimitedError(1, "d"), teapot("e")];
    expect(errors.map((e) => e.message)).toEqual(["a", "b", "c", "d", "e"]);
    expect(errors.map((e) => e.name)).toEqual(["NotFoundError", "ConflictError", "ValidationError", "RateLimitedError", "TeapotError"]);
    expect(errors.every((e) => e instanceof HttpError && e instanceof Error)).toBe(true);
    expect(errors.map((e) => e.status)).toEqual([404, 409, 422, 429, 418]);
    expect(new NotFoundError("x").extensions()).toEqual({});
  });

  it("rounds retryAfter up to whole seconds and refuses negative, NaN or infinite values", () => {
    expect([0, 0.1, 1, 1.2, 59.999].map((s) => new RateLimitedError(s).retryAfter)).toEqual([0, 1, 1, 2, 60]);
    for (const bad of [-1, -0.5, NaN, Infinity]) expect(() => new RateLimitedError(bad)).toThrow(RangeError);
    expect(new RateLimitedError(5).message).toBe("Too many requests: slow down.");
  });

  it("copies the field errors, so changing the list afterwards changes nothing", () => {
    const list = [{ field: "name", message: "is required" }];
    const error = new ValidationError(list);
    list.push({ field: "age", message: "must be >= 0" });
    expect(error.errors).toEqual([{ field: "name", message: "is required" }]);
    expect(error.extensions()).toEqual({ errors: [{ field: "name", message: "is required" }] });
  });
});

describe("problem details: responses", () => {
  it("maps a ConflictError to a 409 problem", async () => {
    const res = problemResponse(new ConflictError("Email already registered."), get("/users"));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toEqual({ type: "/problems/conflict", title: "Conflict with the current state", status: 409, detail: "Email already registered.", instance: "/users" });
  });

  it("uses the request path without the query string as the instance", async () => {
    const res = problemResponse(new NotFoundError("gone"), get("/files/a%20b?token=secret#frag"));
    const body = await res.json();
    expect(body.instance).toBe("/files/a%20b");
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  it("rounds the Retry-After header up like the retryAfter member", async () => {
    const res = problemResponse(new RateLimitedError(2.5), get("/search"));
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ type: "/problems/rate-limited", title: "Too many requests", status: 429, detail: "Too many requests: slow down.", instance: "/search", retryAfter: 3 });
  });

  it("sets Retry-After only on a 429", () => {
    expect(problemResponse(new NotFoundError("x"), get("/")).headers.get("retry-after")).toBeNull();
    expect(problemResponse(new Error("x"), get("/")).headers.get("retry-after")).toBeNull();
  });

  it("includes a subclass's extensions but never lets them replace a standard member", async () => {
    const res = problemResponse(teapot("No coffee here."), get("/coffee"));
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ type: "https://errors.example/teapot", title: "I'm a teapot", status: 418, detail: "No coffee here.", instance: "/coffee", brew: "earl grey" });
  });

  it("answers 500 for anything that is not an HttpError, even an object with a status, and leaks nothing", async () => {
    const thrown: unknown[] = [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      "raw string failure",
      { status: 404, message: "looks like a 404" },
      Object.assign(new Error("SELECT * FROM users"), { status: 400, type: "/problems/validation", title: "x" }),
      undefined,
    ];
    for (const error of thrown) {
      const res = problemResponse(error, get("/x"));
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const text = await res.text();
      expect(JSON.parse(text)).toEqual(GENERIC_500("/x"));
      for (const secret of ["Cannot read", "raw string", "looks like", "SELECT", "TypeError", "at "]) expect(text).not.toContain(secret);
    }
  });
});

describe("problem details: withErrors", () => {
  it("catches synchronous throws and rejections alike", async () => {
    const sync = await withErrors(() => {
      throw new NotFoundError("sync");
    })(get("/a"));
    const rejected = await withErrors(async () => {
      await Promise.resolve();
      throw new NotFoundError("async");
    })(get("/b"));
    expect([sync.status, rejected.status]).toEqual([404, 404]);
    expect([(await sync.json()).detail, (await rejected.json()).detail]).toEqual(["sync", "async"]);
  });

  it("reports each unexpected error to onUnexpected exactly once, with the request, and never an HttpError", async () => {
    const onUnexpected = fn((_error: unknown, _request: Request) => undefined);
    const boom = new Error("boom");
    const request = get("/boom");
    await withErrors(() => Promise.reject(boom), { onUnexpected })(request);
    expect(onUnexpected).toHaveBeenCalledTimes(1);
    expect(onUnexpected.calls[0]?.[0]).toBe(boom);
    expect(onUnexpected.calls[0]?.[1]).toBe(request);
    await withErrors(() => Promise.reject(new ValidationError([])), { onUnexpected })(get("/v"));
    await withErrors(() => Promise.reject(new RateLimitedError(1)), { onUnexpected })(get("/r"));
    expect(onUnexpected).toHaveBeenCalledTimes(1);
  });

  it("still answers 500 when onUnexpected itself throws", async () => {
    const api = withErrors(
      () => {
        throw new Error("db down");
      },
      {
        onUnexpected: () => {
          throw new Error("logger down");
        },
      },
    );
    const res = await api(get("/orders"));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual(GENERIC_500("/orders"));
  });

  it("passes through error-status responses the handler returns itself", async () => {
    const own = new Response("nope", { status: 403 });
    const onUnexpected = fn();
    expect(await withErrors(async () => own, { onUnexpected })(get("/"))).toBe(own);
    expect(onUnexpected).toHaveBeenCalledTimes(0);
  });
});
