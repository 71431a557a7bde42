// Validates content/: lesson front matter, sections, length, interview questions, links, and
// type-checks every ```ts block. Usage: node scripts/check-content.ts [path-prefix...]
import path from "node:path";
import { formatProblem } from "../lib/content/lessons.ts";
import { typecheckTsBlocks, validateLessons } from "../lib/content/validate-lessons.ts";

const prefixes = process.argv.slice(2).map((p) => path.relative(process.cwd(), path.resolve(p)));
const wanted = (file: string) => prefixes.length === 0 || prefixes.some((p) => file === p || file.startsWith(`${p}/`) || file.startsWith(p));

const started = performance.now();
const { catalog, problems } = validateLessons();
const lessons = [...catalog.lessons.values()].filter((l) => wanted(l.file));
problems.push(...typecheckTsBlocks(lessons));
const shown = problems.filter((p) => wanted(p.file));

for (const problem of shown) console.log(formatProblem(problem));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${shown.length === 0 ? "ok" : `${shown.length} problem(s)`}: ${lessons.length} lesson(s) in ${catalog.tracks.length} track(s) checked in ${seconds}s`);
process.exitCode = shown.length === 0 ? 0 : 1;
