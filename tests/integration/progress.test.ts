import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { getExerciseState, getSubmission, recordSubmission } from "@/lib/exercises/progress";
import type { RunResult } from "@/lib/sandbox/types";
import { getLessonReadAt, getReadLessonRefs, setLessonRead } from "@/lib/progress/lessons";

async function user(email: string) {
  const result = await signUp({ name: email, email, password: "a long password" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.user;
}

describe("lesson progress", () => {
  it("marks, re-marks and unmarks a lesson, idempotently", async () => {
    const a = await user("reader@example.test");
    await setLessonRead(a.id, "node/event-loop", true);
    await setLessonRead(a.id, "node/event-loop", true);
    expect([...(await getReadLessonRefs(a.id))]).toEqual(["node/event-loop"]);
    expect(await getLessonReadAt(a.id, "node/event-loop")).toBeInstanceOf(Date);
    await setLessonRead(a.id, "node/event-loop", false);
    expect((await getReadLessonRefs(a.id)).size).toBe(0);
    expect(await getLessonReadAt(a.id, "node/event-loop")).toBeNull();
  });

  it("keeps users apart: B never sees or changes A's progress", async () => {
    const a = await user("alice@example.test");
    const b = await user("bob@example.test");
    await setLessonRead(a.id, "node/streams-and-buffers", true);
    expect((await getReadLessonRefs(b.id)).size).toBe(0);
    expect(await getLessonReadAt(b.id, "node/streams-and-buffers")).toBeNull();
    await setLessonRead(b.id, "node/streams-and-buffers", false);
    expect([...(await getReadLessonRefs(a.id))]).toEqual(["node/streams-and-buffers"]);
  });
});

describe("exercise submissions", () => {
  const EXERCISE = "22222222-2222-4222-8222-222222222222";
  const result = (status: "passed" | "failed"): RunResult => ({ status, tests: [{ name: "t", status, hidden: true, durationMs: 1 }], console: [], durationMs: 2 });

  it("marks an exercise solved at its first pass and keeps that date", async () => {
    const a = await user("submitter@example.test");
    await recordSubmission(a.id, EXERCISE, "// wrong", result("failed"));
    expect(await getExerciseState(a.id, EXERCISE)).toMatchObject({ status: "attempted", solvedAt: null });
    await recordSubmission(a.id, EXERCISE, "// right", result("passed"));
    const solvedAt = (await getExerciseState(a.id, EXERCISE)).solvedAt;
    expect(solvedAt).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 5));
    await recordSubmission(a.id, EXERCISE, "// right again", result("passed"));
    await recordSubmission(a.id, EXERCISE, "// broken later", result("failed"));
    expect(await getExerciseState(a.id, EXERCISE)).toMatchObject({ status: "solved", solvedAt });
  });

  it("reads a stored result that is not JSON (an old import) as no test results", async () => {
    const a = await user("importer@example.test");
    const stored = await recordSubmission(a.id, EXERCISE, "// code", result("failed"));
    await db.submission.update({ where: { id: stored.id }, data: { resultJson: "not json" } });
    expect(await getSubmission(a.id, EXERCISE, stored.id)).toMatchObject({ id: stored.id, code: "// code", tests: [] });
  });
});
