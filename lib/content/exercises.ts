import "server-only";
import fs from "node:fs";
import path from "node:path";
import { isProduction } from "../env.ts";
import { CONTENT_DIR, FrontMatterError, formatZodIssues, listDirectories, readMarkdown } from "./files.ts";
import { formatProblem, type ContentProblem } from "./lessons.ts";
import type { SqlTableInfo } from "../sandbox/sql/types.ts";
import { exerciseFrontMatterSchema, type ExerciseFrontMatter, type ExerciseKind } from "./schema.ts";

export const EXERCISES_DIR = path.join(CONTENT_DIR, "exercises");
const REQUIRED_FILES: Record<ExerciseKind, string[]> = {
  code: ["starter.ts", "visible.test.ts", "hidden.test.ts", "solution.ts"],
  node: ["starter.ts", "visible.test.ts", "hidden.test.ts", "solution.ts"],
  predict: ["program.js", "walkthrough.md"],
  sql: ["starter.sql", "visible.test.ts", "hidden.test.ts", "solution.sql", "schema.sql"],
  "sql-code": ["starter.ts", "visible.test.ts", "hidden.test.ts", "solution.ts", "schema.sql"],
};

/** The language of the learner's file: SQL for sql exercises, TypeScript for the rest. */
export const isSqlKind = (kind: ExerciseKind) => kind === "sql" || kind === "sql-code";
export const solutionExtension = (kind: ExerciseKind) => (kind === "sql" ? "sql" : "ts");

/** What anyone may see of an exercise. */
export interface ExerciseMeta extends ExerciseFrontMatter {
  slug: string;
  href: string;
}

export interface PublicExercise extends ExerciseMeta {
  instructions: string;
  hints: string[];
  starter: string;
  visibleTests: string;
  /** Predict exercises: the program whose output the learner predicts (CommonJS, run as the main module). */
  program?: string;
  /** SQL exercises: the tables the exercise starts from (schema.json, generated from schema.sql by `exercise schema`). */
  schema?: SqlTableInfo[];
}

/** Everything, including what never leaves the server before the exercise is solved. */
export interface Exercise extends PublicExercise {
  hiddenTests: string;
  solution: string;
  /** Predict exercises: the authored walkthrough (Markdown), shown once solved or given up. */
  walkthrough?: string;
  /** SQL exercises: schema.sql, loaded by the tests (resetDatabase) and shown through `schema`. */
  fixture?: string;
  /** Plausible wrong solutions (`wrong/<mistake>.ts`) that the tests must reject; never sent to a browser. */
  wrongVariants: Array<{ name: string; code: string }>;
  dir: string;
}

export interface ExerciseCatalog {
  exercises: Exercise[];
  bySlug: Map<string, Exercise>;
}

