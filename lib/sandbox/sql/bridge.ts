// The narrow bridge between an isolate and the run's SQL session: JSON text in, JSON text out.
// Requests are validated here (the isolate runs learner code); values cross as copies.
import { z } from "zod";
import { EngineBrokenError, SqlTimeLimit, type SqlSession, type WireError } from "./session.ts";

const MAX_REQUEST_CHARS = 1024 * 1024;

const param: z.ZodType<string | number | boolean | null | unknown[]> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(param).max(10_000)]));
const params = z.array(param).max(1000).default([]);

const requestSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("query"), text: z.string(), params }),
  z.object({ op: z.literal("exec"), script: z.string() }),
  z.object({ op: z.literal("transaction"), action: z.enum(["begin", "commit", "rollback"]), handle: z.number().int().min(0) }),
  z.object({ op: z.literal("reset") }),
  z.object({ op: z.literal("fixture") }),
  z.object({ op: z.literal("learner") }),
  z.object({ op: z.literal("learnerRun") }),
  z.object({ op: z.literal("explain"), sql: z.string(), analyze: z.boolean().default(false), params }),
]);

let current: { session: SqlSession; fixture: string; broken?: Error } | undefined;

export function attachSession(session: SqlSession, fixture: string): void {
  current = { session, fixture };
}

/** Detaches the run's session; returns the error that broke the engine during the run, if any. */
export function detachSession(): Error | undefined {
  const broken = current?.broken;
  current = undefined;
  return broken;
}

const failure = (code: string, message: string): { ok: false; error: WireError } => ({ ok: false, error: { code, message } });

/** Called synchronously from inside the isolate. */
export function sqlDispatch(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > MAX_REQUEST_CHARS) return JSON.stringify(failure("54000", `a database request may be at most ${MAX_REQUEST_CHARS / 1024} KB of text`));
  if (!current) return JSON.stringify(failure("08003", "this run has no database"));
  if (current.broken) return JSON.stringify(failure("08006", "the database stopped working during this run"));
  let request: z.infer<typeof requestSchema>;
  try {
    request = requestSchema.parse(JSON.parse(raw));
  } catch {
    return JSON.stringify(failure("08P01", "malformed database request"));
  }
  const { session } = current;
  try {
    switch (request.op) {
      case "query":
        return JSON.stringify(session.query(request.text, request.params as never));
      case "exec":
        return JSON.stringify(session.exec(request.script));
      case "transaction":
        return JSON.stringify(session.transaction(request.action, request.handle));
      case "reset":
        return JSON.stringify(session.reset());
      case "fixture":
        return JSON.stringify({ ok: true, fixture: current.fixture });
      case "learner":
        return JSON.stringify({ ok: true, ...session.learnerInfo() });
      case "learnerRun":
        return JSON.stringify({ ok: true, results: session.learnerRun() });
      case "explain":
        return JSON.stringify(session.explain(request.sql, request.analyze, request.params as never));
    }
  } catch (error) {
    if (error instanceof SqlTimeLimit) return JSON.stringify(failure("57014", error.message));
    // Anything else means the engine is in a state we do not know: this run ends with an error and
    // the worker opens a new engine for the next.
    current.broken = error instanceof Error ? error : new EngineBrokenError(String(error));
    return JSON.stringify(failure("08006", "the database stopped working during this run"));
  }
}
