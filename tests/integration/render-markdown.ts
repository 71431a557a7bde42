// The notes pages' Markdown renderer (same component and options), rendered to a string for tests.
// It lives with the tests: Next.js refuses react-dom/server in server components.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MarkdownPreview } from "../../components/notes/markdown-preview.tsx";

export function renderMarkdownToStaticHtml(markdown: string, highlighted?: Record<string, string>): string {
  return renderToStaticMarkup(createElement(MarkdownPreview, { source: markdown, highlighted }));
}
