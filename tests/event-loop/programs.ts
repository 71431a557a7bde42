// The programs whose output the sandbox's event-loop model must reproduce: the corpus, plus the
// program of every predict exercise. Shared by corpus.test.ts and check-determinism.ts.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const CORPUS_DIR = path.join(HERE, "corpus");
const EXERCISES_DIR = path.resolve(HERE, "../../content/exercises");

export interface Program {
  /** "NNN-short-name" for corpus files, "exercise:<slug>" for predict exercises. */
  name: string;
  source: string;
  /** A CommonJS file real Node can run with the same source (predict programs are copied to a .cjs). */
  runnablePath: string;
  /** Why real Node may order the output differently from run to run; undefined when it must not. */
  nondeterministic?: string;
  /** Where the model's committed output lives (nondeterministic programs only). */
  modelOutputPath?: string;
}

export function nondeterministicReason(source: string): string | undefined {
  return /^\/\/ nondeterministic: (.+)$/m.exec(source)?.[1];
}

/**
 * The repository's package.json says "type": "module", so a program.js inside it would run as an ES
 * module (different tick order, no require). A copy with a .cjs name outside the tree runs as the
 * CommonJS main module, as in the sandbox.
 */
function copyAsCommonJs(slug: string, source: string): string {
  const dir = path.join(os.tmpdir(), "deepend-event-loop");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${slug}.cjs`);
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== source) fs.writeFileSync(file, source);
  return file;
}

export function listPrograms(): Program[] {
  const corpus = fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.cjs$/.test(f))
    .sort()
    .map((file): Program => {
      const runnablePath = path.join(CORPUS_DIR, file);
      const source = fs.readFileSync(runnablePath, "utf8");
      const name = file.replace(/\.cjs$/, "");
      const reason = nondeterministicReason(source);
      return reason === undefined
        ? { name, source, runnablePath }
        : { name, source, runnablePath, nondeterministic: reason, modelOutputPath: path.join(CORPUS_DIR, `${name}.model.txt`) };
    });
  const predict = fs
    .readdirSync(EXERCISES_DIR)
    .filter((slug) => fs.existsSync(path.join(EXERCISES_DIR, slug, "program.js")))
    .sort()
    .map((slug): Program => {
      const source = fs.readFileSync(path.join(EXERCISES_DIR, slug, "program.js"), "utf8");
      return { name: `exercise:${slug}`, source, runnablePath: copyAsCommonJs(slug, source) };
    });
  return [...corpus, ...predict];
}

export interface NodeRun {
  stdout: string;
  stderr: string;
  exitCode: number;
  timedOut: boolean;
}

/** Runs a program with the Node that runs us (Node 24), from an empty environment's point of view. */
export function runRealNode(file: string, timeoutMs = 10_000): Promise<NodeRun> {
  return new Promise((resolve) => {
    const options = { timeout: timeoutMs, cwd: path.dirname(file), env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const }, encoding: "utf8" as const };
    execFile(process.execPath, [file], options, (error, stdout, stderr) => {
      const timedOut = error !== null && error.killed === true;
      const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ stdout, stderr, exitCode, timedOut });
    });
  });
}

/** Output split into lines, without the final newline's empty line. */
export function toLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\n$/, "").split("\n");
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
