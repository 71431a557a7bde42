import { NextResponse } from "next/server";
import { z } from "zod";
import { importUserData, labelledSummary } from "@/lib/account/data";
import { jsonError, readJson, requireApiUser } from "@/lib/http";

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** POST an export file's JSON; all or nothing. 200 `{ summary }` per kind, or 400 `{ error, problems }` in words. */
export async function POST(request: Request) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const body = await readJson(request, z.unknown(), MAX_IMPORT_BYTES);
  if (body instanceof NextResponse) return body;
  const result = await importUserData(user.id, body);
  return result.ok ? NextResponse.json({ summary: labelledSummary(result.summary) }) : jsonError(400, result.error, { problems: result.problems });
}
