import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, readJson, requireApiUser } from "@/lib/http";
import { changeDesignTimer, TIMER_ACTIONS, type DesignTimerState } from "@/lib/notes/design-notes";
import { DESIGN_WEEK_ERROR, parseDesignWeek } from "@/lib/notes/weeks";

type Params = { params: Promise<{ week: string }> };

const bodySchema = z.strictObject({ action: z.enum(TIMER_ACTIONS) });

function timerJson(timer: DesignTimerState) {
  return {
    timer: timer.state === "running" ? { state: timer.state, startedAt: timer.startedAt.toISOString() } : timer,
    startedAt: timer.state === "running" ? timer.startedAt.toISOString() : null,
  };
}

/**
 * `{ action: "start" | "pause" | "resume" }` (no body: start) → the timer's state. Stored on the
 * note, so a reload resumes the countdown or keeps it paused.
 */
export async function POST(request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const week = parseDesignWeek((await params).week);
  if (week === null) return jsonError(400, DESIGN_WEEK_ERROR);
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.get("content-type")?.includes("json");
  const input = hasBody ? await readJson(request, bodySchema, 256) : { action: "start" as const };
  if (input instanceof NextResponse) return input;
  return NextResponse.json(timerJson(await changeDesignTimer(user.id, week, input.action)));
}
