/**
 * A Bloom filter of strings: no false negatives, false positives at about `falsePositiveRate`
 * once `expectedItems` items were added.
 *
 * - bitCount  m = ceil(-n ln p / (ln 2)^2)
 * - hashCount k = max(1, round(m / n * ln 2))
 * - positions g_i = (h1 + i * h2) mod m for i = 0 .. k-1 (double hashing, unsigned 32-bit h1/h2)
 * - bits packed in a Uint32Array (or Uint8Array)
 */
export class BloomFilter {
  /** m: the number of bits. */
  readonly bitCount: number;
  /** k: the number of bit positions per item. */
  readonly hashCount: number;

  /**
   * @throws {RangeError} unless expectedItems is a positive integer and 0 < falsePositiveRate < 1.
   */
  constructor(expectedItems: number, falsePositiveRate: number) {
    throw new Error("Not implemented");
  }

  /** Sets the k bits of `item`. */
  add(item: string): void {
    throw new Error("Not implemented");
  }

  /** false: `item` was never added. true: it probably was. */
  mightContain(item: string): boolean {
    throw new Error("Not implemented");
  }
}
