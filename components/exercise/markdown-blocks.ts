// The block structure of short Markdown texts (hints, a predict walkthrough's notes): paragraphs
// and simple lists. Inline syntax inside them is inline-markdown.tsx's.

const LIST_ITEM = /^(?:(\d+)\.|[-*])\s+/;

export type MarkdownBlock = { type: "paragraph"; text: string } | { type: "list"; ordered: boolean; start: number; items: string[] };

/**
 * Blank-line separated blocks: a block whose first line starts with `1.` or `-`/`*` is a list (a
 * line without a marker continues the item before it), anything else a paragraph.
 */
export function parseBlocks(text: string): MarkdownBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block): MarkdownBlock => {
      const lines = block.split("\n").map((line) => line.trim());
      const first = LIST_ITEM.exec(lines[0]!);
      if (!first) return { type: "paragraph", text: lines.join(" ") };
      const items: string[] = [];
      for (const line of lines) {
        if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, ""));
        else items[items.length - 1] += ` ${line}`;
      }
      return { type: "list", ordered: first[1] !== undefined, start: Number(first[1] ?? 1), items };
    });
}
