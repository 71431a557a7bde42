import { GcraLimiter } from "./solution";

function setup(burst = 3) {
  const clock = { t: 0 };
  const limiter = new GcraLimiter({ limit: 10, periodMs: 1000, burst, now: () => clock.t });
  return { clock, limiter };
}

describe("GcraLimiter", () => {
  it("lets an idle key make `burst` requests at once, then rejects with a retry-after", () => {
    const { limiter } = setup(3);
    expect(limiter.attempt("ip-1")).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0, resetAfterMs: 100 });
    expect(limiter.attempt("ip-1")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0, resetAfterMs: 200 });
    expect(limiter.attempt("ip-1")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 300 });
    expect(limiter.attempt("ip-1")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100, resetAfterMs: 300 });
  });

  it("keeps keys independent", () => {
    const { limiter } = setup(1);
    expect(limiter.attempt("a").allowed).toBe(true);
    expect(limiter.attempt("a").allowed).toBe(false);
    expect(limiter.attempt("b").allowed).toBe(true);
  });

  it("allows the same request again exactly retryAfterMs later", () => {
    const { clock, limiter } = setup(2);
    limiter.attempt("k");
    limiter.attempt("k");
    clock.t = 30;
    const rejected = limiter.attempt("k");
    expect(rejected).toEqual({ allowed: false, remaining: 0, retryAfterMs: 70, resetAfterMs: 170 });
    clock.t = 99;
    expect(limiter.attempt("k").allowed).toBe(false);
    clock.t = 100;
    expect(limiter.attempt("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 200 });
  });

  it("follows the worked example, including a cost of 2 and a clock that jumps back", () => {
    const { clock, limiter } = setup(3);
    for (let i = 0; i < 4; i++) limiter.attempt("ip-1");
    clock.t = 150;
    expect(limiter.attempt("ip-1")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0, resetAfterMs: 250 });
    expect(limiter.attempt("ip-1", 2)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 150, resetAfterMs: 250 });
    clock.t = 50;
    expect(limiter.attempt("ip-1")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 50, resetAfterMs: 250 });
  });
});
