"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import type { EditorPreferences } from "../editor-preferences";
import "../monaco-setup";
import type { EditorInstance, EditorOptions, Monaco } from "../monaco-setup";
import type { RunResult } from "../types";
import type { ExerciseSession } from "../use-exercise-session";
import { enableVimMode } from "../vim-mode";
import { AnswerToolbar, tabClass, toggleClass } from "../workbench-layout";
import { configureTypeScript, countTypeErrors, replaceAll } from "./typescript-setup";
import type { MyTests } from "./use-my-tests";

export type FileTab = "solution" | "tests" | "mine" | "reference";
/** The learner's language: TypeScript (code, node and sql-code exercises) or SQL (sql exercises). */
export type SolutionLanguage = "typescript" | "sql";

const SOLUTION_FILE: Record<SolutionLanguage, string> = { typescript: "solution.ts", sql: "solution.sql" };
/** Markers this pane sets from a run's failures; Monaco's own are the TypeScript checker's. */
const TEST_MARKERS = "deepend-tests";
const SAVE_TEXT = { saved: "Saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Not saved: retrying on next change", local: "Kept in this browser" } as const;

function markFailures(monaco: Monaco, editor: EditorInstance, run: RunResult | null): void {
  const model = editor.getModel();
  if (!model) return;
  const markers = [
    ...(run?.compileErrors ?? []).map((e) => ({ line: e.line, column: e.column, message: e.message })),
    ...(run?.error?.line ? [{ line: run.error.line, column: run.error.column ?? 1, message: run.error.message }] : []),
    ...(run?.tests ?? []).filter((t) => t.status === "failed" && t.line).map((t) => ({ line: t.line!, column: t.column ?? 1, message: `${t.name}: ${t.message ?? "failed"}` })),
    // SQL exercises: a statement's error, where PostgreSQL placed it (else where the statement starts).
    ...(run?.sql?.statements ?? []).flatMap((s) => (s.error ? [{ line: s.error.line ?? s.line, column: s.error.column ?? 1, message: s.error.code ? `${s.error.message} (SQLSTATE ${s.error.code})` : s.error.message }] : [])),
  ];
  monaco.editor.setModelMarkers(
    model,
    TEST_MARKERS,
    markers.map((m) => ({ startLineNumber: m.line, startColumn: m.column, endLineNumber: m.line, endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())), message: m.message, severity: monaco.MarkerSeverity.Error })),
  );
}

const MY_TESTS_URI = "file:///my.test.ts";

/**
 * The answer area of `code`, `node`, `sql` and `sql-code` exercises: the solution in Monaco
 * (TypeScript type-checked like the sandbox; SQL highlighted only), the visible tests and, once
 * revealed, the reference, read-only; Wrap and Vim toggles.
 */
