// Serves the built app for end-to-end tests on a fresh database in tests/.tmp/e2e.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.resolve(`tests/.tmp/e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "deepend.db")}`, NEXT_TELEMETRY_DISABLED: "1", RUN_RATE_PER_MINUTE: process.env.RUN_RATE_PER_MINUTE ?? "30" };
delete env.NEXTAUTH_SECRET;

const { prepare } = await import("./prepare.ts");
process.env.DATA_DIR = env.DATA_DIR;
process.env.DATABASE_URL = env.DATABASE_URL;
prepare({ quiet: true });

const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
