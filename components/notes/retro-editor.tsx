"use client";

import { useDeferredValue } from "react";
import { ConflictBanner, SideBySide } from "./conflict-banner";
import { useDocSaver, type StoredCopy } from "./doc-saver";
import { MarkdownPreview } from "./markdown-preview";
import { SaveBar } from "./save-status";

const parseText = (raw: unknown) => (typeof raw === "string" ? raw : null);

export const editorTextareaClass =
  "block w-full resize-none rounded-lg border border-zinc-300 bg-white p-4 font-mono text-sm leading-relaxed text-zinc-900 shadow-sm outline-none placeholder:text-zinc-400 focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** Markdown editor with live preview and versioned autosave for one week's retrospective. */
export function RetroEditor({ week, userId, initial }: { week: number; userId: string; initial: StoredCopy<string> }) {
  const [state, saver] = useDocSaver<string>({
    url: `/api/retros/${week}`,
    storageKey: `deepend:retro:${userId}:${week}`,
    initial,
    requestBody: (body, baseVersion) => ({ body, baseVersion }),
    parse: parseText,
    conflictField: "body",
    equals: (a, b) => a === b,
    isBlank: (text) => text.trim() === "",
  });
  // Typing stays responsive on long notes: the preview may lag a keystroke behind.
  const preview = useDeferredValue(state.value);

  return (
    <div className="space-y-4">
      <SaveBar status={state.status} error={state.error} restored={Boolean(state.restored)} conflict={Boolean(state.conflict)} onRetry={() => void saver.save()} />

      {state.conflict ? (
        <ConflictBanner what="retrospective" storedAt={state.conflict.updatedAt} mineAsText={state.value} onKeepMine={() => saver.keepMine()} onTakeStored={() => saver.takeStored()}>
          <SideBySide stored={state.conflict.value} mine={state.value} />
        </ConflictBanner>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex flex-col">
          <label htmlFor="retro-body" className="mb-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500">
            Markdown
          </label>
          <textarea
            id="retro-body"
            value={state.value}
            onChange={(e) => saver.edit(e.target.value)}
            spellCheck
            className={`${editorTextareaClass} h-[calc(100vh-16rem)] min-h-80`}
          />
        </div>
        <div className="flex flex-col">
          <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500" id="retro-preview-label">
            Preview
          </p>
          <section
            aria-labelledby="retro-preview-label"
            data-testid="retro-preview"
            className="h-[calc(100vh-16rem)] min-h-80 overflow-y-auto rounded-lg border border-zinc-200 bg-zinc-50/50 px-5 py-4 dark:border-zinc-800 dark:bg-zinc-900/40"
          >
            <MarkdownPreview source={preview} className="prose-sm sm:prose-base" />
          </section>
        </div>
      </div>
    </div>
  );
}
