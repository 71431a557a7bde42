import "server-only";
import { db } from "../db/client.ts";
import { saveVersioned, type SaveOutcome, type VersionedStore } from "./versioned.ts";

export interface RetroDoc {
  week: number;
  body: string;
  version: number;
  updatedAt: Date;
}

const SELECT = { week: true, body: true, version: true, updatedAt: true } as const;

export function getRetro(userId: string, week: number): Promise<RetroDoc | null> {
  return db.retrospective.findUnique({ where: { userId_week: { userId, week } }, select: SELECT });
}

export function listRetros(userId: string): Promise<RetroDoc[]> {
  return db.retrospective.findMany({ where: { userId }, orderBy: { week: "asc" }, select: SELECT });
}

function store(userId: string, week: number): VersionedStore<string> {
  return {
    read: async () => {
      const row = await getRetro(userId, week);
      return row && { value: row.body, version: row.version, updatedAt: row.updatedAt };
    },
    create: (body) => db.retrospective.create({ data: { userId, week, body }, select: { version: true, updatedAt: true } }),
    compareAndSet: async (body, version, updatedAt) => (await db.retrospective.updateMany({ where: { userId, week, version }, data: { body, version: version + 1, updatedAt } })).count,
  };
}

/** Saves when `baseVersion` is the stored version (0 = nothing stored yet); otherwise a conflict. */
export function saveRetro(userId: string, week: number, body: string, baseVersion: number): Promise<SaveOutcome<string>> {
  return saveVersioned(store(userId, week), body, baseVersion);
}

/**
 * The retrospectives in which every word appears (case-insensitive) in what the user wrote.
 * Heading lines are skipped: every retro starts from the same template questions, which would
 * otherwise match everything. `words` are already lowercased (searchWords()).
 */
export function matchRetros(retros: RetroDoc[], words: string[]): RetroDoc[] {
  if (words.length === 0) return [];
  const written = (body: string) => body.split("\n").filter((line) => !/^\s{0,3}#/.test(line)).join("\n").toLowerCase();
  return retros.filter((r) => {
    const text = written(r.body);
    return words.every((w) => text.includes(w));
  });
}
