import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getReadLessonRefs } from "@/lib/progress/lessons";

/** The signed-in user's own progress; there is no way to name another user. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your progress." }, { status: 401 });
  return NextResponse.json({ lessonsRead: [...(await getReadLessonRefs(user.id))].sort() });
}
