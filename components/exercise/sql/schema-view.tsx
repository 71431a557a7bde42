"use client";

import type { ReactNode } from "react";
import type { SqlTableInfo } from "@/lib/sandbox/sql/types";
import { indexSummary, rowCountText, tableName } from "./format";

const badge = "rounded px-1 py-px font-sans text-[10px] font-semibold uppercase tracking-wide";
const PK_BADGE = `${badge} bg-accent-100 text-accent-700 dark:bg-accent-600/25 dark:text-accent-100`;
const FK_BADGE = `${badge} bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300`;
const QUIET = "text-zinc-500 dark:text-zinc-400";

/** Few tables start open; with many, the learner opens the ones they need. */
const OPEN_WHEN_AT_MOST = 4;

/** The tables an SQL exercise runs against, beside its instructions: columns, keys and indexes. */
export function SchemaView({ tables }: { tables: SqlTableInfo[] }) {
  if (tables.length === 0) return null;
  return (
    <section className="mt-8 border-t border-zinc-200 pt-4 dark:border-zinc-800" aria-label="Schema" data-testid="schema-view">
      <h2 className="mb-2 font-semibold">Schema</h2>
      <div className="space-y-2">
        {tables.map((table) => (
          <TableCard key={`${table.schema}.${table.name}`} table={table} open={tables.length <= OPEN_WHEN_AT_MOST} />
        ))}
      </div>
    </section>
  );
}

function TableCard({ table, open }: { table: SqlTableInfo; open: boolean }) {
  const name = tableName(table);
  const primary = new Set(table.primaryKey);
  const foreign = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  return (
    <details open={open} className="group rounded-md border border-zinc-200 text-sm dark:border-zinc-800" data-table={name}>
      <summary className="flex cursor-pointer list-none items-baseline gap-2 rounded-md px-3 py-1.5 hover:bg-zinc-50 dark:hover:bg-zinc-900 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="inline-block w-3 text-xs text-zinc-400 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="min-w-0 flex-1 break-all font-mono font-semibold">{name}</span>
        <span className={`shrink-0 text-xs tabular-nums ${QUIET}`}>{rowCountText(table.rowCount)}</span>
      </summary>
      <div className="space-y-2 border-t border-zinc-200 px-3 pb-2.5 pt-1.5 dark:border-zinc-800">
        <table className="w-full border-collapse font-mono text-xs">
          <caption className="sr-only">Columns of {name}</caption>
          <tbody>
            {table.columns.map((column) => (
              <tr key={column.name} className="border-b border-zinc-100 align-baseline last:border-0 dark:border-zinc-800/60">
                <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-medium">
                  <span className="inline-flex items-baseline gap-1">
                    <span>{column.name}</span>
                    {primary.has(column.name) ? (
                      <span className={PK_BADGE} title="Primary key">
                        PK
                      </span>
                    ) : null}
                    {foreign.has(column.name) ? (
                      <span className={FK_BADGE} title="Foreign key">
                        FK
                      </span>
                    ) : null}
                  </span>
                </th>
                <td className="py-1 [overflow-wrap:anywhere]">
                  <span className="text-accent-700 dark:text-accent-400">{column.type}</span>
                  {!column.nullable ? <span className={`ml-2 ${QUIET}`}>NOT NULL</span> : null}
                  {column.default !== undefined ? (
                    <span className={`ml-2 ${QUIET}`}>
                      default <span className="text-zinc-700 dark:text-zinc-300">{column.default}</span>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {table.primaryKey.length > 1 ? <SchemaList title="Primary key" items={[{ key: "pk", body: `(${table.primaryKey.join(", ")})` }]} /> : null}
        {table.foreignKeys.length > 0 ? (
          <SchemaList
            title="Foreign keys"
            items={table.foreignKeys.map((fk) => ({
              key: `${fk.columns.join(",")}->${fk.table}`,
              body: (
                <>
                  ({fk.columns.join(", ")}) <span className={QUIET}>→</span> {fk.table}({fk.references.join(", ")})
                </>
              ),
            }))}
          />
        ) : null}
        {table.indexes.length > 0 ? (
          <SchemaList
            title="Indexes"
            items={table.indexes.map((index) => ({
              key: index.name,
              body: (
                <span title={index.definition}>
                  <span className="font-medium">{index.name}</span> <span className={QUIET}>{indexSummary(index.definition)}</span>
                  {index.primary ? <span className={`ml-1.5 ${PK_BADGE}`}>primary key</span> : index.unique ? <span className={`ml-1.5 ${FK_BADGE}`}>unique</span> : null}
                </span>
              ),
            }))}
          />
        ) : (
          <p className={`text-xs ${QUIET}`}>No indexes.</p>
        )}
      </div>
    </details>
  );
}

function SchemaList({ title, items }: { title: string; items: Array<{ key: string; body: ReactNode }> }) {
  return (
    <div>
      <h3 className={`text-[11px] font-semibold uppercase tracking-wide ${QUIET}`}>{title}</h3>
      <ul className="mt-0.5 space-y-0.5 break-all font-mono text-xs">
        {items.map((item) => (
          <li key={item.key}>{item.body}</li>
        ))}
      </ul>
    </div>
  );
}
