// Exercise CLI, through the same sandbox path the web app uses.
//   check <slug> --file <path> [--hidden] [--json]   exit 0 iff the result is "passed"
//   verify [slug...]                                 every solution passes, every starter fails
import fs from "node:fs";
import { parseArgs } from "node:util";
import { readExerciseCatalog } from "../lib/content/exercises.ts";
import { checkSolution } from "../lib/exercises/check.ts";
import { formatReport } from "../lib/exercises/report.ts";
import { getSandbox } from "../lib/sandbox/index.ts";

const USAGE = "usage: exercise check <slug> --file <path> [--hidden] [--json]\n       exercise verify [slug...]";

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
  const result = await checkSolution(exercise, code, values.hidden ? "submit" : "run");
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
    const [solution, starter] = await Promise.all([checkSolution(exercise, exercise.solution, "submit"), checkSolution(exercise, exercise.starter, "submit")]);
    const problems: string[] = [];
    if (solution?.status !== "passed") problems.push(`solution.ts does not pass:\n${solution ? formatReport(solution, { onlyFailures: true }) : "no result"}`);
    if (!starter || starter.status === "passed" || !starter.tests.some((t) => t.hidden && t.status === "failed")) problems.push("starter.ts does not fail any hidden test");
    const tests = solution?.tests ?? [];
    const summary = `${tests.filter((t) => !t.hidden).length} visible + ${tests.filter((t) => t.hidden).length} hidden tests, ${solution?.durationMs ?? "?"} ms`;
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

const [command, ...rest] = process.argv.slice(2);
let code = 2;
try {
  if (command === "check") code = await check(rest);
  else if (command === "verify") code = await verify(rest);
  else console.error(USAGE);
} finally {
  await getSandbox().close();
}
process.exitCode = code;
