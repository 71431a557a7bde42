"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal on the native <dialog>: the browser keeps focus inside it and makes the page behind inert;
 * Esc and a click on the backdrop close it, and focus goes back to what opened it.
 */
export function ModalDialog({ label, onClose, children, className }: { label: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Esc first reaches Monaco when an editor inside has focus; closing from the capture phase
    // makes it work wherever the focus is.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("keydown", onKey, true);
    return () => {
      dialog.removeEventListener("keydown", onKey, true);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={`m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-[rgb(0_0_0/0.5)] ${className ?? ""}`}
      // The native cancel (Esc) would close the dialog behind React's back.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
