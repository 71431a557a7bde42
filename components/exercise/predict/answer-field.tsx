"use client";

import { useState } from "react";

/** Rows are a fixed 1.25rem (leading-5) so the gutter and the highlight can be placed by line number. */
const ROW_REM = 1.25;
const PAD_REM = 0.5;

/**
 * A monospace text area with line numbers: one predicted line of output per line. `highlight`
 * marks a line (1-based) the last result pointed at; lines are never wrapped so numbers stay true.
 */
export function AnswerField({ id, value, onChange, highlight, describedBy, disabled }: { id: string; value: string; onChange: (text: string) => void; highlight: number | null; describedBy?: string; disabled?: boolean }) {
  const [scrollTop, setScrollTop] = useState(0);
  const rowCount = Math.max(value.split("\n").length, highlight ?? 0);
  return (
    <div className="relative flex min-h-0 flex-1 overflow-hidden font-mono text-[13px] leading-5">
      <div aria-hidden className="w-10 shrink-0 select-none overflow-hidden border-r border-zinc-200 bg-zinc-50 text-right text-zinc-400 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-500">
        <div style={{ transform: `translateY(${-scrollTop}px)`, paddingTop: `${PAD_REM}rem` }}>
          {Array.from({ length: rowCount }, (_, i) => (
            <div key={i} className={`pr-2 ${highlight === i + 1 ? "font-semibold text-red-600 dark:text-red-400" : ""}`}>
              {i + 1}
            </div>
          ))}
        </div>
      </div>
      <div className="relative min-w-0 flex-1">
        {highlight !== null ? (
          <div
            aria-hidden
            data-testid="answer-highlight"
            data-line={highlight}
            className="pointer-events-none absolute inset-x-0 bg-red-100 dark:bg-red-950/70"
            style={{ top: `calc(${PAD_REM + (highlight - 1) * ROW_REM}rem - ${scrollTop}px)`, height: `${ROW_REM}rem` }}
          />
        ) : null}
        <textarea
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          disabled={disabled}
          aria-invalid={highlight !== null || undefined}
          aria-describedby={describedBy}
          placeholder={"first line printed\nsecond line printed\n…"}
          className="relative h-full w-full resize-none overflow-auto whitespace-pre bg-transparent px-3 py-2 text-zinc-900 outline-none placeholder:text-zinc-400 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-accent-500 dark:text-zinc-100 dark:placeholder:text-zinc-600"
        />
      </div>
    </div>
  );
}
