import { describe, expect, it } from "vitest";
import { answerLines, describeOutcome, markAnswer } from "@/components/exercise/predict/predict-answer";
import { listRuntimeModules } from "@/components/exercise/node-runtime";

describe("answerLines", () => {
  it("ignores trailing whitespace on each line and one final newline, like the server", () => {
    expect(answerLines("start  \nend\t\n")).toEqual(["start", "end"]);
    expect(answerLines("a\r\nb\r\n")).toEqual(["a", "b"]);
  });

  it("keeps empty lines inside the answer and a second trailing one", () => {
    expect(answerLines("a\n\nb")).toEqual(["a", "", "b"]);
    expect(answerLines("a\n\n")).toEqual(["a", ""]);
  });

  it("reads an empty answer as no lines, not one empty line", () => {
    expect(answerLines("")).toEqual([]);
  });

  it("keeps leading whitespace, which the program may print", () => {
    expect(answerLines("  indented")).toEqual(["  indented"]);
  });
});

describe("describeOutcome", () => {
  const wrongLine = { expectedLines: 5, matched: 2, firstDifference: { line: 3, expected: "timeout", actual: "immediate" } };

  it("scores leading lines right out of the lines printed", () => {
    expect(describeOutcome(wrongLine, false).score).toBe("2 of 5 lines right");
    expect(describeOutcome({ expectedLines: 1, matched: 1, firstDifference: null }, false)).toEqual({ score: "1 of 1 line right", difference: null });
  });

  it("locates a wrong line without revealing what the program prints until the output may be shown", () => {
    const hidden = describeOutcome(wrongLine, false).difference!;
    expect(hidden).toEqual({ line: 3, headline: "Line 3 is not what the program prints." });
    expect(JSON.stringify(hidden)).not.toContain("timeout");
    expect(describeOutcome(wrongLine, true).difference!.shown).toEqual({ expected: "timeout", yours: "immediate" });
  });

  it("says when the answer is too short or too long", () => {
    expect(describeOutcome({ expectedLines: 3, matched: 2, firstDifference: { line: 3, expected: "c", actual: null } }, false).difference!.headline).toBe("Line 3: your answer stops here, but the program prints more.");
    expect(describeOutcome({ expectedLines: 2, matched: 2, firstDifference: { line: 3, expected: null, actual: "extra" } }, false).difference!.headline).toBe("Line 3: the program prints only 2 lines, your answer goes on.");
    expect(describeOutcome({ expectedLines: 2, matched: 2, firstDifference: { line: 3, expected: null, actual: "extra" } }, true).difference!.shown).toEqual({ expected: null, yours: "extra" });
  });
});

describe("markAnswer", () => {
  it("marks each printed line the answer had at the same place", () => {
    const steps = [
      { line: "sync", phase: "main" as const },
      { line: "tick", phase: "nextTick" as const },
      { line: "promise", phase: "microtask" as const },
    ];
    expect(markAnswer(steps, "sync  \npromise\n")).toEqual([true, false, false]);
    expect(markAnswer(steps, "sync\ntick\npromise\n")).toEqual([true, true, true]);
  });
});

describe("listRuntimeModules", () => {
  it("lists each declared module once, without the node: prefix, sorted", () => {
    const declarations = ['declare module "node:events" {', "  export class EventEmitter {}", "}", "declare module 'events' {", '  export * from "node:events";', "}", 'declare module "node:buffer" {}', "declare var fetch: unknown;"].join("\n");
    expect(listRuntimeModules(declarations)).toEqual(["buffer", "events"]);
  });

  it("finds nothing in declarations without modules", () => {
    expect(listRuntimeModules("declare var structuredClone: <T>(value: T) => T;")).toEqual([]);
  });
});
