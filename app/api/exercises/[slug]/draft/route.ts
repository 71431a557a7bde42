import { NextResponse } from "next/server";
import { z } from "zod";
import { getExercise } from "@/lib/content/exercises";
import { getExerciseState, saveDraft, saveMyTests } from "@/lib/exercises/progress";
import { codeSchema } from "@/lib/exercises/service";
import { jsonError, readJson, requireApiUser } from "@/lib/http";
import { MAX_CODE_BYTES } from "@/lib/sandbox/limits";

type Params = { params: Promise<{ slug: string }> };

export async function GET(_request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  const state = await getExerciseState(user.id, exercise.id);
  return NextResponse.json({ code: state.draft, updatedAt: state.draftUpdatedAt, myTests: state.myTests });
}

export async function PUT(request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  // The solution's draft, or the learner's own tests: one of the two per request.
  const body = await readJson(request, z.union([z.strictObject({ code: z.string() }), z.strictObject({ myTests: z.string() })]), MAX_CODE_BYTES * 2 + 1024);
  if (body instanceof NextResponse) return body;
  const text = "code" in body ? body.code : body.myTests;
  if (!codeSchema.safeParse(text).success) return jsonError(413, `The ${"code" in body ? "code" : "test file"} is larger than ${MAX_CODE_BYTES / 1024} KB.`);
  if ("myTests" in body) {
    if (exercise.kind === "predict") return jsonError(400, "A predict exercise has no tests of your own.");
    await saveMyTests(user.id, exercise.id, body.myTests);
    return NextResponse.json({ saved: true });
  }
  const updatedAt = await saveDraft(user.id, exercise.id, body.code);
  return NextResponse.json({ updatedAt });
}
