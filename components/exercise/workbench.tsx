"use client";

import Editor, { DiffEditor, loader, type Monaco, type OnMount } from "@monaco-editor/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { ResultsPanel } from "./results-panel";
import type { RunResult, SubmissionDetail, SubmissionRow, WorkbenchProps } from "./types";

// Monaco and its TypeScript worker come from this app's own origin (copied by scripts/prepare.ts).
loader.config({ paths: { vs: "/monaco/vs" } });

type EditorInstance = Parameters<OnMount>[0];
type SaveState = "saved" | "saving" | "unsaved" | "error" | "local";
type RightTab = "solution" | "tests" | "reference";
type BottomTab = "results" | "history";

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

export function ExerciseWorkbench(props: WorkbenchProps & { instructions: ReactNode }) {
  const { slug, starter, signedIn } = props;
  const dark = usePrefersDark();
  const localKey = `deepend:draft:${slug}`;
  const [code, setCode] = useState(props.initialDraft ?? starter);
  const [saveState, setSaveState] = useState<SaveState>(signedIn ? "saved" : "local");
  const [result, setResult] = useState<RunResult | null>(null);
  const [lastMode, setLastMode] = useState<"run" | "submit" | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  /** Errors Monaco reports; null until its first check, so "No errors" is never a guess. */
  const [problems, setProblems] = useState<number | null>(null);
  const [rightTab, setRightTab] = useState<RightTab>("solution");
  const [bottomTab, setBottomTab] = useState<BottomTab>("results");
  const [hints, setHints] = useState(props.hints);
  const [solved, setSolved] = useState(props.solved);
  const [submissions, setSubmissions] = useState<SubmissionRow[]>(props.submissions);
  const [opened, setOpened] = useState<SubmissionDetail | null>(null);
  const [compare, setCompare] = useState(false);
  const [reference, setReference] = useState<string | null>(null);
  const [split, setSplit] = useState(42);
  const editorRef = useRef<EditorInstance | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const codeRef = useRef(code);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const savedCode = useRef(props.initialDraft ?? starter);
  const runRef = useRef<(mode: "run" | "submit") => void>(() => {});

  /** Signed out, what is typed stays in this browser; signed in with no server draft, it is adopted. */
  const restoreLocalState = () => {
    const local = window.localStorage.getItem(localKey);
    if (local !== null && props.initialDraft === null && local !== starter) {
      setCode(local);
      codeRef.current = local;
      if (signedIn) {
        setSaveState("unsaved");
        void saveNow(local);
      }
    }
    const storedSplit = Number(window.localStorage.getItem("deepend:split"));
    if (storedSplit >= 25 && storedSplit <= 75) setSplit(storedSplit);
  };

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
    if (monacoRef.current && editorRef.current?.getModel()) monacoRef.current.editor.setModelMarkers(editorRef.current.getModel()!, "deepend-tests", []);
    setCode(text);
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
      "deepend-tests",
      markers.map((m) => ({ startLineNumber: m.line, startColumn: m.column, endLineNumber: m.line, endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())), message: m.message, severity: monaco.MarkerSeverity.Error })),
    );
  }, []);

  const run = useCallback(
    async (mode: "run" | "submit") => {
      if (!signedIn || pending) return;
      setPending(true);
      setLastMode(mode);
      setBottomTab("results");
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
    restoreLocalState();
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current("run"));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => runRef.current("submit"));
  };

  const resetToStarter = () => {
    if (!window.confirm("Replace your code with the starter? Your current code will be lost (past submissions stay in History).")) return;
    onChange(starter);
    markFailures(null);
  };

  const revealHint = async () => {
    const response = await api<{ hints: string[] }>(`/api/exercises/${slug}/hints`, { method: "POST" });
    if (response.ok) setHints(response.data.hints);
    else setMessage(response.error);
  };

  const openSubmission = async (id: string) => {
    const response = await api<{ submission: SubmissionDetail }>(`/api/exercises/${slug}/submissions/${id}`);
    if (response.ok) {
      setOpened(response.data.submission);
      setCompare(false);
    } else setMessage(response.error);
  };

  const restore = (submission: SubmissionDetail) => {
    if (!window.confirm("Restore this submission into the editor? Your current code will be replaced.")) return;
    onChange(submission.code);
    setOpened(null);
    setRightTab("solution");
  };

  const revealReference = async () => {
    if (!window.confirm("Spoiler: show the reference solution?")) return;
    const response = await api<{ solution: string }>(`/api/exercises/${slug}/solution`);
    if (response.ok) {
      setReference(response.data.solution);
      setRightTab("reference");
    } else setMessage(response.error);
  };

  const startDrag = (event: React.PointerEvent<HTMLDivElement>) => {
    const container = event.currentTarget.parentElement;
    if (!container) return;
    const rect = container.getBoundingClientRect();
    const move = (e: PointerEvent) => setSplit(Math.min(75, Math.max(25, ((e.clientX - rect.left) / rect.width) * 100)));
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      setSplit((s) => {
        window.localStorage.setItem("deepend:split", String(Math.round(s)));
        return s;
      });
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  const theme = dark ? "vs-dark" : "light";
  const tabClass = (active: boolean) =>
    `rounded-t-md px-3 py-1.5 text-sm ${active ? "bg-white font-medium text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`;
  // No sticky scroll: exercise files are short, and its header went stale when code was replaced.
  const editorOptions = { minimap: { enabled: false }, stickyScroll: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 2, fixedOverflowWidgets: true } as const;

  return (
    <div className="flex h-[calc(100vh-7.5rem)] min-h-[36rem] flex-col gap-2 lg:flex-row lg:gap-0" data-solved={solved}>
      <section className="min-h-0 overflow-y-auto rounded-lg border border-zinc-200 p-5 dark:border-zinc-800 lg:rounded-r-none" style={{ flexBasis: `${split}%` }} aria-label="Instructions">
        {props.instructions}
        {props.hintsTotal > 0 ? (
          <section className="mt-8 border-t border-zinc-200 pt-4 dark:border-zinc-800" aria-label="Hints">
            <h2 className="mb-2 font-semibold">Hints</h2>
            <ol className="list-decimal space-y-2 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              {hints.map((h, i) => (
                <li key={i} data-testid="hint">
                  {h}
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

      <div role="separator" aria-orientation="vertical" aria-label="Resize panels" onPointerDown={startDrag} className="hidden w-1.5 cursor-col-resize bg-zinc-200 hover:bg-accent-400 dark:bg-zinc-800 lg:block" />

      <section className="flex min-h-0 min-w-0 flex-1 flex-col rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950 lg:rounded-l-none" aria-label="Editor">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-2 pt-1.5 dark:border-zinc-800">
          <div role="tablist" className="flex gap-1">
            <button role="tab" aria-selected={rightTab === "solution"} className={tabClass(rightTab === "solution")} onClick={() => setRightTab("solution")}>
              solution.ts
            </button>
            <button role="tab" aria-selected={rightTab === "tests"} className={tabClass(rightTab === "tests")} onClick={() => setRightTab("tests")}>
              visible.test.ts
            </button>
            {reference !== null ? (
              <button role="tab" aria-selected={rightTab === "reference"} className={tabClass(rightTab === "reference")} onClick={() => setRightTab("reference")}>
                Reference solution
              </button>
            ) : null}
          </div>
          <div className="ml-auto flex items-center gap-3 pb-1 text-xs text-zinc-500">
            <span data-testid="problems" data-count={problems ?? undefined}>
              {problems === null ? "Checking…" : problems === 0 ? "No errors" : `${problems} error${problems === 1 ? "" : "s"}`}
            </span>
            <span data-testid="save-state" data-state={saveState}>
              {{ saved: "Saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Not saved: retrying on next change", local: "Kept in this browser" }[saveState]}
            </span>
          </div>
        </div>

        <div className="relative min-h-0 flex-1">
          <div className={rightTab === "solution" ? "absolute inset-0" : "hidden"}>
            <Editor
              path="file:///solution.ts"
              defaultLanguage="typescript"
              value={code}
              theme={theme}
              onChange={onChange}
              beforeMount={(monaco) => configureTypeScript(monaco, props.testApiTypes)}
              onMount={onMount}
              onValidate={(markers) => setProblems(markers.filter((m) => m.owner !== "deepend-tests" && m.severity >= 8).length)}
              options={editorOptions}
              loading={<p className="p-4 text-sm text-zinc-500">Loading the editor…</p>}
            />
          </div>
          <div className={rightTab === "tests" ? "absolute inset-0" : "hidden"}>
            <Editor path="file:///visible.test.ts" defaultLanguage="typescript" value={props.visibleTests} theme={theme} options={{ ...editorOptions, readOnly: true }} />
          </div>
          {reference !== null ? (
            <div className={rightTab === "reference" ? "absolute inset-0" : "hidden"}>
              <Editor path="file:///reference/solution.ts" defaultLanguage="typescript" value={reference} theme={theme} options={{ ...editorOptions, readOnly: true }} />
            </div>
          ) : null}
        </div>

        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
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
            Reset to starter
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
        </div>
        {message ? (
          <p role="alert" className="border-t border-zinc-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-zinc-800 dark:bg-amber-950/40 dark:text-amber-200">
            {message}
          </p>
        ) : null}

        <div className="flex max-h-[45%] min-h-[9rem] flex-col border-t border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div role="tablist" className="flex gap-1 px-2 pt-1.5">
            <button role="tab" aria-selected={bottomTab === "results"} className={tabClass(bottomTab === "results")} onClick={() => setBottomTab("results")}>
              Results
            </button>
            <button role="tab" aria-selected={bottomTab === "history"} className={tabClass(bottomTab === "history")} onClick={() => setBottomTab("history")}>
              History ({submissions.length})
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            {bottomTab === "results" ? (
              <ResultsPanel result={result} mode={lastMode} pending={pending} />
            ) : (
              <HistoryList submissions={submissions} onOpen={(id) => void openSubmission(id)} signedIn={signedIn} />
            )}
          </div>
        </div>
      </section>

      {opened ? (
        <div role="dialog" aria-modal="true" aria-label="Submission" className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4" onClick={() => setOpened(null)}>
          <div className="flex h-[85vh] w-full max-w-5xl flex-col rounded-lg bg-white shadow-xl dark:bg-zinc-900" onClick={(e) => e.stopPropagation()}>
            <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
              <h2 className="font-semibold">
                Submission of {new Date(opened.createdAt).toLocaleString()} · {opened.status} · {opened.passed}/{opened.total}
              </h2>
              <div className="ml-auto flex gap-2">
                <button type="button" onClick={() => setCompare((c) => !c)} className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700">
                  {compare ? "Show code" : "Compare with current code"}
                </button>
                <button type="button" onClick={() => restore(opened)} className="rounded-md bg-accent-600 px-3 py-1 text-sm font-medium text-white hover:bg-accent-700">
                  Restore into editor
                </button>
                <button type="button" onClick={() => setOpened(null)} className="rounded-md px-3 py-1 text-sm" aria-label="Close">
                  ✕
                </button>
              </div>
            </div>
            <div className="min-h-0 flex-1">
              {compare ? (
                <DiffEditor original={opened.code} modified={code} language="typescript" theme={theme} options={{ readOnly: true, renderSideBySide: true, automaticLayout: true }} originalModelPath="file:///history/original.ts" modifiedModelPath="file:///history/current.ts" />
              ) : (
                <Editor path={`file:///history/${opened.id}.ts`} defaultLanguage="typescript" value={opened.code} theme={theme} options={{ ...editorOptions, readOnly: true }} />
              )}
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function HistoryList({ submissions, onOpen, signedIn }: { submissions: SubmissionRow[]; onOpen: (id: string) => void; signedIn: boolean }) {
  if (!signedIn) return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">Sign in to keep a history of your submissions.</p>;
  if (submissions.length === 0) return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">No submissions yet. Submit runs the hidden tests and records the attempt here.</p>;
  return (
    <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Submissions">
      {submissions.map((s) => (
        <li key={s.id}>
          <button type="button" onClick={() => onOpen(s.id)} className="flex w-full items-center gap-3 px-4 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/60" data-testid="submission" data-status={s.status}>
            <span className={s.status === "passed" ? "text-emerald-600" : "text-red-600"}>{s.status === "passed" ? "✓" : "✗"}</span>
            <span className="flex-1">{new Date(s.createdAt).toLocaleString()}</span>
            <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
              {s.passed}/{s.total} · {s.status}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
