import "server-only";
import { getConceptProgress } from "./checklist/progress.ts";
import { getExerciseCatalog } from "./content/exercises.ts";
import { getLessonCatalog, type LessonMeta } from "./content/lessons.ts";
import { db } from "./db/client.ts";
import { getExerciseStatuses } from "./exercises/progress.ts";
import { getChecklist, getPlan } from "./plan/content.ts";
import { addDays, getHours, getPlanState, hoursPerWeek, today, weekItems, type CheckableItem, type PlanState } from "./plan/progress.ts";

export interface Dashboard {
  state: PlanState | null;
  weekTitle: string | null;
  nextItems: CheckableItem[];
  nextLesson: LessonMeta | null;
  nextExercise: { href: string; title: string } | null;
  hoursPerWeek: number[];
  target: { min: number; max: number };
  /** Activity per day for the heatmap, oldest first, ending today. */
  activity: Array<{ day: string; score: number }>;
  streak: number;
  phases: Array<{ id: string; title: string; done: number; total: number }>;
  lessonsRead: number;
  lessonsTotal: number;
  exercisesSolved: number;
  exercisesTotal: number;
  conceptsDone: number;
  conceptsTotal: number;
}

const HEATMAP_DAYS = 7 * 18;

/** Everything the signed-in home page shows, for one user. */
export async function getDashboard(userId: string, now = new Date()): Promise<Dashboard> {
  const plan = getPlan();
  const lessons = getLessonCatalog();
  const exercises = getExerciseCatalog().exercises;
  // Plan checks and lesson reads are read once, with their dates, for both progress and activity.
  const [state, hours, statuses, concepts, checks, submissions, lessonReads] = await Promise.all([
    getPlanState(userId, now),
    getHours(userId),
    getExerciseStatuses(userId),
    getConceptProgress(userId),
    db.planCheck.findMany({ where: { userId }, select: { itemId: true, checkedAt: true } }),
    db.submission.findMany({ where: { userId }, select: { createdAt: true } }),
    db.lessonProgress.findMany({ where: { userId }, select: { lessonRef: true, readAt: true } }),
  ]);
  const checked = new Set(checks.map((c) => c.itemId));
  const read = new Set(lessonReads.map((l) => l.lessonRef));

  const week = state && state.currentWeek >= 1 && state.currentWeek <= plan.totalWeeks ? plan.weeks.find((w) => w.number === state.currentWeek) : undefined;
  const orderedLessons = lessons.tracks.flatMap((t) => t.lessons);
  const weekLessons = (week?.links.lessons ?? []).map((ref) => lessons.lessons.get(ref)).filter((l) => l !== undefined);
  const nextLesson = weekLessons.find((l) => !read.has(l.ref)) ?? orderedLessons.find((l) => !read.has(l.ref)) ?? null;
  const weekExercises = (week?.links.exercises ?? []).map((slug) => exercises.find((e) => e.slug === slug)).filter((e) => e !== undefined);
  const nextExercise = weekExercises.find((e) => statuses.get(e.id) !== "solved") ?? exercises.find((e) => statuses.get(e.id) !== "solved") ?? null;

  // Activity: an hour logged counts 2, any other action (tick, submit, lesson read) counts 1.
  const score = new Map<string, number>();
  for (const [day, h] of hours) score.set(day, (score.get(day) ?? 0) + h * 2);
  for (const at of [...checks.map((c) => c.checkedAt), ...submissions.map((s) => s.createdAt), ...lessonReads.map((l) => l.readAt)]) {
    const day = today(at);
    score.set(day, (score.get(day) ?? 0) + 1);
  }
  const end = today(now);
  const activity = Array.from({ length: HEATMAP_DAYS }, (_, i) => {
    const day = addDays(end, i - HEATMAP_DAYS + 1);
    return { day, score: score.get(day) ?? 0 };
  });
  // A streak survives a day without activity yet today.
  let streak = 0;
  for (let day = (score.get(end) ?? 0) > 0 ? end : addDays(end, -1); (score.get(day) ?? 0) > 0; day = addDays(day, -1)) streak++;

  const allConcepts = getChecklist().categories.flatMap((c) => c.concepts.map((concept) => concept.id));
  return {
    state,
    weekTitle: week?.title ?? null,
    nextItems: week ? weekItems(week).filter((i) => !checked.has(i.id)).slice(0, 4) : [],
    nextLesson,
    nextExercise: nextExercise ? { href: nextExercise.href, title: nextExercise.title } : null,
    hoursPerWeek: state ? hoursPerWeek(hours, state.startDay, plan.totalWeeks) : Array.from({ length: plan.totalWeeks }, () => 0),
    target: plan.weeklyRoutine.hoursPerWeek,
    activity,
    streak,
    phases: plan.phases.map((p) => {
      const items = plan.weeks.filter((w) => w.phaseId === p.id).flatMap(weekItems);
      return { id: p.id, title: p.title, done: items.filter((i) => checked.has(i.id)).length, total: items.length };
    }),
    lessonsRead: orderedLessons.filter((l) => read.has(l.ref)).length,
    lessonsTotal: orderedLessons.length,
    exercisesSolved: exercises.filter((e) => statuses.get(e.id) === "solved").length,
    exercisesTotal: exercises.length,
    conceptsDone: allConcepts.filter((id) => concepts.get(id)?.status === "done").length,
    conceptsTotal: allConcepts.length,
  };
}
