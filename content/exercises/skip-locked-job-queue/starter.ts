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

/** Claims up to `limit` runnable jobs for `workerId` at time `now`, in one statement. */
export async function claimJobs(db: Db, workerId: string, limit: number, now: string): Promise<ClaimedJob[]> {
  throw new Error("Not implemented");
}

/** Marks the worker's running job done; false if it is not running under this worker. */
export async function completeJob(db: Db, jobId: number, workerId: string): Promise<boolean> {
  throw new Error("Not implemented");
}

/** Records a failed run: back to the queue with a backoff, or dead; null if not running under this worker. */
export async function failJob(db: Db, jobId: number, workerId: string, error: string, now: string): Promise<FailResult | null> {
  throw new Error("Not implemented");
}
