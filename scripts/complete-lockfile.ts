// Our build machines reach a registry that does not serve some other platforms' optional native
// packages (e.g. @next/swc-darwin-arm64). `npm install` then leaves them out of package-lock.json,
// and `npm ci` refuses the lock as incomplete. This adds a placeholder entry for every optional
// platform package that is missing, with its os/cpu/libc, so npm ci skips it on other platforms
// exactly as it would with the real entry. Run after changing dependencies:
//   node scripts/complete-lockfile.ts
import fs from "node:fs";

const LOCK = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8")) as { packages: Record<string, { optionalDependencies?: Record<string, string>; version?: string }> };

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPU: Record<string, string> = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", wasm32: "wasm32", mips64el: "mips64el" };

function platformOf(name: string): { os?: string[]; cpu?: string[]; libc?: string[] } | null {
  const parts = name.split("/").pop()!.split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p] ?? (p.startsWith("arm") ? "arm" : undefined)).find(Boolean);
  if (!cpu) return null;
  const libc = parts.includes("musl") || parts.some((p) => p.startsWith("musl")) ? ["musl"] : parts.includes("gnu") || parts.some((p) => p.startsWith("gnu")) ? ["glibc"] : undefined;
  return { ...(os ? { os: [os === "openharmony" ? "openharmony" : os] } : {}), cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[hoisted] = { version, optional: true, ...platform } as never;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} placeholder entr${added === 1 ? "y" : "ies"}`);
