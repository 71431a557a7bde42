import type { SubmissionRow } from "./types";

export function HistoryList({ submissions, onOpen, signedIn, empty }: { submissions: SubmissionRow[]; onOpen: (id: string) => void; signedIn: boolean; empty: string }) {
  if (!signedIn) return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">Sign in to keep a history of your submissions.</p>;
  if (submissions.length === 0) return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Submissions">
      {submissions.map((s) => (
        <li key={s.id}>
          <button type="button" onClick={() => onOpen(s.id)} className="flex w-full items-center gap-3 px-4 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/60" data-testid="submission" data-status={s.status}>
            <span className={s.status === "passed" ? "text-emerald-600" : "text-red-600"}>{s.status === "passed" ? "✓" : "✗"}</span>
            <span className="flex-1">{new Date(s.createdAt).toLocaleString()}</span>
            <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
              {s.passed}/{s.total} · {s.status}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
