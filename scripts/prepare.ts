// Everything the app needs before it can run, idempotent and fast when there is nothing to do:
// the Prisma client, the data folder and auth secret, the migrated database, Monaco's files.
import fs from "node:fs";
import path from "node:path";
import { generatePrismaClient, migrateDatabase } from "../lib/db/migrate.ts";
import { authSecret, databaseUrl, dataDir } from "../lib/env.ts";

const root = process.cwd();

function newerThan(target: string, sources: string[]): boolean {
  if (!fs.existsSync(target)) return false;
  const built = fs.statSync(target).mtimeMs;
  return sources.every((s) => fs.statSync(s).mtimeMs <= built);
}

export function prepare({ quiet = false } = {}): void {
  const log = (message: string) => quiet || console.log(`[prepare] ${message}`);
  const schema = path.join(root, "prisma", "schema.prisma");
  const client = path.join(root, "lib", "generated", "prisma", "client.ts");
  if (!newerThan(client, [schema])) {
    generatePrismaClient();
    log("generated the Prisma client");
  }
  fs.mkdirSync(dataDir(), { recursive: true });
  authSecret();
  migrateDatabase();
  log(`database ready: ${databaseUrl()}`);
  copyMonaco(log);
}

/** Monaco is served from this app's origin (no CDN): copy its prebuilt files into public/. */
function copyMonaco(log: (m: string) => void): void {
  const source = path.join(root, "node_modules", "monaco-editor", "min", "vs");
  const target = path.join(root, "public", "monaco", "vs");
  if (!fs.existsSync(source)) return;
  const version = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "monaco-editor", "package.json"), "utf8")).version as string;
  const stamp = path.join(root, "public", "monaco", "VERSION");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === version) return;
  fs.rmSync(path.dirname(target), { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true });
  fs.writeFileSync(stamp, version);
  log(`copied monaco-editor ${version} to public/monaco`);
}

if (import.meta.main) prepare();
