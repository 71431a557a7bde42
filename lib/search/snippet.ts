/** A piece of a snippet; `hit` pieces are the matched words, to be shown highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

// Roughly MiniSearch's tokenizer: runs of letters and digits.
const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * A window of `text` around the first matched word, cut at word boundaries, split into plain and
 * matched parts. `terms` are the index terms a search matched (MiniSearch's `result.terms`), so
 * prefix and fuzzy matches are highlighted as whole words. Parts are plain text: render them as
 * text, never as HTML.
 */
export function snippet(text: string, terms: readonly string[], maxChars = 160): SnippetPart[] {
  const clean = text.replace(/\s+/g, " ").trim();
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const hits: Array<{ start: number; end: number }> = [];
  for (const match of clean.matchAll(WORD)) {
    if (wanted.has(match[0].toLowerCase())) hits.push({ start: match.index, end: match.index + match[0].length });
  }

  let start = 0;
  const first = hits[0];
  if (first && clean.length > maxChars) {
    // Some words of lead-in before the first hit, but never a window shorter than maxChars.
    start = Math.max(0, Math.min(first.start - Math.floor(maxChars / 4), clean.length - maxChars));
    if (start > 0) start = clean.indexOf(" ", start) + 1 || start;
    if (start > first.start) start = first.start;
  }
  let end = Math.min(clean.length, start + maxChars);
  if (end < clean.length) {
    const space = clean.lastIndexOf(" ", end);
    if (space > start) end = space;
  }

  const parts: SnippetPart[] = [];
  const push = (part: string, hit: boolean) => {
    if (part) parts.push({ text: part, hit });
  };
  push(start > 0 ? "…" : "", false);
  let at = start;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    push(clean.slice(at, hit.start), false);
    push(clean.slice(hit.start, hit.end), true);
    at = hit.end;
  }
  push(clean.slice(at, end), false);
  push(end < clean.length ? "…" : "", false);
  return mergePlain(parts);
}

function mergePlain(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && !last.hit && !part.hit) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
