// Loaders for the 20-week plan and the concept checklist. Both files are JSON, validated with the
// schemas in ./schema.ts; any problem throws an Error that names the file and lists the zod issues.
// Plain `node` runs this module too: keep to erasable TypeScript and relative `.ts` imports.
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { isProduction } from "../env.ts";
import { issueLines } from "../zod-issues.ts";
import { conceptChecklistSchema, planSchema, type ConceptChecklist, type Phase, type Plan, type Week } from "./schema.ts";

/** Absolute path of content/plan/plan.json, resolved against the current working directory. */
export function planFilePath(): string {
  return path.join(process.cwd(), "content", "plan", "plan.json");
}

/** Absolute path of content/checklist/checklist.json, resolved against the current working directory. */
export function checklistFilePath(): string {
  return path.join(process.cwd(), "content", "checklist", "checklist.json");
}

/** Thrown when a content file is missing, is not JSON, or does not match its schema. */
export class ContentFileError extends Error {
  readonly file: string;
  readonly issues: readonly string[];
  constructor(file: string, issues: readonly string[]) {
    super(`${file}: ${issues.length === 1 ? issues[0] : `${issues.length} problems\n${issues.map((i) => `  - ${i}`).join("\n")}`}`);
    this.name = "ContentFileError";
    this.file = file;
    this.issues = issues;
  }
}


function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new ContentFileError(displayPath(file), [`cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new ContentFileError(displayPath(file), [`invalid JSON: ${(error as Error).message}`]);
  }
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new ContentFileError(displayPath(file), issueLines(result.error.issues));
  return result.data;
}

/** Validates already-parsed plan data; `file` only labels the error. */
export function parsePlan(data: unknown, file = planFilePath()): Plan {
  return parseWith(planSchema, data, file);
}

/** Validates already-parsed checklist data; `file` only labels the error. */
export function parseChecklist(data: unknown, file = checklistFilePath()): ConceptChecklist {
  return parseWith(conceptChecklistSchema, data, file);
}

/** Reads and validates content/plan/plan.json (or `file`). Throws ContentFileError when invalid. */
export function loadPlan(file = planFilePath()): Plan {
  return parsePlan(readJson(file), file);
}

/** Reads and validates content/checklist/checklist.json (or `file`). Throws ContentFileError when invalid. */
export function loadChecklist(file = checklistFilePath()): ConceptChecklist {
  return parseChecklist(readJson(file), file);
}

export function getWeek(plan: Plan, number: number): Week | undefined {
  return plan.weeks.find((week) => week.number === number);
}

export function getPhase(plan: Plan, id: string): Phase | undefined {
  return plan.phases.find((phase) => phase.id === id);
}

export function phaseOfWeek(plan: Plan, number: number): Phase | undefined {
  return plan.phases.find((phase) => number >= phase.weeks.start && number <= phase.weeks.end);
}

export function weeksOfPhase(plan: Plan, id: string): Week[] {
  return plan.weeks.filter((week) => week.phaseId === id);
}

/** Every lesson ref ("<track>/<slug>") the plan links to, sorted and de-duplicated. */
export function planLessonRefs(plan: Plan): string[] {
  return [...new Set(plan.weeks.flatMap((week) => week.links.lessons))].sort();
}

/** Every exercise slug the plan links to, sorted and de-duplicated. */
export function planExerciseSlugs(plan: Plan): string[] {
  return [...new Set(plan.weeks.flatMap((week) => week.links.exercises))].sort();
}

let cachedPlan: Plan | undefined;
let cachedChecklist: ConceptChecklist | undefined;

/** The plan, read and validated once in production (on every call in development, to see edits). */
export function getPlan(): Plan {
  if (!cachedPlan || !isProduction()) cachedPlan = loadPlan();
  return cachedPlan;
}

/** The checklist, cached like getPlan(). */
export function getChecklist(): ConceptChecklist {
  if (!cachedChecklist || !isProduction()) cachedChecklist = loadChecklist();
  return cachedChecklist;
}
