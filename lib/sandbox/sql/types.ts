// Plain data about SQL runs, shared by the sandbox worker, the web server and the exercise page.

/** A value as it leaves the engine: PostgreSQL's JSON form of the column (timestamps as ISO strings, numeric as numbers). */
export type SqlValue = string | number | boolean | null | SqlValue[] | { [key: string]: SqlValue };

/** A column of a result: its name and its type as PostgreSQL prints it (`integer`, `text`, `timestamp with time zone`). */
export interface SqlField {
  name: string;
  type: string;
}

/** One node of a query plan (EXPLAIN (FORMAT JSON)), with the details a learner reads. */
export interface PlanNode {
  nodeType: string;
  /** The table scanned or modified, and its alias when it differs. */
  relation?: string;
  alias?: string;
  index?: string;
  joinType?: string;
  strategy?: string;
  startupCost: number;
  totalCost: number;
  planRows: number;
  planWidth: number;
  /** With ANALYZE only. */
  actualRows?: number;
  actualLoops?: number;
  rowsRemovedByFilter?: number;
  filter?: string;
  indexCond?: string;
  recheckCond?: string;
  hashCond?: string;
  joinFilter?: string;
  sortKey?: string[];
  groupKey?: string[];
  children: PlanNode[];
}

export interface SqlError {
  message: string;
  /** SQLSTATE, e.g. 42P01 (undefined table). */
  code?: string;
  detail?: string;
  hint?: string;
  /** In the learner's SQL, when PostgreSQL gave a position. */
  line?: number;
  column?: number;
}

/** One statement of the learner's SQL as Run shows it: the first rows, the row count, and the plan of a query. */
export interface SqlStatementPreview {
  /** The statement, and the line of the editor it starts on. */
  text: string;
  line: number;
  command?: string;
  fields?: SqlField[];
  /** The first rows (SQL_PREVIEW_ROWS at most), each in field order. */
  rows?: SqlValue[][];
  rowCount?: number;
  /** More rows were returned than are shown. */
  truncated?: boolean;
  error?: SqlError;
  plan?: PlanNode;
  durationMs: number;
}

export interface SqlRunDetails {
  statements: SqlStatementPreview[];
}

/** The schema view beside an SQL exercise's instructions (generated into schema.json by `npm run exercise schema`). */
export interface SqlTableInfo {
  schema: string;
  name: string;
  rowCount: number;
  columns: Array<{ name: string; type: string; nullable: boolean; default?: string }>;
  primaryKey: string[];
  foreignKeys: Array<{ columns: string[]; table: string; references: string[] }>;
  indexes: Array<{ name: string; definition: string; unique: boolean; primary: boolean }>;
}

export const SQL_PREVIEW_ROWS = 50;
