// The display rules of predict exercises, kept pure so they can be tested without a browser. The
// server decides what is right; these only say it.
import type { LoopPhase, PredictOutcome, PredictStep } from "../types";

/**
 * The answer's lines as the server compares them (lib/exercises/predict.ts): any line ending, no
 * trailing whitespace on a line, no blank lines at the end.
 */
export function answerLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return lines;
}

export interface DifferenceView {
  /** 1-based line of the answer to highlight. */
  line: number;
  headline: string;
  /** Present only once the output is known here (solved or given up); null: no such line. */
  shown?: { expected: string | null; yours: string | null };
}

export interface OutcomeView {
  /** "3 of 5 lines right". */
  score: string;
  difference: DifferenceView | null;
}

const lines = (n: number) => `${n} line${n === 1 ? "" : "s"}`;

/**
 * What a submitted answer's result says. The server never sends the expected text of a wrong line
 * (submitting guesses must not be a way to read the output), so it is shown only from `output`,
 * the program's output once solved or given up; until then the line is located, not revealed.
 */
export function describeOutcome(outcome: PredictOutcome, output: string[] | null): OutcomeView {
  const score = `${outcome.matched} of ${lines(outcome.expectedLines)} right`;
  const difference = outcome.firstDifference;
  if (!difference) return { score, difference: null };
  const { line, actual } = difference;
  const beyondOutput = line > outcome.expectedLines;
  const headline = beyondOutput
    ? `Line ${line}: the program prints only ${lines(outcome.expectedLines)}, your answer goes on.`
    : actual === null
      ? `Line ${line}: your answer stops here, but the program prints more.`
      : `Line ${line} is not what the program prints.`;
  if (!output) return { score, difference: { line, headline } };
  return { score, difference: { line, headline, shown: { expected: output[line - 1] ?? null, yours: actual } } };
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
