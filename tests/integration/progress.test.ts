import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
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
