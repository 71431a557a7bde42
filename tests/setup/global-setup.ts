// Migrates one base SQLite database per test run; each test file copies it (see per-file.ts).
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate.ts";

export const TMP_DIR = path.resolve("tests/.tmp/vitest");
export const BASE_DB = path.join(TMP_DIR, "base.db");

export default function setup(): () => void {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  migrateDatabase(`file:${BASE_DB}`);
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
