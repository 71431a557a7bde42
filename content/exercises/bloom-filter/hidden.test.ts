import fc from "fast-check";
import { BloomFilter } from "./solution";

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds `n` items, then returns the measured false-positive rate over `queries` other items. */
function measure(
  filter: BloomFilter,
  n: number,
  inserted: (i: number) => string,
  queries: number,
  other: (j: number) => string,
): { rate: number; falseNegatives: number } {
  for (let i = 0; i < n; i++) filter.add(inserted(i));
  let falseNegatives = 0;
  for (let i = 0; i < n; i++) if (!filter.mightContain(inserted(i))) falseNegatives++;
  let hits = 0;
  for (let j = 0; j < queries; j++) if (filter.mightContain(other(j))) hits++;
  return { rate: hits / queries, falseNegatives };
}

describe("BloomFilter: sizing", () => {
  it("computes bitCount = ceil(-n ln p / ln2^2) and hashCount = round(m/n ln 2) exactly", () => {
    const cases: [n: number, p: number, m: number, k: number][] = [
      [1000, 0.01, 9586, 7],
      [1000, 0.05, 6236, 4], // k = round(4.32): not ceil
      [1000, 0.1, 4793, 3],
      [1000, 0.001, 14378, 10],
      [5000, 0.02, 40712, 6],
      [250, 0.3, 627, 2],
      [12345, 0.0001, 236656, 13], // k = round(13.29): not ceil
      [7, 1e-9, 302, 30],
      [1_000_000, 0.01, 9585059, 7],
    ];
    const actual = cases.map(([n, p]) => {
      const filter = new BloomFilter(n, p);
      return `${n}/${p}: m=${filter.bitCount} k=${filter.hashCount}`;
    });
    expect(actual).toEqual(cases.map(([n, p, m, k]) => `${n}/${p}: m=${m} k=${k}`));
  });

  it("computes k from the rounded-up m, not from -log2(p)", () => {
    // n = 1: m = ceil(6.24) = 7, k = round(7 * ln 2) = round(4.85) = 5, while -log2(0.05) = 4.32.
    const a = new BloomFilter(1, 0.05);
    expect([a.bitCount, a.hashCount]).toEqual([7, 5]);
    // n = 3: m = ceil(10.05) = 11, k = round(2.54) = 3, while -log2(0.2) = 2.32.
    const b = new BloomFilter(3, 0.2);
    expect([b.bitCount, b.hashCount]).toEqual([11, 3]);
    // n = 10: m = 15, k = round(1.04) = 1 (ceil would give 2).
    const c = new BloomFilter(10, 0.5);
    expect([c.bitCount, c.hashCount]).toEqual([15, 1]);
  });

  it("uses at least one hash function, even when the formula rounds k to 0", () => {
    const loose = new BloomFilter(100, 0.9); // m = 22, round(0.15) = 0 -> 1
    expect([loose.bitCount, loose.hashCount]).toEqual([22, 1]);
    const tiny = new BloomFilter(1, 0.99); // m = ceil(0.02) = 1 bit
    expect([tiny.bitCount, tiny.hashCount]).toEqual([1, 1]);
    expect(tiny.mightContain("x")).toBe(false);
    tiny.add("x");
    expect(tiny.mightContain("x")).toBe(true);
    expect(tiny.mightContain("anything else")).toBe(true); // the only bit is set
  });

  it("throws a RangeError for invalid expectedItems or falsePositiveRate", () => {
    for (const n of [0, -1, 1.5, NaN, Infinity, -Infinity]) {
      expect(() => new BloomFilter(n, 0.01)).toThrow(RangeError);
    }
    for (const p of [0, 1, -0.1, 1.5, NaN, Infinity]) {
      expect(() => new BloomFilter(1000, p)).toThrow(RangeError);
    }
    expect(() => new BloomFilter(1, 0.5)).not.toThrow();
  });

  it("stores the bits packed: a filter for 10 million items at 1% fits in memory", () => {
    const filter = new BloomFilter(10_000_000, 0.01);
    expect(filter.bitCount).toBe(95850584);
    expect(filter.hashCount).toBe(7);
    filter.add("needle");
    expect(filter.mightContain("needle")).toBe(true);
    expect(filter.mightContain("haystack")).toBe(false);
  });
});

describe("BloomFilter: no false negatives", () => {
  it("finds every added item, also when filled to three times its capacity", () => {
    const filter = new BloomFilter(2000, 0.01);
    const missing: string[] = [];
    for (let i = 0; i < 6000; i++) {
      filter.add(`order-${i}`);
      if (i % 1000 === 999) {
        for (let j = 0; j <= i; j++) if (!filter.mightContain(`order-${j}`)) missing.push(`order-${j}`);
      }
    }
    expect(missing.slice(0, 5)).toEqual([]);
  });

  it("handles the empty string, long strings, non-ASCII text and emoji", () => {
    const random = prng(99);
    const items = ["", " ", "a", "A", "ключ", "日本語のキー", "🔑", "🔑🔑", "\u0000", "\uffff", "x".repeat(10_000)];
    for (let i = 0; i < 300; i++) {
      let s = "";
      const length = Math.floor(random() * 40);
      for (let c = 0; c < length; c++) s += String.fromCharCode(Math.floor(random() * 0xffff));
      items.push(s);
    }
    const filter = new BloomFilter(items.length, 0.01);
    for (const item of items) filter.add(item);
    const missing = items.filter((item) => !filter.mightContain(item));
    expect(missing.length).toBe(0);
  });

  it("finds every item across many random sizes (every kind of m, including odd ones)", () => {
    const random = prng(1234);
    let missing = 0;
    for (let round = 0; round < 40; round++) {
      const n = 1 + Math.floor(random() * 300);
      const p = 0.0005 + random() * 0.3;
      const filter = new BloomFilter(n, p);
      const prefix = `r${round}:`;
      for (let i = 0; i < n; i++) filter.add(`${prefix}${Math.floor(random() * 1e9)}#${i}`);
      const again = prng(round + 10_000);
      for (let i = 0; i < 50; i++) {
        const s = `check-${again()}`;
        filter.add(s);
        if (!filter.mightContain(s)) missing++;
      }
    }
    expect(missing).toBe(0);
  });
});

