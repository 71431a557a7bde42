import "server-only";
import { db } from "../db/client.ts";
import { saveVersioned, type SaveOutcome } from "./versioned.ts";

export interface LessonNoteDoc {
  body: string;
  version: number;
  updatedAt: Date;
}

export function getLessonNote(userId: string, lessonRef: string): Promise<LessonNoteDoc | null> {
  return db.lessonNote.findUnique({ where: { userId_lessonRef: { userId, lessonRef } }, select: { body: true, version: true, updatedAt: true } });
}

export function saveLessonNote(userId: string, lessonRef: string, body: string, baseVersion: number): Promise<SaveOutcome<string>> {
  return saveVersioned(
    {
      read: async () => {
        const row = await getLessonNote(userId, lessonRef);
        return row && { value: row.body, version: row.version, updatedAt: row.updatedAt };
      },
      create: (text) => db.lessonNote.create({ data: { userId, lessonRef, body: text }, select: { version: true, updatedAt: true } }),
      compareAndSet: async (text, version, updatedAt) => (await db.lessonNote.updateMany({ where: { userId, lessonRef, version }, data: { body: text, version: version + 1, updatedAt } })).count,
    },
    body,
    baseVersion,
  );
}

/** Every lesson note of the user (for their search). */
export function listLessonNotes(userId: string): Promise<Array<{ lessonRef: string; body: string }>> {
  return db.lessonNote.findMany({ where: { userId }, select: { lessonRef: true, body: true } });
}
