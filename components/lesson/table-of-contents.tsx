"use client";

import { useEffect, useRef, useState } from "react";
import type { TocEntry } from "@/lib/content/markdown";

// Headings scroll to 5rem (7rem on small screens) below the top, see globals.css; the section
// whose heading is above this line is the one being read.
const READING_LINE_PX = 128;

/** The id of the last heading above the reading line: the section being read. */
function useReadingPosition(ids: string): string | null {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    const headings = ids
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter((h) => h !== null);
    let frame = 0;
    const update = () => {
      frame = 0;
      let current = headings[0]?.id ?? null;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top > READING_LINE_PX) break;
        current = heading.id;
      }
      // At the very bottom the last sections can never reach the line: the last one is read.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) current = headings.at(-1)?.id ?? current;
      setActive(current);
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    schedule();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [ids]);
  return active;
}

/**
 * "On this page", following the reading position: a sticky list beside the lesson on wide
 * screens; on small screens a bar stuck under the header, naming the section being read, that
 * opens into the list.
 */
export function TableOfContents({ entries, variant, notesHref }: { entries: TocEntry[]; variant: "sidebar" | "collapsible"; notesHref?: string }) {
  const active = useReadingPosition(entries.map((e) => e.id).join(" "));
  const details = useRef<HTMLDetailsElement>(null);
  const list = (
    <ul className="space-y-1.5 border-l border-zinc-200 dark:border-zinc-800">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.depth === 3 ? "pl-6" : "pl-3"}>
          <a
            href={`#${entry.id}`}
            aria-current={entry.id === active ? "location" : undefined}
            onClick={() => details.current?.removeAttribute("open")}
            className="toc-link -ml-px block border-l-2 border-transparent pl-2 text-zinc-600 hover:text-accent-600 dark:text-zinc-400 dark:hover:text-accent-400"
          >
            {entry.text}
          </a>
        </li>
      ))}
      {notesHref ? (
        <li className="pl-3">
          <a href={notesHref} onClick={() => details.current?.removeAttribute("open")} className="-ml-px block pl-2 font-medium text-accent-700 dark:text-accent-400">
            Your notes ↓
          </a>
        </li>
      ) : null}
    </ul>
  );

  if (variant === "sidebar") {
    return (
      <nav aria-label="On this page" className="text-sm">
        <p className="mb-2 font-semibold">On this page</p>
        {list}
      </nav>
    );
  }
  return (
    <details ref={details} className="toc-collapsible sticky top-16 z-30 mt-6 rounded-lg border border-zinc-200 bg-white text-sm shadow-sm lg:hidden dark:border-zinc-800 dark:bg-zinc-950">
      <summary className="flex cursor-pointer items-baseline gap-2 px-4 py-2.5">
        <span className="shrink-0 font-semibold">On this page</span>
        <span className="truncate text-zinc-500">{entries.find((e) => e.id === active)?.text}</span>
      </summary>
      <nav aria-label="On this page" className="max-h-[60vh] overflow-y-auto px-4 pb-3">
        {list}
      </nav>
    </details>
  );
}
