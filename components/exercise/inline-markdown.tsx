// A tiny inline Markdown renderer for short texts from exercise files and runs (hints, test names,
// failure messages): code spans, strong, emphasis and links, built as React elements, so no HTML
// in the text is ever interpreted. Of block syntax only paragraphs and simple lists: lessons use
// lib/content/markdown.ts.
import { Fragment, type ReactNode } from "react";
import { parseBlocks } from "./markdown-blocks";

const CODE = /`([^`\n]+)`/;
const RICH = /`([^`\n]+)`|\*\*(?!\s)(.+?)(?<!\s)\*\*|(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])|(?<![\w])_(?![\s_])(.+?)(?<![\s_])_(?![\w])|\[([^\]\n]+)\]\(([^()\s]+)\)/;
/** Links may go to this app or to the web; anything else (javascript:, data:) stays plain text. */
const SAFE_HREF = /^(?:https?:\/\/|\/(?!\/)|#)/i;

const codeClass = "rounded bg-zinc-100 px-1 py-px font-mono text-[0.9em] dark:bg-zinc-800";

function render(text: string, pattern: RegExp, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let rest = text;
  let index = 0;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    const key = `${keyPrefix}${index++}`;
    const [whole, code, strong, starEm, underscoreEm, linkText, href] = match;
    if (code !== undefined) nodes.push(<code key={key} className={codeClass}>{code}</code>);
    else if (strong !== undefined) nodes.push(<strong key={key}>{render(strong, pattern, `${key}.`)}</strong>);
    else if (starEm !== undefined || underscoreEm !== undefined) nodes.push(<em key={key}>{render((starEm ?? underscoreEm)!, pattern, `${key}.`)}</em>);
    else if (linkText !== undefined && href !== undefined && SAFE_HREF.test(href)) {
      const external = /^https?:/i.test(href);
      nodes.push(
        <a key={key} href={href} className="text-accent-600 hover:underline" {...(external ? { target: "_blank", rel: "noreferrer noopener" } : {})}>
          {render(linkText, pattern, `${key}.`)}
        </a>,
      );
    } else nodes.push(<Fragment key={key}>{linkText ?? whole}</Fragment>);
    rest = rest.slice(match.index + whole.length);
  }
  if (rest) nodes.push(rest);
  return nodes;
}

/** Code spans, strong, emphasis and links (to this app or http/https) in one line of text. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{render(text, RICH, "m")}</>;
}

/** Only `code spans`: for text that carries the learner's own values (assertion messages). */
export function InlineCode({ text }: { text: string }) {
  return <>{render(text, CODE, "c")}</>;
}

/** Paragraphs and simple lists of inline Markdown, e.g. a multi-line hint or a walkthrough's notes. */
export function MarkdownParagraphs({ text, className }: { text: string; className?: string }) {
  return (
    <>
      {parseBlocks(text).map((block, i) =>
        block.type === "paragraph" ? (
          <p key={i} className={className}>
            <InlineMarkdown text={block.text} />
          </p>
        ) : block.ordered ? (
          <ol key={i} start={block.start} className="list-decimal space-y-1 pl-5">
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineMarkdown text={item} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={i} className="list-disc space-y-1 pl-5">
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineMarkdown text={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
