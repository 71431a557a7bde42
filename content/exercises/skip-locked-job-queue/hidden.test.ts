import { db, resetDatabase, type Db, type SqlParam } from "deepend:sql";
import fc from "fast-check";
import { claimJobs, completeJob, failJob, type FailResult } from "./solution";

const T0 = Date.parse("2026-05-01T12:00:00Z");
/** The time `seconds` after noon, as an ISO string. */
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const ids = (jobs: Array<{ id: number }>) => jobs.map((j) => j.id);

async function addJob(fields: { priority?: number; runAt?: number; maxAttempts?: number; kind?: string }): Promise<number> {
  const result = await db.query<{ id: number }>(
    "INSERT INTO jobs (kind, priority, run_at, max_attempts) VALUES ($1, $2, $3, $4) RETURNING id",
    [fields.kind ?? "job", fields.priority ?? 0, at(fields.runAt ?? 0), fields.maxAttempts ?? 3],
  );
  return result.rows[0]?.id as number;
}

async function row(id: number) {
  const result = await db.query(
    `SELECT status, attempts, locked_by, last_error,
            extract(epoch FROM run_at - $2::timestamptz)::float8 AS run_at_s,
            extract(epoch FROM locked_at - $2::timestamptz)::float8 AS locked_at_s
     FROM jobs WHERE id = $1`,
    [id, at(0)],
  );
  return result.rows[0];
}

/** The runAt of a "queued" result, in seconds after noon (or what came back instead). */
function retryAt(result: FailResult | null): number | string {
  if (result === null || result.status !== "queued" || typeof result.runAt !== "string") return `not a retry: ${JSON.stringify(result)}`;
  return (Date.parse(result.runAt) - T0) / 1000;
}

/** Every statement sent through the returned Db, which is `inner` with `before` run ahead of each one. */
function recording(inner: Db, before: (n: number, handle: Db) => Promise<void> = async () => {}) {
  const statements: string[] = [];
  const wrap = (d: Db): Db => ({
    async query<Row>(text: string, params?: readonly SqlParam[]) {
      await before(statements.length, d);
      statements.push(text);
      return d.query<Row>(text, params);
    },
    async exec(script: string) {
      await before(statements.length, d);
      statements.push(script);
      return d.exec(script);
    },
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      return d.transaction((tx) => fn(wrap(tx)));
    },
  });
  return { db: wrap(inner), statements };
}

