// Hostile code against the sandbox's Node runtime (node exercises and programs): the new surface
// (streams, events, Buffer, process, web globals, the event loop) must end every case in its
// expected status within its limit, never forge a pass, and leave the host responsive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxSupervisor } from "../../lib/sandbox/supervisor.ts";
import { watchEventLoopLag } from "./event-loop-lag.ts";
import type { RunResult, RunStatus, SandboxLimits } from "../../lib/sandbox/types.ts";

const LIMITS: SandboxLimits = { memoryMb: 64, cpuMs: 1000, wallMs: 2000, consoleLines: 50, consoleBytes: 4096, codeBytes: 64 * 1024, resultBytes: 256 * 1024 };

const TESTS = `
import { upper, notifier, respond } from "./solution";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { EventEmitter } from "node:events";

describe("streams", () => {
  it("upper-cases what flows through", async () => {
    const out: string[] = [];
    await pipeline(Readable.from(["ab", "cd"]), upper(), new Writable({ write(chunk, _e, cb) { out.push(String(chunk)); cb(); } }));
    expect(out.join("")).toBe("ABCD");
  });
  it("buffers compare by content", () => {
    expect(Buffer.from("abc").equals(Buffer.from("abd"))).toBe(false);
  });
});
describe("responses", () => {
  it("reads the body of the solution's response", async () => {
    expect(await (await respond()).text()).toBe("ok");
  });
});
describe("events", () => {
  it("notifies once per call, later on the loop", async () => {
    const seen: string[] = [];
    const bus = new EventEmitter();
    bus.on("note", (n: string) => seen.push(n));
    notifier(bus, "x");
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(["x"]);
  });
  it("an assertion failing inside a timer still fails the test", async () => {
    await new Promise<void>((resolve) => setTimeout(() => { notifier(new EventEmitter(), "y"); expect(1).toBe(2); resolve(); }, 1));
  });
});
`;

const GOOD = `
import { Transform } from "node:stream";
import type { EventEmitter } from "node:events";
export function upper() {
  return new Transform({ transform(chunk, _enc, cb) { cb(null, String(chunk).toUpperCase()); } });
}
export function notifier(bus: EventEmitter, note: string) { setImmediate(() => bus.emit("note", note)); }
export async function respond() { return new Response("ok"); }
`;

/** The good solution plus a payload run when the module loads. */
const withPayload = (payload: string) => `${GOOD}\n${payload}\n`;

let sandbox: SandboxSupervisor;
let lag: ReturnType<typeof watchEventLoopLag>;

beforeAll(async () => {
  sandbox = new SandboxSupervisor({ workers: 2, queueLimit: 8 });
  await sandbox.ready();
  lag = watchEventLoopLag();
});

afterAll(async () => {
  lag.stop();
  await sandbox.close();
});

const run = (solution: string): Promise<RunResult> => sandbox.run({ solution, tests: [{ name: "hidden.test.ts", code: TESTS }], limits: LIMITS, runtime: "node" });
const program = (source: string): Promise<RunResult> => sandbox.run({ solution: source, tests: [], limits: LIMITS, runtime: "node", mode: "program" });

interface Case {
  name: string;
  code: string;
  status: RunStatus | RunStatus[];
  program?: boolean;
  within?: number;
  check?: (result: RunResult) => void;
}

const SLOW = LIMITS.wallMs + 2500;
const testNamed = (r: RunResult, part: string) => r.tests.find((t) => t.name.includes(part));

