import { describe, expect, it } from "vitest";
import { readExerciseCatalog } from "@/lib/content/exercises";
import { formatProblem, getLessonCatalog } from "@/lib/content/lessons";
import { typecheckExercises } from "@/lib/content/validate-exercises";
import { schemaInputsHash, schemasShown, type SchemaDocument } from "@/lib/sandbox/sql/introspect";
import { datasetNames } from "@/lib/sandbox/sql/template";
import fs from "node:fs";
import path from "node:path";

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

  it("has at least eight SQL exercises (queries, plans, migrations and data-access code)", () => {
    const sql = catalog.exercises.filter((e) => e.kind === "sql" || e.kind === "sql-code");
    expect(sql.length).toBeGreaterThanOrEqual(8);
    expect(sql.filter((e) => e.kind === "sql-code").length).toBeGreaterThanOrEqual(1);
  });

  it("shows every SQL exercise's schema as its schema.sql makes it (schema.json is current)", () => {
    const stale: string[] = [];
    for (const e of catalog.exercises.filter((x) => x.fixture !== undefined)) {
      const file = path.join(e.dir, "schema.json");
      if (!fs.existsSync(file)) {
        stale.push(`${e.slug}: no schema.json (npm run exercise -- schema ${e.slug})`);
        continue;
      }
      const document = JSON.parse(fs.readFileSync(file, "utf8")) as SchemaDocument;
      const schemas = schemasShown(datasetNames(), [e.fixture ?? "", e.instructions, e.solution, e.visibleTests]);
      if (document.inputsHash !== schemaInputsHash(e.fixture ?? "", schemas)) stale.push(`${e.slug}: schema.json is stale (npm run exercise -- schema ${e.slug})`);
      if (document.tables.length === 0) stale.push(`${e.slug}: schema.json lists no table`);
    }
    expect(stale).toEqual([]);
  });

  it("has the exercises the curriculum promises", () => {
    const slugs = catalog.exercises.map((e) => e.slug);
    for (const slug of ["lru-cache", "token-bucket", "sliding-window-limiter", "circuit-breaker", "retry-with-backoff", "map-with-concurrency", "consistent-hashing", "bloom-filter"]) {
      expect(slugs).toContain(slug);
    }
  });
});
