// A small lexer for PostgreSQL's SQL text: enough to split a script into statements and to find
// `$n` parameters, never inside string literals, quoted identifiers, dollar-quoted bodies or
// comments. The engine itself parses every statement; this only finds the boundaries.

export interface SqlStatement {
  /** The statement without its terminating semicolon, trimmed. */
  text: string;
  /** Offset of `text` in the script (UTF-16 units). */
  offset: number;
  /** 1-based line and column of its first character. */
  line: number;
  column: number;
}

type Visit = (kind: "code" | "param", start: number, end: number) => void;

/** Walks the script; reports code stretches and `$n` parameters. Returns where the scan stopped if unterminated. */
function scan(sql: string, visit: Visit): { unterminated?: string } {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      // Block comments nest in PostgreSQL.
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) return { unterminated: "comment" };
    } else if (c === "'" || ((c === "E" || c === "e") && next === "'" && !isIdentChar(sql[i - 1]))) {
      const backslashes = c !== "'";
      i += c === "'" ? 1 : 2;
      let closed = false;
      while (i < n) {
        if (backslashes && sql[i] === "\\") i += 2;
        else if (sql[i] === "'") {
          if (sql[i + 1] === "'") i += 2;
          else {
            i++;
            closed = true;
            break;
          }
        } else i++;
      }
      if (!closed) return { unterminated: "string" };
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      // A doubled quote inside an identifier is an escaped quote: the loop below skips pairs.
      let j = end;
      while (j !== -1 && sql[j + 1] === '"') j = sql.indexOf('"', j + 2);
      if (j === -1) return { unterminated: "quoted identifier" };
      i = j + 1;
    } else if (c === "$" && !isIdentChar(sql[i - 1])) {
      const param = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      if (param) {
        visit("param", i, i + param[0].length);
        i += param[0].length;
        continue;
      }
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 80));
      if (!tag) {
        visit("code", i, i + 1);
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      if (end === -1) return { unterminated: "dollar-quoted string" };
      i = end + tag[0].length;
    } else {
      visit("code", i, i + 1);
      i++;
    }
  }
  return {};
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

export class SqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlSyntaxError";
  }
}

function positionOf(sql: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (sql.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Splits a script at top-level semicolons. Empty statements (comments only) are dropped. */
export function splitStatements(sql: string): SqlStatement[] {
  const cuts: number[] = [];
  const result = scan(sql, (kind, start) => {
    if (kind === "code" && sql[start] === ";") cuts.push(start);
  });
  if (result.unterminated) throw new SqlSyntaxError(`unterminated ${result.unterminated} in the SQL`);
  const statements: SqlStatement[] = [];
  let from = 0;
  for (const cut of [...cuts, sql.length]) {
    const raw = sql.slice(from, cut);
    if (hasCode(raw)) {
      const lead = raw.length - raw.trimStart().length;
      const offset = from + lead;
      statements.push({ text: raw.trim(), offset, ...positionOf(sql, offset) });
    }
    from = cut + 1;
  }
  return statements;
}

/** True when the text has something besides whitespace and comments. */
function hasCode(text: string): boolean {
  let found = false;
  scan(text, (kind, start) => {
    if (!found && (kind === "param" || /\S/.test(text[start] ?? ""))) found = true;
  });
  return found;
}

/** The statement's first keywords, upper-cased and without comments: "CREATE UNIQUE INDEX" gives ["CREATE", "UNIQUE", "INDEX"]. */
export function leadingWords(text: string, count = 3): string[] {
  let code = "";
  scan(text, (kind, start, end) => {
    if (kind === "code") code += text.slice(start, end);
    else code += " ";
  });
  return code.trim().replace(/^\(+/, "").split(/[^A-Za-z_]+/).filter(Boolean).slice(0, count).map((w) => w.toUpperCase());
}

export type SqlParam = string | number | boolean | null | SqlParam[];

/** A parameter as a literal of unknown type, typed by PostgreSQL from its use (as node-postgres's text parameters are). */
export function literalOf(value: SqlParam): string {
  if (value === null) return "NULL";
  if (Array.isArray(value)) return quote(arrayLiteral(value));
  if (typeof value === "number") return quote(Number.isFinite(value) ? String(value) : Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
  if (typeof value === "boolean") return quote(value ? "true" : "false");
  return quote(value);
}

function quote(text: string): string {
  if (text.includes("\0")) throw new RangeError("a parameter contains a NUL character, which PostgreSQL text cannot hold");
  return `'${text.replaceAll("'", "''")}'`;
}

function arrayLiteral(values: SqlParam[]): string {
  const items = values.map((v) => {
    if (v === null) return "NULL";
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "true" : "false") : v;
    return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

/** Replaces `$1`... with the parameters as literals; a `$n` beyond the parameters is an error, as in PostgreSQL. */
export function bindParams(text: string, params: readonly SqlParam[]): string {
  if (params.length === 0) return text;
  let out = "";
  let last = 0;
  const result = scan(text, (kind, start, end) => {
    if (kind !== "param") return;
    const index = Number(text.slice(start + 1, end));
    if (index < 1 || index > params.length) throw new SqlSyntaxError(`there is no parameter $${index}`);
    out += text.slice(last, start) + literalOf(params[index - 1]!);
    last = end;
  });
  if (result.unterminated) throw new SqlSyntaxError(`unterminated ${result.unterminated} in the SQL`);
  return out + text.slice(last);
}

/** Maps an offset inside a statement (1-based, as PostgreSQL reports positions) to the script's line and column. */
export function scriptPosition(script: string, statement: SqlStatement, position: number): { line: number; column: number } {
  return positionOf(script, Math.min(script.length, statement.offset + Math.max(0, position - 1)));
}

/** Whether a word appears in the statement's code (not in strings, identifiers in quotes, or comments), case-insensitively. */
export function hasWord(text: string, word: string): boolean {
  const target = word.toUpperCase();
  let found = false;
  let current = "";
  const flush = () => {
    if (current.toUpperCase() === target) found = true;
    current = "";
  };
  let last = 0;
  scan(text, (kind, start, end) => {
    if (found) return;
    if (start !== last) flush(); // a string, quoted identifier or comment in between
    last = end;
    const c = kind === "code" ? text.slice(start, end) : " ";
    if (/[A-Za-z0-9_]/.test(c)) current += c;
    else flush();
  });
  flush();
  return found;
}
