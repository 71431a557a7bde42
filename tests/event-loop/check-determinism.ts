// Runs every event-loop program (corpus + predict exercises) many times with real Node and checks
// that each prints exactly the same thing every time, with nothing on stderr.
// Programs marked `// nondeterministic: <why>` may vary; their variants are listed, not failed.
//
//   node tests/event-loop/check-determinism.ts [--runs 20] [--concurrency 2] [name-filter]
import { parseArgs } from "node:util";
import { listPrograms, mapLimit, runRealNode, type NodeRun, type Program } from "./programs.ts";

const { values, positionals } = parseArgs({
  options: { runs: { type: "string", default: "20" }, concurrency: { type: "string", default: "2" } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error("--runs and --concurrency must be positive integers");
  process.exit(2);
}

const filter = positionals[0];
const programs = listPrograms().filter((p) => filter === undefined || p.name.includes(filter));

interface Verdict {
  program: Program;
  /** Distinct outcomes (stdout + exit code) and how often each occurred. */
  variants: Map<string, number>;
  problems: string[];
}

function outcomeKey(run: NodeRun): string {
  return `exit ${run.exitCode}\n${run.stdout}`;
}

const started = performance.now();
const jobs = programs.flatMap((program) => Array.from({ length: runs }, () => program));
const results = await mapLimit(jobs, concurrency, async (program) => ({ program, run: await runRealNode(program.runnablePath) }));

const verdicts = new Map<string, Verdict>();
for (const { program, run } of results) {
  const verdict: Verdict = verdicts.get(program.name) ?? { program, variants: new Map(), problems: [] };
  verdicts.set(program.name, verdict);
  const key = outcomeKey(run);
  verdict.variants.set(key, (verdict.variants.get(key) ?? 0) + 1);
  if (run.timedOut) verdict.problems.push("timed out");
  if (run.stderr !== "") verdict.problems.push(`stderr: ${run.stderr.trim().split("\n")[0]}`);
}

let failures = 0;
for (const { program, variants, problems } of verdicts.values()) {
  const unique = [...new Set(problems)];
  const varies = variants.size > 1;
  const bad = unique.length > 0 || (varies && program.nondeterministic === undefined);
  if (bad) failures++;
  const label = program.nondeterministic !== undefined ? "nondeterministic (declared)" : varies ? "VARIES" : "ok";
  console.log(`${bad ? "FAIL" : "pass"}  ${program.name}: ${variants.size} distinct output(s) in ${runs} runs — ${label}`);
  for (const problem of unique) console.log(`      ${problem}`);
  if (varies) {
    for (const [output, count] of variants) {
      console.log(`      ${count}x: ${output.split("\n").slice(1).join(" | ")}`);
    }
  }
}
const declared = programs.filter((p) => p.nondeterministic !== undefined).length;
console.log(
  `\n${programs.length} programs (${declared} declared nondeterministic), ${runs} runs each, ` +
    `${failures} failing, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
