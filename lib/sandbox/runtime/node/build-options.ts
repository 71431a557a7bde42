import { createRequire } from "node:module";
import type { BuildOptions } from "esbuild";

/*
 * Merged into the sandbox bundler's esbuild options (platform "neutral", format "iife"; build
 * time only, never bundled). The ports of Node's modules (readable-stream and friends) resolve
 * to this runtime's modules and shims instead of Node built-ins or browser globals, and the
 * CommonJS packages are named by file because "neutral" ignores package.json "main".
 */

const here = (relative: string) => new URL(relative, import.meta.url).pathname;
const packageFile = createRequire(import.meta.url).resolve;

export const nodeModulesBuildOptions = {
  alias: {
    events: here("./events.ts"),
    process: here("./process.ts"),
    "abort-controller": here("./shims/abort-controller.ts"),
    buffer: packageFile("buffer/"),
    "safe-buffer": packageFile("buffer/"),
    "base64-js": packageFile("base64-js"),
    ieee754: packageFile("ieee754"),
    string_decoder: packageFile("string_decoder/"),
  },
  inject: [here("./shims/globals.ts")],
  // Nothing to define: the globals the ports read are injected above.
  define: {},
  // Bundling renames clashing top-level names; Node's classes must keep theirs (inspect, errors).
  keepNames: true,
} satisfies Pick<BuildOptions, "alias" | "inject" | "define" | "keepNames">;
