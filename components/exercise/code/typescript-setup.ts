"use client";

import type { EditorInstance, Monaco } from "../monaco-setup";

/**
 * The editor type-checks like the sandbox: ES2023 and no DOM. `node` exercises add the runtime's
 * declarations (its Node modules and web globals), so an API the sandbox lacks is a type error.
 */
export function configureTypeScript(monaco: Monaco, testApiTypes: string, runtimeTypes: string | undefined): void {
  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    // Monaco's ScriptTarget enum stops at ES2020; 10 is TypeScript's ES2023 (what the sandbox runs).
    target: 10 as typeof ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ["es2023"],
    strict: true,
    noUncheckedIndexedAccess: true,
    allowNonTsExtensions: true,
    noEmit: true,
  });
  ts.typescriptDefaults.setExtraLibs([
    { content: testApiTypes, filePath: "file:///deepend/test-api.d.ts" },
    ...(runtimeTypes ? [{ content: runtimeTypes, filePath: "file:///deepend/runtime.d.ts" }] : []),
  ]);
}

/**
 * The number of type errors in a model, straight from the TypeScript worker. Monaco only reports
 * markers when they change, so clean code loaded into a fresh model never produces an event: this
 * answer is what the first check found.
 */
export async function countTypeErrors(monaco: Monaco, model: NonNullable<ReturnType<EditorInstance["getModel"]>>): Promise<number> {
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const uri = model.uri.toString();
  const [syntactic, semantic] = await Promise.all([worker.getSyntacticDiagnostics(uri), worker.getSemanticDiagnostics(uri)]);
  const ERROR = 1; // ts.DiagnosticCategory.Error
  return [...syntactic, ...semantic].filter((d) => d.category === ERROR).length;
}

/** Replaces the editor's whole text as one undoable edit, so Ctrl+Z brings the previous code back. */
export function replaceAll(editor: EditorInstance, text: string): void {
  const model = editor.getModel();
  if (!model) return;
  editor.pushUndoStop();
  editor.executeEdits("deepend", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
}
