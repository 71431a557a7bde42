"use client";

import { useEffect, useState } from "react";
import { SHIKI_OPTIONS } from "@/lib/content/shiki-options";

type Highlight = (code: string, lang: string) => Promise<string>;
let highlighter: Promise<Highlight> | null = null;
// Shiki's web bundle loads on the first code block a live preview shows, never with the page.
const loadHighlighter = () =>
  (highlighter ??= import("shiki/bundle/web").then(({ codeToHtml, bundledLanguages }) => (code: string, lang: string) => codeToHtml(code, { ...SHIKI_OPTIONS, lang: lang in bundledLanguages ? lang : "text" })));

/**
 * A fenced code block in a note. `html` is Shiki's output from the server when the page had it;
 * otherwise (the live preview) the block shows as plain text at once and gains colours when the
 * highlighter has loaded. Shiki escapes the code, so its HTML carries no markup from the note.
 */
export function CodeBlock({ code, lang, html }: { code: string; lang: string; html?: string }) {
  const [highlighted, setHighlighted] = useState<{ code: string; lang: string; html: string } | null>(null);
  useEffect(() => {
    if (html || !lang) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      loadHighlighter()
        .then((highlight) => highlight(code, lang))
        .then((out) => !cancelled && setHighlighted({ code, lang, html: out }))
        .catch(() => undefined); // plain text is a fine fallback
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [code, lang, html]);
  const ready = html ?? (highlighted && highlighted.code === code && highlighted.lang === lang ? highlighted.html : null);
  if (ready) return <div className="not-prose my-4 text-sm [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:border [&_pre]:border-zinc-200 [&_pre]:px-4 [&_pre]:py-3 [&_pre]:leading-relaxed dark:[&_pre]:border-zinc-800" data-highlighted={lang} dangerouslySetInnerHTML={{ __html: ready }} />;
  return (
    <pre>
      <code className={lang ? `language-${lang}` : undefined}>{code}</code>
    </pre>
  );
}
