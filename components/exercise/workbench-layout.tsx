"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { SplitHandle, useStoredShare } from "./split-handle";

/** Below the lg breakpoint the page shows one of these at a time. */
export type PhonePane = "instructions" | "answer" | "results";
export type OutputTab = "results" | "history";

/** Which pane a phone shows and which tab the output pane shows: moved by runs, restores and tabs. */
export function useWorkbenchView() {
  const [phonePane, setPhonePane] = useState<PhonePane>("answer");
  const [outputTab, setOutputTab] = useState<OutputTab>("results");
  return {
    phonePane,
    setPhonePane,
    outputTab,
    setOutputTab,
    /** A run started: its results are what the learner wants to see next. */
    showResults: () => {
      setOutputTab("results");
      setPhonePane("results");
    },
  };
}

export type WorkbenchView = ReturnType<typeof useWorkbenchView>;

export const tabClass = (active: boolean) =>
  `rounded-t-md px-3 py-1.5 text-sm ${active ? "bg-white font-medium text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`;
export const toggleClass = (on: boolean) =>
  `rounded border px-1.5 py-0.5 text-xs ${on ? "border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-600/20 dark:text-accent-100" : "border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-900"}`;

/** The strip above an answer area: its file tabs on the left, its status and toggles on the right. */
export function AnswerToolbar({ tabs, status }: { tabs: ReactNode; status: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-t-lg border border-zinc-200 bg-zinc-50 px-2 pt-1.5 lg:rounded-tl-none dark:border-zinc-800 dark:bg-zinc-950">
      {tabs}
      <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 pb-1 text-xs text-zinc-500">{status}</div>
    </div>
  );
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

export interface ResultsBadge {
  text: string;
  tone: "pending" | "passed" | "failed";
}

const BADGE_TONE: Record<ResultsBadge["tone"], string> = { pending: "bg-zinc-500", passed: "bg-emerald-600", failed: "bg-red-600" };

/**
 * Where the panes go. Desktop: instructions | separator | the answer area (its toolbar, text and
 * status line), the action bar, a separator, the output. Phone: one pane at a time under the pane
 * tabs, above an action bar that is always visible.
 */
export function WorkbenchLayout({ view, solved, instructions, answerLabel, answer, actions, output, badge }: { view: WorkbenchView; solved: boolean; instructions: ReactNode; answerLabel: string; answer: ReactNode; actions: ReactNode; output: ReactNode; badge: ResultsBadge | null }) {
  const columns = useStoredShare("deepend:split", 42, 25, 75);
  const rows = useStoredShare("deepend:editor-split", 65, 20, 85);
  const rootRef = useRef<HTMLDivElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const outputRef = useRef<HTMLDivElement>(null);
  useViewportTop(rootRef);

  const measureColumns = () => {
    const width = rootRef.current?.getBoundingClientRect().width;
    return width ? { size: width } : null;
  };
  const measureRows = () => {
    const top = answerRef.current?.getBoundingClientRect();
    const bottom = outputRef.current?.getBoundingClientRect();
    return top && bottom ? { size: top.height + bottom.height } : null;
  };
  /** Hidden below lg unless `pane` is the one shown there. */
  const onPhone = (pane: PhonePane) => (view.phonePane === pane ? "" : "max-lg:hidden");
  const phonePanes: Array<[PhonePane, string]> = [
    ["instructions", "Instructions"],
    ["answer", answerLabel],
    ["results", "Results"],
  ];

  return (
    <div
      ref={rootRef}
      className="grid h-[calc(100dvh-var(--workbench-top,7rem)-0.75rem)] min-h-[26rem] grid-cols-1 grid-rows-[auto_minmax(0,1fr)_auto] lg:grid-cols-[var(--columns)_0.375rem_minmax(0,1fr)] lg:grid-rows-[minmax(0,var(--answer-rows))_auto_auto_minmax(0,var(--output-rows))]"
      style={{ "--columns": `${columns.share}%`, "--answer-rows": `${rows.share}fr`, "--output-rows": `${100 - rows.share}fr` } as React.CSSProperties}
      data-solved={solved}
      data-phone-pane={view.phonePane}
    >
      <div role="tablist" aria-label="Exercise panes" className="row-start-1 mb-2 grid grid-cols-3 gap-1 rounded-lg bg-zinc-100 p-1 text-sm lg:hidden dark:bg-zinc-900">
        {phonePanes.map(([pane, label]) => (
          <button key={pane} role="tab" type="button" aria-selected={view.phonePane === pane} onClick={() => view.setPhonePane(pane)} className={`flex items-center justify-center gap-1.5 rounded-md px-2 py-1.5 ${view.phonePane === pane ? "bg-white font-medium shadow-sm dark:bg-zinc-800" : "text-zinc-600 dark:text-zinc-400"}`}>
            {label}
            {pane === "results" && badge ? (
              <span data-testid="results-badge" className={`rounded-full px-1.5 text-xs tabular-nums text-white ${BADGE_TONE[badge.tone]}`}>
                {badge.text}
              </span>
            ) : null}
          </button>
        ))}
      </div>

      <section className={`min-h-0 min-w-0 overflow-y-auto rounded-lg border border-zinc-200 p-5 max-lg:row-start-2 lg:col-start-1 lg:row-span-4 lg:row-start-1 lg:rounded-r-none dark:border-zinc-800 ${onPhone("instructions")}`} aria-label="Instructions">
        {instructions}
      </section>

      <SplitHandle orientation="vertical" label="Resize instructions and editor" split={columns} measure={measureColumns} className="hidden lg:col-start-2 lg:row-span-4 lg:row-start-1 lg:block" />

      <div ref={answerRef} className={`flex min-h-0 min-w-0 flex-col max-lg:row-start-2 lg:col-start-3 lg:row-start-1 ${onPhone("answer")}`}>
        {answer}
      </div>

      <div className="flex flex-wrap items-center gap-2 border-zinc-200 bg-zinc-50 px-3 py-2 max-lg:row-start-3 max-lg:mt-2 max-lg:rounded-lg max-lg:border lg:col-start-3 lg:row-start-2 lg:border-x lg:border-t dark:border-zinc-800 dark:bg-zinc-950">
        {actions}
      </div>

      <SplitHandle orientation="horizontal" label="Resize editor and results" split={rows} measure={measureRows} className="hidden lg:col-start-3 lg:row-start-3 lg:block lg:h-1.5" />

      <div ref={outputRef} data-testid="results-pane" className={`flex min-h-0 flex-col rounded-b-lg border border-zinc-200 bg-white max-lg:row-start-2 lg:col-start-3 lg:row-start-4 lg:rounded-bl-none lg:border-t-0 dark:border-zinc-800 dark:bg-zinc-900 ${onPhone("results")}`}>
        {output}
      </div>
    </div>
  );
}
