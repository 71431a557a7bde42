// Entry point of a sandbox worker process (forked by the supervisor with --no-node-snapshot and a
// clean environment). Runs one job at a time; the supervisor kills and replaces it on any trouble.
import { executeJob, flavourOf, prepareIsolate, type IsolateFlavour } from "./execute.ts";
import type { SandboxLimits, WorkerRequest, WorkerResponse } from "./types.ts";

type Prepared = ReturnType<typeof prepareIsolate>;
let next: Prepared | undefined;
let lastLimits: SandboxLimits | undefined;
let lastFlavour: IsolateFlavour = { runtime: "plain", testLibraries: false };

/** While idle, get the next isolate ready (harness and, if the last job used it, the Node runtime installed; intrinsics locked down). */
function prepareNext(): void {
  if (next || !lastLimits) return;
  try {
    next = prepareIsolate(lastLimits, lastFlavour);
  } catch {
    next = undefined;
  }
}

function send(message: WorkerResponse): void {
  process.send?.(message);
}

process.on("message", (message: WorkerRequest) => {
  if (message?.type !== "run") return;
  let result;
  let dispose = () => {};
  const ready = next;
  next = undefined;
  lastLimits = message.job.limits;
  lastFlavour = flavourOf(message.job);
  try {
    ({ result, dispose } = executeJob(message.job, ready, (tests) => send({ type: "registered", id: message.id, tests })));
  } catch (error) {
    result = {
      status: "error" as const,
      tests: [],
      console: [],
      error: { message: `The sandbox failed: ${error instanceof Error ? error.message : String(error)}` },
      durationMs: 0,
    };
  }
  send({ type: "result", id: message.id, result, rssBytes: process.memoryUsage.rss() });
  setImmediate(() => {
    dispose();
    prepareNext();
  });
});

// The supervisor is our only reason to live.
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
