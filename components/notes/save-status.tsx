import type { SaveStatus } from "./doc-saver";

const LOOK: Record<SaveStatus, { label: string; dot: string; text: string }> = {
  new: { label: "Not started", dot: "bg-zinc-400", text: "text-zinc-500" },
  saved: { label: "Saved", dot: "bg-emerald-500", text: "text-emerald-700 dark:text-emerald-400" },
  saving: { label: "Saving…", dot: "bg-accent-500 animate-pulse", text: "text-zinc-600 dark:text-zinc-400" },
  unsaved: { label: "Unsaved", dot: "bg-amber-500", text: "text-amber-700 dark:text-amber-400" },
  conflict: { label: "Conflict", dot: "bg-red-500", text: "text-red-700 dark:text-red-400" },
  error: { label: "Not saved", dot: "bg-red-500", text: "text-red-700 dark:text-red-400" },
};

export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  const look = LOOK[status];
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-state={status} className={`inline-flex items-center gap-2 text-sm font-medium ${look.text}`}>
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}

/** The sticky bar above a note editor: save state, the last error with a retry, restore notice. Opaque: text scrolling under it must not show through. */
export function SaveBar({ status, error, restored, conflict, onRetry }: { status: SaveStatus; error: string | null | undefined; restored: boolean; conflict: boolean; onRetry: () => void }) {
  return (
    <div className="sticky top-[5.5rem] z-30 flex min-h-11 md:top-14 flex-wrap items-center justify-between gap-3 border-b border-zinc-200 bg-white py-2 shadow-[0_1px_0_0_rgb(0_0_0/0.02)] dark:border-zinc-800 dark:bg-zinc-950">
      <SaveStatusBadge status={status} />
      <div className="flex items-center gap-3 text-sm">
        {error ? (
          <span role="alert" className="text-red-700 dark:text-red-400">
            {error}
          </span>
        ) : null}
        {status === "error" ? (
          <button type="button" onClick={onRetry} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
            Try again
          </button>
        ) : null}
        {restored && !conflict ? <span className="text-zinc-500">Restored text you had not saved yet.</span> : null}
      </div>
    </div>
  );
}
