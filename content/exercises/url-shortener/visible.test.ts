import { decodeBase62, encodeBase62, ShortenerError, UrlShortener } from "./solution";

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ShortenerError ? error.code : `not a ShortenerError: ${String(error)}`;
  }
  return undefined;
}

describe("base62", () => {
  it("encodes most significant digit first, 0-9 then a-z then A-Z", () => {
    expect([0, 9, 10, 35, 36, 61, 62, 12345].map(encodeBase62)).toEqual(["0", "9", "a", "z", "A", "Z", "10", "3d7"]);
  });

  it("decodes back, and refuses a code with a leading zero", () => {
    expect(decodeBase62("ZZ")).toBe(3843);
    expect(decodeBase62("3d7")).toBe(12345);
    expect(() => decodeBase62("007")).toThrow(RangeError);
  });
});

describe("UrlShortener", () => {
  it("follows the worked example: generated code, alias with expiry, hits, reuse after expiry", () => {
    let t = 1_000;
    const s = new UrlShortener({ now: () => t });
    expect(s.shorten("https://example.com/a")).toEqual({ code: "1", url: "https://example.com/a", createdAt: 1000, expiresAt: null, hits: 0 });
    expect(codeOf(() => s.shorten("https://example.com/b", { alias: "2" }))).toBe("INVALID_ALIAS");
    expect(s.shorten("https://example.com/b", { alias: "promo-2026", ttlMs: 500 }).expiresAt).toBe(1500);
    expect(codeOf(() => s.shorten("https://example.com/c", { alias: "Admin" }))).toBe("RESERVED_ALIAS");
    expect(s.resolve("promo-2026")).toBe("https://example.com/b");
    expect(s.stats("promo-2026")?.hits).toBe(1);
    t = 1_500;
    expect(s.resolve("promo-2026")).toBeNull();
    expect(s.shorten("https://example.com/d", { alias: "promo-2026" }).hits).toBe(0);
  });

  it("rejects a taken alias and an invalid URL with their codes", () => {
    const s = new UrlShortener({ now: () => 0 });
    s.shorten("https://example.com", { alias: "docs" });
    expect(codeOf(() => s.shorten("https://example.org", { alias: "docs" }))).toBe("ALIAS_TAKEN");
    expect(codeOf(() => s.shorten("ftp://example.com"))).toBe("INVALID_URL");
  });

  it("returns null for an unknown code", () => {
    const s = new UrlShortener({ now: () => 0 });
    expect(s.resolve("nope")).toBeNull();
    expect(s.stats("nope")).toBeNull();
  });
});
