import { MarkdownParagraphs } from "../inline-markdown";
import type { PredictStep } from "../types";
import { markAnswer, PHASES } from "./predict-answer";

/**
 * The program's output line by line, each with the phase of the event loop that printed it, then
 * the author's notes. `answer` marks which of the learner's lines matched.
 */
export function Walkthrough({ steps, notes, answer }: { steps: PredictStep[]; notes: string | undefined; answer: string }) {
  const right = markAnswer(steps, answer);
  return (
    <div className="space-y-4 p-4 text-sm" data-testid="walkthrough">
      <ol className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="What the program prints, and when">
        {steps.map((step, i) => (
          <li key={i} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-phase={step.phase} data-right={right[i]}>
            <span className="w-6 shrink-0 text-right font-mono text-xs tabular-nums text-zinc-500">{i + 1}</span>
            <span aria-hidden className={right[i] ? "text-emerald-600" : "text-red-600"}>
              {right[i] ? "✓" : "✗"}
            </span>
            <span className="sr-only">{right[i] ? "You had this line." : "Your answer differed here."}</span>
            <code className="min-w-0 flex-1 whitespace-pre-wrap break-all font-mono text-[13px]" data-testid="printed-line">
              {step.line}
            </code>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${PHASES[step.phase].tone}`} data-testid="phase-badge">
              {PHASES[step.phase].label}
            </span>
            {step.detail ? <span className="basis-full pl-14 text-xs text-zinc-600 sm:basis-auto sm:pl-0 dark:text-zinc-400">{step.detail}</span> : null}
          </li>
        ))}
      </ol>
      {notes ? (
        <section aria-label="Notes" className="space-y-2 text-zinc-700 dark:text-zinc-300">
          <MarkdownParagraphs text={notes} />
        </section>
      ) : null}
    </div>
  );
}
