// Runs the event-loop corpus on its own (`npx vitest run -c tests/event-loop/vitest.config.ts`):
// the same resolution and setup as the main config, only this folder's tests.
import { defineConfig } from "vitest/config";
import base from "../../vitest.config.ts";

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/event-loop/**/*.test.ts"] },
});
