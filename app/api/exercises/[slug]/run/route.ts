import { NextResponse } from "next/server";
import { runForUser, runRequestSchema } from "@/lib/exercises/service";
import { jsonError, readJson, requireApiUser } from "@/lib/http";
import { MAX_CODE_BYTES } from "@/lib/sandbox/limits";

type Params = { params: Promise<{ slug: string }> };

/** POST { code, mode: "run" | "submit", myTests? } → the sandbox's result (and the stored submission). */
export async function POST(request: Request, { params }: Params) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const { slug } = await params;
  const body = await readJson(request, runRequestSchema, MAX_CODE_BYTES * 4 + 1024);
  if (body instanceof NextResponse) return body;
  const outcome = await runForUser(user.id, slug, body.code, body.mode, body.myTests);
  switch (outcome.kind) {
    case "not-found":
      return jsonError(404, `There is no exercise "${slug}".`);
    case "too-large":
      return jsonError(413, `The code is larger than ${MAX_CODE_BYTES / 1024} KB. Trim it and try again.`);
    case "rate-limited": {
      const seconds = Math.ceil(outcome.retryAfterMs / 1000);
      return jsonError(429, `Too many runs. Try again in ${seconds} s.`, { retryAfterMs: outcome.retryAfterMs }, { "Retry-After": String(seconds) });
    }
    case "ok":
      return NextResponse.json({ result: outcome.result, submission: outcome.submission ?? null }, { status: outcome.result.status === "busy" ? 503 : 200 });
  }
}
