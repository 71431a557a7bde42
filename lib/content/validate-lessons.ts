import path from "node:path";
import GithubSlugger from "github-slugger";
import type { Code, Heading, Link, Root } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import ts from "typescript";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { loadChecklist } from "../plan/content.ts";
import { readLessonCatalog, type ContentProblem, type Lesson, type LessonCatalog } from "./lessons.ts";
import { LESSON_LINES, MIN_INTERVIEW_QUESTIONS, OPTIONAL_LAST_SECTION, REQUIRED_SECTIONS } from "./schema.ts";

const parser = unified().use(remarkParse).use(remarkGfm);

interface ParsedLesson {
  lesson: Lesson;
  tree: Root;
  anchors: Set<string>;
}

function parse(lesson: Lesson): ParsedLesson {
  const tree = parser.parse(lesson.body);
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, "heading", (node: Heading) => {
    anchors.add(slugger.slug(mdastToString(node)));
  });
  return { lesson, tree, anchors };
}

function fileLine(lesson: Lesson, bodyLine: number | undefined): number | undefined {
  return bodyLine === undefined ? undefined : lesson.bodyStartLine + bodyLine - 1;
}

function checkStructure({ lesson, tree }: ParsedLesson): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (message: string, line?: number) => problems.push({ file: lesson.file, line: fileLine(lesson, line), message });

  if (lesson.lineCount < LESSON_LINES.min || lesson.lineCount > LESSON_LINES.max) {
    add(`has ${lesson.lineCount} lines; lessons must have ${LESSON_LINES.min}-${LESSON_LINES.max}`);
  }
  const headings = tree.children.filter((n): n is Heading => n.type === "heading");
  for (const h of headings) if (h.depth === 1) add("must not contain a level-1 heading (the page renders the title)", h.position?.start.line);

  const sections = headings.filter((h) => h.depth === 2).map((h) => mdastToString(h).trim());
  const expected: string[] = [...REQUIRED_SECTIONS];
  const actual = sections[sections.length - 1] === OPTIONAL_LAST_SECTION ? sections.slice(0, -1) : sections;
  if (actual.join("|") !== expected.join("|")) {
    add(`sections must be, in order: ${expected.join(", ")} (optionally followed by ${OPTIONAL_LAST_SECTION}); found: ${sections.join(", ") || "none"}`);
  }

  const qStart = tree.children.findIndex((n) => n.type === "heading" && n.depth === 2 && mdastToString(n).trim() === "Interview questions");
  if (qStart >= 0) {
    let questions = 0;
    for (let i = qStart + 1; i < tree.children.length; i++) {
      const node = tree.children[i];
      if (node?.type !== "heading") continue;
      if (node.depth <= 2) break;
      if (node.depth === 3) {
        questions++;
        if (!mdastToString(node).trim().endsWith("?")) add("interview question headings must end with '?'", node.position?.start.line);
        const next = tree.children[i + 1];
        if (!next || (next.type === "heading" && next.depth <= 3)) add("interview question has no answer", node.position?.start.line);
      }
    }
    if (questions < MIN_INTERVIEW_QUESTIONS) add(`has ${questions} interview questions; at least ${MIN_INTERVIEW_QUESTIONS} required`);
  }
  return problems;
}

function checkLinks({ lesson, tree, anchors }: ParsedLesson, all: Map<string, ParsedLesson>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(tree, "link", (node: Link) => {
    const url = node.url;
    const line = fileLine(lesson, node.position?.start.line);
    if (url.startsWith("#")) {
      if (!anchors.has(decodeURIComponent(url.slice(1)))) problems.push({ file: lesson.file, line, message: `anchor "${url}" does not exist in this lesson` });
      return;
    }
    const m = /^\/lessons\/([^/#?]+)\/([^/#?]+)(?:#(.*))?$/.exec(url);
    if (!m) {
      if (url.startsWith("/") && !/^\/(lessons|exercises|plan|retros|design|checklist)(\/|$)/.test(url)) {
        problems.push({ file: lesson.file, line, message: `internal link "${url}" does not point to a known page` });
      }
      return;
    }
    const target = all.get(`${m[1]}/${m[2]}`);
    if (!target) problems.push({ file: lesson.file, line, message: `link "${url}" points to a lesson that does not exist` });
    else if (m[3] && !target.anchors.has(decodeURIComponent(m[3]))) problems.push({ file: lesson.file, line, message: `link "${url}": no such heading in ${target.lesson.file}` });
  });
  return problems;
}

export const TS_BLOCK_LANGS = new Set(["ts", "typescript"]);

export const TS_BLOCK_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2023,
  lib: ["lib.es2023.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  types: ["node"],
  typeRoots: [path.join(process.cwd(), "node_modules/@types")],
  skipLibCheck: true,
  noEmit: true,
};

/** Type-checks every ```ts block of the given lessons, each as its own ES module. */
export function typecheckTsBlocks(lessons: Lesson[]): ContentProblem[] {
  const virtual = new Map<string, { lesson: Lesson; code: Code }>();
  const root = path.join(process.cwd(), ".content-check");
  for (const lesson of lessons) {
    const tree = parser.parse(lesson.body);
    let n = 0;
    visit(tree, "code", (code: Code) => {
      if (!code.lang || !TS_BLOCK_LANGS.has(code.lang)) return;
      virtual.set(path.join(root, lesson.track, lesson.slug, `block-${++n}.mts`), { lesson, code });
    });
  }
  if (virtual.size === 0) return [];

  const host = ts.createCompilerHost(TS_BLOCK_OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => virtual.get(name)?.code.value ?? readFile(name);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const entry = virtual.get(name);
    if (entry) return ts.createSourceFile(name, entry.code.value, languageVersion, true);
    return getSourceFile(name, languageVersion, onError, shouldCreate);
  };

  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: TS_BLOCK_OPTIONS, host });
  const problems: ContentProblem[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const entry = diagnostic.file ? virtual.get(diagnostic.file.fileName) : undefined;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!entry || !diagnostic.file) {
      problems.push({ file: "(ts blocks)", message: `TS${diagnostic.code}: ${message}` });
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    // +1: the fence line itself precedes the code.
    const bodyLine = (entry.code.position?.start.line ?? 1) + 1 + line;
    problems.push({ file: entry.lesson.file, line: fileLine(entry.lesson, bodyLine), message: `TS${diagnostic.code} in \`\`\`ts block: ${message}` });
  }
  return problems;
}

export interface LessonValidation {
  catalog: LessonCatalog;
  problems: ContentProblem[];
}

/** Everything the content test checks about lessons, except the ts-block type-check. */
export function validateLessons(): LessonValidation {
  const { catalog, problems } = readLessonCatalog();
  const parsed = new Map<string, ParsedLesson>();
  for (const lesson of catalog.lessons.values()) parsed.set(lesson.ref, parse(lesson));
  for (const p of parsed.values()) problems.push(...checkStructure(p), ...checkLinks(p, parsed));
  const concepts = new Set(loadChecklist().categories.flatMap((c) => c.concepts.map((concept) => concept.id)));
  for (const lesson of catalog.lessons.values()) {
    for (const id of lesson.concepts) if (!concepts.has(id)) problems.push({ file: lesson.file, message: `concept "${id}" is not in content/checklist/checklist.json` });
  }
  return { catalog, problems };
}