describe("BloomFilter: false-positive rate", () => {
  it("is at most 1.5x the target at capacity, p = 1% (sequential keys)", () => {
    const { rate, falseNegatives } = measure(new BloomFilter(5000, 0.01), 5000, (i) => `user:${i}`, 20_000, (j) => `user:${5000 + j}`);
    expect(falseNegatives).toBe(0);
    expect(rate).toBeLessThanOrEqual(0.015);
  });

  it("is at most 1.5x the target at capacity, p = 5%", () => {
    const { rate } = measure(new BloomFilter(5000, 0.05), 5000, (i) => `item-${i}`, 20_000, (j) => `other-${j}`);
    expect(rate).toBeLessThanOrEqual(0.075);
  });

  it("is at most 1.5x the target at capacity, p = 10% (numeric strings)", () => {
    const { rate } = measure(new BloomFilter(5000, 0.1), 5000, (i) => `${i}`, 20_000, (j) => `${100_000 + j}`);
    expect(rate).toBeLessThanOrEqual(0.15);
  });

  it("is at most 1.5x the target at capacity, p = 0.1% (100,000 queries)", () => {
    const { rate } = measure(
      new BloomFilter(2000, 0.001),
      2000,
      (i) => `https://example.com/p/${i}`,
      100_000,
      (j) => `https://example.com/q/${j}`,
    );
    expect(rate).toBeLessThanOrEqual(0.0015);
  });

  it("is at most 1.5x the target for non-ASCII keys, p = 2%", () => {
    const { rate } = measure(new BloomFilter(3000, 0.02), 3000, (i) => `ключ-${i}-🔑`, 20_000, (j) => `ключ-${j}-🗝`);
    expect(rate).toBeLessThanOrEqual(0.03);
  });

  it("is at most 1.5x the target for keys that differ only in the high byte of their characters, p = 0.1%", () => {
    // Greek (U+03xx) keys in the filter, Cyrillic (U+04xx) keys queried: every UTF-16 code unit has
    // the same low byte, so a hash that reads only `charCodeAt(i) & 0xff` sees identical strings.
    const key = (base: number, i: number) => String.fromCharCode(base + (i & 0xff), base + ((i >> 8) & 0xff), base + 0x41);
    const { rate } = measure(new BloomFilter(2000, 0.001), 2000, (i) => key(0x300, i), 50_000, (j) => key(0x400, j));
    expect(rate).toBeLessThanOrEqual(0.0015);
  });

  it("keeps separate filters independent", () => {
    const a = new BloomFilter(100, 0.01);
    const b = new BloomFilter(100, 0.01);
    for (let i = 0; i < 100; i++) a.add(`k${i}`);
    let inB = 0;
    for (let i = 0; i < 100; i++) if (b.mightContain(`k${i}`)) inB++;
    expect(inB).toBe(0);
  });
});

/** The filter's contract in a model: a set of added items that must always answer true. */
type Added = Set<string>;

class AddCommand implements fc.Command<Added, BloomFilter> {
  constructor(readonly item: string) {}
  check(): boolean {
    return true;
  }
  run(added: Added, filter: BloomFilter): void {
    filter.add(this.item);
    added.add(this.item);
  }
  toString(): string {
    return `add(${JSON.stringify(this.item)})`;
  }
}

class MightContainCommand implements fc.Command<Added, BloomFilter> {
  constructor(readonly item: string) {}
  check(): boolean {
    return true;
  }
  run(added: Added, filter: BloomFilter): void {
    const answer = filter.mightContain(this.item);
    if (added.has(this.item) && !answer) throw new Error(`mightContain(${JSON.stringify(this.item)}) is false after add: a false negative`);
    if (added.size === 0 && answer) throw new Error(`mightContain(${JSON.stringify(this.item)}) is true on a filter nothing was added to`);
  }
  toString(): string {
    return `mightContain(${JSON.stringify(this.item)})`;
  }
}

describe("BloomFilter: model check", () => {
  it("never forgets an added item, whatever the sequence of add and mightContain calls", () => {
    // Few distinct items so that sequences repeat them; any string, including lone surrogates and emoji.
    const item = fc.oneof(fc.constantFrom("", "a", "user:1", "user:2", "🔑", "ключ"), fc.string({ unit: "binary", maxLength: 12 }));
    const commands = fc.commands([item.map((s) => new AddCommand(s)), item.map((s) => new MightContainCommand(s))], { maxCommands: 60 });
    const sizes = fc.record({ expectedItems: fc.integer({ min: 1, max: 40 }), rate: fc.double({ min: 0.001, max: 0.6, noNaN: true }) });
    fc.assert(
      fc.property(sizes, commands, ({ expectedItems, rate }, cmds) => {
        fc.modelRun(() => ({ model: new Set<string>(), real: new BloomFilter(expectedItems, rate) }), cmds);
      }),
      { numRuns: 150 },
    );
  });
});
