import type { Element, Root, RootContent } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { ComponentProps } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { codeBlockKey } from "@/lib/notes/code-blocks";
import { CodeBlock } from "./code-block";
import { MermaidDiagram } from "./mermaid-diagram";

/**
 * HTML typed into a note is shown as the text it is, never rendered: `<script>` or `Promise<T>`
 * stay visible in the preview instead of silently disappearing (sanitize alone would drop them).
 */
function rehypeRawAsText() {
  const walk = (parent: Root | Element) => {
    parent.children = parent.children.map((child): RootContent => {
      if (child.type === "raw") return { type: "text", value: child.value };
      if (child.type === "element") walk(child);
      return child;
    }) as typeof parent.children;
  };
  return (tree: Root) => walk(tree);
}

/**
 * A fenced block: ```mermaid is drawn as a diagram (as in the diagram section), any other
 * language highlighted (by the server when it passed `highlighted`, else in the browser).
 */
function codeBlocks(highlighted?: Record<string, string>): Components["pre"] {
  return function Pre({ node, ...props }: ComponentProps<"pre"> & { node?: Element }) {
    const code = node?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
    if (!code) return <pre {...props} />;
    const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
    const lang = classes.find((c) => c.startsWith("language-"))?.slice("language-".length) ?? "";
    const text = hastToString(code).replace(/\n$/, "");
    if (lang === "mermaid") {
      return (
        <div className="not-prose my-4 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <MermaidDiagram code={text} />
        </div>
      );
    }
    return <CodeBlock code={text} lang={lang} html={highlighted?.[codeBlockKey(lang, text)]} />;
  };
}

/**
 * The one Markdown configuration for notes: GitHub-flavoured, sanitized with rehype-sanitize's
 * default (GitHub) schema, so no raw HTML and no `javascript:` or other unsafe URL reaches the page.
 * lib/notes/markdown.ts renders it to static HTML for the sanitization tests.
 */
export const markdownOptions = {
  remarkPlugins: [remarkGfm],
  rehypePlugins: [rehypeRawAsText, [rehypeSanitize, defaultSchema]],
  // The sanitizer prefixes every id with "user-content-"; prefixing here too would double it.
  remarkRehypeOptions: { clobberPrefix: "" },
  components: {
    pre: codeBlocks(),
    a: ({ node: _node, href, ...props }) =>
      href?.startsWith("#") ? (
        // In-page links (footnotes) point at the sanitizer's prefixed ids, as on GitHub.
        <a href={`#user-content-${href.slice(1)}`} {...props} />
      ) : (
        // Other links open beside the editor, so following one never leaves a note.
        <a href={href} target="_blank" rel="noopener noreferrer" {...props} />
      ),
  },
} satisfies Options;

// Inline code as a quiet chip without typography's literal backticks, as on lesson pages.
const INLINE_CODE =
  "prose-code:before:content-none prose-code:after:content-none [&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-zinc-200/70 [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:py-0.5 [&_:not(pre)>code]:font-normal dark:[&_:not(pre)>code]:bg-zinc-800";

export const PROSE_CLASS = `prose prose-zinc max-w-none dark:prose-invert prose-headings:tracking-tight prose-h2:mt-6 prose-h2:text-lg prose-a:text-accent-600 dark:prose-a:text-accent-400 prose-pre:bg-zinc-100 prose-pre:text-zinc-800 dark:prose-pre:bg-zinc-900 dark:prose-pre:text-zinc-200 [&>:first-child]:mt-0 ${INLINE_CODE}`;

/**
 * Renders a note's Markdown; works in server components (review page) and in the live editors.
 * `highlighted`: code blocks already highlighted on the server (lib/notes/highlight.ts).
 */
export function MarkdownPreview({ source, className = "", highlighted }: { source: string; className?: string; highlighted?: Record<string, string> }) {
  const options = highlighted ? { ...markdownOptions, components: { ...markdownOptions.components, pre: codeBlocks(highlighted) } } : markdownOptions;
  return (
    <div className={`${PROSE_CLASS} ${className}`}>
      <Markdown {...options}>{source}</Markdown>
    </div>
  );
}
