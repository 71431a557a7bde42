"use client";

import type { RunResult } from "./types";

const STATUS_TEXT: Record<RunResult["status"], { label: string; tone: string; explain?: string }> = {
  passed: { label: "All tests passed", tone: "text-emerald-700 dark:text-emerald-400" },
  failed: { label: "Some tests failed", tone: "text-red-700 dark:text-red-400" },
  error: { label: "Your code could not run", tone: "text-red-700 dark:text-red-400" },
  timeout: { label: "Time limit exceeded", tone: "text-amber-700 dark:text-amber-400", explain: "Your code ran longer than allowed (2 s of CPU). Look for an infinite loop, a promise that never settles, or an O(n²) step on a large input." },
  memory: { label: "Memory limit exceeded", tone: "text-amber-700 dark:text-amber-400", explain: "Your code used more memory than the sandbox allows (64 MB). Look for a structure that grows without bound." },
  busy: { label: "The sandbox is busy", tone: "text-amber-700 dark:text-amber-400", explain: "Many runs are waiting right now. Try again in a moment; your code is saved." },
};

export function ResultsPanel({ result, mode, pending }: { result: RunResult | null; mode: "run" | "submit" | null; pending: boolean }) {
  if (pending) {
    return (
      <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" role="status">
        Running {mode === "submit" ? "all tests, hidden ones included" : "the visible tests"}…
      </p>
    );
  }
  if (!result) {
    return (
      <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">
        <strong>Run</strong> checks the visible tests (Ctrl/⌘ + Enter). <strong>Submit</strong> runs the hidden tests too and records the attempt (Ctrl/⌘ + Shift + Enter).
      </p>
    );
  }
  const info = STATUS_TEXT[result.status];
  const passed = result.tests.filter((t) => t.status === "passed").length;
  return (
    <div className="space-y-3 p-4 text-sm" data-testid="results">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className={`text-base font-semibold ${info.tone}`} data-testid="run-status" data-status={result.status}>
          {info.label}
          {result.tests.length > 0 ? ` · ${passed}/${result.tests.length}` : ""}
        </p>
        <span className="text-xs tabular-nums text-zinc-500">
          {mode === "submit" ? "Submit" : "Run"} · {Math.round(result.durationMs)} ms
        </span>
      </div>
      {info.explain ? <p className="text-zinc-600 dark:text-zinc-400">{info.explain}</p> : null}
      {result.error && result.status !== "busy" ? (
        <p className="rounded-md bg-red-50 px-3 py-2 font-mono text-xs text-red-800 dark:bg-red-950/50 dark:text-red-300">
          {result.error.message}
          {result.error.line ? ` (line ${result.error.line})` : ""}
        </p>
      ) : null}
      {result.compileErrors?.length ? (
        <ul className="space-y-1" aria-label="Compile errors">
          {result.compileErrors.map((e, i) => (
            <li key={i} className="rounded-md bg-red-50 px-3 py-2 font-mono text-xs text-red-800 dark:bg-red-950/50 dark:text-red-300">
              Line {e.line}:{e.column} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result.tests.length > 0 ? (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="Tests">
          {result.tests.map((t) => (
            <li key={`${t.hidden}-${t.name}`} className="px-3 py-2" data-test-status={t.status} data-hidden={t.hidden}>
              <div className="flex items-start gap-2">
                <span aria-hidden className={t.status === "passed" ? "text-emerald-600" : "text-red-600"}>
                  {t.status === "passed" ? "✓" : "✗"}
                </span>
                <span className="flex-1">
                  {t.name}
                  {t.hidden ? <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">hidden</span> : null}
                </span>
                <span className="text-xs tabular-nums text-zinc-500">{t.durationMs} ms</span>
              </div>
              {t.status === "failed" && t.message ? (
                <div className="ml-5 mt-1 space-y-1">
                  <p className="whitespace-pre-wrap break-words font-mono text-xs text-red-700 dark:text-red-300">
                    {t.message}
                    {t.line ? ` (line ${t.line})` : ""}
                  </p>
                  {t.expected !== undefined || t.actual !== undefined ? (
                    <dl className="grid grid-cols-[5rem_1fr] gap-x-2 font-mono text-xs">
                      <dt className="text-zinc-500">Expected</dt>
                      <dd className="break-all text-emerald-700 dark:text-emerald-400">{t.expected}</dd>
                      <dt className="text-zinc-500">Received</dt>
                      <dd className="break-all text-red-700 dark:text-red-400">{t.actual}</dd>
                    </dl>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      ) : null}
      {result.console.length > 0 ? (
        <section aria-label="Console output">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">Console</h3>
          <pre className="max-h-48 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100">
            {result.console.map((c, i) => (
              <div key={i} className={c.level === "error" ? "text-red-300" : c.level === "warn" ? "text-amber-300" : undefined}>
                {c.text}
              </div>
            ))}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
