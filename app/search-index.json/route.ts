import { buildPublicSearchIndex } from "@/lib/search/public-index";

// Built once, at build time: lessons and exercises are part of the build. Personal notes are never
// in here: they are searched by /api/search, per user.
export const dynamic = "force-static";

export function GET() {
  return new Response(buildPublicSearchIndex(), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
