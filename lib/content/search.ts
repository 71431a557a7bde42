import GithubSlugger from "github-slugger";
import type { Heading, Root, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import MiniSearch from "minisearch";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { LessonCatalog } from "./lessons.ts";
import { SEARCH_OPTIONS } from "./search-options.ts";

/** One searchable section of a lesson (the part under one heading). */
export interface SearchDocument {
  id: string;
  href: string;
  lesson: string;
  track: string;
  heading: string;
  text: string;
}


const parser = unified().use(remarkParse).use(remarkGfm);

export function searchDocuments(catalog: LessonCatalog): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const track of catalog.tracks) {
    for (const meta of track.lessons) {
      const lesson = catalog.lessons.get(meta.ref);
      if (!lesson) continue;
      const tree = parser.parse(lesson.body) as Root;
      const slugger = new GithubSlugger();
      let heading = "";
      let anchor = "";
      let parts: string[] = [lesson.summary];
      const flush = () => {
        const text = parts.join(" ").replace(/\s+/g, " ").trim();
        if (text) docs.push({ id: `${lesson.ref}#${anchor || docs.length}`, href: anchor ? `${lesson.href}#${anchor}` : lesson.href, lesson: lesson.title, track: track.title, heading, text });
      };
      for (const node of tree.children as RootContent[]) {
        if (node.type === "heading" && (node as Heading).depth <= 3) {
          flush();
          heading = mdastToString(node);
          anchor = slugger.slug(heading);
          parts = [];
        } else if (node.type !== "code" && node.type !== "html") {
          parts.push(mdastToString(node));
        }
      }
      flush();
    }
  }
  return docs;
}

export function buildSearchIndex(catalog: LessonCatalog): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(searchDocuments(catalog));
  return JSON.stringify(index);
}
