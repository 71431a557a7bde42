// Zod schemas and types for the 20-week plan (content/plan/plan.json) and the concept checklist
// (content/checklist/checklist.json). The schemas check shape *and* the plan's cross-references
// (week numbering, phase ranges, id formats and uniqueness), so a file that parses is safe to render.
// Plain `node` runs this module too: keep to erasable TypeScript and relative `.ts` imports.
import { z } from "zod";

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case");
const text = z.string().trim().min(3).max(400);
const longText = z.string().trim().min(10).max(1200);

export const TASK_KINDS = ["build", "break", "optimize"] as const;
export const DEEP_DIVE_KINDS = ["deep-dive", "warm-up", "comparison", "review", "documentation"] as const;
export const RESOURCE_KINDS = ["docs", "blog", "video", "course"] as const;
export const TOOL_CATEGORIES = ["development", "databases", "testing", "monitoring", "profiling", "messaging"] as const;

/** Two-digit week prefix used by every per-week id: week 3 -> "w03". */
export function weekPrefix(week: number): string {
  return `w${String(week).padStart(2, "0")}`;
}

/** "<track>/<slug>" reference to a lesson (content/lessons/<track>/<slug>.md). */
export const lessonRefSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like "<track>/<slug>"');

export const hoursRangeSchema = z
  .strictObject({ min: z.number().positive().max(100), max: z.number().positive().max(100) })
  .refine((h) => h.min <= h.max, { message: "min must not exceed max" });

/** A checkable line with a stable id (success criteria, milestone checks, appendix checklist items). */
export const checkItemSchema = z.strictObject({ id: kebab, text });

export const taskSchema = z.strictObject({
  /** "w03-build-2": week, group and position; stable, used to record progress. */
  id: z.string().regex(/^w\d{2}-(?:build|break|optimize)-\d+$/, 'must look like "w03-build-2"'),
  title: text,
  detail: longText.optional(),
});

export const weekTasksSchema = z.strictObject({
  build: z.array(taskSchema),
  break: z.array(taskSchema),
  optimize: z.array(taskSchema),
});

export const theoryCheckpointSchema = z.strictObject({
  id: z.string().regex(/^w\d{2}-theory-\d+$/, 'must look like "w03-theory-1"'),
  title: text,
  estimatedHours: hoursRangeSchema,
  /** When to stop and study it, e.g. "before modelling the schema". */
  trigger: text.optional(),
  topics: z.array(text).min(1),
});

export const deepDiveSchema = z.strictObject({
  id: z.string().regex(/^w\d{2}-deep-\d+$/, 'must look like "w03-deep-1"'),
  kind: z.enum(DEEP_DIVE_KINDS),
  title: text,
  estimatedHours: hoursRangeSchema.optional(),
  steps: z.array(text).min(1),
});

export const milestoneSchema = z.strictObject({
  title: text,
  summary: longText,
  checks: z.array(checkItemSchema).min(3),
});

export const designPromptSchema = z.strictObject({
  id: kebab,
  title: text,
  brief: longText,
  focus: z.array(text).min(2),
});

export const weekLinksSchema = z.strictObject({
  lessons: z.array(lessonRefSchema),
  exercises: z.array(kebab),
});