export function EditorPane({
  language,
  session,
  fileTab,
  onFileTab,
  reference,
  visibleTests,
  myTests,
  testApiTypes,
  runtimeTypes,
  preferences,
  onPreference,
  theme,
  editorOptions,
  onShortcut,
}: {
  language: SolutionLanguage;
  session: ExerciseSession;
  fileTab: FileTab;
  onFileTab: (tab: FileTab) => void;
  reference: string | null;
  visibleTests: string;
  myTests: MyTests;
  testApiTypes: string;
  runtimeTypes: string | undefined;
  preferences: EditorPreferences;
  onPreference: (update: Partial<EditorPreferences>) => void;
  theme: string;
  editorOptions: EditorOptions;
  onShortcut: (shift: boolean) => void;
}) {
  /** Errors Monaco reports; null until its first check, so "No errors" is never a guess. */
  const [problems, setProblems] = useState<number | null>(null);
  const [editorReady, setEditorReady] = useState(false);
  const editorRef = useRef<EditorInstance | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const vimStatusRef = useRef<HTMLDivElement>(null);
  const shortcutRef = useRef(onShortcut);
  useEffect(() => {
    shortcutRef.current = onShortcut;
  }, [onShortcut]);
  const { answerRef, result } = session;
  const solutionFile = SOLUTION_FILE[language];
  const solutionUri = `file:///${solutionFile}`;
  /** Only TypeScript is checked in the browser; SQL errors come from PostgreSQL on Run. */
  const checked = language === "typescript";

  // A run's failures show on the lines they name; an edit clears them (see onChange).
  useEffect(() => {
    if (editorReady && monacoRef.current && editorRef.current) markFailures(monacoRef.current, editorRef.current, result);
  }, [result, editorReady]);

  useEffect(() => {
    answerRef.current = {
      replace: (text) => {
        if (editorRef.current) replaceAll(editorRef.current, text);
      },
    };
    return () => {
      answerRef.current = null;
    };
  }, [answerRef]);

  const onChange = (value: string | undefined) => {
    // Failure markers belong to the code that ran; once it changes they would point at the wrong lines.
    const model = editorRef.current?.getModel();
    if (monacoRef.current && model) monacoRef.current.editor.setModelMarkers(model, TEST_MARKERS, []);
    session.edit(value ?? "");
  };

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    const model = editor.getModel();
    const local = session.adoptLocalDraft();
    if (model && local !== null) model.setValue(local);
    if (model && checked) {
      // Until a markers event speaks, the worker's count for the current text does; text edited
      // while it counted is counted again.
      const countCurrent = async (): Promise<void> => {
        const version = model.getAlternativeVersionId();
        const count = await countTypeErrors(monaco, model);
        if (model.isDisposed()) return;
        if (model.getAlternativeVersionId() !== version) return countCurrent();
        setProblems((known) => known ?? count);
      };
      countCurrent().catch(() => {});
    }
    // Monaco handles these keys before the page's listener would see them.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => shortcutRef.current(false));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => shortcutRef.current(true));
    setEditorReady(true);
  };

  // Vim keybindings, loaded only when switched on.
  const vimOn = preferences.editorKeymap === "vim";
  const { report } = session;
  useEffect(() => {
    const editor = editorRef.current;
    const statusLine = vimStatusRef.current;
    if (!vimOn || !editorReady || !editor || !statusLine) return;
    let disable: (() => void) | undefined;
    let cancelled = false;
    enableVimMode(editor, statusLine)
      .then((off) => (cancelled ? off() : (disable = off)))
      .catch(() => report("Vim mode could not be loaded."));
    return () => {
      cancelled = true;
      disable?.();
    };
  }, [vimOn, editorReady, report]);

  return (
    <>
      <AnswerToolbar
        tabs={
          <div role="tablist" aria-label="Files" className="flex min-w-0 gap-1 overflow-x-auto">
            <button role="tab" aria-selected={fileTab === "solution"} className={tabClass(fileTab === "solution")} onClick={() => onFileTab("solution")}>
              {solutionFile}
            </button>
            <button role="tab" aria-selected={fileTab === "tests"} className={tabClass(fileTab === "tests")} onClick={() => onFileTab("tests")}>
              visible<span className="max-sm:hidden">.test.ts</span>
            </button>
            <button role="tab" aria-selected={fileTab === "mine"} className={tabClass(fileTab === "mine")} onClick={() => onFileTab("mine")} title="Your own tests: run with Run, never with Submit">
              My tests
            </button>
            {reference !== null ? (
              <button role="tab" aria-selected={fileTab === "reference"} className={tabClass(fileTab === "reference")} onClick={() => onFileTab("reference")}>
                Reference solution
              </button>
            ) : null}
          </div>
        }
        status={
          <>
            {checked ? (
              <span data-testid="problems" data-count={problems ?? undefined}>
                {problems === null ? "Checking…" : problems === 0 ? "No errors" : `${problems} error${problems === 1 ? "" : "s"}`}
              </span>
            ) : null}
            <span data-testid="save-state" data-state={session.saveState}>
              {SAVE_TEXT[session.saveState]}
            </span>
            <button type="button" aria-pressed={preferences.editorWrap} onClick={() => onPreference({ editorWrap: !preferences.editorWrap })} className={toggleClass(preferences.editorWrap)} title="Wrap long lines">
              Wrap
            </button>
            <button type="button" aria-pressed={vimOn} onClick={() => onPreference({ editorKeymap: vimOn ? "standard" : "vim" })} className={toggleClass(vimOn)} title="Vim keybindings">
              Vim
            </button>
          </>
        }
      />
      <div data-testid="editor-pane" className="relative min-h-0 flex-1 border-x border-zinc-200 dark:border-zinc-800">
        <div className={fileTab === "solution" ? "absolute inset-0" : "hidden"}>
          <Editor
            path={solutionUri}
            defaultLanguage={language}
            // Uncontrolled: the editor owns its text. Feeding each change back as `value` raced
            // fast typing and dropped keys; code is replaced only through the editor's API.
            defaultValue={session.initialText}
            theme={theme}
            onChange={onChange}
            // The test files stay TypeScript for every kind, so the checker is configured for them too.
            beforeMount={(monaco) => configureTypeScript(monaco, testApiTypes, runtimeTypes)}
            onMount={onMount}
            onValidate={checked ? (markers) => setProblems(markers.filter((m) => m.owner !== TEST_MARKERS && m.severity >= 8).length) : undefined}
            options={editorOptions}
            loading={<p className="p-4 text-sm text-zinc-500">Loading the editor…</p>}
          />
        </div>
        <div className={fileTab === "tests" ? "absolute inset-0" : "hidden"}>
          <Editor path="file:///visible.test.ts" defaultLanguage="typescript" value={visibleTests} theme={theme} options={{ ...editorOptions, readOnly: true }} />
        </div>
        <div className={fileTab === "mine" ? "absolute inset-0" : "hidden"} data-testid="my-tests">
          <Editor
            path={MY_TESTS_URI}
            defaultLanguage="typescript"
            defaultValue={myTests.initialText}
            theme={theme}
            onChange={(value) => myTests.edit(value ?? "")}
            onMount={(editor, monaco) => {
              const local = myTests.adoptLocal();
              if (local !== null) editor.getModel()?.setValue(local);
              editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => shortcutRef.current(false));
            }}
            options={editorOptions}
          />
        </div>
        {reference !== null ? (
          <div className={fileTab === "reference" ? "absolute inset-0" : "hidden"}>
            <Editor path={`file:///reference/${solutionFile}`} defaultLanguage={language} value={reference} theme={theme} options={{ ...editorOptions, readOnly: true }} />
          </div>
        ) : null}
      </div>
      <div
        ref={vimStatusRef}
        data-testid="vim-status"
        aria-live="polite"
        className={`border-x border-t border-zinc-200 bg-zinc-50 px-3 py-0.5 font-mono text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-300 [&_input]:bg-transparent [&_input]:outline-none ${vimOn && fileTab === "solution" ? "" : "hidden"}`}
      />
    </>
  );
}
