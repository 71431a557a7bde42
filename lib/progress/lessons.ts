import "server-only";
import { db } from "../db/client.ts";

// Every function takes the user id and scopes its query by it: a user only ever touches their own rows.

export async function getReadLessonRefs(userId: string): Promise<Set<string>> {
  const rows = await db.lessonProgress.findMany({ where: { userId }, select: { lessonRef: true } });
  return new Set(rows.map((r) => r.lessonRef));
}

export async function getLessonReadAt(userId: string, lessonRef: string): Promise<Date | null> {
  const row = await db.lessonProgress.findUnique({ where: { userId_lessonRef: { userId, lessonRef } }, select: { readAt: true } });
  return row?.readAt ?? null;
}

export async function setLessonRead(userId: string, lessonRef: string, read: boolean): Promise<void> {
  if (read) {
    await db.lessonProgress.upsert({
      where: { userId_lessonRef: { userId, lessonRef } },
      create: { userId, lessonRef },
      update: {},
    });
  } else {
    await db.lessonProgress.deleteMany({ where: { userId, lessonRef } });
  }
}
