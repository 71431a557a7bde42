// `node scripts/bench-strings.ts`: regex- and string-heavy code in the sandbox against plain Node.
// The same function runs in four places, each best of several rounds:
//   node      this process
//   isolate   a bare isolated-vm isolate (what the sandbox costs before the harness)
//   harness   an isolate prepared like a run's (harness loaded, intrinsics locked down)
//   test      the same work as a test body, through the production runner (executeJob)
// then each operation alone, in node, a bare isolate and a prepared one.
//
// What it showed: String.prototype.match/replace/split/search/matchAll with a RegExp lost V8's
// fast path while RegExp.prototype was frozen (V8 takes it only while the prototype keeps its
// initial map). Since decision 013 the prototype is verified instead of frozen; this script is the
// per-operation view behind the bench's "sandbox / plain Node" line. Freezing String.prototype,
// Function.prototype or Object.prototype costs nothing measurable.
import ivm from "isolated-vm";
import { executeJob, prepareIsolate } from "../lib/sandbox/execute.ts";
import { defaultLimits } from "../lib/sandbox/limits.ts";

const N = Number(process.argv[2] ?? 20000);
const ROUNDS = 7;

/** Typical test-side string work: regex tests and matches, replace, split, building strings. */
const WORK = `function work(n) {
  const email = /^([a-z]+)(\\d+)@(\\w+)\\.com$/;
  let matched = 0;
  let out = "";
  const parts = [];
  for (let i = 0; i < n; i++) {
    const s = "user" + i + "@host" + (i % 7) + ".com";
    if (email.test(s)) matched++;
    const m = email.exec(s);
    if (m && m[2] === String(i)) matched++;
    const digits = s.match(/\\d+/g);
    if (digits && digits.length === 2) matched++;
    const masked = s.replace(/\\d/g, "#").toUpperCase();
    if (s.split("@")[1].startsWith("host" + (i % 7))) matched++;
    out += masked.slice(0, 3);
    parts.push(masked.padEnd(24, ".").trim());
    if (/(?<name>[a-z]+)\\d/.exec(s).groups.name === "user") matched++;
    const words = "the quick brown fox".replace(/\\b(\\w)/g, (c) => c.toUpperCase());
    if (words.includes("Fox")) matched++;
  }
  return matched + out.length + parts.join(",").length;
}`;

const best = (times: number[]) => Math.min(...times);

function inNode(): number {
  const work = new Function(`${WORK}; return work;`)() as (n: number) => number;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    work(N);
    times.push(performance.now() - t);
  }
  return best(times);
}

function inIsolate(context: ivm.Context): number {
  context.evalSync(`globalThis.__bench = (function () { ${WORK}; return function (n) { const t = Date.now(); work(n); return 0; }; })();`);
  const run = context.global.getSync("__bench", { reference: true }) as ivm.Reference<(n: number) => number>;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    run.applySync(undefined, [N]);
    times.push(performance.now() - t);
  }
  return best(times);
}

function bareIsolate(): number {
  const isolate = new ivm.Isolate({ memoryLimit: 128 });
  try {
    return inIsolate(isolate.createContextSync());
  } finally {
    isolate.dispose();
  }
}

function harnessIsolate(): number {
  const prepared = prepareIsolate({ ...defaultLimits(), memoryMb: 128 });
  try {
    return inIsolate(prepared.context);
  } finally {
    prepared.isolate.dispose();
  }
}

function asTest(): number {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const tests = [{ name: "visible.test.ts", code: `${WORK}\nit("string work", () => { expect(work(${N})).toBeGreaterThan(0); });` }];
    const { result, dispose } = executeJob({ solution: "export {};", tests, limits: { ...defaultLimits(), memoryMb: 128, cpuMs: 20000, wallMs: 20000 } });
    dispose();
    if (result.status !== "passed") throw new Error(`benchmark test did not pass: ${JSON.stringify(result.tests[0] ?? result.error)}`);
    times.push(result.tests[0]!.durationMs);
  }
  return best(times);
}

/** One operation at a time: where the time goes. */
const OPS: Record<string, string> = {
  "re.test": `/^a(\\d+)b$/.test("a" + i + "b")`,
  "re.exec": `/^a(\\d+)b$/.exec("a" + i + "b")`,
  "str.match(re)": `("a" + i + "b").match(/\\d/)`,
  "str.match(re/g)": `("a" + i + "b").match(/\\d/g)`,
  "str.replace(re/g)": `("a" + i + "b").replace(/\\d/g, "#")`,
  "str.replace(re, fn)": `("a" + i + "b").replace(/\\d/g, (c) => c)`,
  "str.split(re)": `("a" + i + "b").split(/\\d/)`,
  "str.split(str)": `("a" + i + "b").split("1")`,
  "str.matchAll": `[...("a" + i + "b").matchAll(/\\d/g)]`,
  "string methods": `("a" + i + "b").padEnd(20, ".").trim().toUpperCase().slice(1).includes("B")`,
  "template": `\`\${i}-\${x}\``,
  "join": `[i, i + 1, "x"].join("-")`,
};
function perOperation(): void {
  const body = (expr: string) => `function (n) { let x; for (let i = 0; i < n; i++) x = ${expr}; return typeof x; }`;
  const timeIt = (f: () => unknown) => {
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      f();
      times.push(performance.now() - t);
    }
    return best(times);
  };
  const bare = new ivm.Isolate({ memoryLimit: 128 });
  const prepared = prepareIsolate({ ...defaultLimits(), memoryMb: 128 });
  const contexts = [bare.createContextSync(), prepared.context];
  console.log(`\nper operation, ${N * 5} calls, ms: ${"node".padStart(8)}${"isolate".padStart(9)}${"sandbox".padStart(9)}   sandbox/isolate`);
  for (const [name, expr] of Object.entries(OPS)) {
    const local = new Function(`return ${body(expr)}`)() as (n: number) => string;
    const cells = [timeIt(() => local(N * 5))];
    for (const context of contexts) {
      const ref = context.evalSync(`(${body(expr)})`, { reference: true }) as ivm.Reference<(n: number) => string>;
      cells.push(timeIt(() => ref.applySync(undefined, [N * 5])));
    }
    console.log(`${name.padEnd(30)}${cells.map((c) => c.toFixed(1).padStart(9)).join("")}   ${(cells[2]! / cells[1]!).toFixed(2)}x`);
  }
  bare.dispose();
  prepared.isolate.dispose();
}

const node = inNode();
const rows: Array<[string, number]> = [
  ["node", node],
  ["isolate", bareIsolate()],
  ["harness", harnessIsolate()],
  ["test", asTest()],
];
console.log(`string/regex work, n = ${N}, best of ${ROUNDS}`);
const isolate = rows[1]![1];
for (const [name, t] of rows) console.log(`${name.padEnd(8)} ${t.toFixed(2).padStart(9)} ms   ${(t / node).toFixed(2)}x node   ${(t / isolate).toFixed(2)}x isolate`);
perOperation();
