"use client";

import { useState, type ReactNode } from "react";

function formatTime(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : ` at ${date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}`;
}

/**
 * Shown when a save was refused because the stored text moved on. Both texts stay on screen until
 * the user picks one; autosave waits meanwhile, and the local text stays in this browser.
 */
export function ConflictBanner({ what, storedAt, mineAsText, onKeepMine, onTakeStored, children }: { what: string; storedAt: string | null; mineAsText: string; onKeepMine: () => void; onTakeStored: () => void; children: ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <section role="alert" aria-labelledby="conflict-title" data-testid="conflict-banner" className="rounded-lg border border-red-300 bg-red-50/70 p-4 dark:border-red-900 dark:bg-red-950/30">
      <h2 id="conflict-title" className="font-semibold text-red-800 dark:text-red-300">
        This {what} was changed somewhere else
      </h2>
      <p className="mt-1 text-sm text-red-800/90 dark:text-red-200/80">
        Another tab or device saved a different version{formatTime(storedAt)}. Nothing has been overwritten: your text is kept below and in this browser. Choose which version to keep.
      </p>
      <div className="mt-4">{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" onClick={onKeepMine} className="rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700">
          Keep my version
        </button>
        <button
          type="button"
          onClick={onTakeStored}
          className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          Use the stored version
        </button>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(mineAsText).then(() => setCopied(true), () => setCopied(false))}
          className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400"
        >
          {copied ? "Copied" : "Copy my text"}
        </button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">“Use the stored version” discards your text in this tab.</span>
      </div>
    </section>
  );
}

type Row = { kind: "same" | "changed"; text: string } | { kind: "gap"; lines: number } | { kind: "nothing" };

/**
 * Both texts reduced to what differs: the common start and end collapse to a few lines of context,
 * so the difference is on screen at once even in a long note.
 */
export function focusOnChanges(stored: string, mine: string, context = 2): { stored: Row[]; mine: Row[] } {
  const a = stored.split("\n");
  const b = mine.split("\n");
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const view = (lines: string[]): Row[] => {
    const rows: Row[] = [];
    const from = Math.max(0, prefix - context);
    if (from > 0) rows.push({ kind: "gap", lines: from });
    for (let i = from; i < prefix; i++) rows.push({ kind: "same", text: lines[i] ?? "" });
    if (prefix === lines.length - suffix) rows.push({ kind: "nothing" });
    for (let i = prefix; i < lines.length - suffix; i++) rows.push({ kind: "changed", text: lines[i] ?? "" });
    const to = Math.min(lines.length, lines.length - suffix + context);
    for (let i = lines.length - suffix; i < to; i++) rows.push({ kind: "same", text: lines[i] ?? "" });
    if (to < lines.length) rows.push({ kind: "gap", lines: lines.length - to });
    return rows;
  };
  return { stored: view(a), mine: view(b) };
}

function Rows({ rows, changedClass, testId, borderClass }: { rows: Row[]; changedClass: string; testId: string; borderClass: string }) {
  return (
    <div data-testid={testId} className={`max-h-72 overflow-auto rounded-md border bg-white py-2 font-mono text-xs leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200 ${borderClass}`}>
      {rows.map((row, i) =>
        row.kind === "gap" ? (
          <div key={i} className="px-3 py-0.5 font-sans italic text-zinc-400 dark:text-zinc-500">
            ⋯ {row.lines} unchanged {row.lines === 1 ? "line" : "lines"}
          </div>
        ) : row.kind === "nothing" ? (
          <div key={i} className="px-3 py-0.5 font-sans italic text-zinc-400 dark:text-zinc-500">
            (nothing here)
          </div>
        ) : (
          <div key={i} className={`min-h-[1.5em] whitespace-pre-wrap break-words px-3 ${row.kind === "changed" ? changedClass : ""}`}>
            {row.text}
          </div>
        ),
      )}
    </div>
  );
}

/** The stored text beside the local one, focused on the lines that differ. */
export function SideBySide({ stored, mine, label }: { stored: string; mine: string; label?: string }) {
  const rows = focusOnChanges(stored, mine);
  return (
    <div>
      {label ? <h3 className="mb-2 text-sm font-semibold text-zinc-800 dark:text-zinc-200">{label}</h3> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div className="min-w-0">
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Stored version</p>
          <Rows rows={rows.stored} testId="conflict-stored" borderClass="border-zinc-300 dark:border-zinc-700" changedClass="bg-red-100/80 dark:bg-red-900/40" />
        </div>
        <div className="min-w-0">
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-accent-700 dark:text-accent-400">Your version (not saved)</p>
          <Rows rows={rows.mine} testId="conflict-mine" borderClass="border-accent-400 dark:border-accent-600" changedClass="bg-accent-100 dark:bg-accent-700/40" />
        </div>
      </div>
    </div>
  );
}
