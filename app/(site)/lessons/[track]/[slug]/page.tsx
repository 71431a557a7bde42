import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LevelBadge } from "@/components/badges";
import { LessonNotes } from "@/components/lesson-notes";
import { MarkReadButton } from "@/components/mark-read-button";
import { getCurrentUser } from "@/lib/auth/session";
import { getLesson, getLessonCatalog, getNeighbours } from "@/lib/content/lessons";
import { getRenderedLesson } from "@/lib/content/rendered";
import { getExerciseCatalog, practisesLesson } from "@/lib/content/exercises";
import { getLessonNote } from "@/lib/notes/lesson-notes";
import { getLessonReadAt } from "@/lib/progress/lessons";
import { Breadcrumb } from "@/components/breadcrumb";
import { CodeCopyButtons } from "@/components/lesson/code-copy";
import { TableOfContents } from "@/components/lesson/table-of-contents";

type Params = { params: Promise<{ track: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { track, slug } = await params;
  const lesson = getLesson(track, slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : { title: "Lesson not found" };
}

export default async function LessonPage({ params }: Params) {
  const { track: trackId, slug } = await params;
  const lesson = getLesson(trackId, slug);
  if (!lesson) notFound();

  const catalog = getLessonCatalog();
  const track = catalog.tracks.find((t) => t.id === lesson.track);
  const [{ html, toc }, user] = await Promise.all([getRenderedLesson(lesson), getCurrentUser()]);
  const [readAt, note] = user ? await Promise.all([getLessonReadAt(user.id, lesson.ref), getLessonNote(user.id, lesson.ref)]) : [null, null];
  // The exercises made for this lesson first, then those that also practise it.
  const practice = getExerciseCatalog()
    .exercises.filter((e) => practisesLesson(e, lesson.ref))
    .sort((a, b) => Number(b.lesson === lesson.slug && b.track === lesson.track) - Number(a.lesson === lesson.slug && a.track === lesson.track));
  const { prev, next } = getNeighbours(lesson);
  const related = lesson.related.map((ref) => catalog.lessons.get(ref)).filter((l) => l !== undefined);

  // One grid, three parts: on wide screens the aside (contents, notes) sits beside the article and
  // its footer; on small screens the notes come right after the lesson, before the footer.
  return (
    <div className="grid grid-cols-1 lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-12">
      <article className="min-w-0 lg:col-start-1 lg:row-start-1">
        <Breadcrumb items={[{ label: "Lessons", href: "/lessons" }, { label: track?.title ?? lesson.track, href: `/lessons#${lesson.track}` }]} />
        <h1 className="mt-3 text-3xl font-semibold tracking-tight sm:text-4xl">{lesson.title}</h1>
        <p className="mt-3 text-lg text-zinc-600 dark:text-zinc-400">{lesson.summary}</p>
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm text-zinc-500">
          <LevelBadge level={lesson.level} />
          <span>{lesson.estimatedMinutes} min</span>
          {readAt ? <span className="text-emerald-600 dark:text-emerald-400">Read on {readAt.toLocaleDateString("en", { dateStyle: "medium" })}</span> : null}
        </div>
        <TableOfContents entries={toc} variant="collapsible" notesHref={user ? "#your-notes" : undefined} />

        <div
          className="lesson-body prose prose-zinc mt-8 max-w-none dark:prose-invert prose-headings:tracking-tight prose-a:text-accent-600 dark:prose-a:text-accent-400 prose-pre:bg-transparent prose-pre:p-0"
          dangerouslySetInnerHTML={{ __html: html }}
        />
        <CodeCopyButtons />
      </article>

      <aside className="min-w-0 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <div className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto">
          <div className="hidden lg:block">
            <TableOfContents entries={toc} variant="sidebar" />
          </div>
          {user ? <LessonNotes lessonRef={lesson.ref} initialBody={note?.body ?? ""} initialVersion={note?.version ?? 0} /> : null}
        </div>
      </aside>

      <footer className="mt-12 min-w-0 space-y-8 border-t border-zinc-200 pt-8 lg:col-start-1 lg:row-start-2 dark:border-zinc-800">
        {user ? (
          <MarkReadButton lessonRef={lesson.ref} initiallyRead={readAt !== null} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <Link href={`/signin?callbackUrl=${encodeURIComponent(lesson.href)}`} className="font-medium text-accent-600 hover:underline">
              Sign in
            </Link>{" "}
            to mark lessons as read and track your progress.
          </p>
        )}

        {practice.length > 0 ? (
          <section aria-labelledby="practice-heading">
            <h2 id="practice-heading" className="mb-3 text-lg font-semibold">
              Practise it
            </h2>
            <ul className="flex flex-wrap gap-2">
              {practice.map((e) => (
                <li key={e.slug}>
                  <Link href={e.href} className="inline-block rounded-md border border-accent-500 px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-zinc-900">
                    {e.title} · {e.difficulty}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {related.length > 0 ? (
          <section aria-labelledby="related-heading">
            <h2 id="related-heading" className="mb-3 text-lg font-semibold">
              Related lessons
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2">
              {related.map((r) => (
                <li key={r.ref}>
                  <Link href={r.href} className="flex h-full flex-col rounded-lg border border-zinc-200 p-3 hover:border-accent-400 dark:border-zinc-800">
                    <span className="font-medium">{r.title}</span>
                    <span className="mt-1 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">{r.summary}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <nav aria-label="Lesson navigation" className="flex justify-between gap-4 text-sm">
          {prev ? (
            <Link href={prev.href} rel="prev" className="rounded-lg border border-zinc-200 px-4 py-3 hover:border-accent-400 dark:border-zinc-800">
              <span className="block text-zinc-500">← Previous</span>
              <span className="font-medium">{prev.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={next.href} rel="next" className="rounded-lg border border-zinc-200 px-4 py-3 text-right hover:border-accent-400 dark:border-zinc-800">
              <span className="block text-zinc-500">Next →</span>
              <span className="font-medium">{next.title}</span>
            </Link>
          ) : null}
        </nav>
      </footer>
    </div>
  );
}
