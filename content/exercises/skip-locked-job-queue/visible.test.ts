import { db, resetDatabase } from "deepend:sql";
import { claimJobs, completeJob, failJob } from "./solution";

const NOON = "2026-05-01T12:00:00Z";

beforeEach(() => resetDatabase());

it("claims runnable jobs by priority, then id, and marks them running", async () => {
  const jobs = await claimJobs(db, "worker-a", 10, NOON);
  expect(jobs).toEqual([
    { id: 2, kind: "resize-image", payload: { image: 41 }, priority: 5, attempts: 1 },
    { id: 3, kind: "send-email", payload: { to: "bo@example.com" }, priority: 5, attempts: 1 },
    { id: 1, kind: "send-email", payload: { to: "ana@example.com" }, priority: 0, attempts: 1 },
  ]);
  const rows = await db.query("SELECT id, status, locked_by FROM jobs WHERE id IN (1, 2, 3) ORDER BY id");
  expect(rows.rows).toEqual([1, 2, 3].map((id) => ({ id, status: "running", locked_by: "worker-a" })));
});

it("never hands out a job that is already claimed", async () => {
  expect((await claimJobs(db, "worker-a", 1, NOON)).map((j) => j.id)).toEqual([2]);
  expect((await claimJobs(db, "worker-b", 1, NOON)).map((j) => j.id)).toEqual([3]);
  expect((await claimJobs(db, "worker-a", 5, NOON)).map((j) => j.id)).toEqual([1]);
  expect(await claimJobs(db, "worker-b", 5, NOON)).toEqual([]);
});

it("lets only the worker holding a job complete it", async () => {
  await claimJobs(db, "worker-a", 1, NOON); // job 2
  expect(await completeJob(db, 2, "worker-b")).toBe(false);
  expect(await completeJob(db, 2, "worker-a")).toBe(true);
  expect(await completeJob(db, 2, "worker-a")).toBe(false);
  const row = await db.query("SELECT status, locked_by FROM jobs WHERE id = 2");
  expect(row.rows).toEqual([{ status: "done", locked_by: null }]);
});

it("puts a failed job back with a 30 s backoff, and leaves it dead after max_attempts", async () => {
  await db.query("UPDATE jobs SET max_attempts = 2 WHERE id = 2");
  await claimJobs(db, "worker-a", 1, NOON);
  const first = await failJob(db, 2, "worker-a", "timeout", "2026-05-01T12:00:05Z");
  expect(first?.status).toBe("queued");
  expect(Date.parse((first as { runAt: string }).runAt)).toBe(Date.parse("2026-05-01T12:00:35Z"));
  expect((await claimJobs(db, "worker-a", 1, "2026-05-01T12:00:35Z")).map((j) => [j.id, j.attempts])).toEqual([[2, 2]]);
  expect(await failJob(db, 2, "worker-a", "timeout again", "2026-05-01T12:00:40Z")).toEqual({ status: "dead" });
  const row = await db.query("SELECT status, attempts, last_error FROM jobs WHERE id = 2");
  expect(row.rows).toEqual([{ status: "dead", attempts: 2, last_error: "timeout again" }]);
});
