import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, readLessonCatalog } from "@/lib/content/lessons";
import { typecheckTsBlocks, validateLessons } from "@/lib/content/validate-lessons";

describe("lesson content", () => {
  const { catalog, problems } = validateLessons();

  it("has valid front matter, sections, lengths, interview questions and links", () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(catalog.lessons.size).toBeGreaterThanOrEqual(6);
  });

  it("type-checks every ```ts block", () => {
    expect(typecheckTsBlocks([...catalog.lessons.values()]).map(formatProblem)).toEqual([]);
  });

  it("has the whole Node.js track", () => {
    const node = catalog.tracks.find((t) => t.id === "node");
    expect(node?.lessons.map((l) => l.slug)).toEqual(["event-loop", "streams-and-buffers", "clustering-and-worker-threads", "memory-management", "error-handling", "async-patterns-and-modules"]);
  });
});

describe("the content checks catch broken lessons", () => {
  function tempTrack(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deepend-lessons-"));
    fs.mkdirSync(path.join(dir, "demo"));
    fs.writeFileSync(path.join(dir, "demo", "_track.md"), "---\ntitle: Demo\nsummary: A demo track for tests.\norder: 1\n---\n");
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, "demo", name), text);
    return dir;
  }

  it("names the file with invalid front matter or a broken related link", () => {
    const dir = tempTrack({
      "bad-level.md": "---\ntitle: Bad level\nsummary: Has a level that does not exist.\ntrack: demo\norder: 1\nlevel: wizard\nestimatedMinutes: 5\n---\nBody\n",
      "bad-yaml.md": "---\ntitle: [unclosed\n---\nBody\n",
      "bad-related.md": "---\ntitle: Bad related\nsummary: Points at a lesson that is not there.\ntrack: demo\norder: 2\nlevel: senior\nestimatedMinutes: 5\nrelated: [demo/nowhere]\n---\nBody\n",
    });
    const messages = readLessonCatalog(dir).problems.map((p) => `${path.basename(p.file)}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad-level\.md: invalid front matter: level/),
        expect.stringMatching(/^bad-yaml\.md: invalid front matter \(YAML\)/),
        'bad-related.md: related lesson "demo/nowhere" does not exist',
      ]),
    );
  });

  it("asks for related links to go both ways within a track", () => {
    const lesson = (slug: string, order: number, related: string) =>
      `---\ntitle: Lesson ${slug}\nsummary: A lesson used by the content tests.\ntrack: demo\norder: ${order}\nlevel: senior\nestimatedMinutes: 5\nrelated: [${related}]\n---\nBody\n`;
    const dir = tempTrack({ "one.md": lesson("one", 1, "demo/two"), "two.md": lesson("two", 2, "") });
    const messages = readLessonCatalog(dir).problems.map((p) => `${path.basename(p.file)}: ${p.message}`);
    expect(messages).toEqual(['two.md: "demo/one" lists "demo/two" as related; list it back (same track)']);
  });

  it("reports a ts block that does not type-check, at its line", () => {
    const lesson = { ...[...validateLessons().catalog.lessons.values()][0]!, file: "demo.md", body: "Intro\n\n```ts\nconst n: number = 'not a number';\n```\n", bodyStartLine: 10 };
    const found = typecheckTsBlocks([lesson]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "demo.md", line: 13 });
    expect(found[0]!.message).toMatch(/TS2322/);
  });
});
