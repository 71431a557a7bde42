"use client";

import type { ReactNode } from "react";
import type { ExerciseSession } from "../use-exercise-session";
import { AnswerToolbar, tabClass } from "../workbench-layout";
import { AnswerField } from "./answer-field";
import { DIFFERENCE_ID } from "./predict-result";
import { Walkthrough } from "./walkthrough";

export type PredictTab = "predict" | "walkthrough";

const SAVE_TEXT = { saved: "Saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Not saved: retrying on next change", local: "Kept in this browser" } as const;
const ANSWER_ID = "predict-answer";

/**
 * The answer area of `predict` exercises: the program (highlighted on the server), the learner's
 * predicted output beside it (below it when narrow) and, once solved or given up, the walkthrough.
 */
export function PredictPane({ session, program, text, onText, tab, onTab }: { session: ExerciseSession; program: ReactNode; text: string; onText: (text: string) => void; tab: PredictTab; onTab: (tab: PredictTab) => void }) {
  const { result, lastRun, reveal } = session;

  // The highlight belongs to the text that was submitted; an edit hides it until the next Submit.
  const difference = result?.predict?.firstDifference ?? null;
  const highlight = difference && lastRun?.text === text ? difference.line : null;

  return (
    <>
      <AnswerToolbar
        tabs={
          <div role="tablist" aria-label="Predict" className="flex gap-1">
            <button role="tab" aria-selected={tab === "predict"} className={tabClass(tab === "predict")} onClick={() => onTab("predict")}>
              program.js
            </button>
            {reveal?.walkthrough ? (
              <button role="tab" aria-selected={tab === "walkthrough"} className={tabClass(tab === "walkthrough")} onClick={() => onTab("walkthrough")}>
                Walkthrough
              </button>
            ) : null}
          </div>
        }
        status={
          <span data-testid="save-state" data-state={session.saveState}>
            {SAVE_TEXT[session.saveState]}
          </span>
        }
      />
      <div data-testid="predict-pane" className="@container relative min-h-0 flex-1 border-x border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        {tab === "walkthrough" && reveal?.walkthrough ? (
          <div className="absolute inset-0 overflow-y-auto">
            <Walkthrough steps={reveal.walkthrough} notes={reveal.notes} answer={text} />
          </div>
        ) : (
          <div className="absolute inset-0 grid grid-rows-[minmax(0,3fr)_minmax(0,2fr)] @2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] @2xl:grid-rows-1">
            <section aria-label="Program" className="min-h-0 overflow-auto border-b border-zinc-200 @2xl:border-r @2xl:border-b-0 dark:border-zinc-800 [&_pre]:min-h-full [&_pre]:px-3 [&_pre]:py-2 [&_pre]:text-[13px] [&_pre]:leading-5" data-testid="program">
              {program}
            </section>
            <div className="flex min-h-0 flex-col">
              <label htmlFor={ANSWER_ID} className="border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                What does it print? One line of output per line.
              </label>
              <AnswerField id={ANSWER_ID} value={text} onChange={onText} highlight={highlight} describedBy={highlight !== null ? DIFFERENCE_ID : undefined} />
            </div>
          </div>
        )}
      </div>
    </>
  );
}
