// Plain-text helpers for showing notes in lists: templates, excerpts and search highlights.

/** A new retrospective: each template question as a heading with room to write under it. */
export function retroTemplate(questions: ReadonlyArray<{ prompt: string }>): string {
  return questions.map((q) => `## ${q.prompt}\n\n\n`).join("");
}

/** Markdown to readable text, roughly: enough for an excerpt, not a renderer. */
export function markdownToPlainText(markdown: string, { headings = true } = {}): string {
  return markdown
    .split("\n")
    .filter((line) => headings || !/^\s{0,3}#{1,6}\s/.test(line))
    .filter((line) => !/^\s*(```|~~~|\|?\s*:?-{3,})/.test(line))
    .join("\n")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]\s+\[[ xX]\]|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/[*_~`|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first words of a note's answers (headings are the template's questions). */
export function noteExcerpt(markdown: string, maxChars = 180): string {
  const text = markdownToPlainText(markdown, { headings: false });
  return text.length > maxChars ? `${text.slice(0, maxChars).replace(/\s+\S*$/, "")}…` : text;
}

export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** A window of text around the first matching word, split into parts to highlight. */
export function searchExcerpt(markdown: string, words: string[], radius = 90): Array<{ text: string; hit: boolean }> {
  const text = markdownToPlainText(markdown);
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - radius) : 0;
  const end = Math.min(text.length, (Number.isFinite(first) ? first : 0) + radius * 2);
  const window = `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
  if (words.length === 0) return [{ text: window, hit: false }];
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
  return window
    .split(pattern)
    .filter(Boolean)
    .map((part) => ({ text: part, hit: words.includes(part.toLowerCase()) }));
}
