import { describe, expect, it } from "vitest";
import { parseBlocks } from "@/components/exercise/markdown-blocks";
import { listRuntimeModules } from "@/components/exercise/node-runtime";
import { answerLines, describeOutcome, markAnswer } from "@/components/exercise/predict/predict-answer";

describe("answerLines", () => {
  it("ignores trailing whitespace on each line and blank lines at the end, like the server", () => {
    expect(answerLines("start  \nend\t\n")).toEqual(["start", "end"]);
    expect(answerLines("a\n\n \n")).toEqual(["a"]);
  });

  it("reads Windows and old Mac line ends as line ends", () => {
    expect(answerLines("a\r\nb\rc")).toEqual(["a", "b", "c"]);
  });

  it("keeps blank lines inside the answer and leading whitespace, which a program may print", () => {
    expect(answerLines("a\n\n  b")).toEqual(["a", "", "  b"]);
  });

  it("reads an empty answer as no lines, not one empty line", () => {
    expect(answerLines("")).toEqual([]);
  });
});

describe("describeOutcome", () => {
  // As the server sends a wrong line: its expected text withheld.
  const wrongLine = { expectedLines: 5, matched: 2, firstDifference: { line: 3, expected: null, actual: "immediate" } };
  const output = ["start", "end", "timeout", "immediate", "close"];

  it("scores leading lines right out of the lines printed", () => {
    expect(describeOutcome(wrongLine, null).score).toBe("2 of 5 lines right");
    expect(describeOutcome({ expectedLines: 1, matched: 1, firstDifference: null }, null)).toEqual({ score: "1 of 1 line right", difference: null });
  });

  it("locates a wrong line without revealing it until the output is known here", () => {
    expect(describeOutcome(wrongLine, null).difference).toEqual({ line: 3, headline: "Line 3 is not what the program prints." });
    expect(describeOutcome(wrongLine, output).difference!.shown).toEqual({ expected: "timeout", yours: "immediate" });
  });

  it("says when the answer is too short", () => {
    const short = { expectedLines: 3, matched: 2, firstDifference: { line: 3, expected: null, actual: null } };
    expect(describeOutcome(short, null).difference!.headline).toBe("Line 3: your answer stops here, but the program prints more.");
    expect(describeOutcome(short, ["a", "b", "c"]).difference!.shown).toEqual({ expected: "c", yours: null });
  });

  it("says when the answer goes on past the output", () => {
    const long = { expectedLines: 2, matched: 2, firstDifference: { line: 3, expected: null, actual: "extra" } };
    expect(describeOutcome(long, null).difference!.headline).toBe("Line 3: the program prints only 2 lines, your answer goes on.");
    expect(describeOutcome(long, ["a", "b"]).difference!.shown).toEqual({ expected: null, yours: "extra" });
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
    expect(markAnswer(steps, "sync\ntick\npromise\n\n")).toEqual([true, true, true]);
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

describe("parseBlocks", () => {
  it("splits paragraphs on blank lines and joins a paragraph's lines", () => {
    expect(parseBlocks("**Ticks first.** `a`\nthen b.\n\nSecond.")).toEqual([
      { type: "paragraph", text: "**Ticks first.** `a` then b." },
      { type: "paragraph", text: "Second." },
    ]);
  });

  it("reads numbered and bulleted lists, with indented continuation lines", () => {
    expect(parseBlocks("3. `one`, queued\n   at the back.\n4. two")).toEqual([{ type: "list", ordered: true, start: 3, items: ["`one`, queued at the back.", "two"] }]);
    expect(parseBlocks("- a\n* b")).toEqual([{ type: "list", ordered: false, start: 1, items: ["a", "b"] }]);
  });

  it("does not take emphasis at the start of a line for a bullet", () => {
    expect(parseBlocks("*Not* a list")).toEqual([{ type: "paragraph", text: "*Not* a list" }]);
  });
});
