import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { nodeVersionProblem } = require("../../scripts/check-node.cjs") as { nodeVersionProblem: (v: string) => string | null };
const root = path.resolve(import.meta.dirname, "../..");

/** A Node older than 24 on this machine (CI machines ship Node 20 as the system node), if any. */
function olderNode(): string | null {
  for (const candidate of ["/usr/bin/node", "/usr/local/bin/node"]) {
    if (!fs.existsSync(candidate)) continue;
    const version = execFileSync(candidate, ["--version"], { encoding: "utf8" }).trim();
    if (Number(version.slice(1).split(".")[0]) < 24) return candidate;
  }
  return null;
}
const oldNode = olderNode();

describe("the Node version check", () => {
  it("accepts Node 24 and newer and names what to install otherwise, in one line", () => {
    expect(nodeVersionProblem("v24.0.0")).toBeNull();
    expect(nodeVersionProblem("v26.1.2")).toBeNull();
    for (const old of ["v20.20.2", "v22.12.0", "v18.0.0", "garbage"]) {
      const problem = nodeVersionProblem(old);
      expect(problem).toContain("Node.js 24");
      expect(problem).toContain(old);
      expect(problem).not.toContain("\n");
    }
  });

  it("lets the README commands through on this Node", () => {
    const result = spawnSync(process.execPath, [path.join(root, "scripts/check-node.cjs")], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });

  it.skipIf(!oldNode)("stops `npm start` and `npm test` on an older Node with one line", () => {
    const result = spawnSync(oldNode!, [path.join(root, "scripts/check-node.cjs")], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^Deepend needs Node\.js 24 or newer, but this is Node\.js v\d+/);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const script of ["start", "test", "dev", "build"]) expect(pkg.scripts[script]).toMatch(/^node scripts\/check-node\.cjs && /);
  });

  it.skipIf(!oldNode)("makes `npm install` on an older Node refuse at once, naming the Node it needs, before building anything", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deepend-node20-"));
    for (const file of ["package.json", "package-lock.json", ".npmrc"]) fs.copyFileSync(path.join(root, file), path.join(dir, file));
    const npmCli = path.join(path.dirname(fs.realpathSync(oldNode!)), "../lib/node_modules/npm/bin/npm-cli.js");
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_"))) as NodeJS.ProcessEnv;
    const result = spawnSync(oldNode!, [npmCli, "install", "--dry-run", "--offline", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8", env, timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain("EBADENGINE");
    expect(output).toContain('Required: {"node":">=24"}');
    expect(output).not.toMatch(/gyp/i);
  });
});
