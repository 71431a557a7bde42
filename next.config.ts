import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addons and the sandbox worker must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // A second build directory lets two builds (e.g. parallel development) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
};

export default nextConfig;
