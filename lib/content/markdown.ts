import rehypeShiki from "@shikijs/rehype";
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { Root as MdastRoot } from "mdast";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { SHIKI_OPTIONS } from "./shiki-options.ts";

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface RenderedLesson {
  html: string;
  toc: TocEntry[];
}

const CALLOUT = /^\[!(NOTE|TIP|WARNING|IMPORTANT|CAUTION)\][ \t]*\n?/;
const CALLOUT_TITLES: Record<string, string> = {
  NOTE: "Note",
  TIP: "Tip",
  WARNING: "Warning",
  IMPORTANT: "Important",
  CAUTION: "Caution",
};

/** GitHub-style `> [!NOTE]` blockquotes become labelled callouts. */
function remarkCallouts() {
  return (tree: MdastRoot) => {
    visit(tree, "blockquote", (node) => {
      const first = node.children[0];
      if (first?.type !== "paragraph") return;
      const text = first.children[0];
      if (text?.type !== "text") return;
      const match = CALLOUT.exec(text.value);
      if (!match) return;
      const kind = match[1] as string;
      text.value = text.value.slice(match[0].length);
      node.data = {
        ...node.data,
        hName: "aside",
        hProperties: { className: ["callout", `callout-${kind.toLowerCase()}`], role: "note" },
      };
      node.children.unshift({
        type: "paragraph",
        data: { hProperties: { className: ["callout-title"] } },
        children: [{ type: "text", value: CALLOUT_TITLES[kind] ?? kind }],
      });
    });
  };
}

function isHeading(node: ElementContent, tag: "h2" | "h3"): node is Element {
  return node.type === "element" && node.tagName === tag;
}

/**
 * Under "Interview questions", each `###` question and the answer after it become a collapsed
 * <details>, so readers can try to answer before looking.
 */
function rehypeInterviewQuestions() {
  return (tree: HastRoot) => {
    const children = tree.children as ElementContent[];
    const start = children.findIndex((n) => isHeading(n, "h2") && n.properties?.id === "interview-questions");
    if (start < 0) return;
    let end = children.findIndex((n, i) => i > start && isHeading(n, "h2"));
    if (end < 0) end = children.length;

    const section = children.slice(start + 1, end);
    const grouped: ElementContent[] = [];
    let current: Element | undefined;
    for (const node of section) {
      if (isHeading(node, "h3")) {
        current = {
          type: "element",
          tagName: "details",
          properties: { className: ["qa"], id: node.properties?.id },
          children: [
            { type: "element", tagName: "summary", properties: {}, children: node.children },
            { type: "element", tagName: "div", properties: { className: ["qa-answer"] }, children: [] },
          ],
        };
        grouped.push(current);
      } else if (current) {
        (current.children[1] as Element).children.push(node);
      } else {
        grouped.push(node);
      }
    }
    children.splice(start + 1, end - start - 1, ...grouped);
  };
}

/** Adds a "#" anchor link to every h2/h3 and collects the table of contents. */
function rehypeAnchorsAndToc(toc: TocEntry[]) {
  return () => (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      if (typeof id !== "string") return;
      toc.push({ id, text: hastToString(node), depth: node.tagName === "h2" ? 2 : 3 });
      node.children.push({
        type: "element",
        tagName: "a",
        properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: `Link to this section` },
        children: [{ type: "text", value: "#" }],
      });
    });
  };
}

/**
 * Wraps every code block with a "Copy" button. The button is plain HTML; the lesson page's
 * CodeCopyButtons client component makes it work.
 */
function rehypeCopyButtons() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "pre" || index === undefined || !parent) return;
      parent.children[index] = {
        type: "element",
        tagName: "div",
        properties: { className: ["code-block"] },
        children: [{ type: "element", tagName: "button", properties: { type: "button", className: ["copy-code"], dataCopyCode: "" }, children: [{ type: "text", value: "Copy" }] }, node],
      };
      return "skip";
    });
  };
}

/** Lessons are trusted, reviewed content: rendered on the server, highlighted at build time. */
export async function renderLessonMarkdown(markdown: string, { copyButtons = false } = {}): Promise<RenderedLesson> {
  const toc: TocEntry[] = [];
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCallouts)
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeAnchorsAndToc(toc))
    .use(rehypeInterviewQuestions)
    .use(rehypeShiki, { ...SHIKI_OPTIONS, fallbackLanguage: "text" })
    .use(rehypeCopyButtons, copyButtons)
    .use(rehypeStringify)
    .process(markdown);
  // Questions are collapsed, so their headings are not useful in the table of contents.
  const questionsAt = toc.findIndex((e) => e.id === "interview-questions");
  const visibleToc = toc.filter((entry, i) => !(questionsAt >= 0 && i > questionsAt && entry.depth === 3 && isAfterUntilNextH2(toc, questionsAt, i)));
  return { html: String(file), toc: visibleToc };
}

function isAfterUntilNextH2(toc: TocEntry[], from: number, index: number): boolean {
  for (let i = from + 1; i < index; i++) if (toc[i]?.depth === 2) return false;
  return true;
}
