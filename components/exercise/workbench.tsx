"use client";

import Editor, { loader, type Monaco, type OnMount } from "@monaco-editor/react";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useEditorPreferences, type EditorPreferences } from "./editor-preferences";
import { HistoryList } from "./history-list";
import { MarkdownParagraphs } from "./inline-markdown";
import { ResultsPanel } from "./results-panel";
import { SplitHandle, useStoredShare } from "./split-handle";
import { SubmissionDialog } from "./submission-dialog";
import type { RunResult, SubmissionDetail, SubmissionRow, WorkbenchProps } from "./types";
import { enableVimMode } from "./vim-mode";

// Monaco and its TypeScript worker come from this app's own origin (copied by scripts/prepare.ts).
loader.config({ paths: { vs: "/monaco/vs" } });

type EditorInstance = Parameters<OnMount>[0];
type SaveState = "saved" | "saving" | "unsaved" | "error" | "local";
type FileTab = "solution" | "tests" | "reference";
type BottomTab = "results" | "history";
/** Below the lg breakpoint the page shows one of these at a time. */
type PhonePane = "instructions" | "code" | "results";
const PHONE_PANES: Array<[PhonePane, string]> = [
  ["instructions", "Instructions"],
  ["code", "Code"],
  ["results", "Results"],
];

const SOLUTION_URI = "file:///solution.ts";
/** Markers this component sets from a run's failures; Monaco's own are the TypeScript checker's. */
const TEST_MARKERS = "deepend-tests";

const DARK_QUERY = "(prefers-color-scheme: dark)";
function subscribeToScheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribeToScheme, () => window.matchMedia(DARK_QUERY).matches, () => false);
}

function configureTypeScript(monaco: Monaco, testApiTypes: string): void {
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
  ts.typescriptDefaults.setExtraLibs([{ content: testApiTypes, filePath: "file:///deepend/test-api.d.ts" }]);
}

/**
 * The number of type errors in a model, straight from the TypeScript worker. Monaco only reports
 * markers when they change, so clean code loaded into a fresh model never produces an event: this
 * answer is what the first check found.
 */
async function countTypeErrors(monaco: Monaco, model: NonNullable<ReturnType<EditorInstance["getModel"]>>): Promise<number> {
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const uri = model.uri.toString();
  const [syntactic, semantic] = await Promise.all([worker.getSyntacticDiagnostics(uri), worker.getSemanticDiagnostics(uri)]);
  const ERROR = 1; // ts.DiagnosticCategory.Error
  return [...syntactic, ...semantic].filter((d) => d.category === ERROR).length;
}

/** Replaces the editor's whole text as one undoable edit, so Ctrl+Z brings the previous code back. */
function replaceAll(editor: EditorInstance, text: string): void {
  const model = editor.getModel();
  if (!model) return;
  editor.pushUndoStop();
  editor.executeEdits("deepend", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
}

async function api<T>(url: string, init?: RequestInit): Promise<{ ok: true; data: T } | { ok: false; status: number; error: string }> {
  try {
    const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
    const body = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) return { ok: false, status: response.status, error: body.error ?? `The server answered ${response.status}.` };
    return { ok: true, data: body };
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Your code is kept here; try again." };
  }
}

