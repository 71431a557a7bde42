import { describe, expect, it } from "vitest";
import { readExerciseCatalog } from "@/lib/content/exercises";
import { formatProblem, getLessonCatalog } from "@/lib/content/lessons";
import { typecheckExercises } from "@/lib/content/validate-exercises";

describe("exercise content", () => {
  const { catalog, problems } = readExerciseCatalog();

  it("has complete folders with valid front matter and unique ids", () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(catalog.exercises.length).toBeGreaterThanOrEqual(10);
  });

  it("links every exercise to a lesson that exists", () => {
    const lessons = getLessonCatalog().lessons;
    for (const e of catalog.exercises) {
      expect(lessons.has(`${e.track}/${e.lesson}`), `${e.slug} -> ${e.track}/${e.lesson}`).toBe(true);
      for (const ref of e.related) expect(lessons.has(ref), `${e.slug} related -> ${ref}`).toBe(true);
    }
  });

  // One TypeScript program over ~750 files (50 exercises with their wrong variants): about 30 s on 2 cores.
  it("type-checks solutions, tests and starters against the test API", { timeout: 240_000 }, () => {
    expect(typecheckExercises(catalog.exercises).map(formatProblem)).toEqual([]);
  });

  it("ships at least five authored wrong solutions with every coding exercise", () => {
    const short = catalog.exercises.filter((e) => e.kind !== "predict" && e.wrongVariants.length < 5).map((e) => `${e.slug}: ${e.wrongVariants.length}`);
    expect(short).toEqual([]);
  });

  it("has at least three exercises of each new kind, and a spread of difficulty", () => {
    const count = (pick: (e: (typeof catalog.exercises)[number]) => boolean) => catalog.exercises.filter(pick).length;
    expect(count((e) => e.kind === "node")).toBeGreaterThanOrEqual(3);
    expect(count((e) => e.kind === "predict")).toBeGreaterThanOrEqual(3);
    for (const level of ["easy", "medium", "hard"] as const) expect(count((e) => e.difficulty === level), level).toBeGreaterThanOrEqual(3);
  });

  it("has the exercises the curriculum promises", () => {
    const slugs = catalog.exercises.map((e) => e.slug);
    for (const slug of ["lru-cache", "token-bucket", "sliding-window-limiter", "circuit-breaker", "retry-with-backoff", "map-with-concurrency", "consistent-hashing", "bloom-filter"]) {
      expect(slugs).toContain(slug);
    }
  });
});
