"use client";

import MiniSearch from "minisearch";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import { SEARCH_KINDS, SEARCH_OPTIONS, SEARCH_QUERY_MAX_CHARS, SEARCH_QUERY_MIN_CHARS } from "@/lib/search/options";
import { toHits, type SearchHit } from "@/lib/search/results";

let indexPromise: Promise<MiniSearch> | null = null;
function loadIndex(): Promise<MiniSearch> {
  indexPromise ??= fetch("/search-index.json")
    .then((response) => {
      if (!response.ok) throw new Error(`search index: ${response.status}`);
      return response.text();
    })
    .then((json) => MiniSearch.loadJSON(json, SEARCH_OPTIONS))
    .catch((error: unknown) => {
      indexPromise = null;
      throw error;
    });
  return indexPromise;
}

type Status = "idle" | "searching" | "done" | "error";

/**
 * Lessons and exercises are searched here, in the browser, in an index built at build time; the
 * user's own notes on the server (/api/search), so they never end up in a static file.
 */
export default function SearchDialog({ open, signedIn, onClose }: { open: boolean; signedIn: boolean; onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState("");
  const [content, setContent] = useState<SearchHit[]>([]);
  const [personal, setPersonal] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const [active, setActive] = useState(0);
  const latest = useRef("");
  const personalTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const personalRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      input.current?.select();
      void loadIndex().catch(() => undefined);
    } else if (!open && element.open) element.close();
  }, [open]);

  useEffect(
    () => () => {
      clearTimeout(personalTimer.current);
      personalRequest.current?.abort();
    },
    [],
  );

  const search = (text: string) => {
    setQuery(text);
    setActive(0);
    latest.current = text;
    const q = text.trim();
    clearTimeout(personalTimer.current);
    personalRequest.current?.abort();
    if (q.length < SEARCH_QUERY_MIN_CHARS) {
      setContent([]);
      setPersonal([]);
      setStatus("idle");
      return;
    }
    setStatus("searching");
    loadIndex().then(
      (index) => {
        if (latest.current !== text) return;
        setContent(toHits(index.search(q), 8));
        setStatus("done");
      },
      () => {
        if (latest.current === text) setStatus("error");
      },
    );
    if (!signedIn) return;
    // Wait for a pause in typing before asking the server.
    personalTimer.current = setTimeout(() => {
      const request = new AbortController();
      personalRequest.current = request;
      fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: request.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ hits: SearchHit[] }>) : { hits: [] }))
        .then(({ hits }) => {
          if (latest.current === text) setPersonal(hits);
        })
        .catch(() => undefined);
    }, 150);
  };

  const hits = [...content, ...personal];
  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    router.push(hit.href);
  };
  const optionId = (i: number) => `${listId}-${i}`;
  const showResults = query.trim().length >= SEARCH_QUERY_MIN_CHARS;

  return (
    <dialog
      ref={dialog}
      aria-label="Search"
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself; its content fills it edge to edge.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="search-dialog"
    >
      <div className="flex max-h-[inherit] flex-col">
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
          <input
            ref={input}
            type="text"
            enterKeyHint="search"
            role="combobox"
            aria-label="Search lessons, exercises and your notes"
            aria-expanded={showResults && hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
            aria-autocomplete="list"
            autoComplete="off"
            maxLength={SEARCH_QUERY_MAX_CHARS}
            placeholder={signedIn ? "Search lessons, exercises, your notes…" : "Search lessons and exercises…"}
            value={query}
            onChange={(event) => search(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, hits.length - 1));
              else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
              else if (event.key === "Enter") go(hits[active]);
              else return;
              event.preventDefault();
            }}
            className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none"
          />
          <button type="button" onClick={onClose} className="rounded border border-zinc-300 px-1.5 text-xs text-zinc-500 dark:border-zinc-700">
            Esc
          </button>
        </div>
        <div id={listId} role="listbox" aria-label="Results" className="min-h-0 flex-1 overflow-y-auto py-1">
          <ResultGroup label="Lessons and exercises" hits={content} offset={0} active={active} optionId={optionId} onHover={setActive} onOpen={go} />
          <ResultGroup label="Your notes" hits={personal} offset={content.length} active={active} optionId={optionId} onHover={setActive} onOpen={go} />
        </div>
        <p aria-live="polite" className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-500 dark:border-zinc-800">
          {!showResults
            ? "Type at least two letters. ↑↓ to choose, Enter to open, Esc to close."
            : status === "error"
              ? "Search is unavailable right now."
              : status === "done" && hits.length === 0
                ? `Nothing matches “${query.trim()}”.`
                : status === "done"
                  ? `${hits.length} ${hits.length === 1 ? "result" : "results"}`
                  : "Searching…"}
        </p>
      </div>
    </dialog>
  );
}

function ResultGroup(props: { label: string; hits: SearchHit[]; offset: number; active: number; optionId: (i: number) => string; onHover: (i: number) => void; onOpen: (hit: SearchHit) => void }) {
  const { label, hits, offset, active, optionId, onHover, onOpen } = props;
  if (hits.length === 0) return null;
  return (
    <div role="group" aria-label={label}>
      <p role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {label}
      </p>
      {hits.map((hit, i) => {
        const index = offset + i;
        const selected = index === active;
        return (
          <div key={hit.id} id={optionId(index)} role="option" aria-selected={selected}>
            <a
              href={hit.href}
              tabIndex={-1}
              onMouseEnter={() => onHover(index)}
              onClick={(event: MouseEvent) => {
                // Let modified clicks open a new tab as usual.
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                onOpen(hit);
              }}
              className={`block px-3 py-2 text-sm ${selected ? "bg-accent-50 dark:bg-zinc-800" : ""}`}
            >
              <span className="flex flex-wrap items-baseline gap-x-2">
                <span className="rounded bg-accent-100 px-1.5 text-[0.7rem] font-medium text-accent-700 dark:bg-accent-500/20 dark:text-accent-400">{SEARCH_KINDS[hit.kind]}</span>
                <span className="font-medium">{hit.title}</span>
                {hit.heading ? <span className="text-zinc-600 dark:text-zinc-400">› {hit.heading}</span> : null}
                {hit.context ? <span className="text-xs text-zinc-500">{hit.context}</span> : null}
              </span>
              <span className="mt-0.5 block text-zinc-600 dark:text-zinc-400" data-testid="search-snippet">
                {hit.snippet.map((part, j) =>
                  part.hit ? (
                    <mark key={j} className="rounded-sm bg-amber-200/70 px-0.5 text-inherit dark:bg-amber-500/30">
                      {part.text}
                    </mark>
                  ) : (
                    <span key={j}>{part.text}</span>
                  ),
                )}
              </span>
            </a>
          </div>
        );
      })}
    </div>
  );
}
