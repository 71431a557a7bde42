import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { PublicUser } from "./auth/accounts.ts";
import { issueLines } from "./zod-issues.ts";
import { getCurrentUser } from "./auth/session.ts";

/** Every API error has the same shape: `{ error: "human message", ...details }`. */
export function jsonError(status: number, error: string, details: Record<string, unknown> = {}, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error, ...details }, { status, headers });
}

export async function requireApiUser(): Promise<PublicUser | NextResponse> {
  const user = await getCurrentUser();
  return user ?? jsonError(401, "Sign in to do this.");
}

/**
 * The body as text, or null once it passes `maxBytes`: read chunk by chunk, so a body sent
 * without a Content-Length (chunked) is never buffered whole.
 */
async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and validates a JSON body, refusing bodies over `maxBytes` before parsing them. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes: number): Promise<z.infer<T> | NextResponse> {
  const text = await readBoundedText(request, maxBytes);
  if (text === null) return jsonError(413, `The request is larger than ${Math.round(maxBytes / 1024)} KB.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return jsonError(400, "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return jsonError(400, issueLines(parsed.error.issues, "body").join("; "));
  return parsed.data;
}
