import { NextResponse } from "next/server";
import { getExercise } from "@/lib/content/exercises";
import { revealPrediction } from "@/lib/exercises/predict";
import { getExerciseState } from "@/lib/exercises/progress";
import { jsonError, requireApiUser } from "@/lib/http";

type Params = { params: Promise<{ slug: string }> };

/** The reference solution (predict: the output and its walkthrough), only for a user who has solved the exercise. */
export async function GET(_request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  const state = await getExerciseState(user.id, exercise.id);
  if (!state.solvedAt) return jsonError(403, "Solve the exercise first: the reference solution opens once all hidden tests pass.");
  if (exercise.kind === "predict") return revealed(exercise);
  return NextResponse.json({ solution: exercise.solution });
}

/** Giving up on a predict exercise: the output and its walkthrough, solved or not (it stays unsolved). */
export async function POST(_request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  if (exercise.kind !== "predict") return jsonError(405, "Only predict exercises can be given up; the reference solution of a coding exercise opens once it is solved.");
  return revealed(exercise);
}

async function revealed(exercise: NonNullable<ReturnType<typeof getExercise>>) {
  try {
    return NextResponse.json(await revealPrediction(exercise));
  } catch (error) {
    return jsonError(503, `The program's output could not be computed right now: ${(error as Error).message}`);
  }
}
