// Exercise CLI, through the same sandbox path the web app uses.
//   check <slug> --file <path> [--hidden] [--json]   exit 0 iff the result is "passed"
//   verify [slug...]                                 every solution passes, every starter and wrong variant fails
//   schema [slug...]                                 writes schema.json (the schema view) of SQL exercises from schema.sql
//   run --solution <file> --tests <file>... [--runtime node] [--json]
//                                                    any files through the production runner (for authors)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readExerciseCatalog, type Exercise } from "../lib/content/exercises.ts";
import { checkSolution } from "../lib/exercises/check.ts";
import { checkPrediction, compareAnswer, keyFromRun } from "../lib/exercises/predict.ts";
import { formatReport } from "../lib/exercises/report.ts";
import { getSandbox } from "../lib/sandbox/index.ts";
import { defaultLimits } from "../lib/sandbox/limits.ts";
import { runProgram } from "../lib/sandbox/program.ts";
import type { RunResult } from "../lib/sandbox/types.ts";
import { describeSchema, schemasShown } from "../lib/sandbox/sql/introspect.ts";
import { datasetNames } from "../lib/sandbox/sql/template.ts";

const USAGE = "usage: exercise check <slug> --file <path> [--hidden] [--json]\n       exercise verify [slug...]\n       exercise schema [slug...]\n       exercise run --solution <file> --tests <file>... [--runtime node] [--json]";

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { file: { type: "string" }, hidden: { type: "boolean" }, json: { type: "boolean" } } });
  const slug = positionals[0];
  if (!slug || !values.file) {
    console.error(USAGE);
    return 2;
  }
  let code: string;
  try {
    code = fs.readFileSync(values.file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${values.file}: ${(error as Error).message}`);
    return 2;
  }
  const { catalog } = readExerciseCatalog();
  const exercise = catalog.bySlug.get(slug);
  if (!exercise) {
    console.error(`No exercise "${slug}". Known: ${catalog.exercises.map((e) => e.slug).join(", ")}`);
    return 2;
  }
  const result = exercise.kind === "predict" ? await checkPrediction(exercise, code) : await checkSolution(exercise, code, values.hidden ? "submit" : "run");
  console.log(values.json ? JSON.stringify(result, null, 2) : formatReport(result));
  return result.status === "passed" ? 0 : 1;
}

async function verify(slugs: string[]): Promise<number> {
  const { catalog, problems: contentProblems } = readExerciseCatalog();
  const all = catalog.exercises;
  const unknown = slugs.filter((s) => !all.some((e) => e.slug === s));
  if (unknown.length > 0) {
    console.error(`Unknown exercise(s): ${unknown.join(", ")}`);
    return 2;
  }
  const chosen = slugs.length > 0 ? all.filter((e) => slugs.includes(e.slug)) : all;
  let passed = 0;
  let failed = 0;
  // A full verify also fails on exercise folders that cannot be loaded.
  if (slugs.length === 0) {
    for (const problem of contentProblems) {
      failed++;
      console.log(`✗ ${problem.file}: ${problem.message}`);
    }
  }
  for (const exercise of chosen) {
    if (exercise.kind === "predict") {
      const problems = await verifyPrediction(exercise);
      if (problems.length === 0) passed++;
      else failed++;
      console.log(problems.length === 0 ? `✓ ${exercise.slug} (predict)` : `✗ ${exercise.slug} (predict)\n  ${problems.join("\n  ")}`);
      continue;
    }
    const [solution, starter] = await Promise.all([checkSolution(exercise, exercise.solution, "submit"), checkSolution(exercise, exercise.starter, "submit")]);
    const problems: string[] = [];
    if (solution?.status !== "passed") problems.push(`solution.${exercise.kind === "sql" ? "sql" : "ts"} does not pass:\n${solution ? formatReport(solution, { onlyFailures: true }) : "no result"}`);
    if (!starter || starter.status === "passed" || !starter.tests.some((t) => t.hidden && t.status === "failed")) problems.push(`starter.${exercise.kind === "sql" ? "sql" : "ts"} does not fail any hidden test`);
    // Every authored wrong solution must be rejected by the tests a Submit runs.
    const wrongResults = await Promise.all(exercise.wrongVariants.map((variant) => checkSolution(exercise, variant.code, "submit")));
    // A run the sandbox itself could not carry out proves nothing, either way.
    const infrastructure = (result: RunResult | undefined) => result?.status === "error" && /^The (SQL engine|sandbox)|database stopped working/.test(result.error?.message ?? "");
    if (infrastructure(starter)) problems.push(`the starter's run failed in the sandbox: ${starter?.error?.message}`);
    exercise.wrongVariants.forEach((variant, i) => {
      if (wrongResults[i]?.status === "passed") problems.push(`${variant.name} is accepted: the tests miss that mistake`);
      else if (infrastructure(wrongResults[i])) problems.push(`${variant.name}: its run failed in the sandbox, not in the tests: ${wrongResults[i]?.error?.message}`);
    });
    const tests = solution?.tests ?? [];
    const summary = `${tests.filter((t) => !t.hidden).length} visible + ${tests.filter((t) => t.hidden).length} hidden tests, ${exercise.wrongVariants.length} wrong variants rejected, ${solution?.durationMs ?? "?"} ms`;
    if (problems.length === 0) {
      passed++;
      console.log(`✓ ${exercise.slug} (${summary})`);
    } else {
      failed++;
      console.log(`✗ ${exercise.slug} (${summary})\n  ${problems.join("\n  ").replace(/\n/g, "\n  ")}`);
    }
  }
  console.log(`verify: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** schema.json of each SQL exercise: its tables as the page shows them, read from the engine after schema.sql. */
async function writeSchemas(slugs: string[]): Promise<number> {
  const { catalog } = readExerciseCatalog();
  const chosen = catalog.exercises.filter((e) => e.fixture !== undefined && (slugs.length === 0 || slugs.includes(e.slug)));
  if (chosen.length === 0) {
    console.error("No SQL exercise to describe.");
    return 2;
  }
  for (const exercise of chosen) {
    const schemas = schemasShown(datasetNames(), [exercise.fixture ?? "", exercise.instructions, exercise.solution, exercise.visibleTests]);
    try {
      const document = await describeSchema(exercise.fixture ?? "", schemas);
      fs.writeFileSync(path.join(exercise.dir, "schema.json"), `${JSON.stringify(document, null, 2)}\n`);
      console.log(`✓ ${exercise.slug}: ${document.tables.map((t) => `${t.schema === "public" ? "" : `${t.schema}.`}${t.name} (${t.rowCount})`).join(", ")}`);
    } catch (error) {
      console.log(`✗ ${exercise.slug}: ${(error as Error).message}`);
      return 1;
    }
  }
  return 0;
}

/** A predict program must run to its end in the model, print something, and its key must accept itself and refuse a near miss. */
async function verifyPrediction(exercise: Exercise): Promise<string[]> {
  const run = await runProgram(exercise.program ?? "");
  if (run.status !== "ok" || run.exitCode !== 0) return [`program.js does not run to a clean exit in the sandbox: ${run.status}, exit ${run.exitCode}${run.error ? `: ${run.error}` : ""}`];
  const key = keyFromRun(run);
  const problems: string[] = [];
  if (key.lines.length < 3) problems.push(`program.js prints ${key.lines.length} line(s): a prediction needs at least 3`);
  if (compareAnswer(key.lines.join("\n"), key.lines).firstDifference !== null) problems.push("the program's own output is not accepted");
  const swapped = [...key.lines];
  const i = swapped.findIndex((line, index) => index > 0 && line !== swapped[index - 1]);
  if (i > 0) [swapped[i - 1], swapped[i]] = [swapped[i]!, swapped[i - 1]!];
  if (i > 0 && compareAnswer(swapped.join("\n"), key.lines).firstDifference === null) problems.push("an answer with two lines swapped is accepted");
  if (!exercise.walkthrough) problems.push("walkthrough.md is empty");
  return problems;
}

/**
 * Runs a solution against test files exactly as the web app would: each test file keeps its base
 * name (hidden.test.ts is treated as the hidden tests), in the order given.
 */
async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { solution: { type: "string" }, tests: { type: "string", multiple: true }, runtime: { type: "string" }, json: { type: "boolean" } } });
  if (!values.solution || !values.tests?.length || (values.runtime !== undefined && values.runtime !== "node" && values.runtime !== "plain")) {
    console.error(USAGE);
    return 2;
  }
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, "utf8");
    } catch (error) {
      console.error(`Cannot read ${file}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const solution = read(values.solution);
  const tests = values.tests.map((file) => ({ name: path.basename(file), code: read(file) }));
  if (solution === undefined || tests.some((t) => t.code === undefined)) return 2;
  const names = tests.map((t) => t.name);
  if (new Set(names).size !== names.length) {
    console.error(`Test files need distinct names: ${names.join(", ")}`);
    return 2;
  }
  const result = await getSandbox().run({ solution, tests: tests.map((t) => ({ name: t.name, code: t.code ?? "" })), limits: defaultLimits(), runtime: values.runtime === "node" ? "node" : "plain" });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatReport(result));
  return result.status === "passed" ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
let code = 2;
try {
  if (command === "check") code = await check(rest);
  else if (command === "verify") code = await verify(rest);
  else if (command === "schema") code = await writeSchemas(rest);
  else if (command === "run") code = await run(rest);
  else console.error(USAGE);
} finally {
  await getSandbox().close();
}
process.exitCode = code;
