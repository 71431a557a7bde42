import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { getExerciseCatalog, toPublic } from "../content/exercises.ts";
import { getLessonCatalog } from "../content/lessons.ts";
import { designNoteDocuments, exerciseDocuments, lessonDocuments, lessonNoteDocuments, retroDocuments } from "./documents.ts";
import { SEARCH_OPTIONS, type SearchDocument } from "./options.ts";
import { toHits } from "./results.ts";

const indexOf = (docs: SearchDocument[]) => {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(docs);
  return index;
};

describe("public search documents", () => {
  const lessons = lessonDocuments(getLessonCatalog());
  const exercises = exerciseDocuments(getExerciseCatalog().exercises.map(toPublic));

  it("has one document per lesson section, linked to the section's anchor", () => {
    const sagas = lessons.filter((d) => d.href.startsWith("/lessons/microservices/sagas"));
    expect(sagas.length).toBeGreaterThan(5);
    expect(sagas.every((d) => d.kind === "lesson" && d.title === sagas[0]?.title)).toBe(true);
    expect(sagas.some((d) => d.heading === "Why it matters" && d.href.endsWith("#why-it-matters"))).toBe(true);
    expect(new Set(lessons.map((d) => d.id)).size).toBe(lessons.length);
  });

  it("indexes exercises by title and statement, without code, tests or solutions", () => {
    const lru = exercises.find((d) => d.id === "exercise:lru-cache");
    expect(lru).toMatchObject({ kind: "exercise", href: "/exercises/lru-cache", title: "LRU cache" });
    expect(lru?.text).toContain("least-recently-used");
    expect(lru?.text).not.toContain("```");
    const exercise = getExerciseCatalog().bySlug.get("lru-cache");
    const solutionLine = exercise?.solution.split("\n").find((line) => line.trim().length > 30)?.trim();
    expect(solutionLine).toBeTruthy();
    expect(exercises.map((d) => d.text).join(" ")).not.toContain(solutionLine);
  });

  it('finds the LRU and circuit-breaker exercises for "lru" and "circuit breaker"', () => {
    const index = indexOf([...lessons, ...exercises]);
    expect(index.search("lru").slice(0, 3).map((r) => r.id)).toContain("exercise:lru-cache");
    expect(index.search("circuit breaker").slice(0, 3).map((r) => r.id)).toContain("exercise:circuit-breaker");
  });
});

describe("personal search documents", () => {
  it("leave out the retro template's questions, so only what the user wrote matches", () => {
    const docs = retroDocuments([{ week: 3, body: "## What went well?\n\nTuned **backpressure** in the pipeline.\n\n## What did not?\n\n" }, { week: 4, body: "## What went well?\n\n\n" }], (n) => `Plan week ${n}`);
    expect(docs).toEqual([{ id: "retro:3", kind: "retro", href: "/retros/3", title: "Week 3 retrospective", context: "Plan week 3", heading: "", text: "Tuned backpressure in the pipeline." }]);
    expect(indexOf(docs).search("went")).toEqual([]);
  });

  it("keep a space between list items and paragraphs, so words never run together", () => {
    const [doc] = retroDocuments([{ week: 1, body: "- purge by tag\n- in-process LRU\n\n> under a\n> microsecond" }], () => undefined);
    expect(doc?.text).toBe("purge by tag in-process LRU under a microsecond");
  });

  it("give one document per written design-note section", () => {
    const sections = [
      { id: "api", title: "API" },
      { id: "diagram", title: "Diagram (Mermaid)" },
    ];
    const docs = designNoteDocuments([{ week: 7, sections: { api: "POST /photos", diagram: "" } }], sections, () => "Design Instagram");
    expect(docs).toEqual([{ id: "design:7:api", kind: "design-note", href: "/design/7", title: "Design Instagram", context: "Week 7", heading: "API", text: "POST /photos" }]);
  });

  it("link lesson notes to the notes beside their lesson and drop notes on lessons that are gone", () => {
    const lessons = new Map([["node/event-loop", { title: "The event loop", href: "/lessons/node/event-loop" }]]);
    const docs = lessonNoteDocuments(
      [
        { lessonRef: "node/event-loop", body: "setImmediate runs *after* I/O" },
        { lessonRef: "gone/lesson", body: "orphan" },
      ],
      lessons,
    );
    expect(docs.map((d) => [d.href, d.text])).toEqual([["/lessons/node/event-loop#your-notes", "setImmediate runs after I/O"]]);
  });

  it("turn into hits with a highlighted snippet and no full text", () => {
    const docs = retroDocuments([{ week: 2, body: "Read about consistent hashing and virtual nodes." }], () => undefined);
    const [hit] = toHits(indexOf(docs).search("hashing"), 5);
    expect(hit).not.toHaveProperty("text");
    expect(hit?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(["hashing"]);
  });
});
