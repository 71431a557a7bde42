import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addons and the sandbox worker must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "esbuild", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
