import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { noteTextSchema, saveVersioned, type SaveOutcome, type VersionedStore } from "./versioned.ts";

/** The practice method's sections, in order. `diagram` holds Mermaid code. */
export const DESIGN_SECTIONS = [
  { id: "requirements", title: "Requirements and estimates" },
  { id: "api", title: "API" },
  { id: "data-model", title: "Data model" },
  { id: "high-level", title: "High-level design" },
  { id: "diagram", title: "Diagram (Mermaid)" },
  { id: "deep-dives", title: "Deep dives and trade-offs" },
  { id: "research", title: "Research notes" },
  { id: "comparison", title: "Comparison with the real architecture" },
  { id: "learnings", title: "Learnings" },
] as const;

export type DesignSectionId = (typeof DESIGN_SECTIONS)[number]["id"];
export const designSectionsSchema = z.partialRecord(z.enum(DESIGN_SECTIONS.map((s) => s.id) as [DesignSectionId, ...DesignSectionId[]]), noteTextSchema);
export type DesignSections = z.infer<typeof designSectionsSchema>;

export interface DesignNoteDoc {
  week: number;
  sections: DesignSections;
  timerStartedAt: Date | null;
  version: number;
  updatedAt: Date;
}

const SELECT = { week: true, sectionsJson: true, timerStartedAt: true, version: true, updatedAt: true } as const;

/**
 * Stored sections, section by section: one that no longer fits the schema (a section renamed or
 * removed, a lower size limit) is left out on its own instead of blanking the whole note, which
 * the next autosave would then store.
 */
export function readSections(sectionsJson: string): DesignSections {
  let stored: unknown;
  try {
    stored = JSON.parse(sectionsJson);
  } catch {
    return {};
  }
  if (stored === null || typeof stored !== "object") return {};
  const sections: DesignSections = {};
  for (const { id } of DESIGN_SECTIONS) {
    const text = noteTextSchema.safeParse((stored as Record<string, unknown>)[id]);
    if (text.success) sections[id] = text.data;
  }
  return sections;
}

function toDoc(row: { week: number; sectionsJson: string; timerStartedAt: Date | null; version: number; updatedAt: Date }): DesignNoteDoc {
  return { week: row.week, sections: readSections(row.sectionsJson), timerStartedAt: row.timerStartedAt, version: row.version, updatedAt: row.updatedAt };
}

export async function getDesignNote(userId: string, week: number): Promise<DesignNoteDoc | null> {
  const row = await db.designNote.findUnique({ where: { userId_week: { userId, week } }, select: SELECT });
  return row ? toDoc(row) : null;
}

export async function listDesignNotes(userId: string): Promise<DesignNoteDoc[]> {
  return (await db.designNote.findMany({ where: { userId }, orderBy: { week: "asc" }, select: SELECT })).map(toDoc);
}

function store(userId: string, week: number): VersionedStore<DesignSections> {
  return {
    read: async () => {
      const doc = await getDesignNote(userId, week);
      return doc && { value: doc.sections, version: doc.version, updatedAt: doc.updatedAt };
    },
    create: (sections) => db.designNote.create({ data: { userId, week, sectionsJson: JSON.stringify(sections) }, select: { version: true, updatedAt: true } }),
    compareAndSet: async (sections, version, updatedAt) =>
      (await db.designNote.updateMany({ where: { userId, week, version }, data: { sectionsJson: JSON.stringify(sections), version: version + 1, updatedAt } })).count,
  };
}

export function saveDesignNote(userId: string, week: number, sections: DesignSections, baseVersion: number): Promise<SaveOutcome<DesignSections>> {
  return saveVersioned(store(userId, week), sections, baseVersion);
}

/** Starts (or restarts) the 45-minute design timer; the start time is kept so a reload resumes it. */
export async function startDesignTimer(userId: string, week: number): Promise<Date> {
  const now = new Date();
  await db.designNote.upsert({
    where: { userId_week: { userId, week } },
    create: { userId, week, sectionsJson: "{}", timerStartedAt: now },
    update: { timerStartedAt: now },
  });
  return now;
}
