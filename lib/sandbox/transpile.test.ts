import { describe, expect, it } from "vitest";
import { mapPositionsInText, originalPosition, transpile } from "./transpile.ts";

function compiled(code: string) {
  const result = transpile(code, "solution.ts");
  if (!result.ok) throw new Error(`expected to compile: ${JSON.stringify(result.errors)}`);
  return result.output;
}

/** Runs CommonJS output the way the sandbox wraps it, with a stub require. */
function load(code: string, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  const factory = new Function("exports", "require", "module", `"use strict";\n${compiled(code).js}`) as (e: unknown, r: unknown, m: unknown) => void;
  factory(exports, (name: string) => modules[name], { exports });
  return exports;
}

describe("transpile", () => {
  it("turns TypeScript modules into CommonJS that runs", () => {
    const mod = load(`
      import { type Clock, base } from "./clock";
      enum Level { Low = 1, High }
      export class Counter {
        count = base;
        constructor(private readonly step: number, public label?: string) {}
        bump(): number { return (this.count += this.step); }
      }
      export const high = Level.High satisfies number;
      export default function make(clock: Clock): Counter { return new Counter(clock.step); }
    `, { "./clock": { base: 10 } });
    const Counter = mod.Counter as new (step: number) => { bump(): number };
    const counter = new Counter(5);
    expect(counter.bump()).toBe(15);
    expect(mod.high).toBe(2);
    expect(typeof mod.default).toBe("function");
  });

  it("keeps modern syntax as written (native class fields, private names)", () => {
    const { js } = compiled("export class A { #secret = 1; static count = 0; value = this.#secret ?? 2; }");
    expect(js).toContain("#secret = 1");
    expect(js).toContain("static count = 0");
  });

  it("maps output positions back to the TypeScript source, line and column", () => {
    const source = "export const f = (a: number, b: string): void => {\n  throw new Error(b + a);\n};\n";
    const { js, map } = compiled(source);
    const line = js.split("\n").findIndex((l) => l.includes("throw")) + 1;
    const column = js.split("\n")[line - 1]!.indexOf("throw") + 1;
    expect(originalPosition(map, line, column)).toEqual({ line: 2, column: 3 });
    expect(mapPositionsInText(`at f (solution.ts:${line}:${column})`, "solution.ts", map)).toBe("at f (solution.ts:2:3)");
  });

  it("reports a syntax error with its 1-based position and a clean message", () => {
    const result = transpile("const ok = 1;\nconst x = 1 +;\n", "solution.ts");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ line: 2, column: 14, message: 'Unexpected ";"' }]);
  });

  it("rejects a value namespace instead of silently dropping it, and accepts a declared one", () => {
    const result = transpile("const a = 1;\n  export namespace Shapes {\n  export const unit = 1;\n}\n", "solution.ts");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 2, column: 3 });
    expect(result.errors[0]!.message).toMatch(/namespaces are not supported/);
    expect(transpile("declare namespace Shapes { const unit: number; }\nexport const x = 1; // a namespace { in a comment", "solution.ts").ok).toBe(true);
  });
});
