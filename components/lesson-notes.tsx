"use client";

import { useEffect, useRef, useState } from "react";
import { saveLessonNoteAction, type NoteSaveResult } from "@/app/(site)/lessons/actions";

type State = "saved" | "saving" | "unsaved" | "conflict" | "error";

/** Personal notes beside a lesson: autosaved, never silently overwritten by another tab. */
export function LessonNotes({ lessonRef, initialBody, initialVersion }: { lessonRef: string; initialBody: string; initialVersion: number }) {
  const [body, setBody] = useState(initialBody);
  const [state, setState] = useState<State>("saved");
  const [conflict, setConflict] = useState<{ version: number; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(body);

  const save = async (text: string) => {
    setState("saving");
    let result: NoteSaveResult;
    try {
      result = await saveLessonNoteAction(lessonRef, text, version.current);
    } catch {
      result = { ok: false, error: "Could not reach the server; your note is kept here." };
    }
    if (result.ok) {
      version.current = result.version;
      setState(latest.current === text ? "saved" : "unsaved");
      setError(null);
    } else if (result.conflict) {
      setConflict(result.conflict);
      setState("conflict");
      setError(result.error);
    } else {
      setState("error");
      setError(result.error);
    }
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <section id="your-notes" aria-label="Your notes" className="mt-8 scroll-mt-20 text-sm">
      <div className="mb-1 flex items-baseline justify-between">
        <p className="font-semibold">Your notes</p>
        <span className="text-xs text-zinc-500" data-testid="note-state">
          {{ saved: "Saved", saving: "Saving…", unsaved: "Unsaved", conflict: "Conflict", error: "Not saved" }[state]}
        </span>
      </div>
      <textarea
        value={body}
        onChange={(e) => {
          const text = e.target.value;
          setBody(text);
          latest.current = text;
          setState("unsaved");
          clearTimeout(timer.current);
          if (!conflict) timer.current = setTimeout(() => void save(text), 800);
        }}
        rows={8}
        placeholder="Notes, questions, links… (Markdown)"
        aria-label="Your notes on this lesson"
        className="w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      ) : null}
      {conflict ? (
        <div className="mt-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-xs dark:bg-amber-950/40">
          <p className="font-medium">Saved elsewhere:</p>
          <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap">{conflict.body}</pre>
          <div className="mt-2 flex gap-2">
            <button type="button" className="rounded border px-2 py-0.5" onClick={() => { version.current = conflict.version; setConflict(null); void save(latest.current); }}>
              Keep mine
            </button>
            <button type="button" className="rounded border px-2 py-0.5" onClick={() => { version.current = conflict.version; setBody(conflict.body); latest.current = conflict.body; setConflict(null); setState("saved"); setError(null); }}>
              Use the saved one
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
