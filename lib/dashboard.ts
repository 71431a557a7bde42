import "server-only";
import { getConceptProgress } from "./checklist/progress.ts";
import { getExerciseCatalog } from "./content/exercises.ts";
import { getLessonCatalog, type LessonMeta } from "./content/lessons.ts";
import { db } from "./db/client.ts";
import { getExerciseStatuses } from "./exercises/progress.ts";
import { getChecklist, getPlan } from "./plan/content.ts";
import { addDays, getHours, getPlanState, hoursPerWeek, weekItems, type CheckableItem, type PlanState } from "./plan/progress.ts";
import { dayKey, getUserClock } from "./progress/days.ts";

/** One day of the heatmap: what happened on it, in the user's zone. */
export interface ActivityDay {
  day: string;
  /** Ticks, submissions and lessons read that day. */
  actions: number;
  hours: number;
  /** Intensity: an hour logged counts 2, any other action 1. */
  score: number;
}

/** The first steps a new account is pointed to, each with whether it is done. */
export interface GettingStarted {
  planStarted: boolean;
  lessonRead: boolean;
  exerciseTried: boolean;
}

export interface Dashboard {
  state: PlanState | null;
  weekTitle: string | null;
  nextItems: CheckableItem[];
  nextLesson: LessonMeta | null;
  nextExercise: { href: string; title: string } | null;
  hoursPerWeek: number[];
  target: { min: number; max: number };
  /** Activity per day for the heatmap, oldest first, ending today (the user's today). */
  activity: ActivityDay[];
  streak: number;
  /** True until the user has done anything at all: they are greeted, not welcomed back. */
  firstVisit: boolean;
  gettingStarted: GettingStarted;
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
  const clock = await getUserClock(userId, now);
  // Plan checks and lesson reads are read once, with their dates, for both progress and activity.
  const [state, hours, statuses, concepts, checks, submissions, lessonReads] = await Promise.all([
    getPlanState(userId, clock),
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

  // Hours are logged per day already; every other action counts on its day in the user's zone.
  const actions = new Map<string, number>();
  for (const at of [...checks.map((c) => c.checkedAt), ...submissions.map((s) => s.createdAt), ...lessonReads.map((l) => l.readAt)]) {
    const day = dayKey(at, clock.timeZone);
    actions.set(day, (actions.get(day) ?? 0) + 1);
  }
  const dayOf = (day: string): ActivityDay => {
    const count = actions.get(day) ?? 0;
    const h = hours.get(day) ?? 0;
    return { day, actions: count, hours: h, score: count + h * 2 };
  };
  const end = clock.today;
  const activity = Array.from({ length: HEATMAP_DAYS }, (_, i) => dayOf(addDays(end, i - HEATMAP_DAYS + 1)));
  // A streak survives a day without activity yet today.
  let streak = 0;
  for (let day = dayOf(end).score > 0 ? end : addDays(end, -1); dayOf(day).score > 0; day = addDays(day, -1)) streak++;

  const gettingStarted: GettingStarted = { planStarted: state !== null, lessonRead: lessonReads.length > 0, exerciseTried: submissions.length > 0 || statuses.size > 0 };
  const firstVisit = !gettingStarted.planStarted && !gettingStarted.lessonRead && !gettingStarted.exerciseTried && checks.length === 0 && hours.size === 0 && concepts.size === 0;

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
    firstVisit,
    gettingStarted,
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
