// `npm start`: prepare (database, secret), build when the sources changed since the last build,
// then serve with `next start` on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env.ts";
import { prepare } from "./prepare.ts";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const stampFile = path.join(root, ".next", "deepend-source.sha256");
const SOURCES = ["app", "components", "lib", "content", "prisma", "public", "types", "package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated", "monaco", ".next"]);

function* walk(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of fs.readdirSync(full).sort()) if (!SKIP.has(child)) yield* walk(path.join(entry, child));
}

function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const source of SOURCES) for (const file of walk(source)) hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

prepare();

const fingerprint = sourceFingerprint();
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint;
if (!built) {
  console.log("[start] building the app (first start or changed sources)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, fingerprint);
}

const port = String(env().PORT);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
