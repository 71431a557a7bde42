import { NextResponse } from "next/server";
import { getExercise } from "@/lib/content/exercises";
import { listSubmissions } from "@/lib/exercises/progress";
import { jsonError, requireApiUser } from "@/lib/http";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  return NextResponse.json({ submissions: await listSubmissions(user.id, exercise.id) });
}
