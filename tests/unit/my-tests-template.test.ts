import { describe, expect, it } from "vitest";
import { myTestsTemplate } from "@/components/exercise/code/use-my-tests";

describe("the My tests template", () => {
  it("imports what the visible tests import, and registers no test until the learner writes one", () => {
    const template = myTestsTemplate('import { LRUCache } from "./solution";\n\ndescribe("x", () => {});\n');
    expect(template).toContain('import { LRUCache } from "./solution";');
    expect(template.split("\n").filter((line) => /^\s*(describe|it|test)\(/.test(line))).toEqual([]);
  });
  it("falls back to a namespace import", () => {
    expect(myTestsTemplate("")).toContain('import * as solution from "./solution";');
  });
});
