"use client";

import Editor, { DiffEditor, type DiffOnMount } from "@monaco-editor/react";
import { useState } from "react";
import { ModalDialog } from "./modal-dialog";
import "./monaco-setup";
import type { EditorOptions } from "./monaco-setup";
import type { SubmissionDetail } from "./types";

/**
 * The library disposes the diff's models before the diff widget on unmount, which Monaco reports
 * as "TextModel got disposed before DiffEditorWidget model got reset". We keep the models through
 * its unmount and dispose them once the widget itself is gone.
 */
const disposeModelsAfterWidget: DiffOnMount = (diff) => {
  const models = diff.getModel();
  diff.onDidDispose(() => {
    models?.original.dispose();
    models?.modified.dispose();
  });
};

/** `language` follows the exercise's kind: TypeScript code, SQL, or a predicted output as plain text. */
export function SubmissionDialog({ submission, currentCode, theme, editorOptions, language, restoreLabel, onRestore, onClose }: { submission: SubmissionDetail; currentCode: () => string; theme: string; editorOptions: EditorOptions; language: "typescript" | "sql" | "plaintext"; restoreLabel: string; onRestore: () => void; onClose: () => void }) {
  const extension = { typescript: "ts", sql: "sql", plaintext: "txt" }[language];
  /** The code compared against, taken when Compare is pressed (the editor keeps its own text). */
  const [comparedWith, setComparedWith] = useState<string | null>(null);
  return (
    <ModalDialog label="Submission" onClose={onClose} className="h-[85dvh] w-[calc(100%-2rem)] max-w-5xl">
      <div className="flex h-full flex-col rounded-lg bg-white text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100">
        <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 className="font-semibold">
            Submission of {new Date(submission.createdAt).toLocaleString()} · {submission.status} · {submission.passed}/{submission.total}
          </h2>
          <div className="ml-auto flex gap-2">
            <button type="button" onClick={() => setComparedWith((c) => (c === null ? currentCode() : null))} className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700">
              {comparedWith !== null ? "Show code" : "Compare with current code"}
            </button>
            <button type="button" onClick={onRestore} className="rounded-md bg-accent-600 px-3 py-1 text-sm font-medium text-white hover:bg-accent-700">
              {restoreLabel}
            </button>
            <button type="button" onClick={onClose} className="rounded-md px-3 py-1 text-sm" aria-label="Close">
              ✕
            </button>
          </div>
        </div>
        <div className="min-h-0 flex-1">
          {comparedWith !== null ? (
            <DiffEditor
              original={submission.code}
              modified={comparedWith}
              language={language}
              theme={theme}
              options={{ readOnly: true, renderSideBySide: true, automaticLayout: true, wordWrap: editorOptions.wordWrap }}
              originalModelPath={`file:///history/${submission.id}/original.${extension}`}
              modifiedModelPath={`file:///history/${submission.id}/current.${extension}`}
              keepCurrentOriginalModel
              keepCurrentModifiedModel
              onMount={disposeModelsAfterWidget}
            />
          ) : (
            <Editor path={`file:///history/${submission.id}.${extension}`} defaultLanguage={language} value={submission.code} theme={theme} options={{ ...editorOptions, readOnly: true }} />
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
