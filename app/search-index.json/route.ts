import { getLessonCatalog } from "@/lib/content/lessons";
import { buildSearchIndex } from "@/lib/content/search";

// Built once, at build time: the lessons are part of the build.
export const dynamic = "force-static";

export function GET() {
  return new Response(buildSearchIndex(getLessonCatalog()), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
