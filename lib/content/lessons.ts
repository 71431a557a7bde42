import fs from "node:fs";
import path from "node:path";
import { isProduction } from "../env.ts";
import { CONTENT_DIR, FrontMatterError, formatZodIssues, listDirectories, readMarkdown, type ParsedFile } from "./files.ts";
import { lessonFrontMatterSchema, trackFrontMatterSchema, type LessonFrontMatter } from "./schema.ts";

export const LESSONS_DIR = path.join(CONTENT_DIR, "lessons");

export interface LessonMeta extends LessonFrontMatter {
  slug: string;
  /** "<track>/<slug>", the id used in `related` and in progress records. */
  ref: string;
  href: string;
  file: string;
}

export interface Lesson extends LessonMeta {
  body: string;
  bodyStartLine: number;
  lineCount: number;
}

export interface Track {
  id: string;
  title: string;
  summary: string;
  order: number;
  intro: string;
  lessons: LessonMeta[];
}

export interface LessonCatalog {
  tracks: Track[];
  lessons: Map<string, Lesson>;
}

export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
}

/** Reads every track and lesson, collecting problems instead of stopping at the first. */
export function readLessonCatalog(dir = LESSONS_DIR): { catalog: LessonCatalog; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const tracks: Track[] = [];
  const lessons = new Map<string, Lesson>();

  for (const trackId of listDirectories(dir)) {
    const trackDir = path.join(dir, trackId);
    const trackFile = path.join(trackDir, "_track.md");
    if (!fs.existsSync(trackFile)) {
      problems.push({ file: path.relative(process.cwd(), trackDir), message: "missing _track.md" });
      continue;
    }
    const trackMd = tryRead(trackFile, problems);
    if (!trackMd) continue;
    const trackMeta = trackFrontMatterSchema.safeParse(trackMd.data);
    if (!trackMeta.success) {
      problems.push({ file: trackMd.file, message: formatZodIssues(trackMeta.error.issues) });
      continue;
    }
    const track: Track = { id: trackId, ...trackMeta.data, intro: trackMd.body.trim(), lessons: [] };

    const files = fs.readdirSync(trackDir).filter((name) => /\.md$/.test(name) && name !== "_track.md").sort();
    for (const name of files) {
      const md = tryRead(path.join(trackDir, name), problems);
      if (!md) continue;
      const slug = name.replace(/\.md$/, "");
      const meta = lessonFrontMatterSchema.safeParse(md.data);
      if (!meta.success) {
        problems.push({ file: md.file, message: `invalid front matter: ${formatZodIssues(meta.error.issues)}` });
        continue;
      }
      if (meta.data.track !== trackId) {
        problems.push({ file: md.file, message: `track "${meta.data.track}" does not match its folder "${trackId}"` });
        continue;
      }
      const ref = `${trackId}/${slug}`;
      const lesson: Lesson = {
        ...meta.data,
        slug,
        ref,
        href: `/lessons/${ref}`,
        file: md.file,
        body: md.body,
        bodyStartLine: md.bodyStartLine,
        lineCount: md.lineCount,
      };
      lessons.set(ref, lesson);
      track.lessons.push(toMeta(lesson));
    }
    track.lessons.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
    tracks.push(track);
  }
  tracks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));

  for (const lesson of lessons.values()) {
    for (const ref of lesson.related) {
      const other = lessons.get(ref);
      if (!other) problems.push({ file: lesson.file, message: `related lesson "${ref}" does not exist` });
      if (ref === lesson.ref) problems.push({ file: lesson.file, message: "a lesson cannot be related to itself" });
      // Within a track, relations go both ways; across tracks a lesson may point at a foundation
      // without that lesson listing everything that builds on it.
      else if (other && other.track === lesson.track && !other.related.includes(lesson.ref)) {
        problems.push({ file: other.file, message: `"${lesson.ref}" lists "${ref}" as related; list it back (same track)` });
      }
    }
  }
  for (const track of tracks) {
    const orders = new Set<number>();
    for (const lesson of track.lessons) {
      if (orders.has(lesson.order)) problems.push({ file: lesson.file, message: `order ${lesson.order} is used twice in track "${track.id}"` });
      orders.add(lesson.order);
    }
  }
  return { catalog: { tracks, lessons }, problems };
}

function tryRead(file: string, problems: ContentProblem[]): ParsedFile | undefined {
  try {
    return readMarkdown(file);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    problems.push({ file: error.file, message: error.message });
    return undefined;
  }
}

function toMeta(lesson: Lesson): LessonMeta {
  const { body: _body, bodyStartLine: _start, lineCount: _lines, ...meta } = lesson;
  return meta;
}

let cached: LessonCatalog | undefined;
let warned = "";

/**
 * The catalog the app serves; cached for the life of the process in production. Content problems
 * fail the content test in CI; at run time they are logged and the rest of the catalog is served
 * (a lesson with broken front matter is left out, a broken related link is dropped), so one bad
 * file never takes the whole site down.
 */
export function getLessonCatalog(): LessonCatalog {
  if (cached && isProduction()) return cached;
  const { catalog, problems } = readLessonCatalog();
  if (problems.length > 0) {
    const text = problems.map(formatProblem).join("\n");
    if (text !== warned) console.warn(`[content] ${problems.length} problem(s) in content/lessons:\n${text}`);
    warned = text;
    for (const lesson of catalog.lessons.values()) lesson.related = lesson.related.filter((ref) => catalog.lessons.has(ref) && ref !== lesson.ref);
    for (const track of catalog.tracks) for (const meta of track.lessons) meta.related = catalog.lessons.get(meta.ref)?.related ?? [];
  }
  cached = catalog;
  return catalog;
}

export function getLesson(track: string, slug: string): Lesson | undefined {
  return getLessonCatalog().lessons.get(`${track}/${slug}`);
}

/** Previous and next lesson within the lesson's track. */
export function getNeighbours(lesson: LessonMeta): { prev?: LessonMeta; next?: LessonMeta } {
  const track = getLessonCatalog().tracks.find((t) => t.id === lesson.track);
  const index = track?.lessons.findIndex((l) => l.ref === lesson.ref) ?? -1;
  if (!track || index < 0) return {};
  return { prev: track.lessons[index - 1], next: track.lessons[index + 1] };
}