/** The workbench fills the viewport below wherever it starts (the header's height varies). */
function useViewportTop(ref: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => element.style.setProperty("--workbench-top", `${element.getBoundingClientRect().top + window.scrollY}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
}

export function ExerciseWorkbench(props: WorkbenchProps & { instructions: ReactNode; editorPreferences: EditorPreferences | null }) {
  const { slug, starter, signedIn } = props;
  const dark = usePrefersDark();
  const localKey = `deepend:draft:${slug}`;
  const [saveState, setSaveState] = useState<SaveState>(signedIn ? "saved" : "local");
  const [result, setResult] = useState<RunResult | null>(null);
  const [lastMode, setLastMode] = useState<"run" | "submit" | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  /** Errors Monaco reports; null until its first check, so "No errors" is never a guess. */
  const [problems, setProblems] = useState<number | null>(null);
  const [fileTab, setFileTab] = useState<FileTab>("solution");
  const [bottomTab, setBottomTab] = useState<BottomTab>("results");
  const [phonePane, setPhonePane] = useState<PhonePane>("code");
  const [hints, setHints] = useState(props.hints);
  const [solved, setSolved] = useState(props.solved);
  const [submissions, setSubmissions] = useState<SubmissionRow[]>(props.submissions);
  const [opened, setOpened] = useState<SubmissionDetail | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const [editorReady, setEditorReady] = useState(false);
  const { preferences, change: changePreferences } = useEditorPreferences(props.editorPreferences);
  const columns = useStoredShare("deepend:split", 42, 25, 75);
  const rows = useStoredShare("deepend:editor-split", 65, 20, 85);
  const rootRef = useRef<HTMLDivElement>(null);
  const editorPaneRef = useRef<HTMLDivElement>(null);
  const resultsPaneRef = useRef<HTMLDivElement>(null);
  const vimStatusRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<EditorInstance | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  /** The editor owns its text; this mirrors it for saving and running without re-rendering per key. */
  const codeRef = useRef(props.initialDraft ?? starter);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const savedCode = useRef(props.initialDraft ?? starter);
  const runRef = useRef<(mode: "run" | "submit") => void>(() => {});
  useViewportTop(rootRef);

  const saveNow = useCallback(
    async (text: string, keepalive = false) => {
      if (!signedIn) return;
      setSaveState("saving");
      const response = await api<{ updatedAt: string }>(`/api/exercises/${slug}/draft`, { method: "PUT", body: JSON.stringify({ code: text }), keepalive });
      if (response.ok) {
        savedCode.current = text;
        window.localStorage.removeItem(localKey);
        setSaveState(codeRef.current === text ? "saved" : "unsaved");
      } else {
        setSaveState("error");
        setMessage(response.error);
      }
    },
    [signedIn, slug, localKey],
  );

  const onChange = (value: string | undefined) => {
    const text = value ?? "";
    // Failure markers belong to the code that ran; once it changes they would point at the wrong lines.
    const model = editorRef.current?.getModel();
    if (monacoRef.current && model) monacoRef.current.editor.setModelMarkers(model, TEST_MARKERS, []);
    codeRef.current = text;
    window.localStorage.setItem(localKey, text);
    if (!signedIn) return;
    setSaveState("unsaved");
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveNow(text), 700);
  };

  // Leaving the page never loses the last keystrokes.
  useEffect(() => {
    const flush = () => {
      if (signedIn && codeRef.current !== savedCode.current) void saveNow(codeRef.current, true);
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [saveNow, signedIn]);

  const markFailures = useCallback((run: RunResult | null) => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    const markers = [
      ...(run?.compileErrors ?? []).map((e) => ({ line: e.line, column: e.column, message: e.message })),
      ...(run?.error?.line ? [{ line: run.error.line, column: run.error.column ?? 1, message: run.error.message }] : []),
      ...(run?.tests ?? []).filter((t) => t.status === "failed" && t.line).map((t) => ({ line: t.line!, column: t.column ?? 1, message: `${t.name}: ${t.message ?? "failed"}` })),
    ];
    monaco.editor.setModelMarkers(
      model,
      TEST_MARKERS,
      markers.map((m) => ({ startLineNumber: m.line, startColumn: m.column, endLineNumber: m.line, endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())), message: m.message, severity: monaco.MarkerSeverity.Error })),
    );
  }, []);

  const run = useCallback(
    async (mode: "run" | "submit") => {
      if (!signedIn || pending) return;
      setPending(true);
      setLastMode(mode);
      setBottomTab("results");
      setPhonePane("results");
      setMessage(null);
      const response = await api<{ result: RunResult; submission: SubmissionRow | null }>(`/api/exercises/${slug}/run`, { method: "POST", body: JSON.stringify({ code: codeRef.current, mode }), signal: AbortSignal.timeout(60_000) });
      setPending(false);
      if (!response.ok && response.status !== 503) {
        setResult(null);
        setMessage(response.error);
        return;
      }
      const data = response.ok ? response.data : null;
      const outcome = data?.result ?? { status: "busy" as const, tests: [], console: [], durationMs: 0, error: { message: "The sandbox is busy." } };
      setResult(outcome);
      markFailures(outcome);
      if (data?.submission) setSubmissions((list) => [data.submission!, ...list]);
      if (mode === "submit" && outcome.status === "passed") setSolved(true);
    },
    [signedIn, pending, slug, markFailures],
  );
  useEffect(() => {
    runRef.current = (mode) => void run(mode);
  }, [run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        runRef.current(e.shiftKey ? "submit" : "run");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    const model = editor.getModel();
    // Signed out, what is typed stays in this browser; signed in with no server draft, it is adopted.
    const local = window.localStorage.getItem(localKey);
    if (model && local !== null && props.initialDraft === null && local !== starter) {
      model.setValue(local);
      codeRef.current = local;
      if (signedIn) {
        setSaveState("unsaved");
        void saveNow(local);
      }
    }
    if (model) {
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
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current("run"));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => runRef.current("submit"));
    setEditorReady(true);
  };

  // Vim keybindings, loaded only when switched on.
  const vimOn = preferences.editorKeymap === "vim";
  useEffect(() => {
    const editor = editorRef.current;
    const statusLine = vimStatusRef.current;
    if (!vimOn || !editorReady || !editor || !statusLine) return;
    let disable: (() => void) | undefined;
    let cancelled = false;
    enableVimMode(editor, statusLine)
      .then((off) => (cancelled ? off() : (disable = off)))
      .catch(() => setMessage("Vim mode could not be loaded."));
    return () => {
      cancelled = true;
      disable?.();
    };
  }, [vimOn, editorReady]);

  const setPreference = async (update: Partial<EditorPreferences>) => {
    const error = await changePreferences(update);
    if (error) setMessage(error);
  };

  const replaceCode = (text: string) => {
    const editor = editorRef.current;
    if (editor) replaceAll(editor, text);
    else onChange(text);
  };

  const resetToStarter = () => {
    if (!window.confirm("Replace your code with the starter? Your current code will be lost (past submissions stay in History).")) return;
    replaceCode(starter);
    markFailures(null);
  };

  const revealHint = async () => {
    const response = await api<{ hints: string[] }>(`/api/exercises/${slug}/hints`, { method: "POST" });
    if (response.ok) setHints(response.data.hints);
    else setMessage(response.error);
  };

  const openSubmission = async (id: string) => {
    const response = await api<{ submission: SubmissionDetail }>(`/api/exercises/${slug}/submissions/${id}`);
    if (response.ok) setOpened(response.data.submission);
    else setMessage(response.error);
  };

  const restore = (submission: SubmissionDetail) => {
    if (!window.confirm("Restore this submission into the editor? Your current code will be replaced.")) return;
    setOpened(null);
    setFileTab("solution");
    setPhonePane("code");
    replaceCode(submission.code);
  };

  const revealReference = async () => {
    if (!window.confirm("Spoiler: show the reference solution?")) return;
    const response = await api<{ solution: string }>(`/api/exercises/${slug}/solution`);
    if (response.ok) {
      setReference(response.data.solution);
      setFileTab("reference");
    } else setMessage(response.error);
  };

  const measureColumns = () => {
    const width = rootRef.current?.getBoundingClientRect().width;
    return width ? { size: width } : null;
  };
  const measureRows = () => {
    const editorPane = editorPaneRef.current?.getBoundingClientRect();
    const resultsPane = resultsPaneRef.current?.getBoundingClientRect();
    return editorPane && resultsPane ? { size: editorPane.height + resultsPane.height } : null;
  };

  const theme = dark ? "vs-dark" : "light";
  const tabClass = (active: boolean) =>
    `rounded-t-md px-3 py-1.5 text-sm ${active ? "bg-white font-medium text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`;
  const toggleClass = (on: boolean) =>
    `rounded border px-1.5 py-0.5 text-xs ${on ? "border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-600/20 dark:text-accent-100" : "border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-900"}`;
  // No sticky scroll: exercise files are short, and its header went stale when code was replaced.
  const editorOptions = useMemo(
    () => ({ minimap: { enabled: false }, stickyScroll: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 2, fixedOverflowWidgets: true, wordWrap: preferences.editorWrap ? ("on" as const) : ("off" as const) }),
    [preferences.editorWrap],
  );
  /** Hidden below lg unless `pane` is the one shown there. */
  const onPhone = (pane: PhonePane) => (phonePane === pane ? "" : "max-lg:hidden");
  const passedCount = result?.tests.filter((t) => t.status === "passed").length ?? 0;
  const resultsBadge = pending ? "…" : result ? (result.tests.length > 0 ? `${passedCount}/${result.tests.length}` : "!") : null;

  return (
    <div
      ref={rootRef}
      // Phone: one pane at a time in row 3, under the pane tabs, above an always-visible action bar.
      // Desktop: instructions | separator | toolbar, editor, vim status, actions, separator, results.
      className="grid h-[calc(100dvh-var(--workbench-top,7rem)-0.75rem)] min-h-[26rem] grid-cols-1 grid-rows-[auto_auto_minmax(0,1fr)_auto_auto] lg:grid-cols-[var(--columns)_0.375rem_minmax(0,1fr)] lg:grid-rows-[auto_minmax(0,var(--editor-rows))_auto_auto_auto_minmax(0,var(--results-rows))]"
      style={{ "--columns": `${columns.share}%`, "--editor-rows": `${rows.share}fr`, "--results-rows": `${100 - rows.share}fr` } as React.CSSProperties}
      data-solved={solved}
      data-phone-pane={phonePane}
    >
      <div role="tablist" aria-label="Exercise panes" className="row-start-1 mb-2 grid grid-cols-3 gap-1 rounded-lg bg-zinc-100 p-1 text-sm lg:hidden dark:bg-zinc-900">
        {PHONE_PANES.map(([pane, label]) => (
          <button key={pane} role="tab" type="button" aria-selected={phonePane === pane} onClick={() => setPhonePane(pane)} className={`flex items-center justify-center gap-1.5 rounded-md px-2 py-1.5 ${phonePane === pane ? "bg-white font-medium shadow-sm dark:bg-zinc-800" : "text-zinc-600 dark:text-zinc-400"}`}>
            {label}
            {pane === "results" && resultsBadge ? (
              <span data-testid="results-badge" className={`rounded-full px-1.5 text-xs tabular-nums text-white ${pending ? "bg-zinc-500" : result?.status === "passed" ? "bg-emerald-600" : "bg-red-600"}`}>
                {resultsBadge}
              </span>
            ) : null}
          </button>
        ))}
      </div>

      <section className={`min-h-0 min-w-0 overflow-y-auto rounded-lg border border-zinc-200 p-5 max-lg:row-start-3 lg:col-start-1 lg:row-span-6 lg:row-start-1 lg:rounded-r-none dark:border-zinc-800 ${onPhone("instructions")}`} aria-label="Instructions">
        {props.instructions}
        {props.hintsTotal > 0 ? (
          <section className="mt-8 border-t border-zinc-200 pt-4 dark:border-zinc-800" aria-label="Hints">
            <h2 className="mb-2 font-semibold">Hints</h2>
            <ol className="list-decimal space-y-2 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              {hints.map((h, i) => (
                <li key={i} data-testid="hint" className="space-y-1">
                  <MarkdownParagraphs text={h} />
                </li>
              ))}
            </ol>
            {hints.length < props.hintsTotal ? (
              signedIn ? (
                <button type="button" onClick={() => void revealHint()} className="mt-3 rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
                  Show hint {hints.length + 1} of {props.hintsTotal}
                </button>
              ) : (
                <p className="mt-2 text-sm text-zinc-500">Sign in to reveal hints one at a time.</p>
              )
            ) : null}
          </section>
        ) : null}
      </section>

      <SplitHandle orientation="vertical" label="Resize instructions and editor" split={columns} measure={measureColumns} className="hidden lg:col-start-2 lg:row-span-6 lg:row-start-1 lg:block" />

      <div className={`flex flex-wrap items-center gap-2 rounded-t-lg border max-lg:row-start-2 lg:col-start-3 lg:row-start-1 border-zinc-200 bg-zinc-50 px-2 pt-1.5 lg:rounded-tl-none dark:border-zinc-800 dark:bg-zinc-950 ${onPhone("code")}`}>
        <div role="tablist" aria-label="Files" className="flex gap-1">
          <button role="tab" aria-selected={fileTab === "solution"} className={tabClass(fileTab === "solution")} onClick={() => setFileTab("solution")}>
            solution.ts
          </button>
          <button role="tab" aria-selected={fileTab === "tests"} className={tabClass(fileTab === "tests")} onClick={() => setFileTab("tests")}>
            visible.test.ts
          </button>
          {reference !== null ? (
            <button role="tab" aria-selected={fileTab === "reference"} className={tabClass(fileTab === "reference")} onClick={() => setFileTab("reference")}>
              Reference solution
            </button>
          ) : null}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 pb-1 text-xs text-zinc-500">
          <span data-testid="problems" data-count={problems ?? undefined}>
            {problems === null ? "Checking…" : problems === 0 ? "No errors" : `${problems} error${problems === 1 ? "" : "s"}`}
          </span>
          <span data-testid="save-state" data-state={saveState}>
            {{ saved: "Saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Not saved: retrying on next change", local: "Kept in this browser" }[saveState]}
          </span>
          <button type="button" aria-pressed={preferences.editorWrap} onClick={() => void setPreference({ editorWrap: !preferences.editorWrap })} className={toggleClass(preferences.editorWrap)} title="Wrap long lines">
            Wrap
          </button>
          <button type="button" aria-pressed={vimOn} onClick={() => void setPreference({ editorKeymap: vimOn ? "standard" : "vim" })} className={toggleClass(vimOn)} title="Vim keybindings">
            Vim
          </button>
        </div>
      </div>

      <div ref={editorPaneRef} data-testid="editor-pane" className={`relative min-h-0 border-x border-zinc-200 max-lg:row-start-3 lg:col-start-3 lg:row-start-2 dark:border-zinc-800 ${onPhone("code")}`}>
        <div className={fileTab === "solution" ? "absolute inset-0" : "hidden"}>
          <Editor
            path={SOLUTION_URI}
            defaultLanguage="typescript"
            // Uncontrolled: the editor owns its text. Feeding each change back as `value` raced
            // fast typing and dropped keys; code is replaced only through the editor's API.
            defaultValue={props.initialDraft ?? starter}
            theme={theme}
            onChange={onChange}
            beforeMount={(monaco) => configureTypeScript(monaco, props.testApiTypes)}
            onMount={onMount}
            onValidate={(markers) => setProblems(markers.filter((m) => m.owner !== TEST_MARKERS && m.severity >= 8).length)}
            options={editorOptions}
            loading={<p className="p-4 text-sm text-zinc-500">Loading the editor…</p>}
          />
        </div>
        <div className={fileTab === "tests" ? "absolute inset-0" : "hidden"}>
          <Editor path="file:///visible.test.ts" defaultLanguage="typescript" value={props.visibleTests} theme={theme} options={{ ...editorOptions, readOnly: true }} />
        </div>
        {reference !== null ? (
          <div className={fileTab === "reference" ? "absolute inset-0" : "hidden"}>
            <Editor path="file:///reference/solution.ts" defaultLanguage="typescript" value={reference} theme={theme} options={{ ...editorOptions, readOnly: true }} />
          </div>
        ) : null}
      </div>

      <div
        ref={vimStatusRef}
        data-testid="vim-status"
        aria-live="polite"
        className={`border-x border-t border-zinc-200 bg-zinc-50 px-3 py-0.5 font-mono max-lg:row-start-4 lg:col-start-3 lg:row-start-3 text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-300 [&_input]:bg-transparent [&_input]:outline-none ${vimOn && fileTab === "solution" ? "" : "hidden"} ${onPhone("code")}`}
      />

      <div className="flex flex-wrap items-center gap-2 border-zinc-200 bg-zinc-50 px-3 py-2 max-lg:row-start-5 max-lg:mt-2 lg:col-start-3 lg:row-start-4 max-lg:rounded-lg max-lg:border lg:border-x lg:border-t dark:border-zinc-800 dark:bg-zinc-950">
        {signedIn ? (
          <>
            <button type="button" onClick={() => void run("run")} disabled={pending} className="rounded-md border border-zinc-300 bg-white px-4 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800" title="Ctrl/⌘ + Enter">
              Run
            </button>
            <button type="button" onClick={() => void run("submit")} disabled={pending} className="rounded-md bg-accent-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60" title="Ctrl/⌘ + Shift + Enter">
              Submit
            </button>
          </>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/exercises/${slug}`)}`} className="font-medium text-accent-600 hover:underline">
              Sign in
            </Link>{" "}
            to run your code and save it. What you type is kept in this browser meanwhile.
          </p>
        )}
        <button type="button" onClick={resetToStarter} className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900">
          Reset<span className="max-sm:hidden"> to starter</span>
        </button>
        {solved ? (
          <>
            <span className="ml-auto text-sm font-medium text-emerald-700 dark:text-emerald-400" data-testid="solved-badge">
              ✓ Solved
            </span>
            {reference === null ? (
              <button type="button" onClick={() => void revealReference()} className="rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900">
                Reveal reference solution
              </button>
            ) : null}
          </>
        ) : null}
        {message ? (
          <p role="alert" className="basis-full rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            {message}
          </p>
        ) : null}
      </div>

      <SplitHandle orientation="horizontal" label="Resize editor and results" split={rows} measure={measureRows} className="hidden lg:col-start-3 lg:row-start-5 lg:block lg:h-1.5" />

      <div ref={resultsPaneRef} data-testid="results-pane" className={`flex min-h-0 flex-col rounded-b-lg border max-lg:row-start-3 lg:col-start-3 lg:row-start-6 border-zinc-200 bg-white lg:rounded-bl-none lg:border-t-0 dark:border-zinc-800 dark:bg-zinc-900 ${onPhone("results")}`}>
        <div role="tablist" aria-label="Output" className="flex gap-1 px-2 pt-1.5">
          <button role="tab" aria-selected={bottomTab === "results"} className={tabClass(bottomTab === "results")} onClick={() => setBottomTab("results")}>
            Results
          </button>
          <button role="tab" aria-selected={bottomTab === "history"} className={tabClass(bottomTab === "history")} onClick={() => setBottomTab("history")}>
            History ({submissions.length})
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto" data-testid="results-scroll">
          {bottomTab === "results" ? <ResultsPanel result={result} mode={lastMode} pending={pending} /> : <HistoryList submissions={submissions} onOpen={(id) => void openSubmission(id)} signedIn={signedIn} />}
        </div>
      </div>

      {opened ? <SubmissionDialog submission={opened} currentCode={() => codeRef.current} theme={theme} editorOptions={editorOptions} onRestore={() => restore(opened)} onClose={() => setOpened(null)} /> : null}
    </div>
  );
}
