"use client";

import type { ReactNode } from "react";
import { HistoryList } from "./history-list";
import type { ExerciseSession } from "./use-exercise-session";
import { tabClass, type WorkbenchView } from "./workbench-layout";

/** Results of the last run (as the exercise's kind shows them) and the history of submissions. */
export function OutputPane({ view, session, signedIn, results, emptyHistory }: { view: WorkbenchView; session: ExerciseSession; signedIn: boolean; results: ReactNode; emptyHistory: string }) {
  return (
    <>
      <div role="tablist" aria-label="Output" className="flex gap-1 px-2 pt-1.5">
        <button role="tab" aria-selected={view.outputTab === "results"} className={tabClass(view.outputTab === "results")} onClick={() => view.setOutputTab("results")}>
          Results
        </button>
        <button role="tab" aria-selected={view.outputTab === "history"} className={tabClass(view.outputTab === "history")} onClick={() => view.setOutputTab("history")}>
          History ({session.submissions.length})
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" data-testid="results-scroll">
        {view.outputTab === "results" ? results : <HistoryList submissions={session.submissions} onOpen={(id) => void session.openSubmission(id)} signedIn={signedIn} empty={emptyHistory} />}
      </div>
    </>
  );
}
