// The Node runtime of `node` exercises and programs, evaluated in the isolate after the harness and
// before lockdown. Everything here is JavaScript inside the isolate: the harness gives it the event
// loop, the console and time through `host`; nothing of the host process is reachable.
import { createNodeModules, type RuntimeHost as NodeHost } from "./node/index.ts";
import { createFs } from "./node-fs.ts";
import { createWebGlobals } from "./web/index.ts";

type RuntimeHost = NodeHost & {
  io(callback: (...args: unknown[]) => void, args: unknown[], latencyMs: number, detail: string): void;
  files(): Record<string, string>;
};

declare const __deependHarness: { installRuntime(create: (host: RuntimeHost) => { globals: Record<string, unknown>; modules: Record<string, unknown> }): void };

__deependHarness.installRuntime((host) => {
  const web = createWebGlobals(host);
  const node = createNodeModules(host, web as never);
  const { fs, promises } = createFs(host, node.globals.Buffer as never, () => host.files());
  return {
    globals: { ...web, ...node.globals },
    modules: { ...node.modules, fs, "fs/promises": promises },
  };
});
