/**
 * The modules a `node` exercise may import, read from the runtime's declarations
 * (`declare module "node:events" { … }`), sorted, each once, with and without the `node:` prefix
 * counted as the same module.
 */
export function listRuntimeModules(declarations: string): string[] {
  const names = new Set<string>();
  for (const match of declarations.matchAll(/^\s*declare\s+module\s+["']([^"']+)["']/gm)) names.add(match[1]!.replace(/^node:/, ""));
  return [...names].sort();
}
