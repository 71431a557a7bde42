// Mutation testing of the exercises' hidden tests (StrykerJS, decision 012).
//   npm run mutation [slug...]        mutate each exercise's reference solution, run every mutant
//                                     through the production sandbox, write content/exercises/<slug>/mutation.json
//   npm run mutation -- --changed     only the exercises whose solution or tests changed since their report
// Exits 1 when an exercise scores under the threshold or has a surviving mutant without an explanation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Stryker } from "@stryker-mutator/core";
import type { LogLevel, MutantResult, PartialStrykerOptions } from "@stryker-mutator/api/core";
import { readExerciseCatalog } from "../lib/content/exercises.ts";
import { MUTATION_THRESHOLD, inputsHash, readReport as readValidReport, reportPath, summarise, unexplainedSurvivors, type MutationReport } from "../lib/content/mutation-report.ts";

/** An old report in an older format is simply regenerated (its explanations are lost, with a warning). */
function readReport(dir: string): MutationReport | undefined {
  try {
    return readValidReport(dir);
  } catch (error) {
    console.warn(`mutation: ignoring ${reportPath(dir)}: ${(error as Error).message.split("\n")[0]}`);
    return undefined;
  }
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { changed: { type: "boolean" }, concurrency: { type: "string" } } });

const { catalog } = readExerciseCatalog();
const mutable = catalog.exercises.filter((e) => e.kind !== "predict" && e.kind !== "sql");
const unknown = positionals.filter((slug) => !mutable.some((e) => e.slug === slug));
if (unknown.length > 0) {
  console.error(`Not an exercise with a solution: ${unknown.join(", ")}`);
  process.exit(2);
}
let chosen = positionals.length > 0 ? mutable.filter((e) => positionals.includes(e.slug)) : mutable;
if (values.changed) chosen = chosen.filter((e) => readReport(e.dir)?.inputsHash !== inputsHash(e));
if (chosen.length === 0) {
  console.log("mutation: every report is up to date");
  process.exit(0);
}

const started = performance.now();
const concurrency = Number(values.concurrency ?? process.env.MUTATION_CONCURRENCY ?? Math.max(1, os.availableParallelism()));
// Each Stryker runner process gets one sandbox worker, so `concurrency` is the number of isolates at work.
process.env.SANDBOX_WORKERS = "1";
process.env.DEEPEND_MUTATION_SLUGS = chosen.map((e) => e.slug).join(",");
const options: PartialStrykerOptions = {
  testRunner: "deepend",
  plugins: [path.resolve("scripts/mutation/stryker-runner.ts")],
  testRunnerNodeArgs: ["--conditions=react-server"],
  mutate: chosen.map((e) => `${e.dir}/solution.ts`),
  // Stryker copies the project into a sandbox; our runner reads the originals, so copy only content/.
  ignorePatterns: ["/*", "!/content", "/content/*", "!/content/exercises"],
  ignorers: ["error-messages"],
  coverageAnalysis: "off",
  checkers: [],
  concurrency,
  // Above the sandbox's own wall-clock limit (10x its CPU limit), so the sandbox, not Stryker's
  // runner timeout, decides what is too slow, and a busy machine cannot turn a survivor into a kill.
  timeoutMS: 30_000,
  reporters: [process.stdout.isTTY ? "progress" : "dots"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  logLevel: "warn" as LogLevel,
  fileLogLevel: "off" as LogLevel,
  allowConsoleColors: process.stdout.isTTY,
  incremental: false,
};

const results: MutantResult[] = await new Stryker(options).runMutationTest();
const seconds = (performance.now() - started) / 1000;

let failing = 0;
console.log(`\nmutation: ${results.length} mutants of ${chosen.length} exercise(s) in ${seconds.toFixed(0)} s (concurrency ${concurrency})`);
for (const exercise of chosen) {
  const previous = readReport(exercise.dir);
  const report: MutationReport = summarise(exercise, results, previous);
  fs.writeFileSync(reportPath(exercise.dir), `${JSON.stringify(report, null, 2)}\n`);
  const unexplained = unexplainedSurvivors(report);
  const ok = report.score >= MUTATION_THRESHOLD && unexplained.length === 0;
  if (!ok) failing++;
  console.log(
    `${ok ? "✓" : "✗"} ${exercise.slug.padEnd(34)} ${report.score.toFixed(1).padStart(5)}%  ${report.counts.killed} killed, ${report.counts.timeout} timed out, ${report.counts.survived} survived, ${report.counts.ignored} ignored` +
      (unexplained.length > 0 ? `, ${unexplained.length} unexplained:` : ""),
  );
  for (const s of unexplained) console.log(`    line ${s.line}: ${s.mutator}: ${s.original} → ${s.replacement}`);
}
console.log(failing === 0 ? "mutation: all passed" : `mutation: ${failing} exercise(s) under ${MUTATION_THRESHOLD}% or with unexplained survivors`);
process.exit(failing === 0 ? 0 : 1);