export function readExerciseCatalog(dir = EXERCISES_DIR): { catalog: ExerciseCatalog; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const exercises: Exercise[] = [];
  for (const slug of listDirectories(dir)) {
    const exerciseDir = path.join(dir, slug);
    const rel = path.relative(process.cwd(), exerciseDir);
    if (!fs.existsSync(path.join(exerciseDir, "exercise.md"))) {
      problems.push({ file: rel, message: "missing exercise.md" });
      continue;
    }
    let md;
    try {
      md = readMarkdown(path.join(exerciseDir, "exercise.md"));
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error;
      problems.push({ file: error.file, message: error.message });
      continue;
    }
    const meta = exerciseFrontMatterSchema.safeParse(md.data);
    if (!meta.success) {
      problems.push({ file: md.file, message: `invalid front matter: ${formatZodIssues(meta.error.issues)}` });
      continue;
    }
    const missing = REQUIRED_FILES[meta.data.kind].filter((f) => !fs.existsSync(path.join(exerciseDir, f)));
    if (missing.length > 0) {
      problems.push({ file: rel, message: `missing ${missing.join(", ")} (needed by a ${meta.data.kind} exercise)` });
      continue;
    }
    const read = (name: string) => fs.readFileSync(path.join(exerciseDir, name), "utf8");
    const hintsFile = path.join(exerciseDir, "hints.md");
    const hints = fs.existsSync(hintsFile)
      ? read("hints.md")
          .split(/^\s*---\s*$/m)
          .map((h) => h.trim())
          .filter(Boolean)
      : [];
    exercises.push({
      ...meta.data,
      slug,
      href: `/exercises/${slug}`,
      instructions: md.body.trim(),
      hints,
      ...(meta.data.kind === "predict"
        ? { starter: "", visibleTests: "", hiddenTests: "", solution: "", program: read("program.js"), walkthrough: read("walkthrough.md").trim() }
        : {
            starter: read(`starter.${solutionExtension(meta.data.kind)}`),
            visibleTests: read("visible.test.ts"),
            hiddenTests: read("hidden.test.ts"),
            solution: read(`solution.${solutionExtension(meta.data.kind)}`),
          }),
      ...(isSqlKind(meta.data.kind) ? { fixture: read("schema.sql"), ...readSchemaInfo(path.join(exerciseDir, "schema.json")) } : {}),
      wrongVariants: readWrongVariants(path.join(exerciseDir, "wrong"), solutionExtension(meta.data.kind)),
      dir: rel,
    });
  }
  exercises.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const ids = new Map<string, string>();
  for (const e of exercises) {
    const other = ids.get(e.id);
    if (other) problems.push({ file: e.dir, message: `id ${e.id} is also used by ${other}` });
    ids.set(e.id, e.slug);
  }
  return { catalog: { exercises, bySlug: new Map(exercises.map((e) => [e.slug, e])) }, problems };
}

/** schema.json may be missing (a new exercise before `exercise schema` ran): the page then shows no schema view. */
function readSchemaInfo(file: string): { schema?: SqlTableInfo[] } {
  if (!fs.existsSync(file)) return {};
  try {
    return { schema: (JSON.parse(fs.readFileSync(file, "utf8")) as { tables: SqlTableInfo[] }).tables };
  } catch {
    return {};
  }
}

function readWrongVariants(dir: string, extension: string): Array<{ name: string; code: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(`.${extension}`))
    .sort()
    .map((f) => ({ name: `wrong/${f}`, code: fs.readFileSync(path.join(dir, f), "utf8") }));
}

let cached: ExerciseCatalog | undefined;
let warned = "";

/** Like the lesson catalog: broken exercise folders are logged and left out, never fatal. */
export function getExerciseCatalog(): ExerciseCatalog {
  if (cached && isProduction()) return cached;
  const { catalog, problems } = readExerciseCatalog();
  const text = problems.map(formatProblem).join("\n");
  if (text && text !== warned) console.warn(`[content] ${problems.length} problem(s) in content/exercises:\n${text}`);
  warned = text;
  cached = catalog;
  return catalog;
}

export function getExercise(slug: string): Exercise | undefined {
  return getExerciseCatalog().bySlug.get(slug);
}

export function toMeta(e: Exercise): ExerciseMeta {
  const { slug, href, id, kind, title, difficulty, track, lesson, related, tags, estimatedMinutes, order } = e;
  return { slug, href, id, kind, title, difficulty, track, lesson, related, tags, estimatedMinutes, order };
}

/** Whether an exercise practises a lesson ("<track>/<slug>"): its own lesson first, or one it names as related. */
export function practisesLesson(e: ExerciseMeta, lessonRef: string): boolean {
  return `${e.track}/${e.lesson}` === lessonRef || e.related.includes(lessonRef);
}

export function toPublic(e: Exercise): PublicExercise {
  return {
    ...toMeta(e),
    instructions: e.instructions,
    hints: e.hints,
    starter: e.starter,
    visibleTests: e.visibleTests,
    ...(e.program !== undefined ? { program: e.program } : {}),
    ...(e.schema !== undefined ? { schema: e.schema } : {}),
  };
}
