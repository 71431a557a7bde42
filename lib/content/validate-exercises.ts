import path from "node:path";
import ts from "typescript";
import type { ContentProblem } from "./lessons.ts";
import type { Exercise } from "./exercises.ts";
import { declarationFiles } from "../exercises/editor-types.ts";


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
 * the sandbox's test API, and the starter and the wrong variants on their own (a mistake worth
 * catching type-checks: the tests, not the compiler, must reject it).
 */
export function typecheckExercises(exercises: Exercise[]): ContentProblem[] {
  // One program per kind: code exercises must not see the Node runtime's declarations. An sql
  // exercise's learner file is SQL: only its tests are TypeScript.
  return (["code", "node", "sql", "sql-code"] as const).flatMap((kind) => {
    const chosen = exercises.filter((e) => e.kind === kind);
    if (chosen.length === 0) return [];
    const rootNames = declarationFiles(kind);
    for (const e of chosen) {
      const dir = path.join(process.cwd(), e.dir);
      const learnerFiles = kind === "sql" ? [] : ["solution.ts", "starter.ts", ...e.wrongVariants.map((w) => w.name)];
      rootNames.push(...["visible.test.ts", "hidden.test.ts", ...learnerFiles].map((f) => path.join(dir, f)));
    }
    return diagnostics(ts.createProgram({ rootNames, options: OPTIONS }));
  });
}

function diagnostics(program: ts.Program): ContentProblem[] {
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file) return { file: "(exercises)", message: `TS${d.code}: ${message}` };
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    return { file: path.relative(process.cwd(), d.file.fileName), line: line + 1, message: `TS${d.code}: ${message}` };
  });
}
