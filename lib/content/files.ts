import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { issueLines, type Issue } from "../zod-issues.ts";

export const CONTENT_DIR = path.join(process.cwd(), "content");

export interface ParsedFile {
  /** Path relative to the repository root, for error messages. */
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** Number of lines of the whole file, front matter included. */
  lineCount: number;
  /** Line number (1-based) in the file where `body` starts. */
  bodyStartLine: number;
}

export class FrontMatterError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`invalid front matter (YAML): ${reason}`);
    this.name = "FrontMatterError";
    this.file = file;
  }
}

export function relativeToRepo(absolute: string): string {
  return path.relative(process.cwd(), absolute);
}

export function readMarkdown(absolute: string): ParsedFile {
  const raw = fs.readFileSync(absolute, "utf8");
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An options object turns off gray-matter's cache, which would share `data` between callers.
    parsed = matter(raw, {});
  } catch (error) {
    throw new FrontMatterError(relativeToRepo(absolute), (error as Error).message.split("\n")[0] ?? "unreadable");
  }
  const bodyOffset = raw.length - parsed.content.length;
  return {
    file: relativeToRepo(absolute),
    data: parsed.data as Record<string, unknown>,
    body: parsed.content,
    lineCount: raw.replace(/\n$/, "").split("\n").length,
    bodyStartLine: raw.slice(0, bodyOffset).split("\n").length,
  };
}

export function listDirectories(absolute: string): string[] {
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

export function formatZodIssues(issues: readonly Issue[]): string {
  return issueLines(issues, "(front matter)").join("; ");
}
