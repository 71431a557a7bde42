"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getLessonCatalog } from "@/lib/content/lessons";
import { setLessonRead } from "@/lib/progress/lessons";

const input = z.object({ lessonRef: z.string().max(200), read: z.boolean() });

export async function setLessonReadAction(lessonRef: string, read: boolean): Promise<{ ok: true } | { ok: false; error: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to track your progress." };
  const parsed = input.safeParse({ lessonRef, read });
  if (!parsed.success || !getLessonCatalog().lessons.has(parsed.data.lessonRef)) return { ok: false, error: "Unknown lesson." };
  await setLessonRead(user.id, parsed.data.lessonRef, parsed.data.read);
  revalidatePath("/lessons", "layout");
  return { ok: true };
}
