// Every test file gets its own copy of the migrated database and its own data folder, so files
// run in parallel without seeing each other's rows. Unexpected console.error fails the test.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, vi } from "vitest";

const tmp = path.resolve("tests/.tmp/vitest");
const id = crypto.randomUUID();
const dataDir = path.join(tmp, id);
fs.mkdirSync(dataDir, { recursive: true });
fs.copyFileSync(path.join(tmp, "base.db"), path.join(dataDir, "deepend.db"));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, "deepend.db")}`;
process.env.NEXTAUTH_SECRET = crypto.randomBytes(32).toString("hex");

let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) throw new Error(`Unexpected console.error: ${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
});
