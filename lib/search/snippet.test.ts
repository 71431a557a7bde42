import { describe, expect, it } from "vitest";
import { snippet } from "./snippet.ts";

const hitsOf = (parts: ReturnType<typeof snippet>) => parts.filter((p) => p.hit).map((p) => p.text);
const joined = (parts: ReturnType<typeof snippet>) => parts.map((p) => p.text).join("");

describe("snippet", () => {
  it("marks every matched word, whatever its case, and only whole words", () => {
    const parts = snippet("A circuit breaker trips; the Breaker resets. Breakers are not circuits.", ["circuit", "breaker"]);
    expect(hitsOf(parts)).toEqual(["circuit", "breaker", "Breaker"]);
    expect(joined(parts)).toBe("A circuit breaker trips; the Breaker resets. Breakers are not circuits.");
  });

  it("centres a long text on the first match, cut at word boundaries with ellipses", () => {
    const text = `${"lorem ipsum ".repeat(40)}the saga runs compensating actions ${"dolor sit ".repeat(40)}`;
    const parts = snippet(text, ["compensating"], 80);
    const shown = joined(parts);
    expect(hitsOf(parts)).toEqual(["compensating"]);
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(82);
    expect(shown).not.toMatch(/…\S*ipsu\b|…psum/);
  });

  it("shows the beginning when nothing in the text matched (a title match)", () => {
    const parts = snippet("Build a fixed-size cache that evicts the least recently used entry.", ["lru"]);
    expect(parts).toEqual([{ text: "Build a fixed-size cache that evicts the least recently used entry.", hit: false }]);
  });

  it("returns text, never markup: HTML in a note stays inert characters", () => {
    const parts = snippet('<img src=x onerror="alert(1)"> retro about backpressure', ["backpressure"]);
    expect(joined(parts)).toBe('<img src=x onerror="alert(1)"> retro about backpressure');
    expect(hitsOf(parts)).toEqual(["backpressure"]);
  });

  it("keeps the window full near the end of the text", () => {
    const text = `${"word ".repeat(60)}final match`;
    const shown = joined(snippet(text, ["match"], 60));
    expect(shown.endsWith("final match")).toBe(true);
    expect(shown.length).toBeGreaterThan(50);
  });
});
