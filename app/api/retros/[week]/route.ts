import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, readJson, requireApiUser } from "@/lib/http";
import { getRetro, saveRetro } from "@/lib/notes/retros";
import { baseVersionSchema, MAX_NOTE_CHARS, noteTextSchema } from "@/lib/notes/versioned";
import { parseRetroWeek, RETRO_WEEK_ERROR } from "@/lib/notes/weeks";

type Params = { params: Promise<{ week: string }> };

const saveSchema = z.object({ body: noteTextSchema, baseVersion: baseVersionSchema });
// JSON escapes can make one character six bytes ("\u0000"); the text limit itself is checked by zod.
const MAX_BYTES = MAX_NOTE_CHARS * 6 + 1024;

export async function GET(_request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const week = parseRetroWeek((await params).week);
  if (week === null) return jsonError(400, RETRO_WEEK_ERROR);
  const retro = await getRetro(user.id, week);
  if (!retro) return jsonError(404, `There is no retrospective for week ${week} yet.`);
  return NextResponse.json(retro);
}

/** Autosave: `{ body, baseVersion }` → 200 `{ version, updatedAt }`, or 409 with the stored text. */
export async function PUT(request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const week = parseRetroWeek((await params).week);
  if (week === null) return jsonError(400, RETRO_WEEK_ERROR);
  const input = await readJson(request, saveSchema, MAX_BYTES);
  if (input instanceof NextResponse) return input;
  const outcome = await saveRetro(user.id, week, input.body, input.baseVersion);
  if (outcome.ok) return NextResponse.json({ version: outcome.version, updatedAt: outcome.updatedAt });
  const { version, value, updatedAt } = outcome.conflict;
  return jsonError(409, "This retrospective was changed in another tab or device.", { conflict: { version, body: value, updatedAt } });
}
