import { describe, expect, it } from "vitest";
import { updatePreferences } from "@/lib/account/preferences";
import { signUp } from "@/lib/auth/accounts";
import { getDashboard } from "@/lib/dashboard";
import { db } from "@/lib/db/client";
import { getHours, getPlanState, setHours, setStartDay } from "@/lib/plan/progress";
import { clockIn, dayKey, getUserClock, todayIn } from "@/lib/progress/days";
import { setLessonRead } from "@/lib/progress/lessons";

async function userIn(email: string, timeZone: string | null) {
  const result = await signUp({ name: email, email, password: "a long password" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  await updatePreferences(result.user.id, { timeZone });
  return result.user.id;
}

describe("a user's day", () => {
  it("is the calendar day in their zone, on both sides of UTC", () => {
    const instant = new Date("2026-12-02T23:30:00Z");
    expect(dayKey(instant, "UTC")).toBe("2026-12-02");
    expect(dayKey(instant, "Asia/Tokyo")).toBe("2026-12-03"); // UTC+9
    expect(dayKey(instant, "Pacific/Kiritimati")).toBe("2026-12-03"); // UTC+14
    expect(dayKey(new Date("2026-12-03T05:00:00Z"), "America/Los_Angeles")).toBe("2026-12-02"); // UTC-8
    expect(dayKey(new Date("2026-12-03T10:59:00Z"), "Pacific/Pago_Pago")).toBe("2026-12-02"); // UTC-11
    expect(todayIn("Asia/Kolkata", new Date("2026-12-02T18:29:00Z"))).toBe("2026-12-02"); // UTC+5:30
    expect(todayIn("Asia/Kolkata", new Date("2026-12-02T18:30:00Z"))).toBe("2026-12-03");
  });

  it("follows daylight saving time: midnight moves with the offset", () => {
    // Berlin: CET (UTC+1) until 2026-03-29 01:00Z, CEST (UTC+2) after.
    expect(dayKey(new Date("2026-03-28T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(dayKey(new Date("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    // New York: EDT (UTC-4) until 2026-11-01 06:00Z, EST (UTC-5) after.
    expect(dayKey(new Date("2026-10-31T03:30:00Z"), "America/New_York")).toBe("2026-10-30");
    expect(dayKey(new Date("2026-11-02T04:30:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(dayKey(new Date("2026-11-02T05:30:00Z"), "America/New_York")).toBe("2026-11-02");
    // Sydney, southern hemisphere: AEDT (UTC+11) in December.
    expect(dayKey(new Date("2026-12-02T13:00:00Z"), "Australia/Sydney")).toBe("2026-12-03");
  });

  it("falls back to the server's zone when the user has none", async () => {
    const user = await userIn("nozone@example.test", null);
    const now = new Date("2026-12-02T12:00:00Z");
    expect(await getUserClock(user, now)).toMatchObject({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, today: todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone, now) });
  });
});

describe("plan week, hours and activity in the user's zone", () => {
  // Sunday 2026-12-06 22:00 UTC: already Monday 12-07 in Tokyo, still Sunday in Los Angeles.
  const now = new Date("2026-12-06T22:00:00Z");

  it("starts a new plan week at the user's midnight", async () => {
    const tokyo = await userIn("tokyo@example.test", "Asia/Tokyo");
    const angeles = await userIn("la@example.test", "America/Los_Angeles");
    for (const user of [tokyo, angeles]) await setStartDay(user, "2026-11-30");
    expect((await getPlanState(tokyo, await getUserClock(tokyo, now)))?.currentWeek).toBe(2);
    expect((await getPlanState(angeles, await getUserClock(angeles, now)))?.currentWeek).toBe(1);
  });

  it("refuses hours on a day that has not begun for the user, and impossible hours", async () => {
    const tokyo = await userIn("tokyo-hours@example.test", "Asia/Tokyo");
    const angeles = await userIn("la-hours@example.test", "America/Los_Angeles");
    expect(await setHours(tokyo, "2026-12-07", 2, await getUserClock(tokyo, now))).toMatchObject({ ok: true });
    expect(await setHours(angeles, "2026-12-07", 2, await getUserClock(angeles, now))).toMatchObject({ ok: false, error: expect.stringMatching(/not happened yet/) });
    expect(await setHours(angeles, "2026-12-06", 2, await getUserClock(angeles, now))).toMatchObject({ ok: true });

    const clock = clockIn("UTC", now);
    expect(await setHours(angeles, "2026-12-05", 30, clock)).toMatchObject({ ok: false, error: "Enter at most 24 hours for one day." });
    expect(await setHours(angeles, "2026-12-05", -1, clock)).toMatchObject({ ok: false, error: "Hours cannot be negative." });
    expect(await setHours(angeles, "2026-12-05", 1.3, clock)).toMatchObject({ ok: false, error: expect.stringMatching(/quarter hours/) });
    expect(await setHours(angeles, "2026-12-05", "3", clock)).toMatchObject({ ok: false });
    expect(await setHours(angeles, "2026-02-31", 1, clock)).toMatchObject({ ok: false, error: "That date does not exist." });
    expect(await setHours(angeles, "2026-12-05", 24, clock)).toMatchObject({ ok: true });
    // Only what was accepted is stored.
    expect(Object.fromEntries(await getHours(angeles))).toEqual({ "2026-12-05": 24, "2026-12-06": 2 });
    expect(Object.fromEntries(await getHours(tokyo))).toEqual({ "2026-12-07": 2 });
  });

  it("puts activity and the streak on the user's days", async () => {
    const tokyo = await userIn("tokyo-streak@example.test", "Asia/Tokyo");
    const angeles = await userIn("la-streak@example.test", "America/Los_Angeles");
    for (const user of [tokyo, angeles]) {
      await setLessonRead(user, "node/event-loop", true);
      // Read at 23:30 UTC on 12-05: 08:30 on 12-06 in Tokyo, 15:30 on 12-05 in Los Angeles.
      await db.lessonProgress.updateMany({ where: { userId: user }, data: { readAt: new Date("2026-12-05T23:30:00Z") } });
    }
    const inTokyo = await getDashboard(tokyo, now);
    const inAngeles = await getDashboard(angeles, now);
    expect(inTokyo.activity.at(-1)?.day).toBe("2026-12-07");
    expect(inAngeles.activity.at(-1)?.day).toBe("2026-12-06");
    expect(inTokyo.activity.find((d) => d.day === "2026-12-06")).toMatchObject({ actions: 1 });
    expect(inAngeles.activity.find((d) => d.day === "2026-12-05")).toMatchObject({ actions: 1 });
    expect(inTokyo.streak).toBe(1); // read yesterday, in Tokyo
    expect(inAngeles.streak).toBe(1); // read yesterday, in Los Angeles too

    // 14:30 UTC on 12-05 is 23:30 on 12-05 in Tokyo (two days before its today: no streak) and
    // 06:30 on 12-05 in Los Angeles (yesterday there: the streak holds).
    await db.lessonProgress.updateMany({ where: { userId: { in: [tokyo, angeles] } }, data: { readAt: new Date("2026-12-05T14:30:00Z") } });
    expect((await getDashboard(tokyo, now)).streak).toBe(0);
    expect((await getDashboard(angeles, now)).streak).toBe(1);
  });
});

describe("the greeting", () => {
  it("treats an account with nothing done as a first visit, and any action as a return", async () => {
    const user = await userIn("newcomer@example.test", "UTC");
    const fresh = await getDashboard(user);
    expect(fresh.firstVisit).toBe(true);
    expect(fresh.gettingStarted).toEqual({ planStarted: false, lessonRead: false, exerciseTried: false });
    await setLessonRead(user, "node/event-loop", true);
    const after = await getDashboard(user);
    expect(after.firstVisit).toBe(false);
    expect(after.gettingStarted).toEqual({ planStarted: false, lessonRead: true, exerciseTried: false });
  });
});
