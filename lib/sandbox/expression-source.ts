// Finds the source text of the `expect(...)` assertion written at a position of a test file, so
// that a failure can show the line the learner should read (e.g. `expect(cache.get("a")).toBe(1)`).

const MAX_EXPRESSION_CHARS = 200;

/** Index just past the bracket that closes the one at `open`, skipping strings; -1 if unbalanced. */
function closingIndex(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next === -1) return -1;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * The whole `expect(...)[.not|.resolves|.rejects].matcher(...)` chain around a 1-based position
 * (V8 reports a call at its callee's name, inside the chain), whitespace collapsed; undefined when
 * the position is not inside one.
 */
export function expectExpressionAt(source: string, line: number, column: number): string | undefined {
  const position = offsetOf(source, line, column);
  if (position < 0) return undefined;
  const lineStart = source.lastIndexOf("\n", position - 1) + 1;
  const start = source.lastIndexOf("expect(", position);
  if (start < lineStart || (start > 0 && /[\w$.]/.test(source[start - 1]!))) return undefined;
  let end = closingIndex(source, start + "expect".length);
  if (end < 0) return undefined;
  // Then the chain: .name, .name(...), until the last call.
  for (;;) {
    const member = /^\s*\.\s*[\w$]+/.exec(source.slice(end));
    if (!member) break;
    end += member[0].length;
    if (source[end] === "(") {
      const close = closingIndex(source, end);
      if (close < 0) return undefined;
      end = close;
    }
  }
  if (end <= position) return undefined;
  const text = source.slice(start, end).replace(/\s+/g, " ").replace(/\(\s/g, "(").replace(/\s\)/g, ")");
  return text.length > MAX_EXPRESSION_CHARS ? `${text.slice(0, MAX_EXPRESSION_CHARS)}…` : text;
}
