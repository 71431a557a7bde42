import { createSlidingWindowLimiter } from "./solution";

describe("createSlidingWindowLimiter", () => {
  it("allows `limit` hits per window and counts down `remaining`", () => {
    let t = 0;
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 1000, now: () => t });
    expect(limiter.hit("alice")).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    t = 100;
    expect(limiter.hit("alice")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    t = 200;
    expect(limiter.hit("alice")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    t = 300;
    expect(limiter.hit("alice")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 700 });
  });

  it("lets a hit through again once the oldest counted hit has left the window", () => {
    let t = 0;
    const limiter = createSlidingWindowLimiter({ limit: 2, windowMs: 1000, now: () => t });
    limiter.hit("alice"); // t = 0
    t = 400;
    limiter.hit("alice");
    t = 999;
    expect(limiter.hit("alice").allowed).toBe(false);
    t = 1000; // the hit at 0 is no longer inside (0, 1000]
    expect(limiter.hit("alice")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it("keeps a separate window per key", () => {
    let t = 0;
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 1000, now: () => t });
    expect(limiter.hit("alice").allowed).toBe(true);
    expect(limiter.hit("alice").allowed).toBe(false);
    expect(limiter.hit("bob").allowed).toBe(true);
  });

  it("throws a RangeError for a limit that is not a positive integer", () => {
    expect(() => createSlidingWindowLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});
