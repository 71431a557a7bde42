// The one way zod issues become text: "path.to.field: message", one line per issue.
export type Issue = { path: PropertyKey[]; message: string };

export function issueLines(issues: readonly Issue[], root = "(root)"): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : root}: ${issue.message}`);
}
