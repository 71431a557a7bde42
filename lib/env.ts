// The one place that reads process.env: parsed and typed once, with a clear error when invalid.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { issueLines } from "./zod-issues.ts";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Where the app keeps its database file and generated secrets. */
  DATA_DIR: z.string().min(1).default("data"),
  /** Overrides the database location, e.g. file:/var/lib/deepend/deepend.db */
  DATABASE_URL: z.string().min(1).optional(),
  /** next-auth's signing secret; generated into DATA_DIR on first start when absent. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /**
   * The public URL, only to mark session cookies Secure when it is https. Not needed otherwise:
   * every redirect is relative, so the app works under whatever host the browser used.
   */
  NEXTAUTH_URL: z.url().optional(),
  /** true behind a reverse proxy that sets X-Forwarded-Proto (and strips it from clients). */
  TRUST_PROXY: bool.default(false),
  /** false closes sign-up once the first account exists. */
  ALLOW_SIGNUP: bool.default(true),
  SANDBOX_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  SANDBOX_MEMORY_MB: z.coerce.number().int().min(16).max(2048).default(64),
  SANDBOX_CPU_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  SANDBOX_WALL_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  /** SQL runs: the database's work is host time, not the isolate's CPU; building an index on 300,000 rows takes a second or more. */
  SANDBOX_SQL_WALL_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SANDBOX_QUEUE: z.coerce.number().int().min(0).max(10_000).default(64),
  /** Run/submit requests allowed per user per minute. */
  RUN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const lines = issueLines(result.error.issues).map((line) => `  ${line}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  parsed = result.data;
  return parsed;
}

/** Forget the parsed environment (tests change process.env between cases). */
export function resetEnv(): void {
  parsed = undefined;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

export function databaseUrl(): string {
  return env().DATABASE_URL ?? `file:${path.join(dataDir(), "deepend.db")}`;
}

/** The database file path, for SQLite URLs. */
export function databaseFile(): string {
  return databaseUrl().replace(/^file:/, "");
}

export function sandboxWorkerCount(): number {
  return env().SANDBOX_WORKERS ?? Math.max(1, os.availableParallelism());
}

/**
 * next-auth's secret: from NEXTAUTH_SECRET, else from DATA_DIR/auth-secret, created on first use
 * (exclusive create, so two processes starting at once agree on one secret).
 */
export function authSecret(): string {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir(), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}
