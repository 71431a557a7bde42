"use client";

import MiniSearch, { type SearchResult } from "minisearch";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { SEARCH_OPTIONS } from "@/lib/content/search-options";

type Hit = SearchResult & { href: string; lesson: string; track: string; heading: string };

let indexPromise: Promise<MiniSearch> | null = null;
function loadIndex(): Promise<MiniSearch> {
  indexPromise ??= fetch("/search-index.json")
    .then((r) => {
      if (!r.ok) throw new Error(`search index: ${r.status}`);
      return r.text();
    })
    .then((json) => MiniSearch.loadJSON(json, SEARCH_OPTIONS))
    .catch((error) => {
      indexPromise = null;
      throw error;
    });
  return indexPromise;
}

/** Searches every lesson (titles, headings, text) as you type, from an index built at build time. */
export function SearchBox() {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);

  const search = async (text: string) => {
    setQuery(text);
    setActive(0);
    if (text.trim().length < 2) {
      setHits([]);
      return;
    }
    try {
      const index = await loadIndex();
      setError(false);
      // One hit per lesson section, best first; at most 8.
      setHits((index.search(text) as Hit[]).slice(0, 8));
      setOpen(true);
    } catch {
      setError(true);
    }
  };

  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setQuery("");
    router.push(hit.href);
  };

  return (
    <div ref={boxRef} className="relative">
      <input
        type="search"
        role="combobox"
        aria-label="Search lessons"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        placeholder="Search lessons…"
        value={query}
        onFocus={() => {
          void loadIndex().catch(() => setError(true));
          if (hits.length) setOpen(true);
        }}
        onChange={(e) => void search(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter") go(hits[active]);
          else if (e.key === "Escape") setOpen(false);
          else return;
          e.preventDefault();
        }}
        className="w-40 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm outline-none focus:w-64 focus:border-accent-500 dark:border-zinc-700 dark:bg-zinc-900 sm:w-48"
      />
      {open && query.trim().length >= 2 ? (
        <ul id={listId} role="listbox" className="absolute right-0 z-50 mt-1 max-h-96 w-[22rem] overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {error ? <li className="px-3 py-2 text-sm text-red-600">Search is unavailable right now.</li> : null}
          {!error && hits.length === 0 ? <li className="px-3 py-2 text-sm text-zinc-500">No lesson matches “{query}”.</li> : null}
          {hits.map((hit, i) => (
            <li key={hit.id} role="option" aria-selected={i === active}>
              <a
                href={hit.href}
                onClick={(e) => {
                  e.preventDefault();
                  go(hit);
                }}
                onMouseEnter={() => setActive(i)}
                className={`block px-3 py-2 text-sm ${i === active ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
              >
                <span className="block font-medium">{hit.lesson}</span>
                <span className="block truncate text-xs text-zinc-500">
                  {hit.track}
                  {hit.heading ? ` › ${hit.heading}` : ""}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
