import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirects.ts";

describe("safeCallbackPath", () => {
  it("keeps paths on this site with their query and fragment", () => {
    expect(safeCallbackPath("/lessons/node/streams-and-buffers")).toBe("/lessons/node/streams-and-buffers");
    expect(safeCallbackPath("/exercises?track=node#top")).toBe("/exercises?track=node#top");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example/phish",
    "/%5Cevil.example/phish",
    "/%5C%5Cevil.example",
    "/%2F%2Fevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/%E0%A4%A",
  ])("sends %j home instead", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a"])).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});
