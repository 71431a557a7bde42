import { NextResponse } from "next/server";
import { getExercise } from "@/lib/content/exercises";
import { revealNextHint } from "@/lib/exercises/progress";
import { jsonError, requireApiUser } from "@/lib/http";

/** Reveals one more hint and returns every hint revealed so far. */
export async function POST(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  const revealed = await revealNextHint(user.id, exercise.id, exercise.hints.length);
  return NextResponse.json({ hints: exercise.hints.slice(0, revealed), total: exercise.hints.length });
}
