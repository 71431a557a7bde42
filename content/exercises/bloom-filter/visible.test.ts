import { BloomFilter } from "./solution";

describe("BloomFilter", () => {
  it("is sized with the standard formulas", () => {
    const filter = new BloomFilter(1000, 0.01);
    expect(filter.bitCount).toBe(9586); // ceil(-1000 ln 0.01 / (ln 2)^2) = ceil(9585.06)
    expect(filter.hashCount).toBe(7); // round(9.586 * ln 2) = round(6.64)
  });

  it("contains nothing when empty", () => {
    const filter = new BloomFilter(100, 0.01);
    for (let i = 0; i < 100; i++) expect(filter.mightContain(`item-${i}`)).toBe(false);
  });

  it("has no false negatives", () => {
    const filter = new BloomFilter(1000, 0.01);
    for (let i = 0; i < 1000; i++) filter.add(`user:${i}`);
    const missing: string[] = [];
    for (let i = 0; i < 1000; i++) if (!filter.mightContain(`user:${i}`)) missing.push(`user:${i}`);
    expect(missing).toEqual([]);
  });

  it("keeps the false-positive rate near the target at capacity", () => {
    const filter = new BloomFilter(1000, 0.05);
    for (let i = 0; i < 1000; i++) filter.add(`user:${i}`);
    let falsePositives = 0;
    for (let i = 0; i < 10_000; i++) if (filter.mightContain(`visitor:${i}`)) falsePositives++;
    expect(falsePositives / 10_000).toBeLessThanOrEqual(0.05 * 1.5);
  });

  it("throws a RangeError for impossible sizes", () => {
    expect(() => new BloomFilter(0, 0.01)).toThrow(RangeError);
    expect(() => new BloomFilter(1000, 1)).toThrow(RangeError);
    expect(() => new BloomFilter(1000, 0)).toThrow(RangeError);
  });
});
