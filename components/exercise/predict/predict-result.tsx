"use client";

import type { RunResult } from "../types";
import { describeOutcome } from "./predict-answer";

export const DIFFERENCE_ID = "predict-difference";

const show = (line: string | null) => (line === null ? <em className="font-sans text-zinc-500">(no line)</em> : line === "" ? <em className="font-sans text-zinc-500">(empty line)</em> : line);

/**
 * The result of a submitted prediction: how many leading lines were right and where it first went
 * wrong. Its container is the live region that announces it.
 */
export function PredictResult({ result, pending, output, stale, onWalkthrough }: { result: RunResult | null; pending: boolean; output: string[] | null; stale: boolean; onWalkthrough: (() => void) | null }) {
  if (pending) {
    return (
      <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">
        Running the program and comparing its output with yours…
      </p>
    );
  }
  if (!result) {
    return (
      <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">
        Type the lines the program prints, in order, one per line. <strong>Submit</strong> (Ctrl/⌘ + Enter) compares them with what it really prints and records the attempt.
      </p>
    );
  }
  if (!result.predict) {
    return (
      <div className="space-y-2 p-4 text-sm" data-testid="results">
        <p className="text-base font-semibold text-amber-700 dark:text-amber-400" data-testid="run-status" data-status={result.status}>
          {result.status === "busy" ? "The sandbox is busy" : "Your answer could not be checked"}
        </p>
        {result.error ? <p className="text-zinc-600 dark:text-zinc-400">{result.error.message}</p> : null}
      </div>
    );
  }
  const view = describeOutcome(result.predict, output);
  const passed = result.status === "passed";
  return (
    <div className="space-y-3 p-4 text-sm" data-testid="results">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className={`text-base font-semibold ${passed ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`} data-testid="run-status" data-status={result.status}>
          {passed ? null : "Not quite · "}
          <span data-testid="predict-score">{view.score}</span>
        </p>
        <span className="text-xs tabular-nums text-zinc-500">Submit · {Math.round(result.durationMs)} ms</span>
      </div>
      {view.difference ? (
        <div className="space-y-2 rounded-md bg-red-50 px-3 py-2 dark:bg-red-950/40">
          <p id={DIFFERENCE_ID} className="text-red-800 dark:text-red-300" data-testid="predict-difference" data-line={view.difference.line}>
            {view.difference.headline}
          </p>
          {view.difference.shown ? (
            <dl className="grid grid-cols-[5rem_1fr] gap-x-2 font-mono text-xs">
              <dt className="font-sans text-zinc-500">Expected</dt>
              <dd className="whitespace-pre-wrap break-all text-emerald-700 dark:text-emerald-400" data-testid="predict-expected">
                {show(view.difference.shown.expected)}
              </dd>
              <dt className="font-sans text-zinc-500">Yours</dt>
              <dd className="whitespace-pre-wrap break-all text-red-700 dark:text-red-400">{show(view.difference.shown.yours)}</dd>
            </dl>
          ) : (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">The expected line is shown once you solve the exercise or give up.</p>
          )}
        </div>
      ) : null}
      {stale ? <p className="text-xs text-zinc-500">You have changed your answer since; the highlight shows again after the next Submit.</p> : null}
      {onWalkthrough ? (
        <button type="button" onClick={onWalkthrough} className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Read the walkthrough
        </button>
      ) : null}
    </div>
  );
}
