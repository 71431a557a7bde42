"use client";

import type { ReactNode } from "react";
import { MarkdownParagraphs } from "./inline-markdown";
import { SchemaView } from "./sql/schema-view";
import type { SqlTableInfo } from "./types";
import type { ExerciseSession } from "./use-exercise-session";

/**
 * The statement (rendered on the server), the tables of an SQL exercise, and the hints revealed so
 * far, with the button for the next.
 */
export function InstructionsPane({ instructions, session, hintsTotal, signedIn, schema }: { instructions: ReactNode; session: ExerciseSession; hintsTotal: number; signedIn: boolean; schema?: SqlTableInfo[] }) {
  const { hints } = session;
  return (
    <>
      {instructions}
      {schema ? <SchemaView tables={schema} /> : null}
      {hintsTotal > 0 ? (
        <section className="mt-8 border-t border-zinc-200 pt-4 dark:border-zinc-800" aria-label="Hints">
          <h2 className="mb-2 font-semibold">Hints</h2>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            {hints.map((h, i) => (
              <li key={i} data-testid="hint" className="space-y-1">
                <MarkdownParagraphs text={h} />
              </li>
            ))}
          </ol>
          {hints.length < hintsTotal ? (
            signedIn ? (
              <button type="button" onClick={() => void session.revealHint()} className="mt-3 rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
                Show hint {hints.length + 1} of {hintsTotal}
              </button>
            ) : (
              <p className="mt-2 text-sm text-zinc-500">Sign in to reveal hints one at a time.</p>
            )
          ) : null}
        </section>
      ) : null}
    </>
  );
}
