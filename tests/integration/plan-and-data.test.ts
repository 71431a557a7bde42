import { describe, expect, it } from "vitest";
import { exportUserData, importUserData } from "@/lib/account/data";
import { getPreferences, updatePreferences } from "@/lib/account/preferences";
import { signUp } from "@/lib/auth/accounts";
import { getConceptProgress, updateConcept } from "@/lib/checklist/progress";
import { db } from "@/lib/db/client";
import { recordSubmission } from "@/lib/exercises/progress";
import { saveDesignNote } from "@/lib/notes/design-notes";
import { getLessonNote, saveLessonNote } from "@/lib/notes/lesson-notes";
import { saveRetro } from "@/lib/notes/retros";
import { getPlan } from "@/lib/plan/content";
import { daySchema, getCheckedItems, getHours, getPlanState, isPlanItemId, pausePlan, resumePlan, setHours, setItemChecked, setStartDay, weekItems, weekOf } from "@/lib/plan/progress";
import { clockIn } from "@/lib/progress/days";
import { setLessonRead } from "@/lib/progress/lessons";

const UTC = (iso: string) => clockIn("UTC", new Date(iso));

async function newUser(email: string) {
  const result = await signUp({ name: email, email, password: "a long password" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.user.id;
}

async function fillEverything(userId: string) {
  const week1 = getPlan().weeks[0]!;
  await setStartDay(userId, "2026-11-02");
  await setItemChecked(userId, weekItems(week1)[0]!.id, true);
  await setHours(userId, "2026-11-03", 2.5);
  await setHours(userId, "2026-11-04", 4);
  await setLessonRead(userId, "node/event-loop", true);
  await saveRetro(userId, 1, "## What went well\nStreams clicked.", 0);
  await saveDesignNote(userId, 6, { requirements: "Shorten URLs", diagram: "graph TD; A-->B" }, 0);
  await updateConcept(userId, "circuit-breaker", { status: "done", notes: "Half-open lets one call through." });
  await saveLessonNote(userId, "node/event-loop", "nextTick before promises", 0);
  await recordSubmission(userId, "11111111-1111-4111-8111-111111111111", "export {}", { status: "failed", tests: [{ name: "a", status: "failed", hidden: false, durationMs: 1, message: "nope" }], console: [], durationMs: 3 });
}

const withoutStamp = (data: Awaited<ReturnType<typeof exportUserData>>) => ({ ...data, exportedAt: "" });

describe("the plan", () => {
  it("counts weeks from the start day and pauses and resumes without losing days", async () => {
    expect(weekOf("2026-11-02", "2026-11-01", 20)).toBe(0);
    expect(weekOf("2026-11-02", "2026-11-02", 20)).toBe(1);
    expect(weekOf("2026-11-02", "2026-11-08", 20)).toBe(1);
    expect(weekOf("2026-11-02", "2026-11-09", 20)).toBe(2);
    expect(weekOf("2026-11-02", "2027-06-01", 20)).toBe(21);

    const user = await newUser("planner@example.test");
    await setStartDay(user, "2026-11-02");
    expect((await getPlanState(user, UTC("2026-11-10T12:00:00Z")))?.currentWeek).toBe(2);
    await pausePlan(user, new Date("2026-11-10T12:00:00Z"));
    expect((await getPlanState(user, UTC("2026-11-30T12:00:00Z")))?.currentWeek).toBe(2);
    await resumePlan(user, UTC("2026-11-17T12:00:00Z"));
    const resumed = await getPlanState(user, UTC("2026-11-17T12:00:00Z"));
    expect(resumed).toMatchObject({ paused: false, startDay: "2026-11-09", currentWeek: 2 });
  });

  it("accepts real calendar days only", () => {
    for (const day of ["2026-11-23", "2028-02-29", "2026-12-31"]) expect(daySchema.safeParse(day).success, day).toBe(true);
    for (const day of ["2026-02-31", "2027-02-29", "2026-13-01", "2026-11-00", "2026-11-3", "23/11/2026"]) expect(daySchema.safeParse(day).success, day).toBe(false);
  });

  it("knows which item ids exist", () => {
    const week = getPlan().weeks[2]!;
    expect(isPlanItemId(weekItems(week)[0]!.id)).toBe(true);
    expect(isPlanItemId("w99-build-1")).toBe(false);
    const phase = getPlan().phases[0]!;
    const list = getPlan().checklists[0]!;
    expect(isPlanItemId(`${phase.id}:${list.id}:${list.items[0]!.id}`)).toBe(true);
  });

  it("keeps users apart: B never sees or changes A's checks, hours, checklist or lesson notes", async () => {
    const a = await newUser("a@example.test");
    const b = await newUser("b@example.test");
    await setItemChecked(a, "w01-build-1", true);
    await setHours(a, "2026-11-03", 3);
    await updateConcept(a, "cqrs", { status: "learning", notes: "A's note" });
    await saveLessonNote(a, "node/event-loop", "A's lesson note", 0);
    expect(await getLessonNote(b, "node/event-loop")).toBeNull();
    // B saving "over" A's note version only ever creates B's own note.
    expect((await saveLessonNote(b, "node/event-loop", "B's note", 0)).ok).toBe(true);
    expect((await getLessonNote(a, "node/event-loop"))?.body).toBe("A's lesson note");
    expect((await getCheckedItems(b)).size).toBe(0);
    expect((await getHours(b)).size).toBe(0);
    expect((await getConceptProgress(b)).size).toBe(0);
    await setItemChecked(b, "w01-build-1", false);
    await setHours(b, "2026-11-03", 0);
    expect((await getCheckedItems(a)).has("w01-build-1")).toBe(true);
    expect((await getHours(a)).get("2026-11-03")).toBe(3);
    expect((await getConceptProgress(a)).get("cqrs")?.notes).toBe("A's note");
  });
});

describe("export and import", () => {
  it("round-trips: export, wipe, import, export again is identical", async () => {
    const user = await newUser("roundtrip@example.test");
    await fillEverything(user);
    const first = await exportUserData(user);
    // Everything fillEverything wrote is in the file, so comparing two exports compares data.
    for (const [section, rows] of Object.entries(first)) if (Array.isArray(rows)) expect(rows, section).not.toHaveLength(0);
    expect(first.plan).not.toBeNull();
    expect(first.hours).toHaveLength(2);
    expect(first.submissions).toHaveLength(1);

    await db.user.delete({ where: { id: user } });
    const again = await newUser("roundtrip@example.test");
    const result = await importUserData(again, JSON.parse(JSON.stringify(first)));
    expect(result.ok).toBe(true);
    expect(withoutStamp(await exportUserData(again))).toEqual(withoutStamp(first));
  });

  it("is idempotent: importing the same file twice changes nothing", async () => {
    const user = await newUser("twice@example.test");
    await fillEverything(user);
    const file = JSON.parse(JSON.stringify(await exportUserData(user)));
    // Into the account it came from: all already here. Into a fresh one: all added, then all already here.
    const same = await importUserData(user, file);
    expect(same.ok && Object.values(same.summary).every((t) => t.added === 0 && t.updated === 0 && t.unchanged > 0)).toBe(true);
    expect((await importUserData(user, file)).ok).toBe(true);
    expect(withoutStamp(await exportUserData(user))).toEqual(withoutStamp(file));
    const other = await newUser("twice-other@example.test");
    const first = await importUserData(other, file);
    expect(first.ok && first.summary).toMatchObject({ hours: { added: 2, updated: 0, unchanged: 0 }, retrospectives: { added: 1 }, submissions: { added: 1 }, plan: { added: 1 } });
    const second = await importUserData(other, file);
    expect(second.ok && second.summary).toMatchObject({ hours: { added: 0, updated: 0, unchanged: 2 }, retrospectives: { added: 0, unchanged: 1 }, submissions: { added: 0, unchanged: 1 }, plan: { unchanged: 1 } });
    // A changed record is counted as updated.
    file.hours[0].hours = 5;
    const third = await importUserData(other, file);
    expect(third.ok && third.summary.hours).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(await db.submission.count({ where: { userId: user } })).toBe(1);
    // Notes kept their versions: nothing was rewritten.
    expect((await getLessonNote(user, "node/event-loop"))?.version).toBe(1);
    expect((await db.retrospective.findUnique({ where: { userId_week: { userId: user, week: 1 } } }))?.version).toBe(1);
    expect((await db.designNote.findUnique({ where: { userId_week: { userId: user, week: 6 } } }))?.version).toBe(1);
  });

  it("carries the preferences; a file from before they existed still imports", async () => {
    const user = await newUser("prefs@example.test");
    await updatePreferences(user, { timeZone: "Asia/Tokyo", editorKeymap: "vim", editorWrap: true });
    const file = JSON.parse(JSON.stringify(await exportUserData(user)));
    expect(file.preferences).toEqual({ timeZone: "Asia/Tokyo", editorKeymap: "vim", editorWrap: true });
    const other = await newUser("prefs-other@example.test");
    expect(await importUserData(other, file)).toMatchObject({ ok: true, summary: { preferences: { updated: 1 } } });
    expect(await getPreferences(other)).toEqual({ timeZone: "Asia/Tokyo", editorKeymap: "vim", editorWrap: true });
    const old = { ...file, preferences: undefined };
    delete old.preferences;
    const third = await newUser("prefs-old@example.test");
    expect((await importUserData(third, old)).ok).toBe(true);
    expect(await getPreferences(third)).toEqual({ timeZone: null, editorKeymap: "standard", editorWrap: false });
    file.preferences.timeZone = "Mars/Olympus";
    expect(await importUserData(third, file)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Preferences, “timeZone”: is not a time zone/)] });
  });

  it("imports thousands of rows, keeping the last of any key the file repeats", async () => {
    const user = await newUser("bulk@example.test");
    const file = JSON.parse(JSON.stringify(await exportUserData(user)));
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    file.hours = Array.from({ length: 2_000 }, (_, i) => ({ day: day(i), hours: 1 }));
    file.hours.push({ day: day(0), hours: 7 });
    file.submissions = Array.from({ length: 2_000 }, (_, i) => ({ exerciseId: "e", code: `// ${i}`, status: "failed", passed: 0, total: 1, durationMs: 1, resultJson: "[]", createdAt: new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString() }));
    expect((await importUserData(user, file)).ok).toBe(true);
    expect((await importUserData(user, file)).ok).toBe(true);
    const after = await exportUserData(user);
    expect(after.hours).toHaveLength(2_000);
    expect(after.hours.find((h) => h.day === day(0))?.hours).toBe(7);
    expect(after.submissions).toHaveLength(2_000);
  });

  it("rejects a bad file with the reason and writes nothing", async () => {
    const user = await newUser("bad@example.test");
    const source = await newUser("source@example.test");
    await fillEverything(source);
    const file = JSON.parse(JSON.stringify(await exportUserData(source)));
    file.hours.push({ day: "2026-13-45", hours: 3 });
    file.retrospectives[0].week = "one";
    delete file.planChecks[0].checkedAt;
    file.surprise = true;
    const result = await importUserData(user, file);
    expect(result).toEqual({
      ok: false,
      error: "This is not a valid Deepend export: 4 problems. Nothing was imported.",
      problems: [
        "Ticked plan items, record 1, “checkedAt”: is missing.",
        "Hours logged, record 3, “day”: That date does not exist.",
        "Retrospectives, record 1, “week”: should be a number, but is text.",
        "Has a field a Deepend export does not have: “surprise”.",
      ],
    });
    file.hours[2].hours = 30;
    expect((await importUserData(user, file)) as unknown).toMatchObject({ problems: expect.arrayContaining(["Hours logged, record 3, “hours”: Enter at most 24 hours for one day."]) });
    const notExport = { ok: false, error: expect.stringMatching(/^This is not a valid Deepend export: choose a file made with “Export everything”/), problems: [] };
    expect(await importUserData(user, { format: "something-else" })).toEqual(notExport);
    expect(await importUserData(user, "not even an object")).toEqual(notExport);
    // Exactly what a brand-new account exports: no section was partly written.
    const fresh = await newUser("fresh@example.test");
    expect(withoutStamp(await exportUserData(user))).toEqual(withoutStamp(await exportUserData(fresh)));
  });
});
