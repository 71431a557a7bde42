// The module SQL exercises' tests import (and sql-code solutions receive a `Db` from): a connection
// to the run's PostgreSQL session. Every run starts from the same pristine database and is rolled
// back when it ends; nothing one run does is seen by another.
declare module "deepend:sql" {
  /** A value read from PostgreSQL: its JSON form (integers and numeric as numbers, timestamps and dates as ISO strings, json as objects). */
  export type SqlValue = string | number | boolean | null | SqlValue[] | { [key: string]: SqlValue };
  /** A query parameter ($1, $2, ...), sent as text and typed by PostgreSQL from its use, as node-postgres does. */
  export type SqlParam = string | number | boolean | null | SqlParam[];

  export interface SqlField {
    name: string;
    /** As PostgreSQL prints it: "integer", "bigint", "text", "numeric", "timestamp with time zone", "integer[]"... */
    type: string;
  }

  export interface QueryResult<Row = Record<string, SqlValue>> {
    /** The command tag's verb: "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE TABLE", ... */
    command: string;
    /** Rows as objects keyed by column name (a later duplicate name wins: use `values` then). */
    rows: Row[];
    /** The same rows as arrays, in column order. */
    values: SqlValue[][];
    fields: SqlField[];
    /** Rows returned, or rows changed by INSERT, UPDATE, DELETE or MERGE. */
    rowCount: number;
  }

  /** What a failing statement throws: PostgreSQL's message and SQLSTATE. */
  export interface SqlError extends Error {
    name: "SqlError";
    code: string;
    detail?: string;
    hint?: string;
    /** For the learner's SQL: where in the editor the error is (when PostgreSQL gave a position). */
    line?: number;
    column?: number;
  }

  export interface Db {
    /** One statement, with $1... parameters. */
    query<Row = Record<string, SqlValue>>(text: string, params?: readonly SqlParam[]): Promise<QueryResult<Row>>;
    /**
     * Several statements separated by semicolons, no parameters, run in one call to the engine (the
     * fast way to set up data: one statement's cost for the whole script). Resolves with nothing (use
     * query for a result); rejects with the first error, and then none of the script's changes remain.
     * No BEGIN/COMMIT inside: use transaction.
     */
    exec(script: string): Promise<void>;
    /**
     * Runs fn inside a transaction (a savepoint of the run's transaction): committed when fn
     * resolves, rolled back when it rejects (and the rejection is passed on). Nested calls nest.
     */
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  }

  /** The run's connection. */
  export const db: Db;

  /** The exercise's schema.sql (tables and data), as the schema view shows it. */
  export const fixture: string;

  /**
   * Puts the database back to the exercise's starting state: the fixture loaded (the first call
   * loads it) and everything done since undone, settings too (SET TIME ZONE, search_path). Call it
   * in beforeEach.
   */
  export function resetDatabase(): Promise<void>;

  export interface LearnerStatement {
    text: string;
    /** The editor line it starts on. */
    line: number;
  }

  /** sql exercises: the learner's SQL, split into statements (BEGIN/COMMIT/ROLLBACK included). */
  export const learner: {
    readonly statements: readonly LearnerStatement[];
    /** Runs every statement in order; an error in one does not stop the next (as psql does), and is in its result. */
    run(): Promise<Array<QueryResult | SqlError>>;
    /** Runs every statement in order and resolves with the last one's result; rejects with the first error. */
    query<Row = Record<string, SqlValue>>(): Promise<QueryResult<Row>>;
  };

  export interface PlanNode {
    nodeType: string;
    relation?: string;
    alias?: string;
    index?: string;
    joinType?: string;
    strategy?: string;
    startupCost: number;
    totalCost: number;
    planRows: number;
    planWidth: number;
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

  export interface Plan {
    root: PlanNode;
    /** Every node, depth first. */
    nodes: PlanNode[];
    totalCost: number;
    /** With analyze: rows read by scans (actual rows times loops, plus rows removed by filters). */
    rowsExamined?: number;
  }

  /**
   * EXPLAIN (FORMAT JSON) of one statement; with analyze, EXPLAIN (ANALYZE, TIMING OFF), which runs it
   * (inside a savepoint that is rolled back).
   */
  export function explain(sql: string, options?: { analyze?: boolean; params?: readonly SqlParam[] }): Plan;

  interface PlanMatchers {
    /** A node of this type (e.g. "Seq Scan", "Index Scan", "Sort", "Hash Join"), on that table if `on` is given. */
    toContain(nodeType: string, options?: { on?: string }): void;
    /** An Index Scan, Index Only Scan or Bitmap Index Scan, using that index if named. */
    toUseIndex(indexName?: string, options?: { on?: string }): void;
    /** The planner's total cost estimate is below the bound. */
    toCostLessThan(bound: number): void;
    /** With analyze: scans read at most this many rows. */
    toExamineAtMost(rows: number): void;
  }

  /** Assertions on a plan; given SQL, explains it first. `.not` negates. */
  export function expectPlan(planOrSql: Plan | string, options?: { analyze?: boolean; params?: readonly SqlParam[] }): PlanMatchers & { not: PlanMatchers };

  /** A one-line description of a plan's nodes, for messages: "Limit > Sort > Seq Scan on orders". */
  export function describePlan(plan: Plan): string;
}
