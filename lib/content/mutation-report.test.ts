import { describe, expect, it } from "vitest";
import { applyMutant, inputsHash, originalOf, slugOfSolution, summarise, unexplainedSurvivors, type MutantOutcome } from "./mutation-report";

const solution = ["export function clamp(x: number, max: number): number {", "  if (x > max) return max;", '  throw new RangeError("never");', "}", ""].join("\n");
const exercise = { slug: "clamp", dir: "content/exercises/clamp", solution, visibleTests: "v", hiddenTests: "h" };

/** A Stryker result (1-based positions) for the text `find` on 1-based `line`. */
function outcome(line: number, find: string, replacement: string, status: string, mutatorName = "EqualityOperator"): MutantOutcome {
  const column = solution.split("\n")[line - 1]!.indexOf(find) + 1;
  return { fileName: "/tmp/stryker/content/exercises/clamp/solution.ts", mutatorName, replacement, status, location: { start: { line, column }, end: { line, column: column + find.length } } };
}

describe("mutants as source text", () => {
  it("splices a replacement at a 0-based location and reads back the original", () => {
    const location = { start: { line: 1, column: 6 }, end: { line: 1, column: 13 } };
    expect(originalOf(solution, location)).toBe("x > max");
    expect(applyMutant(solution, { location, replacement: "x >= max" }).split("\n")[1]).toBe("  if (x >= max) return max;");
  });

  it("refuses a location past the end of the source", () => {
    expect(() => originalOf(solution, { start: { line: 9, column: 0 }, end: { line: 9, column: 1 } })).toThrow(/past the end/);
  });

  it("knows an exercise's solution file by its path", () => {
    expect(slugOfSolution("/a/.stryker-tmp/sandbox-1/content/exercises/lru-cache/solution.ts")).toBe("lru-cache");
    expect(slugOfSolution("content\\exercises\\lru-cache\\solution.ts")).toBe("lru-cache");
    expect(slugOfSolution("content/exercises/lru-cache/starter.ts")).toBeUndefined();
  });
});

describe("the report", () => {
  it("scores detected over valid mutants, leaving errors and ignored ones out", () => {
    const results = [
      outcome(2, "x > max", "x >= max", "Survived"),
      outcome(2, "x > max", "true", "Killed", "ConditionalExpression"),
      outcome(2, "x > max", "false", "Timeout", "ConditionalExpression"),
      outcome(2, "x > max", "x < max", "Killed"),
      outcome(3, '"never"', '""', "Ignored", "StringLiteral"),
      outcome(2, "x > max", "x <= max", "CompileError"),
      { ...outcome(2, "x > max", "x", "Killed"), fileName: "content/exercises/other/solution.ts" },
    ];
    const report = summarise(exercise, results);
    expect(report.counts).toEqual({ mutants: 6, killed: 2, timeout: 1, survived: 1, noCoverage: 0, errors: 1, ignored: 1 });
    expect(report.score).toBe(75);
    expect(report.survivors).toEqual([{ line: 2, mutator: "EqualityOperator", original: "x > max", replacement: "x >= max", explanation: "" }]);
  });

  it("keeps an explanation when the same mutant survives on another line", () => {
    const previous = { ...summarise(exercise, [outcome(2, "x > max", "x >= max", "Survived")]), survivors: [{ line: 7, mutator: "EqualityOperator", original: "x > max", replacement: "x >= max", explanation: "equal values return max either way" }] };
    expect(summarise(exercise, [outcome(2, "x > max", "x >= max", "Survived")], previous).survivors[0]!.explanation).toBe("equal values return max either way");
  });

  it("asks for a sentence, not a word, before a survivor counts as explained", () => {
    const report = summarise(exercise, [outcome(2, "x > max", "x >= max", "Survived"), outcome(2, "x > max", "x < max", "Survived")]);
    report.survivors[0]!.explanation = "equivalent";
    report.survivors[1]!.explanation = "x equal to max returns max on both paths";
    expect(unexplainedSurvivors(report).map((s) => s.replacement)).toEqual(["x >= max"]);
  });

  it("changes its inputs hash when the solution or a test file changes", () => {
    const base = inputsHash(exercise);
    expect(inputsHash({ ...exercise })).toBe(base);
    expect(inputsHash({ ...exercise, hiddenTests: "h2" })).not.toBe(base);
    expect(inputsHash({ ...exercise, solution: `${solution} ` })).not.toBe(base);
  });
});
