import "server-only";
import type { Code, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { bundledLanguages, codeToHtml } from "shiki";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { codeBlockKey } from "./code-blocks.ts";
import { SHIKI_OPTIONS } from "../content/shiki-options.ts";

/**
 * Highlights the fenced code blocks of a user's note on the server, with the lessons' Shiki
 * setup: the page ships the colours, not the highlighter. Keyed by codeBlockKey; Mermaid blocks
 * are drawn as diagrams instead, and a language Shiki does not know stays plain.
 */
export async function highlightNoteCode(markdown: string): Promise<Record<string, string>> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const blocks: Code[] = [];
  visit(tree, "code", (node: Code) => {
    if (node.lang && node.lang !== "mermaid" && node.lang in bundledLanguages) blocks.push(node);
  });
  const entries = await Promise.all(blocks.map(async (b) => [codeBlockKey(b.lang!, b.value), await codeToHtml(b.value, { ...SHIKI_OPTIONS, lang: b.lang! })] as const));
  return Object.fromEntries(entries);
}
