import { NextResponse } from "next/server";
import { z } from "zod";
import { getExercise } from "@/lib/content/exercises";
import { getExerciseState, saveDraft } from "@/lib/exercises/progress";
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
  return NextResponse.json({ code: state.draft, updatedAt: state.draftUpdatedAt });
}

export async function PUT(request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const exercise = getExercise((await params).slug);
  if (!exercise) return jsonError(404, "There is no such exercise.");
  const body = await readJson(request, z.object({ code: z.string() }), MAX_CODE_BYTES * 2 + 1024);
  if (body instanceof NextResponse) return body;
  if (!codeSchema.safeParse(body.code).success) return jsonError(413, `The code is larger than ${MAX_CODE_BYTES / 1024} KB.`);
  const updatedAt = await saveDraft(user.id, exercise.id, body.code);
  return NextResponse.json({ updatedAt });
}
