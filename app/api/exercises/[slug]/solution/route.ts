import { NextResponse } from "next/server";
import { getExercise } from "@/lib/content/exercises";
import { getExerciseState } from "@/lib/exercises/progress";
import { jsonError, requireApiUser } from "@/lib/http";

/** The reference solution, only for a user who has solved the exercise. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  const state = await getExerciseState(user.id, exercise.id);
  if (!state.solvedAt) return jsonError(403, "Solve the exercise first: the reference solution opens once all hidden tests pass.");
  return NextResponse.json({ solution: exercise.solution });
}
