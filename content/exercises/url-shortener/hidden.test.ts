import fc from "fast-check";
import { BASE62_ALPHABET, decodeBase62, encodeBase62, RESERVED_ALIASES, ShortenerError, UrlShortener, type LinkInfo } from "./solution";

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ShortenerError ? error.code : `not a ShortenerError: ${String(error)}`;
  }
  return undefined;
}

describe("base62: hidden", () => {
  it("round-trips every safe integer (property), and codes never start with 0 except \"0\"", () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000 })), (id) => {
        const code = encodeBase62(id);
        expect(decodeBase62(code)).toBe(id);
        expect(code === "0" || code[0] !== "0").toBe(true);
        expect([...code].every((c) => BASE62_ALPHABET.includes(c))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("encodes the largest safe integer exactly and refuses anything above it", () => {
    expect(encodeBase62(Number.MAX_SAFE_INTEGER)).toBe("FfGNdXsE7");
    expect(decodeBase62("FfGNdXsE7")).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => decodeBase62("FfGNdXsE8")).toThrow(RangeError);
    expect(() => decodeBase62("ZZZZZZZZZZ")).toThrow(RangeError);
    expect(() => encodeBase62(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it("refuses negative, fractional and non-finite ids", () => {
    for (const id of [-1, 1.5, NaN, Infinity]) expect(() => encodeBase62(id)).toThrow(RangeError);
  });

  it("decodes \"0\" but refuses the empty string, leading zeros and characters outside the alphabet", () => {
    expect(decodeBase62("0")).toBe(0);
    for (const code of ["", "00", "01", "ab-c", "ab c", "é", "a_b"]) expect(() => decodeBase62(code), `decodeBase62(${JSON.stringify(code)})`).toThrow(RangeError);
  });
});

describe("UrlShortener: validation", () => {
  const s = () => new UrlShortener({ now: () => 0 });

  it("accepts http and https URLs with a host, and rejects everything else as INVALID_URL", () => {
    for (const url of ["http://a", "https://example.com", "https://example.com:8080/p?q=1#top", "https://x.io?x"]) expect(codeOf(() => s().shorten(url)), url).toBeUndefined();
    const bad = ["", "example.com", "HTTPS://example.com", "https://", "https:///path", "https://exa mple.com", "https://example.com/a b", "javascript:alert(1)", "ftp://files.example/?next=https://example.com", "xhttps://example.com", `https://example.com/${"a".repeat(2029)}`];
    for (const url of bad) expect(codeOf(() => s().shorten(url)), JSON.stringify(url.slice(0, 40))).toBe("INVALID_URL");
    expect(codeOf(() => s().shorten(`https://example.com/${"a".repeat(2028)}`)), "exactly 2048 characters is fine").toBeUndefined();
  });

  it("throws a ShortenerError: an Error named ShortenerError that carries its code and message", () => {
    const error = (() => {
      try {
        s().shorten("nope");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ShortenerError);
    expect(error).toMatchObject({ name: "ShortenerError", code: "INVALID_URL" });
    expect((error as Error).message).not.toBe("");
  });

  it("rejects a ttlMs that is not a positive integer as INVALID_TTL (before looking at the alias)", () => {
    for (const ttlMs of [0, -5, 1.5, NaN, Infinity]) expect(codeOf(() => s().shorten("https://a.com", { ttlMs, alias: "!" }))).toBe("INVALID_TTL");
  });

  it("accepts aliases of 3-32 letters, digits, _ and - starting with a letter or digit", () => {
    for (const alias of ["abc", "A-b_9", "2026", "x".repeat(32), "my_link-1"]) expect(codeOf(() => s().shorten("https://a.com", { alias })), alias).toBeUndefined();
    for (const alias of ["ab", "x".repeat(33), "-abc", "_abc", "ab c", "ab/c", "ab.c", "über", ""]) expect(codeOf(() => s().shorten("https://a.com", { alias })), JSON.stringify(alias)).toBe("INVALID_ALIAS");
  });

  it("rejects every reserved word in any letter case as RESERVED_ALIAS, but not longer words containing one", () => {
    for (const word of RESERVED_ALIASES) {
      for (const alias of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) expect(codeOf(() => s().shorten("https://a.com", { alias })), alias).toBe("RESERVED_ALIAS");
    }
    expect(codeOf(() => s().shorten("https://a.com", { alias: "apis" }))).toBeUndefined();
    expect(codeOf(() => s().shorten("https://a.com", { alias: "my-admin" }))).toBeUndefined();
  });

  it("treats codes as case-sensitive: ABC is free while abc is taken", () => {
    const shortener = s();
    shortener.shorten("https://a.com/1", { alias: "abc" });
    expect(codeOf(() => shortener.shorten("https://a.com/2", { alias: "ABC" }))).toBeUndefined();
    expect(shortener.resolve("abc")).toBe("https://a.com/1");
    expect(shortener.resolve("ABC")).toBe("https://a.com/2");
  });
});

describe("UrlShortener: codes and collisions", () => {
  it("gives the same URL a new code every time (no de-duplication)", () => {
    const s = new UrlShortener({ now: () => 0 });
    expect([1, 2, 3].map(() => s.shorten("https://same.com").code)).toEqual(["1", "2", "3"]);
  });

  it("skips an id whose code an alias already holds, and the skipped id stays used", () => {
    const s = new UrlShortener({ now: () => 0, firstId: 39_134 }); // encodeBase62(39134) === "abc"
    s.shorten("https://alias.com", { alias: "abc" });
    expect(s.shorten("https://gen.com/1").code, "\"abc\" is held by an alias: the generator moves on to \"abd\"").toBe("abd");
    expect(s.shorten("https://gen.com/2").code).toBe("abe");
    expect(s.resolve("abc")).toBe("https://alias.com");
  });

  it("never generates a reserved word: with firstId 40008 (\"api\") the first code is \"apj\"", () => {
    const s = new UrlShortener({ now: () => 0, firstId: 40_008 });
    expect(s.shorten("https://x.com").code).toBe("apj");
    const upper = new UrlShortener({ now: () => 0, firstId: 139_952 }); // "Api"
    expect(upper.shorten("https://x.com").code, "reserved words are compared ignoring case").toBe("Apj");
  });

  it("does not let a generated code replace an alias: the alias keeps its URL and hits", () => {
    const s = new UrlShortener({ now: () => 0 });
    s.shorten("https://alias.com", { alias: "2ab" });
    s.resolve("2ab");
    const s2 = new UrlShortener({ now: () => 0, firstId: decodeBase62("2ab") });
    s2.shorten("https://alias.com", { alias: "2ab" });
    s2.resolve("2ab");
    expect(s2.shorten("https://gen.com").code).not.toBe("2ab");
    expect(s2.stats("2ab")).toEqual({ code: "2ab", url: "https://alias.com", createdAt: 0, expiresAt: null, hits: 1 });
  });
});

describe("UrlShortener: expiry and hits", () => {
  it("expires a link exactly at createdAt + ttlMs (now >= expiresAt), not one millisecond later", () => {
    let t = 100;
    const s = new UrlShortener({ now: () => t });
    const link = s.shorten("https://a.com", { ttlMs: 50 });
    expect(link.expiresAt).toBe(150);
    t = 149;
    expect(s.resolve(link.code)).toBe("https://a.com");
    t = 150;
    expect(s.resolve(link.code)).toBeNull();
    expect(s.stats(link.code)).toBeNull();
  });

  it("counts hits only on successful resolves: not on stats, not on unknown or expired codes", () => {
    let t = 0;
    const s = new UrlShortener({ now: () => t });
    s.shorten("https://a.com", { alias: "hot", ttlMs: 10 });
    s.stats("hot");
    s.resolve("hot");
    s.resolve("HOT");
    s.resolve("hot");
    expect(s.stats("hot")?.hits).toBe(2);
    t = 10;
    s.resolve("hot");
    expect(s.stats("hot")).toBeNull();
  });

  it("returns copies: editing what shorten or stats returned changes nothing inside", () => {
    const s = new UrlShortener({ now: () => 0 });
    const created = s.shorten("https://a.com", { alias: "copy" });
    created.hits = 99;
    created.url = "https://evil.com";
    const seen = s.stats("copy")!;
    seen.hits = 42;
    expect(s.resolve("copy")).toBe("https://a.com");
    expect(s.stats("copy")?.hits).toBe(1);
  });

  it("frees an expired code for a new alias, which starts at zero hits; generated ids are not reused", () => {
    let t = 0;
    const s = new UrlShortener({ now: () => t });
    const first = s.shorten("https://old.com", { ttlMs: 5 });
    s.resolve(first.code);
    s.shorten("https://old.com/alias", { alias: "sale", ttlMs: 5 });
    t = 5;
    expect(s.shorten("https://new.com", { alias: "sale" })).toEqual({ code: "sale", url: "https://new.com", createdAt: 5, expiresAt: null, hits: 0 });
    expect(s.shorten("https://new.com/gen").code, "id 1 expired, but the generator only goes forward").toBe("2");
  });
});

// ---- Model-based test ---------------------------------------------------------------------------

interface Model {
  time: number;
  nextId: number;
  links: Map<string, LinkInfo>;
}
type Real = { shortener: UrlShortener; clock: { t: number } };

const active = (m: Model, code: string) => {
  const link = m.links.get(code);
  return link && (link.expiresAt === null || m.time < link.expiresAt) ? link : undefined;
};

class Shorten implements fc.Command<Model, Real> {
  constructor(readonly url: string, readonly alias: string | undefined, readonly ttlMs: number | undefined) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    let want: LinkInfo | string;
    if (this.alias !== undefined && RESERVED_ALIASES.includes(this.alias.toLowerCase())) want = "RESERVED_ALIAS";
    else if (this.alias !== undefined && active(m, this.alias)) want = "ALIAS_TAKEN";
    else {
      let code = this.alias;
      while (code === undefined) {
        const candidate = encodeBase62(m.nextId++);
        if (!active(m, candidate) && !RESERVED_ALIASES.includes(candidate.toLowerCase())) code = candidate;
      }
      want = { code, url: this.url, createdAt: m.time, expiresAt: this.ttlMs === undefined ? null : m.time + this.ttlMs, hits: 0 };
      m.links.set(code, { ...want });
    }
    const got = codeOf(() => (this.result = r.shortener.shorten(this.url, { alias: this.alias, ttlMs: this.ttlMs })));
    if (typeof want === "string") expect(got).toBe(want);
    else {
      expect(got).toBeUndefined();
      expect(this.result).toEqual(want);
    }
  }
  result: LinkInfo | undefined;
  toString() {
    const opts = [this.alias !== undefined ? `alias: ${JSON.stringify(this.alias)}` : "", this.ttlMs !== undefined ? `ttlMs: ${this.ttlMs}` : ""].filter(Boolean);
    return `shorten(${JSON.stringify(this.url)}${opts.length ? `, { ${opts.join(", ")} }` : ""})`;
  }
}

class Resolve implements fc.Command<Model, Real> {
  constructor(readonly code: string) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const link = active(m, this.code);
    if (link) link.hits++;
    expect(r.shortener.resolve(this.code)).toBe(link ? link.url : null);
    expect(r.shortener.stats(this.code)).toEqual(link ? { ...link } : null);
  }
  toString() {
    return `resolve(${JSON.stringify(this.code)})`;
  }
}

class Tick implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    m.time += this.ms;
    r.clock.t = m.time;
  }
  toString() {
    return `clock += ${this.ms}`;
  }
}

describe("UrlShortener: model check", () => {
  it("matches a model of the rules on random sequences of shorten, resolve and time passing", () => {
    const codes = fc.constantFrom("1", "2", "3", "4", "abc", "ABC", "sale", "Api", "Stats");
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom("https://a.com", "https://b.com/x"), fc.option(fc.constantFrom("abc", "ABC", "sale", "2", "Api", "Stats", "3"), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined })).map(
          ([url, alias, ttlMs]) => new Shorten(url, alias === "2" || alias === "3" ? `${alias}00` : alias, ttlMs),
        ),
        codes.map((code) => new Resolve(code)),
        fc.constantFrom("200", "300").map((code) => new Resolve(code)),
        fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(0)).map((ms) => new Tick(ms)),
      ],
      { size: "+1" },
    );
    fc.assert(
      fc.property(fc.constantFrom(1, 199, 3843), commands, (firstId, cmds) => {
        fc.modelRun(() => {
          const clock = { t: 0 };
          return { model: { time: 0, nextId: firstId, links: new Map() }, real: { shortener: new UrlShortener({ now: () => clock.t, firstId }), clock } };
        }, cmds);
      }),
      { numRuns: 200 },
    );
  });
});
