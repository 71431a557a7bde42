"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { daySchema, isPlanItemId, pausePlan, resumePlan, setHours, setItemChecked, setStartDay } from "@/lib/plan/progress";

type Result = { ok: true } | { ok: false; error: string };

async function withUser(run: (userId: string) => Promise<Result | void>): Promise<Result> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to track your plan." };
  const result = await run(user.id);
  revalidatePath("/", "layout");
  return result ?? { ok: true };
}

export async function setStartDayAction(day: string): Promise<Result> {
  const parsed = daySchema.safeParse(day);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid date." };
  return withUser((userId) => setStartDay(userId, parsed.data));
}

export async function pausePlanAction(): Promise<Result> {
  return withUser((userId) => pausePlan(userId));
}

export async function resumePlanAction(): Promise<Result> {
  return withUser((userId) => resumePlan(userId));
}

export async function setItemCheckedAction(itemId: string, checked: boolean): Promise<Result> {
  if (!z.string().max(200).safeParse(itemId).success || typeof checked !== "boolean" || !isPlanItemId(itemId)) return { ok: false, error: "Unknown plan item." };
  return withUser((userId) => setItemChecked(userId, itemId, checked));
}

/** Validation and the future-day rule live in setHours; this only names the user. */
export async function setHoursAction(day: string, hours: number): Promise<Result> {
  return withUser(async (userId) => {
    const result = await setHours(userId, day, hours);
    return result.ok ? { ok: true } : result;
  });
}
