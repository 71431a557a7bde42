import { NotFoundError, RateLimitedError, ValidationError, withErrors } from "./solution";

const get = (path: string) => new Request(`https://shop.test${path}`);

describe("problem details", () => {
  it("turns a NotFoundError into a 404 application/problem+json response", async () => {
    const api = withErrors(() => {
      throw new NotFoundError("Order 8 does not exist.");
    });
    const res = await api(get("/orders/8"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toEqual({
      type: "/problems/not-found",
      title: "Resource not found",
      status: 404,
      detail: "Order 8 does not exist.",
      instance: "/orders/8",
    });
  });

  it("lists the field errors of a ValidationError as an extension", async () => {
    const api = withErrors(async () => {
      throw new ValidationError([{ field: "email", message: "must be an email address" }]);
    });
    const res = await api(get("/users"));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      type: "/problems/validation",
      title: "Validation failed",
      status: 422,
      detail: "The request has invalid fields.",
      instance: "/users",
      errors: [{ field: "email", message: "must be an email address" }],
    });
  });

  it("sends Retry-After with a 429", async () => {
    const res = await withErrors(() => Promise.reject(new RateLimitedError(30)))(get("/search"));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    expect((await res.json()).retryAfter).toBe(30);
  });

  it("answers an unexpected error with a generic 500 that does not leak its message", async () => {
    const api = withErrors(() => {
      throw new Error("connect ECONNREFUSED 10.0.0.3:5432");
    });
    const res = await api(get("/orders"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("ECONNREFUSED");
    expect(JSON.parse(text)).toEqual({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "An unexpected error occurred.",
      instance: "/orders",
    });
  });

  it("passes a successful response through unchanged", async () => {
    const ok = new Response("hi", { status: 200 });
    expect(await withErrors(() => ok)(get("/"))).toBe(ok);
  });
});
