"use client";

import { InlineCode, InlineMarkdown } from "./inline-markdown";
import { SqlOutput } from "./sql/sql-output";
import type { RunResult } from "./types";

type TestRow = RunResult["tests"][number];

const STATUS_TEXT: Record<RunResult["status"], { label: string; tone: string; explain?: string }> = {
  passed: { label: "All tests passed", tone: "text-emerald-700 dark:text-emerald-400" },
  failed: { label: "Some tests failed", tone: "text-red-700 dark:text-red-400" },
  error: { label: "Your code could not run", tone: "text-red-700 dark:text-red-400" },
  // The limit itself is said once, by the test that hit it (or the run's error when none was running).
  timeout: { label: "Time limit exceeded", tone: "text-amber-700 dark:text-amber-400", explain: "Look for an infinite loop, a promise that never settles, or an O(n²) step on a large input." },
  memory: { label: "Memory limit exceeded", tone: "text-amber-700 dark:text-amber-400", explain: "Look for a structure that grows without bound." },
  busy: { label: "The sandbox is busy", tone: "text-amber-700 dark:text-amber-400", explain: "Many runs are waiting right now. Try again in a moment; your code is saved." },
};

/** `solutionFile` names the learner's file in failure messages: solution.ts, or solution.sql for SQL exercises. */
export function ResultsPanel({ result, mode, pending, solutionFile = "solution.ts" }: { result: RunResult | null; mode: "run" | "submit" | null; pending: boolean; solutionFile?: string }) {
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
            <TestItem key={`${t.hidden}-${t.name}`} test={t} solutionFile={solutionFile} />
          ))}
        </ul>
      ) : null}
      {result.sql ? <SqlOutput details={result.sql} /> : null}
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

const OUTCOME: Record<"passed" | "failed" | NonNullable<TestRow["interrupted"]>, { icon: string; tone: string; label?: string }> = {
  passed: { icon: "✓", tone: "text-emerald-600" },
  failed: { icon: "✗", tone: "text-red-600" },
  timeout: { icon: "✗", tone: "text-amber-600", label: "Timed out" },
  memory: { icon: "✗", tone: "text-amber-600", label: "Out of memory" },
  "not-run": { icon: "–", tone: "text-zinc-400", label: "Not run" },
};

function TestItem({ test: t, solutionFile }: { test: TestRow; solutionFile: string }) {
  const outcome = OUTCOME[t.interrupted ?? t.status];
  return (
    <li className="px-3 py-2" data-test-status={t.status} data-hidden={t.hidden} data-interrupted={t.interrupted}>
      <div className="flex items-start gap-2">
        <span aria-hidden className={outcome.tone}>
          {outcome.icon}
        </span>
        <span className="min-w-0 flex-1 break-words">
          <InlineMarkdown text={t.name} />
          {t.hidden ? <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">hidden</span> : null}
        </span>
        {outcome.label ? <span className={`text-xs font-medium ${outcome.tone}`}>{outcome.label}</span> : <span className="text-xs tabular-nums text-zinc-500">{t.durationMs} ms</span>}
      </div>
      {t.status === "failed" && t.interrupted !== "not-run" && (t.message || t.failedAt) ? (
        <div className="ml-5 mt-1 space-y-1">
          {t.failedAt ? (
            <p className="font-mono text-xs text-zinc-700 dark:text-zinc-300" data-testid="failed-at">
              <span className="text-zinc-500">
                {t.failedAt.file}:{t.failedAt.line}
              </span>
              {t.failedAt.source ? <code className="ml-2 break-all rounded bg-zinc-100 px-1 py-px dark:bg-zinc-800">{t.failedAt.source}</code> : null}
            </p>
          ) : null}
          {t.message ? (
            <p className="whitespace-pre-wrap break-words font-mono text-xs text-red-700 dark:text-red-300">
              <InlineCode text={t.message} />
              {t.line ? ` (${solutionFile} line ${t.line})` : ""}
            </p>
          ) : null}
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
  );
}
