import { Coordinator, type LogRecord, type Participant, type RecoveryLog } from "./solution";

/** An in-memory log and participants that vote as told and record every call. */
function setup(votes: Record<string, "yes" | "no">, failCommits: Record<string, number> = {}) {
  const records: LogRecord[] = [];
  const log: RecoveryLog = { append: (r) => void records.push(r), records: () => records.slice() };
  const calls: string[] = [];
  const participants: Participant[] = Object.entries(votes).map(([name, vote]) => ({
    name,
    async prepare(tx) {
      calls.push(`${name}.prepare(${tx})`);
      return vote;
    },
    async commit(tx) {
      calls.push(`${name}.commit(${tx})`);
      if ((failCommits[name] ?? 0) > 0) {
        failCommits[name] = (failCommits[name] ?? 0) - 1;
        throw new Error("commit failed");
      }
    },
    async abort(tx) {
      calls.push(`${name}.abort(${tx})`);
    },
  }));
  return { records, log, calls, participants };
}

describe("Coordinator", () => {
  it("commits when everyone votes yes, logging begin and commit before acting and end when done", async () => {
    const { records, log, calls, participants } = setup({ "bank-a": "yes", "bank-b": "yes" });
    const coord = new Coordinator(participants, log, { prepareTimeoutMs: 1000, maxAttempts: 2 });
    expect(await coord.execute("t1")).toEqual({ txId: "t1", outcome: "committed", pending: [] });
    expect(records).toEqual([
      { type: "begin", txId: "t1", participants: ["bank-a", "bank-b"] },
      { type: "commit", txId: "t1" },
      { type: "end", txId: "t1" },
    ]);
    expect(calls).toEqual(["bank-a.prepare(t1)", "bank-b.prepare(t1)", "bank-a.commit(t1)", "bank-b.commit(t1)"]);
  });

  it("aborts on a no vote without logging a decision (presumed abort)", async () => {
    const { records, log, calls, participants } = setup({ "bank-a": "yes", "bank-b": "no" });
    const coord = new Coordinator(participants, log, { prepareTimeoutMs: 1000, maxAttempts: 2 });
    expect(await coord.execute("t1")).toEqual({ txId: "t1", outcome: "aborted", pending: [] });
    expect(records.map((r) => r.type)).toEqual(["begin", "end"]);
    expect(calls).toEqual(["bank-a.prepare(t1)", "bank-b.prepare(t1)", "bank-a.abort(t1)"]);
    expect(coord.decision("t1")).toBe("abort");
  });

  it("aborts when a participant does not answer prepare within prepareTimeoutMs", async () => {
    const { records, log, calls, participants } = setup({ "bank-a": "yes" });
    const silent: Participant = {
      name: "bank-b",
      prepare: () => new Promise(() => {}), // never answers
      commit: async () => {},
      abort: async (tx) => void calls.push(`bank-b.abort(${tx})`),
    };
    const coord = new Coordinator([...participants, silent], log, { prepareTimeoutMs: 1000, maxAttempts: 2 });
    const start = Date.now();
    expect((await coord.execute("t2")).outcome).toBe("aborted");
    expect(Date.now() - start).toBe(1000);
    expect(calls).toEqual(["bank-a.prepare(t2)", "bank-a.abort(t2)", "bank-b.abort(t2)"]);
    expect(records.map((r) => r.type)).toEqual(["begin", "end"]);
  });

  it("retries commit up to maxAttempts and reports what is still pending", async () => {
    const { records, log, participants } = setup({ "bank-a": "yes", "bank-b": "yes" }, { "bank-b": 3 });
    const coord = new Coordinator(participants, log, { prepareTimeoutMs: 1000, maxAttempts: 2 });
    expect(await coord.execute("t1")).toEqual({ txId: "t1", outcome: "committed", pending: ["bank-b"] });
    expect(records.map((r) => r.type)).toEqual(["begin", "commit"]); // no end yet
    expect(await coord.recover()).toEqual([{ txId: "t1", outcome: "committed", pending: [] }]);
    expect(records.map((r) => r.type)).toEqual(["begin", "commit", "end"]);
  });

  it("lets a new coordinator on the same log finish a transaction after a crash", async () => {
    const { records, calls, participants } = setup({ "bank-a": "yes", "bank-b": "yes" });
    const crashingLog: RecoveryLog = {
      append(r) {
        if (r.type === "end") throw new Error("power cut");
        records.push(r);
      },
      records: () => records.slice(),
    };
    const coord = new Coordinator(participants, crashingLog, { prepareTimeoutMs: 1000, maxAttempts: 2 });
    await expect(coord.execute("t3")).rejects.toThrow("power cut");
    calls.length = 0;
    const log: RecoveryLog = { append: (r) => void records.push(r), records: () => records.slice() };
    const next = new Coordinator(participants, log, { prepareTimeoutMs: 1000, maxAttempts: 2 });
    expect(next.decision("t3")).toBe("commit");
    expect(await next.recover()).toEqual([{ txId: "t3", outcome: "committed", pending: [] }]);
    expect(calls).toEqual(["bank-a.commit(t3)", "bank-b.commit(t3)"]);
    expect(records.at(-1)).toEqual({ type: "end", txId: "t3" });
  });
});
