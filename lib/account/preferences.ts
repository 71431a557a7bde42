import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";

/** An IANA zone this runtime knows ("Europe/Berlin", "UTC"); anything else is refused. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().trim().min(1).max(64).refine(isTimeZone, "is not a time zone this server knows (use a name like Europe/Berlin)");

export const EDITOR_KEYMAPS = ["standard", "vim"] as const;
export type EditorKeymap = (typeof EDITOR_KEYMAPS)[number];

export const preferencesUpdateSchema = z
  .object({
    timeZone: timeZoneSchema.nullable(),
    editorKeymap: z.enum(EDITOR_KEYMAPS),
    editorWrap: z.boolean(),
  })
  .partial()
  .strict();

export interface Preferences {
  /** The user's zone; null when never set (the server's zone applies). */
  timeZone: string | null;
  editorKeymap: EditorKeymap;
  editorWrap: boolean;
}

const DEFAULTS: Preferences = { timeZone: null, editorKeymap: "standard", editorWrap: false };

function normalise(row: { timeZone: string | null; editorKeymap: string; editorWrap: boolean } | null): Preferences {
  if (!row) return DEFAULTS;
  return {
    // A zone stored once and later dropped from the runtime's data falls back instead of throwing.
    timeZone: row.timeZone && isTimeZone(row.timeZone) ? row.timeZone : null,
    editorKeymap: (EDITOR_KEYMAPS as readonly string[]).includes(row.editorKeymap) ? (row.editorKeymap as EditorKeymap) : "standard",
    editorWrap: row.editorWrap,
  };
}

const SELECT = { timeZone: true, editorKeymap: true, editorWrap: true } as const;

export async function getPreferences(userId: string): Promise<Preferences> {
  return normalise(await db.user.findUnique({ where: { id: userId }, select: SELECT }));
}

export async function updatePreferences(userId: string, update: z.infer<typeof preferencesUpdateSchema>): Promise<Preferences> {
  return normalise(await db.user.update({ where: { id: userId }, data: update, select: SELECT }));
}

/** The zone that decides this user's days: theirs, else the server's. */
export function effectiveTimeZone(preferences: Pick<Preferences, "timeZone">): string {
  return preferences.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
