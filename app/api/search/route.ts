import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, requireApiUser } from "@/lib/http";
import { SEARCH_QUERY_MAX_CHARS, SEARCH_QUERY_MIN_CHARS } from "@/lib/search/options";
import { searchPersonalNotes } from "@/lib/search/personal";
import { issueLines } from "@/lib/zod-issues";

const querySchema = z.object({ q: z.string().trim().min(SEARCH_QUERY_MIN_CHARS).max(SEARCH_QUERY_MAX_CHARS) });

/** `GET /api/search?q=…` → `{ hits }`: the signed-in user's own retros, design notes and lesson notes that match. */
export async function GET(request: Request) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const parsed = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return jsonError(400, issueLines(parsed.error.issues, "query").join("; "));
  const hits = await searchPersonalNotes(user.id, parsed.data.q);
  // Private: never kept by a shared cache, nor by the browser for another user of the machine.
  return NextResponse.json({ hits }, { headers: { "cache-control": "private, no-store" } });
}
