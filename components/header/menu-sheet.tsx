"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { OPEN_SEARCH_EVENT } from "../search/open-search";

/**
 * Below the wide layout: a menu button opening a modal sheet with everything the header holds.
 * A modal <dialog> keeps focus inside, closes on Esc and gives focus back to the button.
 */
export function MenuSheet({ children }: { children: ReactNode }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => dialog.current?.close();

  // Search opens its own dialog: make way for it.
  useEffect(() => {
    const closeSheet = () => dialog.current?.close();
    window.addEventListener(OPEN_SEARCH_EVENT, closeSheet);
    return () => window.removeEventListener(OPEN_SEARCH_EVENT, closeSheet);
  }, []);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
        className="flex h-9 w-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 lg:hidden dark:text-zinc-300 dark:hover:bg-zinc-900"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="h-5 w-5">
          <path d="M3 5h14M3 10h14M3 15h14" />
        </svg>
        <span className="sr-only">Menu</span>
      </button>
      <dialog
        id={id}
        ref={dialog}
        aria-label="Menu"
        onClose={() => setOpen(false)}
        // Backdrop clicks land on the <dialog> itself; following a link leaves the sheet.
        onClick={(event) => {
          if (event.target === event.currentTarget || (event.target as Element).closest("a")) close();
        }}
        className="menu-sheet"
      >
        <div className="flex min-h-full flex-col gap-4 p-4">
          <div className="flex items-center justify-between">
            <p className="font-semibold">Menu</p>
            <button type="button" onClick={close} className="flex h-9 w-9 items-center justify-center rounded-md hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="h-5 w-5">
                <path d="m5 5 10 10M15 5 5 15" />
              </svg>
              <span className="sr-only">Close menu</span>
            </button>
          </div>
          {children}
        </div>
      </dialog>
    </>
  );
}
