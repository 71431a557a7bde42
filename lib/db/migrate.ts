import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, databaseUrl } from "../env.ts";

const PRISMA_CLI = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");

/**
 * Environment for the Prisma CLI: the JS schema engine needs no native binaries, and pointing the
 * engine variables at an existing file stops the CLI from trying to download them (offline hosts).
 */
export function prismaCliEnv(url = databaseUrl()): NodeJS.ProcessEnv {
  const placeholder = path.join(process.cwd(), "package.json");
  return {
    ...process.env,
    DATABASE_URL: url,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

export function runPrisma(args: string[], url = databaseUrl()): string {
  return execFileSync(process.execPath, [PRISMA_CLI, ...args], { env: prismaCliEnv(url), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Creates the SQLite file's folder and applies pending migrations (idempotent). */
export function migrateDatabase(url = databaseUrl()): void {
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url === databaseUrl() ? databaseFile() : url.slice(5)), { recursive: true });
  try {
    runPrisma(["migrate", "deploy"], url);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Database migration failed for ${url}:\n${e.stderr || e.stdout || e.message}`);
  }
}

export function generatePrismaClient(): void {
  runPrisma(["generate"]);
}
