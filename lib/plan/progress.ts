import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { isProduction } from "../env.ts";
import { dayKey, getUserClock, type UserClock } from "../progress/days.ts";
import { getPlan } from "./content.ts";
import { TASK_KINDS, type Week } from "./schema.ts";

// ---- dates: calendar days as "YYYY-MM-DD", weeks counted from the start date ----------------

// Date.parse rolls "2026-02-31" over to March 3 rather than failing: only a real calendar day
// survives the round trip unchanged.
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23.")
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, "That date does not exist.");

const DAY_MS = 86_400_000;
export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
export function addDays(day: string, n: number): string {
  return toDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
}
// "Today" is always the user's: see ../progress/days.ts (todayIn, getUserClock).

export interface PlanState {
  startDay: string;
  paused: boolean;
  pausedDay: string | null;
  /** 0 before the start, 1..totalWeeks during, totalWeeks + 1 after the end. */
  currentWeek: number;
}

/** The plan week a day falls in, counted from the start day (paused plans stay on the pause day). */
export function weekOf(startDay: string, day: string, totalWeeks: number): number {
  const diff = Math.floor((dayToDate(day).getTime() - dayToDate(startDay).getTime()) / DAY_MS);
  if (diff < 0) return 0;
  return Math.min(totalWeeks + 1, Math.floor(diff / 7) + 1);
}

/** The seven days of a plan week. */
export function daysOfWeek(startDay: string, week: number): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(startDay, (week - 1) * 7 + i));
}

/** The plan's state on the user's today (in their time zone; looked up when no clock is given). */
export async function getPlanState(userId: string, clock?: UserClock): Promise<PlanState | null> {
  const [row, { timeZone, today }] = await Promise.all([db.planSettings.findUnique({ where: { userId } }), clock ?? getUserClock(userId)]);
  if (!row) return null;
  const startDay = toDay(row.startDate);
  const pausedDay = row.pausedAt ? dayKey(row.pausedAt, timeZone) : null;
  return { startDay, paused: pausedDay !== null, pausedDay, currentWeek: weekOf(startDay, pausedDay ?? today, getPlan().totalWeeks) };
}

export async function setStartDay(userId: string, day: string): Promise<void> {
  const startDate = dayToDate(day);
  await db.planSettings.upsert({ where: { userId }, create: { userId, startDate }, update: { startDate } });
}

export async function pausePlan(userId: string, now = new Date()): Promise<void> {
  await db.planSettings.updateMany({ where: { userId, pausedAt: null }, data: { pausedAt: now } });
}

/** Resuming shifts the start by the paused days, so the plan continues where it stopped. */
export async function resumePlan(userId: string, clock?: UserClock): Promise<void> {
  const [row, { timeZone, today }] = await Promise.all([db.planSettings.findUnique({ where: { userId } }), clock ?? getUserClock(userId)]);
  if (!row?.pausedAt) return;
  const pausedDays = Math.max(0, Math.round((dayToDate(today).getTime() - dayToDate(dayKey(row.pausedAt, timeZone)).getTime()) / DAY_MS));
  await db.planSettings.update({ where: { userId }, data: { pausedAt: null, startDate: new Date(row.startDate.getTime() + pausedDays * DAY_MS) } });
}

// ---- checkable items --------------------------------------------------------------------------

export interface CheckableItem {
  id: string;
  label: string;
  group: string;
}

export function weekItems(week: Week): CheckableItem[] {
  const items: CheckableItem[] = [];
  for (const kind of TASK_KINDS) for (const t of week.tasks[kind]) items.push({ id: t.id, label: t.title, group: kind });
  for (const c of week.theory) items.push({ id: c.id, label: c.title, group: "theory" });
  for (const d of week.deepDives) items.push({ id: d.id, label: d.title, group: "deep-dive" });
  for (const s of week.successCriteria) items.push({ id: s.id, label: s.text, group: "success" });
  for (const m of week.milestone?.checks ?? []) items.push({ id: m.id, label: m.text, group: "milestone" });
  return items;
}

