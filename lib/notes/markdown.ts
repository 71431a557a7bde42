// Test seam for the notes' Markdown renderer: the same component and options as the pages, rendered
// to a string. Only tests import this: Next.js refuses react-dom/server in server components.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MarkdownPreview } from "../../components/notes/markdown-preview.tsx";

export function renderMarkdownToStaticHtml(markdown: string): string {
  return renderToStaticMarkup(createElement(MarkdownPreview, { source: markdown }));
}
