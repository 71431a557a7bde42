/** A small note under an SQL exercise's title: what the learner's SQL runs on, and what a run keeps. */
export function SqlEngineNote({ kind }: { kind: "sql" | "sql-code" }) {
  return (
    <p className="mt-3 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-xs text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-200" data-testid="sql-engine">
      <span className="mr-2 rounded-full bg-indigo-600 px-2 py-0.5 font-medium text-white">PostgreSQL 18</span>
      {kind === "sql" ? "Your SQL runs" : "Your code's queries run"} on a real PostgreSQL (PGlite), starting every run from the tables below; everything a run changes is
      rolled back. One connection: statements never wait on locks, and isolation levels cannot be set. A statement may return up to 10,000 rows.
    </p>
  );
}
