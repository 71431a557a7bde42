// The sandbox's event-loop model against real Node 24: every corpus program (and every predict
// exercise's program) must print the same lines in the same order in both. Programs marked
// `// nondeterministic:` only need the same lines in any order, and the model's own order must match
// the committed NNN-name.model.txt (write it with WRITE_MODEL_OUTPUT=1, then review it by hand).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram, type ProgramRun } from "../../lib/sandbox/program.ts";
import { listPrograms, runRealNode, toLines, type Program } from "./programs.ts";

const writeModelOutput = process.env.WRITE_MODEL_OUTPUT === "1";

const programs = listPrograms();

/** Each console.log is one output entry, with or without its newline. */
function modelLines(result: ProgramRun, stream: "stdout" | "stderr"): string[] {
  return result.output.filter((o) => o.stream === stream).flatMap((o) => toLines(o.text.endsWith("\n") ? o.text : `${o.text}\n`));
}

const sorted = (lines: string[]) => [...lines].sort();

describe("event-loop corpus", () => {
  it("has at least 64 corpus programs, at most 4 of them declared nondeterministic", () => {
    const corpus = programs.filter((p) => !p.name.startsWith("exercise:"));
    expect(corpus.length).toBeGreaterThanOrEqual(64);
    expect(corpus.filter((p) => p.nondeterministic !== undefined).length).toBeLessThanOrEqual(4);
  });

  describe.each(programs.map((p) => [p.name, p] as [string, Program]))("%s", (_name, program) => {
    it("runs in real Node with output on stdout only", async () => {
      const real = await runRealNode(program.runnablePath);
      expect(real.timedOut).toBe(false);
      expect(real.stderr).toBe("");
      expect(toLines(real.stdout).length).toBeGreaterThan(0);
    });

    it("prints what real Node prints in the sandbox model", async () => {
      const [real, model] = await Promise.all([runRealNode(program.runnablePath), runProgram(program.source)]);
      expect(model.error).toBeUndefined();
      expect(model.status).toBe("ok");
      expect(modelLines(model, "stderr"), "the model wrote to stderr").toEqual([]);
      expect(model.exitCode, "exit code").toBe(real.exitCode);
      const modelStdout = modelLines(model, "stdout");
      const realStdout = toLines(real.stdout);
      if (program.nondeterministic === undefined) {
        expect(modelStdout).toEqual(realStdout);
        return;
      }
      expect(sorted(modelStdout)).toEqual(sorted(realStdout));
      const snapshot = program.modelOutputPath as string;
      if (writeModelOutput) fs.writeFileSync(snapshot, `${modelStdout.join("\n")}\n`);
      expect(fs.existsSync(snapshot), `${path.basename(snapshot)} is missing: run with WRITE_MODEL_OUTPUT=1 and review it`).toBe(true);
      expect(modelStdout).toEqual(toLines(fs.readFileSync(snapshot, "utf8")));
    });
  });
});