export const weekSchema = z
  .strictObject({
    number: z.number().int().min(1),
    phaseId: kebab,
    title: text,
    summary: longText,
    goals: z.array(text).min(2),
    tasks: weekTasksSchema,
    theory: z.array(theoryCheckpointSchema),
    deepDives: z.array(deepDiveSchema),
    successCriteria: z.array(checkItemSchema).min(2),
    milestone: milestoneSchema.optional(),
    designPrompt: designPromptSchema.optional(),
    links: weekLinksSchema,
  })
  .superRefine((week, ctx) => {
    const prefix = weekPrefix(week.number);
    const expect = (id: string, wanted: string, where: PropertyKey[]) => {
      if (!id.startsWith(wanted)) ctx.addIssue({ code: "custom", path: where, message: `id "${id}" must start with "${wanted}"` });
    };
    for (const kind of TASK_KINDS) {
      week.tasks[kind].forEach((task, i) => expect(task.id, `${prefix}-${kind}-`, ["tasks", kind, i, "id"]));
    }
    if (TASK_KINDS.every((kind) => week.tasks[kind].length === 0)) {
      ctx.addIssue({ code: "custom", path: ["tasks"], message: "a week needs at least one task" });
    }
    week.theory.forEach((c, i) => expect(c.id, `${prefix}-theory-`, ["theory", i, "id"]));
    week.deepDives.forEach((d, i) => expect(d.id, `${prefix}-deep-`, ["deepDives", i, "id"]));
    week.successCriteria.forEach((s, i) => expect(s.id, `${prefix}-success-`, ["successCriteria", i, "id"]));
    week.milestone?.checks.forEach((m, i) => expect(m.id, `${prefix}-milestone-`, ["milestone", "checks", i, "id"]));
  });

export const bookSchema = z.strictObject({
  title: text,
  authors: z.array(z.string().min(2).max(80)).min(1),
  /** true for the four books the plan reads in order; false for supplementary ones. */
  core: z.boolean(),
  note: text,
});

export const onlineResourceSchema = z.strictObject({
  name: text,
  kind: z.enum(RESOURCE_KINDS),
  note: text.optional(),
});

export const toolSchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  category: z.enum(TOOL_CATEGORIES),
  note: text.optional(),
});

export const phaseResourcesSchema = z.strictObject({
  books: z.array(bookSchema),
  online: z.array(onlineResourceSchema),
  tools: z.array(toolSchema),
});

export const requirementGroupSchema = z.strictObject({
  area: text,
  items: z.array(text).min(1),
});

export const projectSchema = z.strictObject({
  title: text,
  description: longText,
  requirements: z.array(requirementGroupSchema).min(1),
  successCriteria: z.array(text).min(3),
});

export const stretchGoalSchema = z.strictObject({
  id: kebab,
  title: text,
  /** Extra time on top of the phase, e.g. "+1 week". */
  extraTime: z.string().min(2).max(40),
  items: z.array(text).min(1),
});

export const phaseSchema = z.strictObject({
  id: kebab,
  number: z.number().int().min(1),
  title: text,
  weeks: z.strictObject({ start: z.number().int().min(1), end: z.number().int().min(1) }),
  summary: longText,
  project: projectSchema,
  resources: phaseResourcesSchema,
  stretchGoals: z.array(stretchGoalSchema),
});

export const routineBlockSchema = z.strictObject({
  id: kebab,
  when: text,
  title: text,
  hours: hoursRangeSchema,
  optional: z.boolean(),
  activities: z.array(text).min(1),
});

export const weeklyRoutineSchema = z.strictObject({
  hoursPerWeek: hoursRangeSchema,
  /** Share of the time that goes to project work, theory and exploration (sums to 100). */
  split: z
    .strictObject({ projects: z.number().int().min(0), theory: z.number().int().min(0), exploration: z.number().int().min(0) })
    .refine((s) => s.projects + s.theory + s.exploration === 100, { message: "split must add up to 100" }),
  blocks: z.array(routineBlockSchema).min(1),
});

export const retroQuestionSchema = z.strictObject({ id: kebab, prompt: text, hint: text.optional() });

export const retrospectiveSchema = z.strictObject({
  title: text,
  minutes: z.number().int().min(5).max(120),
  questions: z.array(retroQuestionSchema).length(5),
});

export const systemDesignPracticeSchema = z.strictObject({
  startsWeek: z.number().int().min(1),
  hoursPerWeek: hoursRangeSchema,
  steps: z.array(z.strictObject({ id: kebab, title: text, minutes: z.number().int().positive().optional() })).min(1),
});

/** One of the appendix checklists (performance, production readiness, daily, code review). */
export const referenceChecklistSchema = z.strictObject({
  id: kebab,
  title: text,
  summary: text,
  items: z.array(checkItemSchema).min(1),
});

