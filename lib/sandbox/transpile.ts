import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { transform } from "sucrase";
import type { CompileError } from "./types.ts";

export interface Transpiled {
  js: string;
  map: TraceMap;
}

export type TranspileResult = { ok: true; output: Transpiled } | { ok: false; errors: CompileError[] };

/**
 * Sucrase drops a namespace's body without a word (it only strips types); a user would then see a
 * puzzling ReferenceError. Declared (type-only) namespaces are fine and do not match.
 */
const VALUE_NAMESPACE = /^[ \t]*(?:export[ \t]+)?(?:namespace|module)[ \t]+[A-Za-z_$][\w$.]*[ \t]*\{/m;

/**
 * TypeScript to CommonJS with Sucrase, in the worker's own thread: ~0.25 ms of CPU for a 100-line
 * file, against ~1.2 ms for esbuild's service (most of it in its Go process). Types are not checked
 * here: the editor does that. See docs/decisions/004-sandbox.md.
 */
export function transpile(code: string, filename: string): TranspileResult {
  const namespace = VALUE_NAMESPACE.exec(code);
  if (namespace) {
    const line = code.slice(0, namespace.index).split("\n").length;
    const message = "TypeScript namespaces are not supported here: use a plain object or separate exports.";
    return { ok: false, errors: [{ line, column: namespace[0].search(/\S/) + 1, message }] };
  }
  try {
    const out = transform(code, {
      transforms: ["typescript", "imports"],
      // Modern syntax (class fields, ??, ?.) runs natively in V8: keep it as written.
      disableESTransforms: true,
      filePath: filename,
      sourceMapOptions: { compiledFilename: filename.replace(/\.ts$/, ".js") },
    });
    if (!out.sourceMap) throw new Error("Sucrase returned no source map");
    return { ok: true, output: { js: out.code, map: new TraceMap({ ...out.sourceMap, version: 3 }) } };
  } catch (error) {
    // Sucrase's syntax errors carry a 1-based position, also appended to the message as "(l:c)".
    if (error instanceof RangeError) return { ok: false, errors: [{ line: 1, column: 1, message: "The code is nested too deeply to compile." }] };
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!(error instanceof SyntaxError) || !loc) throw error;
    const message = error.message.replace(/^Error transforming [^:]*: /, "").replace(/\s*\(\d+:\d+\)$/, "");
    // "Unexpected token" alone does not say which: name it.
    const found = code.split("\n")[loc.line - 1]?.slice(loc.column - 1).match(/^\S{1,20}/)?.[0];
    return { ok: false, errors: [{ line: loc.line, column: loc.column, message: message === "Unexpected token" && found ? `Unexpected "${found}"` : message }] };
  }
}

/** Maps a 1-based line/column in transpiled output back to the TypeScript source. */
export function originalPosition(map: TraceMap, line: number, column: number): { line: number; column: number } | null {
  const pos = originalPositionFor(map, { line, column: Math.max(0, column - 1) });
  return pos.line === null ? null : { line: pos.line, column: (pos.column ?? 0) + 1 };
}

/** Rewrites "solution.ts:L:C" positions inside a message to the TypeScript source's positions. */
export function mapPositionsInText(text: string, filename: string, map: TraceMap): string {
  const pattern = new RegExp(`${filename.replace(/\./g, "\\.")}:(\\d+):(\\d+)`, "g");
  return text.replace(pattern, (whole, l: string, c: string) => {
    const pos = originalPosition(map, Number(l), Number(c));
    return pos ? `${filename}:${pos.line}:${pos.column}` : whole;
  });
}
