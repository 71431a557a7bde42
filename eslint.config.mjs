import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "tests/.tmp/**", "node_modules/**", "public/monaco/**", "lib/generated/**", "content/**", "playwright-report/**", "test-results/**", "next-env.d.ts"]),
  {
    // The harness is plain JavaScript split into modules: an undefined name is a missing import.
    files: ["lib/sandbox/runtime/harness/**/*.js"],
    languageOptions: { globals: globals.es2024 },
    rules: { "no-undef": "error" },
  },
  {
    // The event-loop corpus is CommonJS on purpose: the programs run as Node's main module.
    files: ["tests/event-loop/corpus/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
