"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { updateConceptAction } from "@/app/(site)/checklist/actions";

type Status = "not-started" | "learning" | "done";

export function ConceptRow(props: { id: string; title: string; description: string; status: Status; doneAt: string | null; notes: string; lessons: Array<{ href: string; title: string }> }) {
  const [status, setStatus] = useState<Status>(props.status);
  const [doneAt, setDoneAt] = useState(props.doneAt);
  const [notes, setNotes] = useState(props.notes);
  const [open, setOpen] = useState(props.notes.length > 0);
  const [message, setMessage] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const save = (update: { status?: Status; notes?: string }) =>
    startTransition(async () => {
      const result = await updateConceptAction(props.id, update);
      if (!result.ok) return setMessage(result.error);
      setMessage(update.notes !== undefined ? "Notes saved" : null);
      if (update.status) setDoneAt(update.status === "done" ? (doneAt ?? result.doneAt) : null);
    });

  return (
    <li className="py-3" data-concept={props.id} data-status={status}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{props.title}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{props.description}</p>
          {props.lessons.length > 0 ? (
            <p className="mt-1 text-xs text-zinc-500">
              Taught in{" "}
              {props.lessons.map((l, i) => (
                <span key={l.href}>
                  {i > 0 ? ", " : ""}
                  <Link href={l.href} className="text-accent-600 hover:underline">
                    {l.title}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </div>
        <div className="flex items-center gap-2">
          <select
            aria-label={`Status of ${props.title}`}
            value={status}
            onChange={(e) => {
              const next = e.target.value as Status;
              setStatus(next);
              save({ status: next });
            }}
            className={`rounded-md border px-2 py-1 text-sm dark:bg-zinc-900 ${status === "done" ? "border-emerald-500 text-emerald-700 dark:text-emerald-400" : status === "learning" ? "border-amber-500 text-amber-700 dark:text-amber-400" : "border-zinc-300 dark:border-zinc-700"}`}
          >
            <option value="not-started">Not started</option>
            <option value="learning">Learning</option>
            <option value="done">Done</option>
          </select>
          <button type="button" onClick={() => setOpen((o) => !o)} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
            {open ? "Hide notes" : "Notes"}
          </button>
        </div>
      </div>
      {status === "done" && doneAt ? <p className="mt-1 text-xs text-emerald-700 dark:text-emerald-400">Done on {new Date(doneAt).toLocaleDateString("en", { dateStyle: "medium" })}</p> : null}
      {open ? (
        <textarea
          aria-label={`Notes on ${props.title}`}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          onBlur={() => notes !== props.notes && save({ notes })}
          rows={3}
          placeholder="Your notes (Markdown)…"
          className="mt-2 w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      ) : null}
      {message ? <p className="text-xs text-zinc-500" role="status">{message}</p> : null}
    </li>
  );
}
