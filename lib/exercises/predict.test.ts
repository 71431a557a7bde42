import { describe, expect, it } from "vitest";
import { compareAnswer, keyFromRun, normaliseAnswer } from "./predict.ts";

describe("normaliseAnswer", () => {
  it("ignores trailing spaces, CRLF and blank lines at the end, but not blank lines inside", () => {
    expect(normaliseAnswer("a  \r\nb\r\n\r\n\n")).toEqual(["a", "b"]);
    expect(normaliseAnswer("a\n\nb")).toEqual(["a", "", "b"]);
    expect(normaliseAnswer("")).toEqual([]);
  });
});

describe("compareAnswer", () => {
  const key = ["start", "end", "tick", "promise"];
  it("accepts exactly the key", () => {
    expect(compareAnswer("start\nend\ntick\npromise\n", key)).toEqual({ expectedLines: 4, matched: 4, firstDifference: null });
  });
  it("names the first line that differs", () => {
    expect(compareAnswer("start\nend\npromise\ntick", key).firstDifference).toEqual({ line: 3, expected: "tick", actual: "promise" });
  });
  it("says when the answer is too short or too long", () => {
    expect(compareAnswer("start\nend", key).firstDifference).toEqual({ line: 3, expected: "tick", actual: null });
    expect(compareAnswer("start\nend\ntick\npromise\nextra", key).firstDifference).toEqual({ line: 5, expected: null, actual: "extra" });
  });
  it("does not forgive case or inner spaces", () => {
    expect(compareAnswer("Start\nend\ntick\npromise", key).matched).toBe(0);
    expect(compareAnswer("start\nend \ntick\npromise", key).firstDifference).toBeNull();
    expect(compareAnswer("start\n end\ntick\npromise", key).matched).toBe(1);
  });
});

describe("keyFromRun", () => {
  it("keeps each line's phase for the walkthrough", () => {
    const key = keyFromRun({ status: "ok", exitCode: 0, output: [{ stream: "stdout", text: "a", phase: "main" }, { stream: "stdout", text: "b", phase: "timers", detail: "setTimeout 1 ms" }] });
    expect(key.lines).toEqual(["a", "b"]);
    expect(key.walkthrough[1]).toEqual({ line: "b", phase: "timers", detail: "setTimeout 1 ms" });
  });
  it("splits a console line that printed several lines", () => {
    const key = keyFromRun({ status: "ok", exitCode: 0, output: [{ stream: "stdout", text: "{\n  a: 1\n}", phase: "main" }] });
    expect(key.lines).toEqual(["{", "  a: 1", "}"]);
  });
  it("refuses a program that did not finish", () => {
    expect(() => keyFromRun({ status: "timeout", exitCode: null, output: [] })).toThrow(/did not run to its end/);
  });
});
