import Link from "next/link";
import { LevelBadge, ProgressBar } from "@/components/badges";
import { getCurrentUser } from "@/lib/auth/session";
import { getLessonCatalog } from "@/lib/content/lessons";
import { getReadLessonRefs } from "@/lib/progress/lessons";

export const metadata = { title: "Lessons" };

export default async function LessonsPage() {
  const { tracks } = getLessonCatalog();
  const user = await getCurrentUser();
  const read = user ? await getReadLessonRefs(user.id) : new Set<string>();
  const totalLessons = tracks.reduce((n, t) => n + t.lessons.length, 0);

  return (
    <div>
      <header className="mb-10">
        <h1 className="text-3xl font-semibold tracking-tight">Lessons</h1>
        <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
          {totalLessons} lessons in {tracks.length} tracks, from Node.js internals to system design. Each ends with interview questions and model answers.
        </p>
        {user ? (
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="overall-progress">
            You have read {[...read].filter((ref) => tracks.some((t) => t.lessons.some((l) => l.ref === ref))).length} of {totalLessons} lessons.
          </p>
        ) : null}
      </header>
      <div className="space-y-12">
        {tracks.map((track) => {
          const done = track.lessons.filter((l) => read.has(l.ref)).length;
          return (
            <section key={track.id} id={track.id} aria-labelledby={`track-${track.id}`} className="scroll-mt-20">
              <div className="mb-4 flex flex-wrap items-end justify-between gap-3 border-b border-zinc-200 pb-3 dark:border-zinc-800">
                <div>
                  <h2 id={`track-${track.id}`} className="text-xl font-semibold tracking-tight">
                    {track.title}
                  </h2>
                  <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{track.summary}</p>
                </div>
                {user ? <ProgressBar done={done} total={track.lessons.length} label={`${track.title} progress`} /> : null}
              </div>
              <ol className="grid gap-3 sm:grid-cols-2">
                {track.lessons.map((lesson) => {
                  const isRead = read.has(lesson.ref);
                  return (
                    <li key={lesson.ref}>
                      <Link
                        href={lesson.href}
                        className="group flex h-full flex-col rounded-lg border border-zinc-200 p-4 transition hover:border-accent-400 hover:shadow-sm dark:border-zinc-800 dark:hover:border-accent-600"
                        data-lesson={lesson.ref}
                        data-read={isRead ? "true" : "false"}
                      >
                        <div className="flex items-start justify-between gap-3">
                          <span className="font-medium group-hover:text-accent-700 dark:group-hover:text-accent-400">{lesson.title}</span>
                          {isRead ? (
                            <span className="shrink-0 text-sm text-emerald-600 dark:text-emerald-400" aria-label="Read">
                              ✓ Read
                            </span>
                          ) : null}
                        </div>
                        <p className="mt-1 line-clamp-2 flex-1 text-sm text-zinc-600 dark:text-zinc-400">{lesson.summary}</p>
                        <div className="mt-3 flex items-center gap-2 text-xs text-zinc-500">
                          <LevelBadge level={lesson.level} />
                          <span>{lesson.estimatedMinutes} min</span>
                        </div>
                      </Link>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
