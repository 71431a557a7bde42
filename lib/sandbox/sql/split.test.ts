import { describe, expect, it } from "vitest";
import { bindParams, hasWord, leadingWords, literalOf, splitStatements } from "./split.ts";
import { commandOf } from "./session.ts";

describe("splitStatements", () => {
  it("splits at top-level semicolons only, with each statement's line and column", () => {
    const sql = "SELECT 'a;b' AS x;\n  -- a comment; still a comment\nSELECT \"we;ird\" FROM t; /* block; /* nested; */ */ SELECT $$ ; $$, $tag$ $$ ; $tag$;\nINSERT INTO t VALUES (E'it\\'s; fine')";
    const statements = splitStatements(sql);
    expect(statements.map((s) => s.text)).toEqual([
      "SELECT 'a;b' AS x",
      '-- a comment; still a comment\nSELECT "we;ird" FROM t',
      "/* block; /* nested; */ */ SELECT $$ ; $$, $tag$ $$ ; $tag$",
      "INSERT INTO t VALUES (E'it\\'s; fine')",
    ]);
    expect(statements.map((s) => [s.line, s.column])).toEqual([[1, 1], [2, 3], [3, 25], [4, 1]]);
  });

  it("drops empty statements and comment-only ones", () => {
    expect(splitStatements(";; -- nothing\n ; /* x */ ;")).toEqual([]);
  });

  it("refuses unterminated strings, identifiers, dollar quotes and comments", () => {
    for (const sql of ["SELECT 'abc", 'SELECT "abc', "SELECT $$ abc", "SELECT 1 /* abc"]) expect(() => splitStatements(sql), sql).toThrow(/unterminated/);
  });

  it("does not take $1 or an identifier ending in $ for a dollar quote", () => {
    expect(splitStatements("SELECT $1; SELECT a$b$ FROM t;").map((s) => s.text)).toEqual(["SELECT $1", "SELECT a$b$ FROM t"]);
  });
});

describe("bindParams", () => {
  it("puts literals of unknown type where the parameters are, never inside strings or comments", () => {
    expect(bindParams("SELECT $1, '$1', $2::int -- $1\n, $10", ["o'k", 5, null, null, null, null, null, null, null, true])).toBe("SELECT 'o''k', '$1', '5'::int -- $1\n, 'true'");
  });
  it("writes arrays as PostgreSQL array literals", () => {
    expect(literalOf([1, "a\"b", null, ["x"]])).toBe(`'{"1","a\\"b",NULL,{"x"}}'`);
  });
  it("refuses a parameter that is not there, and NUL characters", () => {
    expect(() => bindParams("SELECT $2", [1])).toThrow("there is no parameter $2");
    expect(() => bindParams("SELECT $1", ["a\0b"])).toThrow(/NUL/);
  });
});

describe("statement words", () => {
  it("reads the first keywords past comments and parentheses", () => {
    expect(leadingWords("/* x */ -- y\n (select 1)")).toEqual(["SELECT"]);
    expect(commandOf("create unique index if not exists i on t (a)", false)).toBe("CREATE INDEX");
    expect(commandOf("WITH x AS (SELECT 1) SELECT * FROM x", true)).toBe("SELECT");
    expect(commandOf("insert into t values (1) returning id", true)).toBe("INSERT");
  });
  it("finds a word only in the code", () => {
    expect(hasWord("insert into t values (1) returning id", "RETURNING")).toBe(true);
    expect(hasWord("insert into t values ('returning') -- returning", "RETURNING")).toBe(false);
    expect(hasWord('insert into "returning" values (1)', "RETURNING")).toBe(false);
    expect(hasWord("update t set returning_x = 1", "RETURNING")).toBe(false);
    expect(hasWord("select a'x'returning", "returning")).toBe(true);
  });
});
