import path from "node:path";
import ts from "typescript";
import type { ContentProblem } from "./lessons.ts";
import type { Exercise } from "./exercises.ts";

const TEST_API = path.join(process.cwd(), "lib", "sandbox", "test-api.d.ts");

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2023,
  lib: ["lib.es2023.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Type-checks exercises the way the editor sees them: the solution with both test files against
 * the sandbox's test API, and the starter on its own.
 */
export function typecheckExercises(exercises: Exercise[]): ContentProblem[] {
  const rootNames = [TEST_API];
  for (const e of exercises) {
    const dir = path.join(process.cwd(), e.dir);
    rootNames.push(...["solution.ts", "visible.test.ts", "hidden.test.ts", "starter.ts"].map((f) => path.join(dir, f)));
  }
  const program = ts.createProgram({ rootNames, options: OPTIONS });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file) return { file: "(exercises)", message: `TS${d.code}: ${message}` };
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    return { file: path.relative(process.cwd(), d.file.fileName), line: line + 1, message: `TS${d.code}: ${message}` };
  });
}
