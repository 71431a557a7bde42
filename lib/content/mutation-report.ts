// The committed mutation report of an exercise (content/exercises/<slug>/mutation.json): how many of
// the reference solution's mutants its tests kill, and every survivor with why it may survive.
// Written by `npm run mutation`, checked by tests/content/exercises.test.ts. Decision 012.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Every exercise's tests must detect at least this share of its reference's mutants (percent). */
export const MUTATION_THRESHOLD = 90;

/** Bump when the way mutants are run changes, so every report is regenerated. */
const RUNNER_VERSION = "2";

const survivorSchema = z.strictObject({
  line: z.number().int().min(1),
  mutator: z.string(),
  original: z.string(),
  replacement: z.string(),
  /** Why this mutant cannot be killed (it is equivalent to the reference), or empty until explained. */
  explanation: z.string(),
});

export const mutationReportSchema = z.strictObject({
  exercise: z.string(),
  /** Hash of the solution and both test files the report was made from. */
  inputsHash: z.string(),
  score: z.number().min(0).max(100),
  counts: z.strictObject({ mutants: z.number().int(), killed: z.number().int(), timeout: z.number().int(), survived: z.number().int(), noCoverage: z.number().int(), errors: z.number().int(), ignored: z.number().int() }),
  survivors: z.array(survivorSchema),
});

export type MutationReport = z.infer<typeof mutationReportSchema>;
export type Survivor = z.infer<typeof survivorSchema>;

/** A survivor counts as explained by a sentence that says why no program can tell it apart, not a word. */
const MIN_EXPLANATION = 20;

/** Survivors still waiting for a test that kills them or a reason why none can. */
export function unexplainedSurvivors(report: MutationReport): Survivor[] {
  return report.survivors.filter((s) => s.explanation.trim().length < MIN_EXPLANATION);
}

interface ExerciseSources {
  slug: string;
  dir: string;
  solution: string;
  fixture?: string;
  visibleTests: string;
  hiddenTests: string;
}

/** The subset of Stryker's MutantResult the report needs (its positions are 1-based, as in Stryker's report schema). */
export interface MutantOutcome {
  fileName: string;
  mutatorName: string;
  replacement: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export function reportPath(exerciseDir: string): string {
  return path.join(exerciseDir, "mutation.json");
}

export function inputsHash(exercise: ExerciseSources): string {
  const hash = crypto.createHash("sha256").update(RUNNER_VERSION);
  for (const part of [exercise.solution, exercise.visibleTests, exercise.hiddenTests]) hash.update("\0").update(part);
  // sql-code exercises: the tables the tests start from are an input too (absent for the rest, so their hashes stay as they were).
  if (exercise.fixture !== undefined) hash.update("\0fixture\0").update(exercise.fixture);
  return hash.digest("hex").slice(0, 16);
}

export function readReport(exerciseDir: string): MutationReport | undefined {
  const file = reportPath(exerciseDir);
  if (!fs.existsSync(file)) return undefined;
  return mutationReportSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

type Span = MutantOutcome["location"];

const zeroBased = (span: Span): Span => ({ start: { line: span.start.line - 1, column: span.start.column - 1 }, end: { line: span.end.line - 1, column: span.end.column - 1 } });

/** Offset in `source` of a Stryker position (line and column both 0-based). */
function offsetOf(source: string, position: { line: number; column: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const newline = source.indexOf("\n", offset);
    if (newline === -1) throw new Error(`line ${position.line + 1} is past the end of the source`);
    offset = newline + 1;
  }
  return offset + position.column;
}

/** The code a mutant replaces (location 0-based, as Stryker gives it to test runners). */
export function originalOf(source: string, location: Span): string {
  return source.slice(offsetOf(source, location.start), offsetOf(source, location.end));
}

/** The mutated source: the replacement spliced into the original, as a learner would have written it. */
export function applyMutant(source: string, mutant: { location: Span; replacement: string }): string {
  return source.slice(0, offsetOf(source, mutant.location.start)) + mutant.replacement + source.slice(offsetOf(source, mutant.location.end));
}

/** `…/content/exercises/<slug>/solution.ts` → slug. */
export function slugOfSolution(fileName: string): string | undefined {
  return /(?:^|[\\/])content[\\/]exercises[\\/]([a-z0-9-]+)[\\/]solution\.ts$/.exec(fileName)?.[1];
}

/** A survivor's identity across runs: the same change to the same code, wherever the line moved. */
function survivorKey(s: Pick<Survivor, "mutator" | "original" | "replacement">): string {
  return `${s.mutator}\0${s.original}\0${s.replacement}`;
}

/** Folds Stryker's results for one exercise into its report, keeping earlier explanations of survivors. */
export function summarise(exercise: ExerciseSources, results: readonly MutantOutcome[], previous?: MutationReport): MutationReport {
  const mine = results.filter((r) => slugOfSolution(r.fileName) === exercise.slug);
  const count = (...statuses: string[]) => mine.filter((r) => statuses.includes(r.status)).length;
  const counts = {
    mutants: mine.length,
    killed: count("Killed"),
    timeout: count("Timeout"),
    survived: count("Survived"),
    noCoverage: count("NoCoverage"),
    errors: count("RuntimeError", "CompileError"),
    ignored: count("Ignored"),
  };
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  const explanations = new Map((previous?.survivors ?? []).filter((s) => s.explanation.trim()).map((s) => [survivorKey(s), s.explanation]));
  const survivors = mine
    .filter((r) => r.status === "Survived" || r.status === "NoCoverage")
    .map((r) => {
      const original = originalOf(exercise.solution, zeroBased(r.location));
      const survivor = { line: r.location.start.line, mutator: r.mutatorName, original: original.length > 200 ? `${original.slice(0, 200)}…` : original, replacement: r.replacement.length > 200 ? `${r.replacement.slice(0, 200)}…` : r.replacement };
      return { ...survivor, explanation: explanations.get(survivorKey(survivor)) ?? "" };
    })
    .sort((a, b) => a.line - b.line);
  return {
    exercise: exercise.slug,
    inputsHash: inputsHash(exercise),
    score: valid === 0 ? 100 : Math.floor((detected / valid) * 1000) / 10,
    counts,
    survivors,
  };
}
