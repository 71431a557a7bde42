import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { noteTextSchema } from "../notes/versioned.ts";

export const CONCEPT_STATUSES = ["not-started", "learning", "done"] as const;
export type ConceptStatusValue = (typeof CONCEPT_STATUSES)[number];
export const conceptUpdateSchema = z.object({ status: z.enum(CONCEPT_STATUSES).optional(), notes: noteTextSchema.optional() });

export interface ConceptProgress {
  status: ConceptStatusValue;
  doneAt: Date | null;
  notes: string;
}

/** A stored status read back: anything unknown (the column is free text) counts as not started. */
export function conceptStatusOf(stored: string): ConceptStatusValue {
  return (CONCEPT_STATUSES as readonly string[]).includes(stored) ? (stored as ConceptStatusValue) : "not-started";
}

export async function getConceptProgress(userId: string): Promise<Map<string, ConceptProgress>> {
  const rows = await db.conceptStatus.findMany({ where: { userId } });
  return new Map(rows.map((r) => [r.conceptId, { status: conceptStatusOf(r.status), doneAt: r.doneAt, notes: r.notes }]));
}

/** Sets status and/or notes; "done" records when, leaving "done" clears it. */
export async function updateConcept(userId: string, conceptId: string, update: z.infer<typeof conceptUpdateSchema>): Promise<void> {
  const existing = await db.conceptStatus.findUnique({ where: { userId_conceptId: { userId, conceptId } } });
  const status = update.status ?? (existing?.status as ConceptStatusValue | undefined) ?? "not-started";
  const doneAt = status === "done" ? (existing?.status === "done" ? existing.doneAt : new Date()) : null;
  await db.conceptStatus.upsert({
    where: { userId_conceptId: { userId, conceptId } },
    create: { userId, conceptId, status, doneAt, notes: update.notes ?? "" },
    update: { status, doneAt, ...(update.notes !== undefined ? { notes: update.notes } : {}) },
  });
}
