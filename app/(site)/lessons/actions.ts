"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getLessonCatalog } from "@/lib/content/lessons";
import { saveLessonNote } from "@/lib/notes/lesson-notes";
import { baseVersionSchema, noteTextSchema } from "@/lib/notes/versioned";
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

export type NoteSaveResult = { ok: true; version: number } | { ok: false; error: string; conflict?: { version: number; body: string } };

/** Saves the user's note on a lesson; refuses (with the stored text) if it changed elsewhere meanwhile. */
export async function saveLessonNoteAction(lessonRef: string, body: string, baseVersion: number): Promise<NoteSaveResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to keep notes." };
  if (!getLessonCatalog().lessons.has(lessonRef)) return { ok: false, error: "Unknown lesson." };
  const text = noteTextSchema.safeParse(body);
  const version = baseVersionSchema.safeParse(baseVersion);
  if (!text.success || !version.success) return { ok: false, error: text.error?.issues[0]?.message ?? "Invalid note." };
  const saved = await saveLessonNote(user.id, lessonRef, text.data, version.data);
  if (saved.ok) return { ok: true, version: saved.version };
  return { ok: false, error: "This note changed in another tab or device. Your text is kept below; choose which to keep.", conflict: { version: saved.conflict.version, body: saved.conflict.value } };
}
