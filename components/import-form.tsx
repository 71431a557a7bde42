"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Tally = { kind: string; label: string; added: number; updated: number; unchanged: number };
type Outcome = { ok: true; summary: Tally[] } | { ok: false; error: string; problems: string[] };

function tallyText(t: Tally): string {
  const parts = [];
  if (t.added) parts.push(`${t.added} added`);
  if (t.updated) parts.push(`${t.updated} updated`);
  if (t.unchanged) parts.push(`${t.unchanged} already here`);
  return parts.join(", ");
}

/** Uploads an export file and says, per kind of record, what the import did, or what is wrong with the file. */
export function ImportForm() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const upload = async (file: File) => {
    setPending(true);
    setOutcome(null);
    try {
      let text: string;
      try {
        text = await file.text();
        JSON.parse(text);
      } catch {
        setOutcome({ ok: false, error: `“${file.name}” is not a JSON file, so it cannot be a Deepend export. Nothing was imported.`, problems: [] });
        return;
      }
      const response = await fetch("/api/account/import", { method: "POST", headers: { "content-type": "application/json" }, body: text });
      const body = (await response.json().catch(() => ({}))) as { error?: string; problems?: string[]; summary?: Tally[] };
      if (!response.ok) setOutcome({ ok: false, error: body.error ?? `The import failed (${response.status}). Nothing was imported.`, problems: body.problems ?? [] });
      else {
        setOutcome({ ok: true, summary: body.summary ?? [] });
        router.refresh();
      }
    } catch {
      setOutcome({ ok: false, error: "The file could not be sent to the server. Nothing was imported.", problems: [] });
    } finally {
      setPending(false);
    }
  };
  const nothingNew = outcome?.ok && outcome.summary.every((t) => t.added === 0 && t.updated === 0);
  return (
    <div className="min-w-0">
      <label className="inline-block cursor-pointer rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 has-focus-visible:ring-2 has-focus-visible:ring-accent-500 dark:border-zinc-700 dark:hover:bg-zinc-900">
        {pending ? "Importing…" : "Import a file…"}
        <input
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Import a Deepend export file"
          disabled={pending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ""; // choosing the same file again imports it again
            if (file) void upload(file);
          }}
        />
      </label>
      {outcome?.ok ? (
        <div role="status" data-testid="import-summary" className="mt-3 text-sm">
          <p className="font-medium text-emerald-700 dark:text-emerald-400">{nothingNew ? "Imported: everything in this file was already here, so nothing changed." : "Imported."}</p>
          {outcome.summary.length ? (
            <ul className="mt-1 space-y-0.5 text-zinc-700 dark:text-zinc-300">
              {outcome.summary.map((t) => (
                <li key={t.kind} data-kind={t.kind}>
                  <span className="font-medium">{t.label}:</span> {tallyText(t)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-zinc-600 dark:text-zinc-400">The file holds no records.</p>
          )}
        </div>
      ) : null}
      {outcome && !outcome.ok ? (
        <div role="alert" data-testid="import-error" className="mt-3 text-sm text-red-700 dark:text-red-400">
          <p className="font-medium">{outcome.error}</p>
          {outcome.problems.length ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {outcome.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
