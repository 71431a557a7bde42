import GithubSlugger from "github-slugger";
import type { Heading, Root, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { PublicExercise } from "../content/exercises.ts";
import type { LessonCatalog } from "../content/lessons.ts";
import type { SearchDocument } from "./options.ts";

const parser = unified().use(remarkParse).use(remarkGfm);
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function blocks(markdown: string): RootContent[] {
  return (parser.parse(markdown) as Root).children;
}

/** A block's text, with a space between its paragraphs, list items and cells (toString glues them). */
function blockText(node: RootContent): string {
  if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell" || !("children" in node)) return mdastToString(node);
  return node.children.map((child) => blockText(child as RootContent)).join(" ");
}

/** The text of Markdown blocks, skipping the ones `skip` names. */
function plainText(nodes: RootContent[], skip: (node: RootContent) => boolean): string {
  return squash(nodes.filter((node) => !skip(node)).map(blockText).join(" "));
}

const isCode = (node: RootContent) => node.type === "code" || node.type === "html";
const isHeading = (node: RootContent) => node.type === "heading";

/** One document per lesson section (the part under an h2/h3), code left out, linked to its heading's anchor. */
export function lessonDocuments(catalog: LessonCatalog): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const track of catalog.tracks) {
    for (const meta of track.lessons) {
      const lesson = catalog.lessons.get(meta.ref);
      if (!lesson) continue;
      const slugger = new GithubSlugger();
      let heading = "";
      let anchor = "";
      let parts: string[] = [lesson.summary];
      const flush = () => {
        const text = squash(parts.join(" "));
        if (!text) return;
        docs.push({
          id: `lesson:${lesson.ref}#${anchor}`,
          kind: "lesson",
          href: anchor ? `${lesson.href}#${anchor}` : lesson.href,
          title: lesson.title,
          context: track.title,
          heading,
          text,
        });
      };
      for (const node of blocks(lesson.body)) {
        if (node.type === "heading" && (node as Heading).depth <= 3) {
          flush();
          heading = mdastToString(node);
          anchor = slugger.slug(heading);
          parts = [];
        } else if (!isCode(node)) {
          parts.push(blockText(node));
        }
      }
      flush();
    }
  }
  return docs;
}

/** One document per exercise: its title and statement. Only what anyone may see: never tests or solutions. */
export function exerciseDocuments(exercises: ReadonlyArray<Pick<PublicExercise, "slug" | "href" | "title" | "difficulty" | "instructions">>): SearchDocument[] {
  return exercises.map((exercise) => ({
    id: `exercise:${exercise.slug}`,
    kind: "exercise",
    href: exercise.href,
    title: exercise.title,
    context: exercise.difficulty,
    heading: "",
    text: plainText(blocks(exercise.instructions), isCode),
  }));
}

/** The user's retrospectives. The template's questions (headings) are the same in every retro, so they are left out. */
export function retroDocuments(retros: ReadonlyArray<{ week: number; body: string }>, weekTitle: (week: number) => string | undefined): SearchDocument[] {
  return retros.flatMap((retro) => {
    const text = plainText(blocks(retro.body), isHeading);
    if (!text) return [];
    return [{ id: `retro:${retro.week}`, kind: "retro", href: `/retros/${retro.week}`, title: `Week ${retro.week} retrospective`, context: weekTitle(retro.week) ?? "", heading: "", text }];
  });
}

/** The user's design notes, one document per written section. */
export function designNoteDocuments(
  notes: ReadonlyArray<{ week: number; sections: Partial<Record<string, string>> }>,
  sections: ReadonlyArray<{ id: string; title: string }>,
  promptTitle: (week: number) => string | undefined,
): SearchDocument[] {
  return notes.flatMap((note) =>
    sections.flatMap((section) => {
      const text = plainText(blocks(note.sections[section.id] ?? ""), () => false);
      if (!text) return [];
      return [{ id: `design:${note.week}:${section.id}`, kind: "design-note", href: `/design/${note.week}`, title: promptTitle(note.week) ?? `Design note, week ${note.week}`, context: `Week ${note.week}`, heading: section.title, text }];
    }),
  );
}

/** The user's notes beside lessons; notes on lessons that no longer exist are left out. */
export function lessonNoteDocuments(notes: ReadonlyArray<{ lessonRef: string; body: string }>, lessons: ReadonlyMap<string, { title: string; href: string }>): SearchDocument[] {
  return notes.flatMap((note) => {
    const lesson = lessons.get(note.lessonRef);
    const text = plainText(blocks(note.body), () => false);
    if (!lesson || !text) return [];
    return [{ id: `lesson-note:${note.lessonRef}`, kind: "lesson-note", href: `${lesson.href}#your-notes`, title: lesson.title, context: "Your notes on this lesson", heading: "", text }];
  });
}
