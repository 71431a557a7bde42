// `npm test`: everything CI runs, in order, stopping at the first failing step.
// typecheck, lint, content checks, unit + integration + sandbox tests, exercise proofs, mutation testing of
// changed exercises, build, e2e.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const node = process.execPath;
const reports = path.join(root, "tests", ".tmp", "reports");
fs.mkdirSync(reports, { recursive: true });

// Tests never touch the developer's own data folder.
const env = { ...process.env, DATA_DIR: path.join(root, "tests", ".tmp", "test-data"), DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" };
delete (env as Record<string, string | undefined>).DATABASE_URL;

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: "prepare (Prisma client, Monaco files)", command: node, args: ["scripts/prepare.ts"] },
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { name: "content check (lessons)", command: node, args: ["scripts/check-content.ts"] },
  { name: "unit, integration, content and sandbox tests", command: bin("vitest"), args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`] },
  { name: "exercise proofs (solutions pass, starters fail)", command: node, args: ["--conditions=react-server", "scripts/exercise.ts", "verify"] },
  // Only exercises whose solution or tests no longer match their committed mutation report (decision 012).
  { name: "mutation testing (exercises changed since their report)", command: node, args: ["--conditions=react-server", "scripts/mutation.ts", "--changed"] },
  { name: "build", command: node, args: ["node_modules/next/dist/bin/next", "build"] },
  { name: "end-to-end tests (Chromium)", command: bin("playwright"), args: ["test", "--reporter=list,json"] },
];

const only = process.argv.slice(2);
const started = performance.now();
let passedSteps = 0;
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n▶ ${step.name}`);
  const t = performance.now();
  const extraEnv = step.name.startsWith("end-to-end") ? { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "playwright.json") } : {};
  const result = spawnSync(step.command, step.args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.log(`\n✗ ${step.name} failed after ${seconds}s`);
    console.log(`steps: ${passedSteps} passed, 1 failed`);
    process.exit(result.status ?? 1);
  }
  passedSteps++;
  console.log(`✓ ${step.name} (${seconds}s)`);
}

// One closing line with the total number of tests across runners.
function count(file: string, pick: (json: never) => { passed: number; failed: number }) {
  try {
    return pick(JSON.parse(fs.readFileSync(path.join(reports, file), "utf8")) as never);
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const vitest = count("vitest.json", (j: { numPassedTests: number; numFailedTests: number }) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const e2e = count("playwright.json", (j: { stats: { expected: number; unexpected: number } }) => ({ passed: j.stats.expected, failed: j.stats.unexpected }));
console.log(`\nAll ${passedSteps} steps passed in ${((performance.now() - started) / 1000).toFixed(0)}s (vitest ${vitest.passed}, e2e ${e2e.passed}).`);
console.log(`tests: ${vitest.passed + e2e.passed} passed, ${vitest.failed + e2e.failed} failed`);
