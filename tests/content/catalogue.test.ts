import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { practisesLesson, readExerciseCatalog } from "@/lib/content/exercises";
import { getLessonCatalog } from "@/lib/content/lessons";
import { challengeMapSchema } from "@/lib/content/schema";
import { MUTATION_THRESHOLD, readReport, unexplainedSurvivors } from "@/lib/content/mutation-report";
import { loadPlan, planExerciseSlugs } from "@/lib/plan/content";

const { catalog } = readExerciseCatalog();
const slugs = new Set(catalog.exercises.map((e) => e.slug));
const challenges = challengeMapSchema.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "content", "exercises", "challenges.json"), "utf8"))).challenges;

describe("the practice catalogue", () => {
  it("has 40+ exercises, about a quarter easy, half medium and a quarter hard", () => {
    expect(catalog.exercises.length).toBeGreaterThanOrEqual(40);
    const share = (level: string) => catalog.exercises.filter((e) => e.difficulty === level).length / catalog.exercises.length;
    expect(share("easy")).toBeGreaterThanOrEqual(0.15);
    expect(share("medium")).toBeGreaterThanOrEqual(0.4);
    expect(share("hard")).toBeGreaterThanOrEqual(0.15);
  });

  it("gives every lesson at least one exercise", () => {
    const bare = [...getLessonCatalog().lessons.keys()].filter((ref) => !catalog.exercises.some((e) => practisesLesson(e, ref)));
    expect(bare).toEqual([]);
  });

  it("maps every challenge of the source documents to exercises that exist", () => {
    const ids = challenges.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // The 22 interview problems of the backend topic list, its 5 case studies and 5 coding challenges.
    expect(ids.filter((id) => id.startsWith("interview-"))).toHaveLength(22);
    expect(ids.filter((id) => id.startsWith("case-study-"))).toHaveLength(5);
    expect(ids.filter((id) => id.startsWith("challenge-"))).toHaveLength(5);
    const broken = challenges.flatMap((c) => c.exercises.filter((slug) => !slugs.has(slug)).map((slug) => `${c.id} -> ${slug}`));
    expect(broken).toEqual([]);
  });

  it("places every exercise in at least one week of the plan", () => {
    const linked = new Set(planExerciseSlugs(loadPlan()));
    expect(catalog.exercises.filter((e) => !linked.has(e.slug)).map((e) => e.slug)).toEqual([]);
  });

  it(`proves every coding exercise's tests with a mutation report: ${MUTATION_THRESHOLD}% or more, every survivor explained`, () => {
    const problems: string[] = [];
    // An sql exercise's solution is SQL, which Stryker cannot mutate: its wrong variants prove its tests.
    for (const e of catalog.exercises.filter((x) => x.kind !== "predict" && x.kind !== "sql")) {
      const report = readReport(path.join(process.cwd(), e.dir));
      if (!report) {
        problems.push(`${e.slug}: no mutation.json (npm run mutation -- ${e.slug})`);
        continue;
      }
      if (report.score < MUTATION_THRESHOLD) problems.push(`${e.slug}: ${report.score}%`);
      for (const s of unexplainedSurvivors(report)) problems.push(`${e.slug}: line ${s.line} ${s.mutator} survivor not explained`);
    }
    expect(problems).toEqual([]);
  });
});
