"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { conceptUpdateSchema, updateConcept } from "@/lib/checklist/progress";
import { getChecklist } from "@/lib/plan/content";

export async function updateConceptAction(conceptId: string, update: unknown): Promise<{ ok: true; doneAt: string | null } | { ok: false; error: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to keep your checklist." };
  const known = getChecklist().categories.some((c) => c.concepts.some((concept) => concept.id === conceptId));
  const parsed = conceptUpdateSchema.safeParse(update);
  if (!known) return { ok: false, error: "Unknown concept." };
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid update." };
  await updateConcept(user.id, conceptId, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true, doneAt: parsed.data.status === "done" ? new Date().toISOString() : null };
}
