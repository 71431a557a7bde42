// The display rules of predict exercises, kept pure so they can be tested without a browser. The
// server decides what is right; these only say it.
import type { LoopPhase, PredictOutcome, PredictStep } from "../types";

/**
 * The answer's lines as the server compares them: trailing whitespace on each line and one trailing
 * empty line (the newline after the last line) do not count.
 */
export function answerLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

export interface DifferenceView {
  /** 1-based line of the answer to highlight. */
  line: number;
  headline: string;
  /** Present only once the output may be shown (solved or given up); null: no such line. */
  shown?: { expected: string | null; yours: string | null };
}

export interface OutcomeView {
  /** "3 of 5 lines right". */
  score: string;
  difference: DifferenceView | null;
}

const lines = (n: number) => `${n} line${n === 1 ? "" : "s"}`;

/**
 * What a submitted answer's result says. Before the output may be shown, a difference is located
 * but not revealed: submitting anything must not be a way to read the program's output.
 */
export function describeOutcome(outcome: PredictOutcome, outputRevealed: boolean): OutcomeView {
  const score = `${outcome.matched} of ${lines(outcome.expectedLines)} right`;
  const difference = outcome.firstDifference;
  if (!difference) return { score, difference: null };
  const { line, expected, actual } = difference;
  const headline =
    expected === null
      ? `Line ${line}: the program prints only ${lines(line - 1)}, your answer goes on.`
      : actual === null
        ? `Line ${line}: your answer stops here, but the program prints more.`
        : `Line ${line} is not what the program prints.`;
  return { score, difference: { line, headline, ...(outputRevealed ? { shown: { expected, yours: actual } } : {}) } };
}

/** Per printed line of the walkthrough: whether the answer had it right at the same place. */
export function markAnswer(steps: PredictStep[], answer: string): boolean[] {
  const given = answerLines(answer);
  return steps.map((step, i) => given[i] === step.line.trimEnd());
}

/** How each phase of Node's event loop is named on its badge, in the order a loop turn visits them. */
export const PHASES: Record<LoopPhase, { label: string; tone: string }> = {
  main: { label: "main script", tone: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200" },
  nextTick: { label: "process.nextTick", tone: "bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200" },
  microtask: { label: "promise microtask", tone: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200" },
  timers: { label: "timers", tone: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  pending: { label: "pending callbacks", tone: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200" },
  poll: { label: "poll (I/O)", tone: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
  check: { label: "check (setImmediate)", tone: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  close: { label: "close callbacks", tone: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200" },
};
