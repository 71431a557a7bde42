"use client";

import { useId, useRef, type ReactNode } from "react";

/**
 * The user's name, opening a small menu (Settings, Sign out). A native popover: Esc and a click
 * outside close it, and focus goes back to the name.
 */
export function AccountMenu({ name, children }: { name: string; children: ReactNode }) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        title="Your account"
        data-testid="current-user"
        className="account-anchor flex h-9 min-w-0 max-w-[9rem] items-center rounded-md px-2 text-sm text-zinc-700 hover:bg-zinc-100 sm:max-w-[14rem] dark:text-zinc-300 dark:hover:bg-zinc-900"
      >
        <span className="truncate">{name}</span>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="ml-1 h-4 w-4 shrink-0 text-zinc-400">
          <path d="M5.5 7.5 10 12l4.5-4.5z" />
        </svg>
      </button>
      <div
        id={id}
        ref={panel}
        popover="auto"
        aria-label="Account"
        // The header stays mounted across client navigations: close once a link is followed.
        onClick={(event) => {
          if ((event.target as Element).closest("a")) panel.current?.hidePopover();
        }}
        className="account-popover w-56 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <p className="truncate px-3 py-2 text-xs text-zinc-500">Signed in as {name}</p>
        {children}
      </div>
    </>
  );
}
