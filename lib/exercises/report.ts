import type { RunResult } from "../sandbox/types.ts";

const STATUS_TEXT: Record<RunResult["status"], string> = {
  passed: "PASSED",
  failed: "FAILED",
  error: "ERROR",
  timeout: "TIMEOUT",
  memory: "MEMORY LIMIT",
  busy: "BUSY",
};

/** A readable, plain-text report of a run (for the CLI). */
export function formatReport(result: RunResult, { onlyFailures = false } = {}): string {
  const lines: string[] = [];
  for (const e of result.compileErrors ?? []) lines.push(`solution.ts:${e.line}:${e.column}: ${e.message}`);
  if (result.error) lines.push(`${result.error.message}${result.error.line ? ` (solution.ts:${result.error.line}:${result.error.column ?? 1})` : ""}`);
  for (const t of result.tests) {
    if (onlyFailures && t.status === "passed") continue;
    const tag = t.hidden ? " [hidden]" : "";
    lines.push(`${t.status === "passed" ? "✓" : "✗"} ${t.name}${tag} (${t.durationMs} ms)`);
    if (t.status === "failed" && t.message) lines.push(`    ${t.message}${t.line ? ` (solution.ts:${t.line}:${t.column ?? 1})` : ""}`);
    if (t.status === "failed" && t.failedAt) lines.push(`    at ${t.failedAt.file}:${t.failedAt.line}${t.failedAt.source ? `: ${t.failedAt.source}` : ""}`);
  }
  for (const c of result.console) lines.push(`console.${c.level}: ${c.text}`);
  const passed = result.tests.filter((t) => t.status === "passed").length;
  lines.push(`${STATUS_TEXT[result.status]}: ${passed}/${result.tests.length} tests passed in ${result.durationMs} ms`);
  return lines.join("\n");
}
