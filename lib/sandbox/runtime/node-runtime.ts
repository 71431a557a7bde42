// The Node runtime of `node` exercises and programs, evaluated in the isolate after the harness and
// before lockdown. Everything here is JavaScript inside the isolate: the harness gives it the event
// loop, the console and time through `host`; nothing of the host process is reachable.
import EventEmitter from "events";
import { createWebGlobals, type WebHost } from "./web/index.ts";

interface RuntimeHost extends WebHost {
  hrtime(): bigint;
  write(stream: "stdout" | "stderr", text: string): void;
  exit(code?: number): never;
  io(callback: (...args: unknown[]) => void, args: unknown[], latencyMs: number, detail: string): void;
  files(): Record<string, string>;
}

declare const __deependHarness: { installRuntime(create: (host: RuntimeHost) => { globals: Record<string, unknown>; modules: Record<string, unknown> }): void };

__deependHarness.installRuntime((host) => {
  const web = createWebGlobals(host);
  const proc = new EventEmitter() as EventEmitter & Record<string, unknown>;
  Object.assign(proc, {
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => host.nextTick(callback, args),
    env: {},
    argv: ["/usr/local/bin/node", "/sandbox/main.js"],
    platform: "linux",
    version: "v24.0.0",
    exitCode: undefined,
    exit: (code?: number) => host.exit(code),
    stdout: { write: (text: string) => (host.write("stdout", String(text)), true) },
    stderr: { write: (text: string) => (host.write("stderr", String(text)), true) },
  });
  return { globals: { ...web, process: proc }, modules: { events: EventEmitter, process: proc } };
});
