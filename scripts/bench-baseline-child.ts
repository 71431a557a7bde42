// Baseline for `npm run bench`: one fresh node process runs one job (same transpiler, harness and
// tests) and prints its status. What the sandbox's warm workers save is this process's start-up.
import { executeJob } from "../lib/sandbox/execute.ts";
import type { RunJob } from "../lib/sandbox/types.ts";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { result, dispose } = executeJob(JSON.parse(input) as RunJob);
dispose();
process.stdout.write(result.status);
