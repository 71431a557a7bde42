"use client";

import type { PlanNode } from "@/lib/sandbox/sql/types";
import { planLines } from "./format";

const SEQ_SCAN = "rounded-sm bg-amber-100 px-0.5 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200";

/**
 * A query plan as EXPLAIN prints it, as a tree: each node with its estimate (and what ANALYZE
 * measured), its conditions under it, its children below. Sequential scans stand out.
 * Lines do not wrap, so the guides stay aligned; a wide plan scrolls sideways.
 */
export function PlanTree({ plan }: { plan: PlanNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 py-1.5 dark:border-zinc-800 dark:bg-zinc-950" data-testid="plan-tree">
      <ul className="min-w-max px-3 font-mono text-xs leading-5" aria-label="Query plan">
        {planLines(plan).map((line, i) =>
          line.kind === "node" ? (
            <li key={i} className="whitespace-pre" data-depth={line.depth} data-seq-scan={line.seqScan || undefined}>
              <span aria-hidden className="text-zinc-400 dark:text-zinc-600">
                {line.guide}
              </span>
              <span className={line.seqScan ? SEQ_SCAN : "font-medium text-zinc-900 dark:text-zinc-100"} title={line.seqScan ? "Sequential scan: reads every row of the table" : undefined}>
                {line.label}
              </span>
              <span className="text-zinc-500">{`  ${line.estimate}`}</span>
              {line.actual ? <span className="text-emerald-700 dark:text-emerald-400">{`  ${line.actual}`}</span> : null}
            </li>
          ) : (
            <li key={i} className="whitespace-pre text-zinc-600 dark:text-zinc-400">
              <span aria-hidden className="text-zinc-400 dark:text-zinc-600">
                {line.guide}
              </span>
              <span className="text-zinc-500">{line.label}: </span>
              <span className="text-zinc-800 dark:text-zinc-200">{line.value}</span>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
