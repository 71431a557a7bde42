import "server-only";
// The declarations the editor (and the content type-check) gives each kind of exercise: exactly what
// the sandbox provides to it, so an API that would fail at run time is a type error in the editor.
import fs from "node:fs";
import path from "node:path";
import type { ExerciseKind } from "../content/schema.ts";

const SANDBOX_DIR = path.join(process.cwd(), "lib", "sandbox");

/** Declaration files by role, relative to the app's root. */
export const DECLARATIONS = {
  testApi: path.join(SANDBOX_DIR, "test-api.d.ts"),
  plainGlobals: path.join(SANDBOX_DIR, "types", "plain-globals.d.ts"),
  console: path.join(SANDBOX_DIR, "types", "console.d.ts"),
  sql: path.join(SANDBOX_DIR, "types", "sql-client.d.ts"),
  node: ["node-globals.d.ts", "node-modules.d.ts", "node-fs.d.ts", "web-globals.d.ts"].map((f) => path.join(SANDBOX_DIR, "types", f)),
};

/** The files a kind's code is checked against (besides the ES2023 library). */
export function declarationFiles(kind: ExerciseKind): string[] {
  if (kind === "predict") return [];
  const sql = kind === "sql" || kind === "sql-code" ? [DECLARATIONS.sql] : [];
  return [DECLARATIONS.testApi, DECLARATIONS.console, ...(kind === "node" ? DECLARATIONS.node.filter((f) => fs.existsSync(f)) : [DECLARATIONS.plainGlobals]), ...sql];
}

const cache = new Map<ExerciseKind, { testApiTypes: string; runtimeTypes: string }>();

/** testApiTypes: the test API and, for code exercises, their globals; runtimeTypes: the Node runtime's (node exercises). */
export function editorTypes(kind: ExerciseKind): { testApiTypes: string; runtimeTypes: string } {
  let types = cache.get(kind);
  if (!types) {
    const read = (file: string) => fs.readFileSync(file, "utf8");
    const files = declarationFiles(kind);
    const runtime = kind === "node" ? files.slice(1) : [];
    types = { testApiTypes: files.filter((f) => !runtime.includes(f)).map(read).join("\n"), runtimeTypes: runtime.map(read).join("\n") };
    cache.set(kind, types);
  }
  return types;
}
