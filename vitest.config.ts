import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // Server-only modules are imported directly by tests, which run on the server side.
      "server-only": path.resolve("tests/setup/empty.ts"),
      "@": path.resolve("."),
    },
  },
  test: {
    include: ["tests/{unit,integration,sandbox,content,event-loop}/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A focused test (it.only) would silently skip the rest of the suite. The `.only` calls in
    // tests/sandbox/jest-compat.test.ts are inside sandbox test sources (strings), not this suite.
    allowOnly: false,
  },
});