export const planSchema = z
  .strictObject({
    version: z.literal(1),
    title: text,
    summary: longText,
    totalWeeks: z.number().int().min(1),
    /** Weeks that end with a milestone check. */
    milestoneWeeks: z.array(z.number().int().min(1)),
    phases: z.array(phaseSchema).min(1),
    weeks: z.array(weekSchema).min(1),
    weeklyRoutine: weeklyRoutineSchema,
    systemDesignPractice: systemDesignPracticeSchema,
    retrospective: retrospectiveSchema,
    phaseReview: z.array(retroQuestionSchema).min(1),
    checklists: z.array(referenceChecklistSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

    // Phases: numbered 1..n in order, contiguous week ranges covering 1..totalWeeks.
    let nextWeek = 1;
    plan.phases.forEach((phase, i) => {
      if (phase.number !== i + 1) issue(["phases", i, "number"], `expected phase number ${i + 1}`);
      if (phase.weeks.start !== nextWeek) issue(["phases", i, "weeks", "start"], `expected phase to start at week ${nextWeek}`);
      if (phase.weeks.end < phase.weeks.start) issue(["phases", i, "weeks"], "end comes before start");
      nextWeek = phase.weeks.end + 1;
    });
    if (nextWeek !== plan.totalWeeks + 1) issue(["phases"], `phases must end at week ${plan.totalWeeks}`);
    const phases = new Map(plan.phases.map((p) => [p.id, p]));
    if (phases.size !== plan.phases.length) issue(["phases"], "phase ids must be unique");

    // Weeks: 1..totalWeeks in order, each inside its phase's range.
    if (plan.weeks.length !== plan.totalWeeks) issue(["weeks"], `expected ${plan.totalWeeks} weeks, got ${plan.weeks.length}`);
    plan.weeks.forEach((week, i) => {
      if (week.number !== i + 1) issue(["weeks", i, "number"], `expected week ${i + 1}`);
      const phase = phases.get(week.phaseId);
      if (!phase) issue(["weeks", i, "phaseId"], `unknown phase "${week.phaseId}"`);
      else if (week.number < phase.weeks.start || week.number > phase.weeks.end) {
        issue(["weeks", i, "phaseId"], `week ${week.number} is outside ${phase.id} (weeks ${phase.weeks.start}-${phase.weeks.end})`);
      }
      const wantsPrompt = week.number >= plan.systemDesignPractice.startsWeek;
      if (wantsPrompt !== Boolean(week.designPrompt)) {
        issue(["weeks", i, "designPrompt"], wantsPrompt ? "missing system-design prompt" : `no system-design prompt before week ${plan.systemDesignPractice.startsWeek}`);
      }
      const wantsMilestone = plan.milestoneWeeks.includes(week.number);
      if (wantsMilestone !== Boolean(week.milestone)) {
        issue(["weeks", i, "milestone"], wantsMilestone ? "missing milestone check" : "milestone checks belong to milestone weeks only");
      }
    });

    // Ids that record progress must be unique across the whole plan.
    const seen = new Map<string, string>();
    const claim = (id: string, where: PropertyKey[]) => {
      const at = where.map(String).join(".");
      const first = seen.get(id);
      if (first) issue(where, `duplicate id "${id}" (first used at ${first})`);
      else seen.set(id, at);
    };
    plan.weeks.forEach((week, w) => {
      for (const kind of TASK_KINDS) week.tasks[kind].forEach((t, i) => claim(t.id, ["weeks", w, "tasks", kind, i, "id"]));
      week.theory.forEach((c, i) => claim(c.id, ["weeks", w, "theory", i, "id"]));
      week.deepDives.forEach((d, i) => claim(d.id, ["weeks", w, "deepDives", i, "id"]));
      week.successCriteria.forEach((s, i) => claim(s.id, ["weeks", w, "successCriteria", i, "id"]));
      week.milestone?.checks.forEach((m, i) => claim(m.id, ["weeks", w, "milestone", "checks", i, "id"]));
      if (week.designPrompt) claim(week.designPrompt.id, ["weeks", w, "designPrompt", "id"]);
    });
    plan.phases.forEach((p, i) => p.stretchGoals.forEach((s, j) => claim(s.id, ["phases", i, "stretchGoals", j, "id"])));
    plan.checklists.forEach((list, i) => {
      claim(list.id, ["checklists", i, "id"]);
      list.items.forEach((item, j) => claim(item.id, ["checklists", i, "items", j, "id"]));
    });
    plan.retrospective.questions.forEach((q, i) => claim(q.id, ["retrospective", "questions", i, "id"]));
    plan.phaseReview.forEach((q, i) => claim(q.id, ["phaseReview", i, "id"]));
    plan.weeklyRoutine.blocks.forEach((b, i) => claim(b.id, ["weeklyRoutine", "blocks", i, "id"]));
  });

export const conceptSchema = z.strictObject({
  id: kebab,
  title: z.string().trim().min(2).max(80),
  description: z.string().trim().min(10).max(240),
});

export const conceptCategorySchema = z.strictObject({
  id: kebab,
  title: z.string().trim().min(2).max(80),
  concepts: z.array(conceptSchema).min(1),
});

export const conceptChecklistSchema = z
  .strictObject({
    version: z.literal(1),
    title: text,
    summary: longText,
    categories: z.array(conceptCategorySchema).min(1),
  })
  .superRefine((checklist, ctx) => {
    const categories = new Set<string>();
    const concepts = new Map<string, string>();
    checklist.categories.forEach((category, i) => {
      if (categories.has(category.id)) ctx.addIssue({ code: "custom", path: ["categories", i, "id"], message: `duplicate category id "${category.id}"` });
      categories.add(category.id);
      category.concepts.forEach((concept, j) => {
        const first = concepts.get(concept.id);
        if (first) {
          ctx.addIssue({ code: "custom", path: ["categories", i, "concepts", j, "id"], message: `duplicate concept id "${concept.id}" (also in ${first})` });
        } else concepts.set(concept.id, category.id);
      });
    });
  });

export type HoursRange = z.infer<typeof hoursRangeSchema>;
export type CheckItem = z.infer<typeof checkItemSchema>;
export type TaskKind = (typeof TASK_KINDS)[number];
export type Task = z.infer<typeof taskSchema>;
export type WeekTasks = z.infer<typeof weekTasksSchema>;
export type TheoryCheckpoint = z.infer<typeof theoryCheckpointSchema>;
export type DeepDiveKind = (typeof DEEP_DIVE_KINDS)[number];
export type DeepDive = z.infer<typeof deepDiveSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type DesignPrompt = z.infer<typeof designPromptSchema>;
export type WeekLinks = z.infer<typeof weekLinksSchema>;
export type Week = z.infer<typeof weekSchema>;
export type Book = z.infer<typeof bookSchema>;
export type OnlineResourceKind = (typeof RESOURCE_KINDS)[number];
export type OnlineResource = z.infer<typeof onlineResourceSchema>;
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];
export type Tool = z.infer<typeof toolSchema>;
export type PhaseResources = z.infer<typeof phaseResourcesSchema>;
export type RequirementGroup = z.infer<typeof requirementGroupSchema>;
export type Project = z.infer<typeof projectSchema>;
export type StretchGoal = z.infer<typeof stretchGoalSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type RoutineBlock = z.infer<typeof routineBlockSchema>;
export type WeeklyRoutine = z.infer<typeof weeklyRoutineSchema>;
export type RetroQuestion = z.infer<typeof retroQuestionSchema>;
export type Retrospective = z.infer<typeof retrospectiveSchema>;
export type SystemDesignPractice = z.infer<typeof systemDesignPracticeSchema>;
export type ReferenceChecklist = z.infer<typeof referenceChecklistSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type ConceptCategory = z.infer<typeof conceptCategorySchema>;
export type ConceptChecklist = z.infer<typeof conceptChecklistSchema>;
