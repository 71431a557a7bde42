"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function ImportForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const upload = async (file: File) => {
    setPending(true);
    setMessage(null);
    try {
      const text = await file.text();
      const response = await fetch("/api/account/import", { method: "POST", headers: { "content-type": "application/json" }, body: text });
      const body = (await response.json().catch(() => ({}))) as { error?: string; imported?: Record<string, number> };
      if (!response.ok) setMessage({ ok: false, text: body.error ?? `Import failed (${response.status}).` });
      else {
        const total = Object.values(body.imported ?? {}).reduce((a, b) => a + b, 0);
        setMessage({ ok: true, text: `Imported ${total} records. Nothing was duplicated.` });
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: "The file could not be read or sent." });
    } finally {
      setPending(false);
    }
  };
  return (
    <div>
      <label className="inline-block cursor-pointer rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
        {pending ? "Importing…" : "Import a file…"}
        <input type="file" accept="application/json,.json" className="sr-only" aria-label="Import a Deepend export file" disabled={pending} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </label>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
