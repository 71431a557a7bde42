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
