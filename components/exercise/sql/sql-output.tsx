"use client";

import type { PlanNode, SqlRunDetails } from "@/lib/sandbox/sql/types";
import { isSeqScan, planNodeLabel, planNodes } from "./format";
import { PlanTree } from "./plan-tree";
import { ResultTable } from "./result-table";

/** What the learner's statements did on Run: each one's rows or error, and the plan of each query. */
export function SqlOutput({ details }: { details: SqlRunDetails }) {
  if (details.statements.length === 0) return null;
  return (
    <section aria-label="Statements" data-testid="sql-output">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{details.statements.length === 1 ? "Your statement" : `Your statements (${details.statements.length})`}</h3>
      <ol className="space-y-4">
        {details.statements.map((statement, i) => (
          <li key={`${i}:${statement.line}`} className="space-y-1.5">
            <ResultTable statement={statement} />
            {statement.plan ? <PlanDetails plan={statement.plan} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The plan folds away; its summary already says how costly it is and whether it scans a whole table. */
function PlanDetails({ plan }: { plan: PlanNode }) {
  const seqScans = planNodes(plan).filter(isSeqScan);
  return (
    <details className="group" data-testid="plan">
      <summary className="flex cursor-pointer list-none flex-wrap items-baseline gap-x-2 text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="inline-block w-3 text-zinc-400 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="font-medium">Query plan</span>
        <span className="font-mono text-zinc-500">
          {planNodeLabel(plan)} · total cost {plan.totalCost.toFixed(2)}
        </span>
        {seqScans.length > 0 ? (
          <span className="rounded bg-amber-100 px-1.5 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200" data-testid="seq-scan-count">
            {seqScans.length === 1 ? "1 Seq Scan" : `${seqScans.length} Seq Scans`}
          </span>
        ) : null}
      </summary>
      <div className="mt-1.5">
        <PlanTree plan={plan} />
      </div>
    </details>
  );
}
