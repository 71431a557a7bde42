"use client";

import type { SqlError, SqlStatementPreview } from "@/lib/sandbox/sql/types";
import { formatCell, isNumericType, statementHeadline, statementSummary, type CellKind } from "./format";

const CELL_TONE: Record<CellKind, string> = {
  null: "italic text-zinc-400 dark:text-zinc-500",
  number: "text-right tabular-nums",
  boolean: "text-violet-700 dark:text-violet-300",
  json: "text-zinc-700 dark:text-zinc-300",
  text: "",
};

/** One statement of a Run: where it starts, what it did, and its first rows or its error. */
export function ResultTable({ statement }: { statement: SqlStatementPreview }) {
  const summary = statementSummary(statement);
  return (
    <div className="space-y-1.5" data-testid="sql-statement" data-command={statement.command} data-error={statement.error ? true : undefined}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="shrink-0 text-xs tabular-nums text-zinc-500">Line {statement.line}</span>
        <code className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-800 dark:text-zinc-200" title={statement.text}>
          {statementHeadline(statement.text)}
        </code>
        <span className="text-xs tabular-nums text-zinc-500" data-testid="sql-summary">
          {summary}
          {summary ? " · " : ""}
          {Math.round(statement.durationMs)} ms
        </span>
      </div>
      {statement.error ? <StatementError error={statement.error} /> : statement.fields && statement.fields.length > 0 ? <Rows statement={statement} /> : null}
    </div>
  );
}

function Rows({ statement }: { statement: SqlStatementPreview }) {
  const fields = statement.fields ?? [];
  const rows = statement.rows ?? [];
  return (
    <div className="max-w-full overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full border-collapse font-mono text-xs" data-testid="sql-rows">
        <thead className="bg-zinc-50 dark:bg-zinc-950">
          <tr>
            {fields.map((field, i) => (
              <th key={i} scope="col" className={`whitespace-nowrap border-b border-zinc-200 px-2 py-1 font-semibold dark:border-zinc-800 ${isNumericType(field.type) ? "text-right" : "text-left"}`} title={field.type}>
                {field.name}
                <span className="ml-1.5 font-normal text-zinc-400 max-sm:hidden">{field.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60">
              {row.map((value, c) => {
                const cell = formatCell(value, fields[c]?.type);
                return (
                  <td key={c} className={`whitespace-nowrap px-2 py-0.5 ${CELL_TONE[cell.kind]}`} title={cell.title} data-kind={cell.kind}>
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={fields.length} className="px-2 py-1 font-sans italic text-zinc-500">
                No rows
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function StatementError({ error }: { error: SqlError }) {
  const where = [error.code ? `SQLSTATE ${error.code}` : null, error.line !== undefined ? `line ${error.line}${error.column !== undefined ? `:${error.column}` : ""}` : null].filter(Boolean).join(" · ");
  return (
    <div role="alert" className="space-y-0.5 rounded-md bg-red-50 px-3 py-2 font-mono text-xs text-red-800 dark:bg-red-950/50 dark:text-red-300" data-testid="sql-error" data-code={error.code}>
      <p className="whitespace-pre-wrap break-words font-semibold">{error.message}</p>
      {where ? <p className="text-red-700/80 dark:text-red-300/80">{where}</p> : null}
      {error.detail ? <p className="whitespace-pre-wrap break-words">{error.detail}</p> : null}
      {error.hint ? <p className="whitespace-pre-wrap break-words font-sans">Hint: {error.hint}</p> : null}
    </div>
  );
}
