import type { Db, SqlValue } from "deepend:sql";

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: SqlValue;
  priority: number;
  /** Including this claim: 1 on the first run. */
  attempts: number;
}

export type FailResult = { status: "queued"; runAt: string } | { status: "dead" };

// The inner SELECT picks the first `limit` runnable jobs in claim order and locks them; rows another
// worker's open transaction has locked are skipped, not waited for, so workers never block each other
// or get the same job. The UPDATE marks exactly the picked rows, in the same statement. UPDATE ...
// RETURNING has no defined order, hence the outer SELECT's ORDER BY.
const CLAIM = `
  WITH picked AS (
    SELECT id FROM jobs
    WHERE status = 'queued' AND run_at <= $3::timestamptz
    ORDER BY priority DESC, id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE jobs AS j
    SET status = 'running', locked_by = $1, locked_at = $3::timestamptz, attempts = j.attempts + 1
    FROM picked
    WHERE j.id = picked.id
    RETURNING j.id, j.kind, j.payload, j.priority, j.attempts
  )
  SELECT id, kind, payload, priority, attempts FROM claimed ORDER BY priority DESC, id`;

export async function claimJobs(db: Db, workerId: string, limit: number, now: string): Promise<ClaimedJob[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new RangeError("limit must be an integer from 1 to 1000");
  const result = await db.query<ClaimedJob>(CLAIM, [workerId, limit, now]);
  return result.rows;
}

export async function completeJob(db: Db, jobId: number, workerId: string): Promise<boolean> {
  const result = await db.query(
    `UPDATE jobs SET status = 'done', locked_by = NULL, locked_at = NULL
     WHERE id = $1 AND status = 'running' AND locked_by = $2`,
    [jobId, workerId],
  );
  return result.rowCount === 1;
}

// In SET, attempts and run_at are the row's values before the update: `attempts` already counts the
// run that failed. Backoff: 30 s after the first failure, doubling, at most one hour.
const FAIL = `
  UPDATE jobs
  SET status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'dead' END,
      run_at = CASE WHEN attempts < max_attempts
                    THEN $4::timestamptz + least(30 * 2 ^ (attempts - 1), 3600) * interval '1 second'
                    ELSE run_at END,
      locked_by = NULL, locked_at = NULL, last_error = $3
  WHERE id = $1 AND status = 'running' AND locked_by = $2
  RETURNING status, run_at`;

export async function failJob(db: Db, jobId: number, workerId: string, error: string, now: string): Promise<FailResult | null> {
  const result = await db.query<{ status: "queued" | "dead"; run_at: string }>(FAIL, [jobId, workerId, error, now]);
  const row = result.rows[0];
  if (!row) return null;
  return row.status === "queued" ? { status: "queued", runAt: row.run_at } : { status: "dead" };
}
