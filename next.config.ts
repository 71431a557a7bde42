import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addons and the sandbox worker must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["isolated-vm", "better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // A second build directory lets two builds (e.g. parallel development) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  turbopack: {
    resolveAlias: {
      // The editor's Vim mode (docs/decisions/008-editor-keymaps.md): monaco-vim's UMD build, which
      // bundles the one Monaco internal it needs, bound to the Monaco the page loads from /monaco.
      "monaco-vim": "./node_modules/monaco-vim/dist/monaco-vim.umd.js",
      "monaco-editor/esm/vs/editor/editor.api": "./components/exercise/monaco-global.cjs",
    },
  },
};

export default nextConfig;