/** Another worker's claim of one job, as its own statement. */
async function otherWorkerClaimsOne(handle: Db): Promise<number[]> {
  const result = await handle.query<{ id: number }>(
    `UPDATE jobs SET status = 'running', locked_by = 'other', locked_at = $1::timestamptz, attempts = attempts + 1
     WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $1::timestamptz
                 ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [at(0)],
  );
  return ids(result.rows);
}

beforeEach(() => resetDatabase());

describe("claimJobs", () => {
  it("claims a job whose run_at is exactly now, but not a microsecond early", async () => {
    expect(ids(await claimJobs(db, "w1", 10, "2026-05-01T12:04:59.999999Z"))).toEqual([2, 3, 1]);
    expect(await claimJobs(db, "w1", 10, "2026-05-01T12:04:59.999999Z")).toEqual([]);
    expect(ids(await claimJobs(db, "w1", 10, "2026-05-01T12:05:00Z"))).toEqual([4]);
    expect(ids(await claimJobs(db, "w1", 10, "2026-05-01T11:59:59Z"))).toEqual([]);
  });

  it("orders by priority first, whatever the ids and run_at, and breaks ties by the lower id", async () => {
    await db.query("DELETE FROM jobs");
    const low = await addJob({ priority: -5, runAt: -300 });
    const a = await addJob({ priority: 7, runAt: -10 });
    const b = await addJob({ priority: 100, runAt: -1 });
    const c = await addJob({ priority: 7, runAt: -3600 });
    const d = await addJob({ priority: 0, runAt: 0 });
    const e = await addJob({ priority: 100, runAt: -2 });
    expect(ids(await claimJobs(db, "w1", 4, at(0)))).toEqual([b, e, a, c]);
    expect(ids(await claimJobs(db, "w2", 4, at(0)))).toEqual([d, low]);
  });

  it("returns a large claim in claim order too", async () => {
    await db.query(
      `INSERT INTO jobs (kind, priority, run_at)
       SELECT 'bulk', (g * 7) % 11, timestamptz '2026-05-01 11:00:00+00' + (g % 13) * interval '1 minute'
       FROM generate_series(1, 3000) AS g`,
    );
    await db.query("ANALYZE jobs");
    const claimed = await claimJobs(db, "w1", 300, at(0));
    const expected = await db.query<{ id: number }>(
      "SELECT id FROM jobs WHERE status = 'running' AND locked_by = 'w1' ORDER BY priority DESC, id",
    );
    expect(claimed.length).toBe(300);
    expect(ids(claimed)).toEqual(ids(expected.rows));
    expect(claimed[0]).toMatchObject({ priority: 10, attempts: 1 });
  });

  it("claims at most `limit` jobs and leaves the rest queued", async () => {
    expect(ids(await claimJobs(db, "w1", 2, at(600)))).toEqual([4, 2]);
    const statuses = await db.query("SELECT id, status FROM jobs ORDER BY id");
    expect(statuses.rows.map((r) => `${r.id}:${r.status}`)).toEqual(["1:queued", "2:running", "3:queued", "4:running", "5:done", "6:running"]);
  });

  it("records the worker, the claim time and the attempt on each claimed row", async () => {
    await db.query("UPDATE jobs SET attempts = 2 WHERE id = 1");
    const jobs = await claimJobs(db, "w-7", 10, at(30));
    expect(jobs.map((j) => [j.id, j.attempts])).toEqual([[2, 1], [3, 1], [1, 3]]);
    expect(await row(1)).toEqual({ status: "running", attempts: 3, locked_by: "w-7", last_error: null, run_at_s: -3600, locked_at_s: 30 });
    expect(await row(6)).toMatchObject({ status: "running", attempts: 1, locked_by: "worker-z" });
  });

  it("rejects a limit that is not an integer from 1 to 1000 with a RangeError, claiming nothing", async () => {
    for (const limit of [0, -1, 1.5, Number.NaN, 1001]) {
      const error = await claimJobs(db, "w1", limit, at(0)).then(() => "no error", (e: unknown) => e);
      expect(error, `limit ${limit}`).toBeInstanceOf(RangeError);
    }
    expect(ids(await claimJobs(db, "w1", 1000, at(0)))).toEqual([2, 3, 1]);
  });

  it("claims in one statement that skips rows other workers have locked (FOR UPDATE SKIP LOCKED)", async () => {
    const recorded = recording(db);
    expect(ids(await claimJobs(recorded.db, "w1", 2, at(0)))).toEqual([2, 3]);
    expect(recorded.statements.length, "statements sent by one claimJobs call").toBe(1);
    expect(recorded.statements[0]).toMatch(/\bfor\s+update\s+skip\s+locked\b/i);
  });

  it("does not take over jobs another worker claims between your statements", async () => {
    for (let before = 0; before < 4; before++) {
      await resetDatabase();
      let theirs: number[] | undefined;
      // Only between statements that commit on their own: inside a transaction of yours, rows you
      // locked would be skipped by the other worker, which one connection cannot reproduce.
      const recorded = recording(db, async (n, handle) => {
        if (n === before && handle === db) theirs = await otherWorkerClaimsOne(handle);
      });
      const mine = ids(await claimJobs(recorded.db, "w1", 2, at(0)));
      if (theirs === undefined) break;
      const owners = await db.query("SELECT id, locked_by FROM jobs WHERE status = 'running' AND id <> 6 ORDER BY id");
      const label = `other worker claimed ${JSON.stringify(theirs)} before your statement #${before + 1}`;
      expect(owners.rows.filter((r) => r.locked_by === "other").map((r) => r.id), label).toEqual(theirs);
      expect(mine.filter((id) => theirs?.includes(id)), label).toEqual([]);
      expect(mine.length, label).toBe(2);
    }
  });
});

