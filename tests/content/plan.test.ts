import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentFileError, loadChecklist, loadPlan, parsePlan, planExerciseSlugs, planLessonRefs } from "@/lib/plan/content";
import { conceptChecklistSchema, planSchema, TASK_KINDS, weekPrefix, type Plan } from "@/lib/plan/schema";

const plan = loadPlan();
const checklist = loadChecklist();

function planIds(p: Plan): string[] {
  return [
    ...p.weeks.flatMap((w) => [
      ...TASK_KINDS.flatMap((kind) => w.tasks[kind].map((t) => t.id)),
      ...w.theory.map((c) => c.id),
      ...w.deepDives.map((d) => d.id),
      ...w.successCriteria.map((s) => s.id),
      ...(w.milestone?.checks.map((m) => m.id) ?? []),
    ]),
    ...p.checklists.flatMap((list) => [list.id, ...list.items.map((i) => i.id)]),
  ];
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe("plan content", () => {
  it("matches the schema", () => {
    const raw = JSON.parse(fs.readFileSync(path.join(process.cwd(), "content", "plan", "plan.json"), "utf8")) as unknown;
    const result = planSchema.safeParse(raw);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("has exactly 5 phases covering weeks 1-20 in order", () => {
    expect(plan.phases.map((p) => p.id)).toEqual(["phase-1", "phase-2", "phase-3", "phase-4", "phase-5"]);
    expect(plan.phases.map((p) => [p.weeks.start, p.weeks.end])).toEqual([
      [1, 2],
      [3, 5],
      [6, 10],
      [11, 15],
      [16, 20],
    ]);
    for (const phase of plan.phases) {
      expect(phase.project.requirements.length, phase.id).toBeGreaterThan(0);
      expect(phase.resources.books.length + phase.resources.online.length + phase.resources.tools.length, phase.id).toBeGreaterThan(0);
    }
  });

  it("has weeks 1..20, each exactly once", () => {
    expect(plan.weeks.map((w) => w.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("puts every week inside its phase's week range", () => {
    for (const week of plan.weeks) {
      const phase = plan.phases.find((p) => p.id === week.phaseId);
      expect(phase, `week ${week.number}`).toBeDefined();
      expect(week.number).toBeGreaterThanOrEqual(phase!.weeks.start);
      expect(week.number).toBeLessThanOrEqual(phase!.weeks.end);
    }
  });

  it("gives every week goals, tasks and success criteria, with ids that name the week", () => {
    for (const week of plan.weeks) {
      const prefix = weekPrefix(week.number);
      expect(week.goals.length, `week ${week.number} goals`).toBeGreaterThan(0);
      expect(week.successCriteria.length, `week ${week.number} success criteria`).toBeGreaterThan(0);
      expect(TASK_KINDS.reduce((n, kind) => n + week.tasks[kind].length, 0), `week ${week.number} tasks`).toBeGreaterThan(0);
      for (const kind of TASK_KINDS) {
        week.tasks[kind].forEach((task, i) => expect(task.id).toBe(`${prefix}-${kind}-${i + 1}`));
      }
      week.theory.forEach((c, i) => {
        expect(c.id).toBe(`${prefix}-theory-${i + 1}`);
        expect(c.estimatedHours.min).toBeLessThanOrEqual(c.estimatedHours.max);
      });
    }
  });

  it("uses unique task, checkpoint and checklist ids", () => {
    const ids = planIds(plan);
    expect(duplicates(ids)).toEqual([]);
    expect(ids.filter((id) => /-(build|break|optimize)-\d+$/.test(id)).length).toBeGreaterThan(60);
    expect(ids.filter((id) => /-theory-\d+$/.test(id)).length).toBeGreaterThan(30);
  });

  it("has a system-design prompt for weeks 6-20 and none for weeks 1-5", () => {
    for (const week of plan.weeks) {
      if (week.number >= 6) expect(week.designPrompt, `week ${week.number}`).toBeDefined();
      else expect(week.designPrompt, `week ${week.number}`).toBeUndefined();
    }
    const prompts = plan.weeks.flatMap((w) => (w.designPrompt ? [w.designPrompt.id] : []));
    expect(prompts).toHaveLength(15);
    expect(duplicates(prompts)).toEqual([]);
  });

  it("has milestone checks on weeks 5, 10, 15 and 20 only", () => {
    expect(plan.weeks.filter((w) => w.milestone).map((w) => w.number)).toEqual([5, 10, 15, 20]);
    for (const week of plan.weeks.filter((w) => w.milestone)) expect(week.milestone!.checks.length).toBeGreaterThanOrEqual(3);
  });

  it("has the retrospective, the weekly routine and the four appendix checklists", () => {
    expect(plan.retrospective.questions).toHaveLength(5);
    expect(plan.weeklyRoutine.hoursPerWeek).toEqual({ min: 20, max: 25 });
    expect(plan.checklists.map((c) => c.id)).toEqual(["performance-optimization", "production-readiness", "daily-development", "code-review"]);
  });

  it("links only to lessons that exist", () => {
    const lessonsDir = path.join(process.cwd(), "content", "lessons");
    const missing = planLessonRefs(plan).filter((ref) => !fs.existsSync(path.join(lessonsDir, `${ref}.md`)));
    expect(missing).toEqual([]);
  });

  it("links only to exercises that exist", () => {
    const exercisesDir = path.join(process.cwd(), "content", "exercises");
    const slugs = planExerciseSlugs(plan);
    expect(slugs.length).toBeGreaterThan(0);
    const missing = slugs.filter((slug) => !fs.statSync(path.join(exercisesDir, slug), { throwIfNoEntry: false })?.isDirectory());
    expect(missing).toEqual([]);
  });
});

describe("concept checklist content", () => {
  it("matches the schema", () => {
    const raw = JSON.parse(fs.readFileSync(path.join(process.cwd(), "content", "checklist", "checklist.json"), "utf8")) as unknown;
    const result = conceptChecklistSchema.safeParse(raw);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("has unique kebab-case ids across all categories", () => {
    const categoryIds = checklist.categories.map((c) => c.id);
    const conceptIds = checklist.categories.flatMap((c) => c.concepts.map((concept) => concept.id));
    expect(duplicates(categoryIds)).toEqual([]);
    expect(duplicates(conceptIds)).toEqual([]);
    expect(checklist.categories.length).toBe(11);
    expect(conceptIds).toEqual(expect.arrayContaining(["circuit-breaker", "cqrs", "saga-pattern", "n-plus-one-queries"]));
  });
});

describe("the loaders reject invalid content", () => {
  function tempFile(name: string, contents: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deepend-plan-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, contents);
    return file;
  }

  it("names the file and the zod issue", () => {
    const broken = structuredClone(plan) as Plan;
    broken.weeks[2]!.tasks.build[0]!.id = "w02-build-1";
    broken.weeks[7]!.designPrompt = undefined;
    const file = tempFile("plan.json", JSON.stringify(broken));
    expect(() => loadPlan(file)).toThrow(ContentFileError);
    try {
      loadPlan(file);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toContain('weeks.2.tasks.build.0.id: id "w02-build-1" must start with "w03-build-"');
      expect(message).toContain("weeks.7.designPrompt: missing system-design prompt");
    }
  });

  it("reports duplicate ids, a week outside its phase and bad JSON", () => {
    const broken = structuredClone(plan) as Plan;
    broken.weeks[0]!.tasks.build[1]!.id = broken.weeks[0]!.tasks.build[0]!.id;
    broken.weeks[3]!.phaseId = "phase-1";
    expect(() => parsePlan(broken, "plan.json")).toThrow(/^plan\.json: 2 problems/);
    expect(() => parsePlan(broken, "plan.json")).toThrow('weeks.0.tasks.build.1.id: duplicate id "w01-build-1"');
    expect(() => parsePlan(broken, "plan.json")).toThrow("weeks.3.phaseId: week 4 is outside phase-1 (weeks 1-2)");
    expect(() => loadChecklist(tempFile("checklist.json", "{ not json"))).toThrow(/checklist\.json: invalid JSON/);
    expect(() => loadChecklist(path.join(os.tmpdir(), "deepend-no-such-file.json"))).toThrow(/deepend-no-such-file\.json: cannot read file \(ENOENT\)/);
  });
});