/** Appendix checklist items are ticked per phase (per project): "<phaseId>:<checklistId>:<itemId>". */
export function appendixItemId(phaseId: string, checklistId: string, itemId: string): string {
  return `${phaseId}:${checklistId}:${itemId}`;
}

let validIds: Set<string> | undefined;
export function isPlanItemId(id: string): boolean {
  if (!validIds || !isProduction()) {
    const plan = getPlan();
    validIds = new Set(plan.weeks.flatMap((w) => weekItems(w).map((i) => i.id)));
    for (const phase of plan.phases) for (const list of plan.checklists) for (const item of list.items) validIds.add(appendixItemId(phase.id, list.id, item.id));
  }
  return validIds.has(id);
}

export async function getCheckedItems(userId: string): Promise<Set<string>> {
  const rows = await db.planCheck.findMany({ where: { userId }, select: { itemId: true } });
  return new Set(rows.map((r) => r.itemId));
}

export async function setItemChecked(userId: string, itemId: string, checked: boolean): Promise<void> {
  if (checked) await db.planCheck.upsert({ where: { userId_itemId: { userId, itemId } }, create: { userId, itemId }, update: {} });
  else await db.planCheck.deleteMany({ where: { userId, itemId } });
}

// ---- hours ------------------------------------------------------------------------------------

export const MAX_HOURS_PER_DAY = 24;
export const HOURS_STEP = 0.25;
export const hoursSchema = z
  .number({ error: "Enter the hours as a number, like 1.5." })
  .min(0, "Hours cannot be negative.")
  .max(MAX_HOURS_PER_DAY, `Enter at most ${MAX_HOURS_PER_DAY} hours for one day.`)
  .multipleOf(HOURS_STEP, "Use quarter hours, like 1.25 or 2.5.");

export async function getHours(userId: string): Promise<Map<string, number>> {
  const rows = await db.hoursLog.findMany({ where: { userId }, select: { day: true, hours: true } });
  return new Map(rows.map((r) => [r.day, r.hours]));
}

export type HoursResult = { ok: true; day: string; hours: number } | { ok: false; error: string };

/**
 * Logs the hours studied on one of the user's days (0 clears it). Refuses what cannot be true:
 * a day that does not exist, more than a day holds, and a day that has not begun in the user's
 * time zone.
 */
export async function setHours(userId: string, day: unknown, hours: unknown, clock?: UserClock): Promise<HoursResult> {
  const parsedDay = daySchema.safeParse(day);
  if (!parsedDay.success) return { ok: false, error: parsedDay.error.issues[0]?.message ?? "That is not a date." };
  const parsedHours = hoursSchema.safeParse(hours);
  if (!parsedHours.success) return { ok: false, error: parsedHours.error.issues[0]?.message ?? "That is not a number of hours." };
  const { today } = clock ?? (await getUserClock(userId));
  if (parsedDay.data > today) return { ok: false, error: "That day has not happened yet: log hours once you have studied." };
  const data = { userId, day: parsedDay.data, hours: parsedHours.data };
  if (data.hours === 0) await db.hoursLog.deleteMany({ where: { userId, day: data.day } });
  else await db.hoursLog.upsert({ where: { userId_day: { userId, day: data.day } }, create: data, update: { hours: data.hours } });
  return { ok: true, day: data.day, hours: data.hours };
}

/** Hours logged in each plan week (index 0 = week 1). */
export function hoursPerWeek(hours: Map<string, number>, startDay: string, totalWeeks: number): number[] {
  const totals = Array.from({ length: totalWeeks }, () => 0);
  for (const [day, h] of hours) {
    const week = weekOf(startDay, day, totalWeeks);
    if (week >= 1 && week <= totalWeeks) totals[week - 1]! += h;
  }
  return totals;
}
