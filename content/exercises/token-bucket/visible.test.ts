import { TokenBucket } from "./solution";

describe("TokenBucket", () => {
  it("starts full and lets a burst of `capacity` requests through", () => {
    let t = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: () => t });
    expect(bucket.available()).toBe(3);
    expect([bucket.tryRemove(), bucket.tryRemove(), bucket.tryRemove(), bucket.tryRemove()]).toEqual([true, true, true, false]);
  });

  it("refills continuously, including fractions of a token", () => {
    let t = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2, now: () => t });
    expect(bucket.tryRemove(3)).toBe(true);
    t = 250;
    expect(bucket.available()).toBeCloseTo(0.5, 9);
    expect(bucket.tryRemove()).toBe(false);
    t = 500;
    expect(bucket.tryRemove()).toBe(true);
  });

  it("never holds more than its capacity", () => {
    let t = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2, now: () => t });
    bucket.tryRemove();
    t = 60_000;
    expect(bucket.available()).toBe(3);
  });

  it("removes nothing when a request asks for more than is available", () => {
    let t = 0;
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, now: () => t });
    expect(bucket.tryRemove(3)).toBe(true);
    expect(bucket.tryRemove(3)).toBe(false);
    expect(bucket.available()).toBe(2);
  });

  it("throws a RangeError for a non-positive capacity", () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
  });
});
