import { NextResponse } from "next/server";
import { jsonError, requireApiUser } from "@/lib/http";
import { startDesignTimer } from "@/lib/notes/design-notes";
import { DESIGN_WEEK_ERROR, parseDesignWeek } from "@/lib/notes/weeks";

type Params = { params: Promise<{ week: string }> };

/** Starts (or restarts) the 45-minute timer; the stored start lets a reload resume the countdown. */
export async function POST(_request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const week = parseDesignWeek((await params).week);
  if (week === null) return jsonError(400, DESIGN_WEEK_ERROR);
  return NextResponse.json({ startedAt: await startDesignTimer(user.id, week) });
}
