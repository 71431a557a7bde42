import Link from "next/link";
import { DifficultyBadge, ExerciseStatusLabel } from "@/components/badges";
import { AutoSubmitFilters } from "@/components/exercise/auto-submit-filters";
import { getCurrentUser } from "@/lib/auth/session";
import { getExerciseCatalog, toMeta } from "@/lib/content/exercises";
import { getLessonCatalog } from "@/lib/content/lessons";
import { DIFFICULTIES } from "@/lib/content/schema";
import { getExerciseStatuses, type ExerciseStatus } from "@/lib/exercises/progress";

export const metadata = { title: "Exercises" };

const STATUSES: ExerciseStatus[] = ["not-started", "attempted", "solved"];

type Search = Promise<{ track?: string; difficulty?: string; status?: string }>;

export default async function ExercisesPage({ searchParams }: { searchParams: Search }) {
  const filters = await searchParams;
  const user = await getCurrentUser();
  const statuses = user ? await getExerciseStatuses(user.id) : new Map<string, ExerciseStatus>();
  const { tracks, lessons } = getLessonCatalog();
  const all = getExerciseCatalog().exercises.map((e) => ({ ...toMeta(e), status: statuses.get(e.id) ?? ("not-started" as ExerciseStatus) }));
  const shown = all.filter(
    (e) => (!filters.track || e.track === filters.track) && (!filters.difficulty || e.difficulty === filters.difficulty) && (!filters.status || !user || e.status === filters.status),
  );
  const solved = all.filter((e) => e.status === "solved").length;
  const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

  return (
    <div>
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">Exercises</h1>
        <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
          TypeScript challenges that run on the server against visible and hidden tests, in milliseconds. Each practises a lesson.
        </p>
        {user ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Solved {solved} of {all.length}.
          </p>
        ) : null}
      </header>
      <AutoSubmitFilters className="group mb-6 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block text-zinc-600 dark:text-zinc-400">Track</span>
          <select name="track" defaultValue={filters.track ?? ""} className={selectClass}>
            <option value="">All tracks</option>
            {tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-zinc-600 dark:text-zinc-400">Difficulty</span>
          <select name="difficulty" defaultValue={filters.difficulty ?? ""} className={selectClass}>
            <option value="">Any</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {user ? (
          <label className="text-sm">
            <span className="mb-1 block text-zinc-600 dark:text-zinc-400">Status</span>
            <select name="status" defaultValue={filters.status ?? ""} className={selectClass}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.replace("-", " ")}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {/* Needed only without JavaScript: the form then applies on change. */}
        <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 group-data-[hydrated]:hidden">
          Filter
        </button>
        {filters.track || filters.difficulty || filters.status ? (
          <Link href="/exercises" className="py-1.5 text-sm text-zinc-600 hover:underline dark:text-zinc-400">
            Clear
          </Link>
        ) : null}
      </AutoSubmitFilters>
      {shown.length === 0 ? <p className="text-zinc-600 dark:text-zinc-400">No exercise matches these filters.</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {shown.map((e) => {
          const lesson = lessons.get(`${e.track}/${e.lesson}`);
          return (
            <li key={e.id} className="flex flex-col rounded-lg border border-zinc-200 p-4 hover:border-accent-400 dark:border-zinc-800" data-exercise={e.slug} data-status={e.status}>
              <div className="flex items-start justify-between gap-3">
                <Link href={e.href} className="font-medium hover:text-accent-700 dark:hover:text-accent-400">
                  {e.title}
                </Link>
                {user ? <ExerciseStatusLabel status={e.status} /> : null}
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                <DifficultyBadge difficulty={e.difficulty} />
                <span>{tracks.find((t) => t.id === e.track)?.title ?? e.track}</span>
                <span>· {e.estimatedMinutes} min</span>
              </div>
              <div className="mt-2 flex flex-wrap gap-1">
                {e.tags.map((tag) => (
                  <span key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
                    {tag}
                  </span>
                ))}
              </div>
              {lesson ? (
                <p className="mt-3 text-xs text-zinc-500">
                  Practises <Link href={lesson.href} className="text-accent-600 hover:underline">{lesson.title}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