const cases: Case[] = [
  {
    name: "the reference passes all but the test that fails on purpose",
    code: GOOD,
    status: "failed",
    check: (r) => expect(r.tests.map((t) => t.status)).toEqual(["passed", "passed", "passed", "passed", "failed"]),
  },
  {
    name: "a stream that never ends",
    code: `import { Readable, Transform } from "node:stream";\nexport function upper() { return new Transform({ transform() { /* never calls back */ } }); }\nexport function notifier() {}`,
    status: ["failed", "timeout"],
    within: SLOW,
    check: (r) => expect(testNamed(r, "upper-cases")?.status).toBe("failed"),
  },
  { name: "process.nextTick recursion starves the loop", code: withPayload("(function again() { process.nextTick(again); })();"), status: "timeout", within: SLOW },
  {
    name: "a setImmediate flood",
    code: GOOD.replace("setImmediate(() => bus.emit(\"note\", note));", "const flood = () => setImmediate(flood); flood();"),
    status: ["failed", "timeout"],
    within: SLOW,
  },
  { name: "Buffer.alloc(2 ** 31)", code: withPayload("Buffer.alloc(2 ** 31);"), status: "error", check: (r) => expect(r.error?.message).toMatch(/RangeError|out of range|ERR_/i) },
  { name: "a huge Buffer.concat", code: withPayload("const mb = Buffer.alloc(2 ** 20, 1); Buffer.concat(Array.from({ length: 2048 }, () => mb));"), status: ["error", "memory", "timeout"], within: SLOW },
  { name: "structuredClone of a cyclic giant", code: withPayload("const root: any[] = []; for (let i = 0; i < 200000; i++) root.push({ i, root, next: root[i - 1] }); for (;;) root.push(structuredClone(root));"), status: ["memory", "timeout"], within: SLOW },
  { name: "an EventEmitter listener explosion", code: withPayload("import { EventEmitter as E } from 'node:events'; const e = new E(); for (;;) e.on('x', () => {});"), status: ["memory", "timeout"], within: SLOW },
  { name: "prototype pollution through a module's exports", code: withPayload("import * as events from 'node:events'; (events as any).EventEmitter.prototype.emit = function () { return true; };"), status: "error", check: (r) => expect(r.error?.message).toMatch(/read only|not extensible|Cannot/) },
  {
    name: "a Response whose body never ends",
    code: GOOD.replace('return new Response("ok");', "return new Response(new ReadableStream({ pull() {} }));"),
    status: ["failed", "timeout"],
    within: SLOW,
    check: (r) => expect(testNamed(r, "reads the body")?.message).toMatch(/never finished|Timed out/),
  },
  { name: "patching Buffer.prototype to forge equality", code: withPayload("(Buffer.prototype as any).equals = () => true;"), status: "error" },
  { name: "patching EventEmitter.prototype from the global Buffer's realm", code: withPayload("import { EventEmitter as E } from 'node:events'; Object.defineProperty(E.prototype, 'on', { value: () => {} });"), status: "error" },
  {
    name: "process.on('uncaughtException') swallowing assertion failures",
    code: withPayload("process.on('uncaughtException', () => {}); process.on('unhandledRejection', () => {});"),
    status: "failed",
    check: (r) => expect(testNamed(r, "assertion failing inside a timer")?.status).toBe("failed"),
  },
  { name: "a TextDecoder on a huge input", code: withPayload("new TextDecoder().decode(new Uint8Array(2 ** 27).fill(0xe2));"), status: ["memory", "timeout", "error"], within: SLOW },
  { name: "process.exit() while tests run", code: withPayload("process.exit(0);"), status: "error", check: (r) => expect(r.error?.message).toMatch(/process\.exit/) },
  { name: "replacing process.nextTick to break streams", code: withPayload("(process as any).nextTick = (f: () => void) => f();"), status: "error" },
  { name: "a program whose nextTicks never end", program: true, code: "(function again() { process.nextTick(again); })();", status: "timeout", within: SLOW },
  { name: "a program flooding setImmediate", program: true, code: "const flood = () => setImmediate(flood); flood();", status: ["failed", "timeout"], within: SLOW },
  {
    name: "a program that throws is stopped like Node stops it",
    program: true,
    code: "setTimeout(() => console.log('never'), 5);\nconsole.log('before');\nnull.x;",
    status: "failed",
    check: (r) => {
      expect(r.exitCode).toBe(1);
      expect(r.console.map((c) => c.text)).toEqual(["before", expect.stringMatching(/^Uncaught TypeError/)]);
    },
  },
];

describe("the Node runtime against hostile code", () => {
  it("has at least 12 cases aimed at the Node runtime", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const started = performance.now();
      const result = await (c.program ? program(c.code) : run(c.code));
      const elapsed = performance.now() - started;
      const expected = Array.isArray(c.status) ? c.status : [c.status];
      expect(expected, `${result.status}: ${result.error?.message ?? ""} ${JSON.stringify(result.tests.map((t) => [t.name, t.status, t.message]))}`).toContain(result.status);
      expect(elapsed).toBeLessThan(c.within ?? LIMITS.wallMs + 1000);
      expect(JSON.stringify(result)).not.toContain(process.cwd());
      c.check?.(result);
    });
  }

  it("still answers correctly afterwards", async () => {
    const result = await run(GOOD);
    expect(result.tests.map((t) => t.status)).toEqual(["passed", "passed", "passed", "passed", "failed"]);
  });

  it("kept the host's event loop responsive", () => {
    expect(lag.max()).toBeLessThan(1000);
  });
});
