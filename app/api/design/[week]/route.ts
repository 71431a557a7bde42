import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, readJson, requireApiUser } from "@/lib/http";
import { DESIGN_SECTIONS, designSectionsSchema, getDesignNote, saveDesignNote } from "@/lib/notes/design-notes";
import { baseVersionSchema, MAX_NOTE_CHARS } from "@/lib/notes/versioned";
import { DESIGN_WEEK_ERROR, parseDesignWeek } from "@/lib/notes/weeks";

type Params = { params: Promise<{ week: string }> };

const saveSchema = z.object({ sections: designSectionsSchema, baseVersion: baseVersionSchema });
// Every section may hold a full note; JSON escapes can make one character six bytes.
const MAX_BYTES = DESIGN_SECTIONS.length * (MAX_NOTE_CHARS * 6 + 64) + 1024;

export async function GET(_request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const week = parseDesignWeek((await params).week);
  if (week === null) return jsonError(400, DESIGN_WEEK_ERROR);
  const note = await getDesignNote(user.id, week);
  if (!note) return jsonError(404, `There is no design note for week ${week} yet.`);
  return NextResponse.json(note);
}

/** Autosave: `{ sections, baseVersion }` → 200 `{ version, updatedAt }`, or 409 with the stored sections. */
export async function PUT(request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const week = parseDesignWeek((await params).week);
  if (week === null) return jsonError(400, DESIGN_WEEK_ERROR);
  const input = await readJson(request, saveSchema, MAX_BYTES);
  if (input instanceof NextResponse) return input;
  const outcome = await saveDesignNote(user.id, week, input.sections, input.baseVersion);
  if (outcome.ok) return NextResponse.json({ version: outcome.version, updatedAt: outcome.updatedAt });
  const { version, value, updatedAt } = outcome.conflict;
  return jsonError(409, "This design note was changed in another tab or device.", { conflict: { version, sections: value, updatedAt } });
}
