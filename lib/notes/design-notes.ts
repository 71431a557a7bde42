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
  /** When the running timer (re)started counting; null when it is paused or never started. */
  timerStartedAt: Date | null;
  timer: DesignTimerState;
  version: number;
  updatedAt: Date;
}

const SELECT = { week: true, sectionsJson: true, timerStartedAt: true, timerPausedMs: true, version: true, updatedAt: true } as const;

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

function toDoc(row: { week: number; sectionsJson: string; timerStartedAt: Date | null; timerPausedMs: number | null; version: number; updatedAt: Date }): DesignNoteDoc {
  const timer = readTimer(row);
  return { week: row.week, sections: readSections(row.sectionsJson), timerStartedAt: timer.state === "running" ? timer.startedAt : null, timer, version: row.version, updatedAt: row.updatedAt };
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

// ---- the 45-minute timer ------------------------------------------------------------------------

export type DesignTimerState = { state: "idle" } | { state: "running"; startedAt: Date } | { state: "paused"; elapsedMs: number };

/** Stored timer columns: at most one of the two is set (running or paused); neither when idle. */
export interface StoredTimer {
  timerStartedAt: Date | null;
  timerPausedMs: number | null;
}

export function readTimer(stored: StoredTimer): DesignTimerState {
  if (stored.timerStartedAt) return { state: "running", startedAt: stored.timerStartedAt };
  if (stored.timerPausedMs !== null) return { state: "paused", elapsedMs: stored.timerPausedMs };
  return { state: "idle" };
}

export function storeTimer(timer: DesignTimerState): StoredTimer {
  if (timer.state === "running") return { timerStartedAt: timer.startedAt, timerPausedMs: null };
  if (timer.state === "paused") return { timerStartedAt: null, timerPausedMs: Math.max(0, Math.round(timer.elapsedMs)) };
  return { timerStartedAt: null, timerPausedMs: null };
}

export const TIMER_ACTIONS = ["start", "pause", "resume"] as const;
export type TimerAction = (typeof TIMER_ACTIONS)[number];

/** The timer after `action` at `now`: start restarts from zero; pause and resume keep the time used. */
export function nextTimer(current: DesignTimerState, action: TimerAction, now: Date): DesignTimerState {
  if (action === "start") return { state: "running", startedAt: now };
  if (action === "pause" && current.state === "running") return { state: "paused", elapsedMs: Math.max(0, now.getTime() - current.startedAt.getTime()) };
  if (action === "resume" && current.state === "paused") return { state: "running", startedAt: new Date(now.getTime() - current.elapsedMs) };
  return current;
}

/** Starts, pauses or resumes the timer; stored on the note, so a reload (or another device) continues it. */
export async function changeDesignTimer(userId: string, week: number, action: TimerAction, now = new Date()): Promise<DesignTimerState> {
  const row = await db.designNote.findUnique({ where: { userId_week: { userId, week } }, select: { timerStartedAt: true, timerPausedMs: true } });
  const timer = nextTimer(readTimer(row ?? { timerStartedAt: null, timerPausedMs: null }), action, now);
  const stored = storeTimer(timer);
  await db.designNote.upsert({ where: { userId_week: { userId, week } }, create: { userId, week, sectionsJson: "{}", ...stored }, update: stored });
  return timer;
}

/** Starts (or restarts) the 45-minute design timer; the start time is kept so a reload resumes it. */
export async function startDesignTimer(userId: string, week: number): Promise<Date> {
  const now = new Date();
  await changeDesignTimer(userId, week, "start", now);
  return now;
}
