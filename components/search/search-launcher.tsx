"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { isTypingIn, OPEN_SEARCH_EVENT, openSearch } from "./open-search";

// The dialog, MiniSearch and the index are fetched on first use, not with every page.
const loadDialog = () => import("./search-dialog");
const SearchDialog = lazy(loadDialog);

/** Opens search; in the header it looks like a search field, with its shortcut. */
export function SearchButton({ variant }: { variant: "header" | "menu" }) {
  const warmUp = () => void loadDialog();
  if (variant === "menu") {
    return (
      <button type="button" onClick={openSearch} onFocus={warmUp} onPointerEnter={warmUp} className="flex w-full items-center gap-2 rounded-md border border-zinc-300 px-3 py-2 text-left text-zinc-500 dark:border-zinc-700">
        <SearchIcon />
        Search…
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={openSearch}
      onFocus={warmUp}
      onPointerEnter={warmUp}
      aria-keyshortcuts="/ Control+K Meta+K"
      aria-label="Search"
      className="flex h-9 items-center gap-2 rounded-md border-zinc-300 px-2 text-sm text-zinc-500 hover:text-zinc-900 sm:w-52 sm:border sm:bg-white sm:px-2.5 dark:border-zinc-700 dark:hover:text-zinc-100 sm:dark:bg-zinc-900"
    >
      <SearchIcon />
      <span className="hidden flex-1 text-left sm:inline">Search…</span>
      <kbd className="hidden rounded border border-zinc-300 px-1.5 font-sans text-xs sm:inline dark:border-zinc-700">/</kbd>
    </button>
  );
}

/** Listens for `/` and Ctrl/Cmd+K (not while typing) and hosts the search dialog once opened. */
export function SearchHost({ signedIn }: { signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);

  useEffect(() => {
    const show = () => {
      setUsed(true);
      setOpen(true);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || isTypingIn(event.target)) return;
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey;
      const commandK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.shiftKey;
      if (!slash && !commandK) return;
      event.preventDefault();
      show();
    };
    window.addEventListener(OPEN_SEARCH_EVENT, show);
    document.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener(OPEN_SEARCH_EVENT, show);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  if (!used) return null;
  return (
    <Suspense fallback={null}>
      <SearchDialog open={open} signedIn={signedIn} onClose={() => setOpen(false)} />
    </Suspense>
  );
}

function SearchIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className="h-4 w-4 shrink-0">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4 4" strokeLinecap="round" />
    </svg>
  );
}