describe("completeJob and failJob", () => {
  it("refuses to finish a job that is not running under that worker, and changes nothing", async () => {
    await claimJobs(db, "w1", 1, at(0)); // job 2
    const before = await db.query("SELECT * FROM jobs ORDER BY id");
    expect(await completeJob(db, 1, "w1")).toBe(false); // queued
    expect(await completeJob(db, 5, "w1")).toBe(false); // done
    expect(await completeJob(db, 6, "w1")).toBe(false); // worker-z's
    expect(await completeJob(db, 999, "w1")).toBe(false);
    expect(await failJob(db, 1, "w1", "x", at(1))).toBeNull();
    expect(await failJob(db, 5, "w1", "x", at(1))).toBeNull();
    expect(await failJob(db, 6, "w1", "x", at(1))).toBeNull();
    expect(await failJob(db, 2, "w2", "x", at(1))).toBeNull();
    expect(await failJob(db, 999, "w1", "x", at(1))).toBeNull();
    expect((await db.query("SELECT * FROM jobs ORDER BY id")).rows).toEqual(before.rows);
  });

  it("cannot fail a job after completing it, nor complete it after failing it", async () => {
    await claimJobs(db, "w1", 2, at(0)); // jobs 2 and 3
    expect(await completeJob(db, 2, "w1")).toBe(true);
    expect(await failJob(db, 2, "w1", "late", at(5))).toBeNull();
    expect(retryAt(await failJob(db, 3, "w1", "boom", at(5)))).toBe(35);
    expect(await completeJob(db, 3, "w1")).toBe(false);
    expect(await row(2)).toMatchObject({ status: "done", locked_by: null, locked_at_s: null, last_error: null });
    expect(await row(3)).toEqual({ status: "queued", attempts: 1, locked_by: null, last_error: "boom", run_at_s: 35, locked_at_s: null });
  });

  it("backs off 30 s after the first failure, doubling each time up to one hour, counted from the failure", async () => {
    await db.query("DELETE FROM jobs");
    const id = await addJob({ runAt: -7200, maxAttempts: 11 });
    const delays: Array<number | string> = [];
    let now = 100;
    for (let attempt = 1; attempt <= 10; attempt++) {
      const claimed = await claimJobs(db, "w1", 5, at(now));
      expect(claimed.map((j) => [j.id, j.attempts]), `claim ${attempt}`).toEqual([[id, attempt]]);
      const failedAt = now + 7; // the run took 7 s
      const runAt = retryAt(await failJob(db, id, "w1", `failure ${attempt}`, at(failedAt)));
      delays.push(typeof runAt === "number" ? runAt - failedAt : runAt);
      expect(await claimJobs(db, "w1", 5, at(failedAt + 29))).toEqual([]);
      now = typeof runAt === "number" ? runAt : now;
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("leaves a job dead when its last allowed attempt fails: never claimed again, run_at unchanged", async () => {
    await db.query("DELETE FROM jobs");
    const once = await addJob({ runAt: -60, maxAttempts: 1, priority: 9 });
    const twice = await addJob({ runAt: -60, maxAttempts: 2 });
    expect(ids(await claimJobs(db, "w1", 5, at(0)))).toEqual([once, twice]);
    expect(await failJob(db, once, "w1", "bad input", at(1))).toEqual({ status: "dead" });
    expect(retryAt(await failJob(db, twice, "w1", "flaky", at(1)))).toBe(31);
    expect(ids(await claimJobs(db, "w1", 5, at(31)))).toEqual([twice]);
    expect(await failJob(db, twice, "w1", "flaky again", at(40))).toEqual({ status: "dead" });
    expect(await claimJobs(db, "w1", 5, at(100_000))).toEqual([]);
    expect(await row(once)).toEqual({ status: "dead", attempts: 1, locked_by: null, last_error: "bad input", run_at_s: -60, locked_at_s: null });
    expect(await row(twice)).toEqual({ status: "dead", attempts: 2, locked_by: null, last_error: "flaky again", run_at_s: 31, locked_at_s: null });
  });
});

// ---- Model-based check: random claim/complete/fail/enqueue/time sequences against a model ----

interface ModelJob {
  id: number;
  priority: number;
  maxAttempts: number;
  status: "queued" | "running" | "done" | "dead";
  runAt: number;
  attempts: number;
  lockedBy: string | null;
  lockedAt: number | null;
  lastError: string | null;
}
interface Model {
  now: number;
  jobs: ModelJob[];
  failures: number;
}

function fail(step: string, got: unknown, want: unknown): never {
  throw new Error(`${step}:\n  got   ${JSON.stringify(got)}\n  model ${JSON.stringify(want)}`);
}

async function sameTable(step: string, model: Model): Promise<void> {
  const result = await db.query(
    `SELECT id, status, attempts, locked_by, last_error,
            extract(epoch FROM run_at - $1::timestamptz)::float8 AS run_at,
            extract(epoch FROM locked_at - $1::timestamptz)::float8 AS locked_at
     FROM jobs ORDER BY id`,
    [at(0)],
  );
  const got = result.rows.map((r) => `${r.id} ${r.status} attempts=${r.attempts} runAt=${r.run_at} lockedBy=${r.locked_by} lockedAt=${r.locked_at} error=${r.last_error}`);
  const want = model.jobs.map((j) => `${j.id} ${j.status} attempts=${j.attempts} runAt=${j.runAt} lockedBy=${j.lockedBy} lockedAt=${j.lockedAt} error=${j.lastError}`);
  if (JSON.stringify(got) !== JSON.stringify(want)) fail(`table after ${step}`, got, want);
}

class EnqueueCommand implements fc.AsyncCommand<Model, Db> {
  constructor(
    readonly priority: number,
    readonly delay: number,
    readonly maxAttempts: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Db): Promise<void> {
    const runAt = model.now + this.delay;
    const result = await real.query<{ id: number }>("INSERT INTO jobs (kind, priority, run_at, max_attempts) VALUES ('job', $1, $2, $3) RETURNING id", [
      this.priority,
      at(runAt),
      this.maxAttempts,
    ]);
    const id = result.rows[0]?.id as number;
    model.jobs.push({ id, priority: this.priority, maxAttempts: this.maxAttempts, status: "queued", runAt, attempts: 0, lockedBy: null, lockedAt: null, lastError: null });
  }
  toString(): string {
    return `enqueue(priority ${this.priority}, run_at now+${this.delay}s, max_attempts ${this.maxAttempts})`;
  }
}

class ClaimCommand implements fc.AsyncCommand<Model, Db> {
  constructor(
    readonly worker: string,
    readonly limit: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Db): Promise<void> {
    const runnable = model.jobs
      .filter((j) => j.status === "queued" && j.runAt <= model.now)
      .sort((a, b) => b.priority - a.priority || a.id - b.id)
      .slice(0, this.limit);
    for (const j of runnable) Object.assign(j, { status: "running", attempts: j.attempts + 1, lockedBy: this.worker, lockedAt: model.now });
    const want = runnable.map((j) => `#${model.jobs.indexOf(j)} attempts=${j.attempts}`);
    const claimed = await claimJobs(real, this.worker, this.limit, at(model.now));
    const got = claimed.map((c) => `#${model.jobs.findIndex((j) => j.id === c.id)} attempts=${c.attempts}`);
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${this} returned`, got, want);
    await sameTable(this.toString(), model);
  }
  toString(): string {
    return `claimJobs(db, "${this.worker}", ${this.limit}, now)`;
  }
}

class FinishCommand implements fc.AsyncCommand<Model, Db> {
  constructor(
    readonly action: "complete" | "fail",
    readonly worker: string,
    readonly job: number,
  ) {}
  check(model: Readonly<Model>): boolean {
    return this.job < model.jobs.length;
  }
  async run(model: Model, real: Db): Promise<void> {
    const job = model.jobs[this.job] as ModelJob;
    const mine = job.status === "running" && job.lockedBy === this.worker;
    let want: unknown;
    let got: unknown;
    if (this.action === "complete") {
      if (mine) Object.assign(job, { status: "done", lockedBy: null, lockedAt: null });
      want = mine;
      got = await completeJob(real, job.id, this.worker);
    } else {
      const error = `error ${++model.failures}`;
      want = null;
      if (mine) {
        const retry = job.attempts < job.maxAttempts;
        const runAt = retry ? model.now + Math.min(30 * 2 ** (job.attempts - 1), 3600) : job.runAt;
        Object.assign(job, { status: retry ? "queued" : "dead", runAt, lockedBy: null, lockedAt: null, lastError: error });
        want = retry ? `queued at now+${runAt - model.now}s` : "dead";
      }
      const result = await failJob(real, job.id, this.worker, error, at(model.now));
      got = result === null ? null : result.status === "queued" ? `queued at now+${(Date.parse(result.runAt) - T0) / 1000 - model.now}s` : result.status;
    }
    if (got !== want) fail(`${this} returned`, got, want);
    await sameTable(this.toString(), model);
  }
  toString(): string {
    return this.action === "complete" ? `completeJob(db, jobs[${this.job}].id, "${this.worker}")` : `failJob(db, jobs[${this.job}].id, "${this.worker}", error, now)`;
  }
}

class AdvanceCommand implements fc.AsyncCommand<Model, Db> {
  constructor(readonly seconds: number) {}
  check(): boolean {
    return true;
  }
  async run(model: Model): Promise<void> {
    model.now += this.seconds;
  }
  toString(): string {
    return `now += ${this.seconds}s`;
  }
}

describe("model check", () => {
  it("matches a model of the queue over random enqueue/claim/complete/fail/time sequences", async () => {
    const worker = fc.constantFrom("w1", "w2");
    const job = fc.integer({ min: 0, max: 5 });
    const commands = fc.commands(
      [
        fc.tuple(fc.constantFrom(0, 0, 5, 10), fc.constantFrom(0, 0, 10, 45), fc.constantFrom(1, 2, 3)).map(([p, d, m]) => new EnqueueCommand(p, d, m)),
        fc.tuple(worker, fc.constantFrom(1, 2, 3)).map(([w, n]) => new ClaimCommand(w, n)),
        fc.tuple(worker, job).map(([w, j]) => new FinishCommand("complete", w, j)),
        fc.tuple(worker, job).map(([w, j]) => new FinishCommand("fail", w, j)),
        fc.tuple(worker, job).map(([w, j]) => new FinishCommand("fail", w, j)),
        fc.constantFrom(1, 10, 29, 30, 31, 60).map((s) => new AdvanceCommand(s)),
      ],
      { maxCommands: 30 },
    );
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const setup = async () => {
          await resetDatabase();
          await db.query("DELETE FROM jobs");
          return { model: { now: 0, jobs: [], failures: 0 } as Model, real: db };
        };
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns: 40, seed: 20260501, includeErrorInReport: true },
    );
  });
});
