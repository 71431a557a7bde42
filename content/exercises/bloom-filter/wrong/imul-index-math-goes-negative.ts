/**
 * Bloom filter over a packed bit array, with Kirsch-Mitzenmacher double hashing.
 *
 * Sizing (n expected items, p target false-positive rate):
 *   m = ceil(-n ln p / (ln 2)^2)  bits
 *   k = round(m / n * ln 2)       hash functions (at least 1)
 *
 * Instead of k independent hash functions, two 32-bit hashes h1 and h2 are computed once per item
 * and the k bit positions are g_i = (h1 + i * h2) mod m, for i = 0 .. k-1. Kirsch and Mitzenmacher
 * showed this keeps the asymptotic false-positive rate of k independent hashes.
 */
export class BloomFilter {
  readonly bitCount: number;
  readonly hashCount: number;
  /** Bit i lives in word i >>> 5, at bit position i & 31. */
  readonly #words: Uint32Array;

  constructor(expectedItems: number, falsePositiveRate: number) {
    if (!Number.isInteger(expectedItems) || expectedItems < 1) {
      throw new RangeError(`expectedItems must be a positive integer, got ${expectedItems}`);
    }
    if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
      throw new RangeError(`falsePositiveRate must be between 0 and 1 (exclusive), got ${falsePositiveRate}`);
    }
    this.bitCount = Math.ceil((-expectedItems * Math.log(falsePositiveRate)) / (Math.LN2 * Math.LN2));
    this.hashCount = Math.max(1, Math.round((this.bitCount / expectedItems) * Math.LN2));
    this.#words = new Uint32Array(Math.ceil(this.bitCount / 32));
  }

  add(item: string): void {
    const [h1, h2] = hashPair(item);
    const m = this.bitCount;
    for (let i = 0; i < this.hashCount; i++) {
      // Math.imul keeps i * h2 in 32 bits.
      const bit = (h1 + Math.imul(i, h2)) % m;
      this.#words[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mightContain(item: string): boolean {
    const [h1, h2] = hashPair(item);
    const m = this.bitCount;
    for (let i = 0; i < this.hashCount; i++) {
      const bit = (h1 + Math.imul(i, h2)) % m;
      if ((this.#words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/**
 * Two unsigned 32-bit hashes of the string's UTF-16 code units, computed in one pass: two FNV-1a
 * lanes with different seeds, each finished with MurmurHash3's fmix32 avalanche step. FNV-1a alone
 * leaves similar strings with similar hashes; the finaliser spreads every input bit over the
 * output. `h2` is forced odd so it is never 0 (with h2 = 0 all k positions would be the same bit),
 * and `>>> 0` makes both unsigned: a negative hash would give a negative `%` and a bit index that
 * does not exist.
 */
function hashPair(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x811c9dc5 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return [fmix32(a), (fmix32(b) | 1) >>> 0];
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
