import { NextResponse } from "next/server";
import { getExercise } from "@/lib/content/exercises";
import { getSubmission } from "@/lib/exercises/progress";
import { jsonError, requireApiUser } from "@/lib/http";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const { slug, id } = await params;
  const exercise = getExercise(slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  const submission = await getSubmission(user.id, exercise.id, id);
  return submission ? NextResponse.json({ submission }) : jsonError(404, "There is no such submission.");
}
