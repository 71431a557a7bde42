import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { transform, type TransformOptions } from "esbuild";
import type { CompileError } from "./types.ts";

export interface Transpiled {
  js: string;
  map: TraceMap;
}

export type TranspileResult = { ok: true; output: Transpiled } | { ok: false; errors: CompileError[] };

/**
 * TypeScript to CommonJS with esbuild (measured ~1 ms for a 100-line file; see
 * docs/decisions/004-sandbox.md). Types are not checked here: the editor does that.
 */
const OPTIONS: TransformOptions = {
  loader: "ts",
  format: "cjs",
  target: "es2023",
  sourcemap: "external",
  logLevel: "silent",
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
};

export async function transpile(code: string, filename: string): Promise<TranspileResult> {
  try {
    // The async API talks to esbuild's long-lived service (faster than transformSync here).
    const out = await transform(code, { ...OPTIONS, sourcefile: filename });
    return { ok: true, output: { js: out.code, map: new TraceMap(out.map) } };
  } catch (error) {
    const failures = (error as { errors?: Array<{ text: string; location: { line: number; column: number } | null }> }).errors;
    if (!failures) throw error;
    return {
      ok: false,
      errors: failures.slice(0, 50).map((f) => ({ line: f.location?.line ?? 1, column: (f.location?.column ?? 0) + 1, message: f.text })),
    };
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
