// A user's days: every "today", streak, heatmap and plan-week computation goes through these, in
// the user's own time zone, so a learner in Tokyo and one in Los Angeles each get their own
// midnight. Days are calendar days as "YYYY-MM-DD".
import "server-only";
import { effectiveTimeZone, getPreferences } from "../account/preferences.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; parts are read anyway, so no locale quirk can leak in.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayKey(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dayKey(now, timeZone);
}

/** The zone that decides this user's days (theirs, else the server's). */
export async function getUserTimeZone(userId: string): Promise<string> {
  return effectiveTimeZone(await getPreferences(userId));
}

/** A user's clock: their zone and today in it. */
export interface UserClock {
  timeZone: string;
  today: string;
  now: Date;
}

export function clockIn(timeZone: string, now = new Date()): UserClock {
  return { timeZone, today: todayIn(timeZone, now), now };
}

export async function getUserClock(userId: string, now = new Date()): Promise<UserClock> {
  return clockIn(await getUserTimeZone(userId), now);
}
