import Link from "next/link";
import { notFound } from "next/navigation";
import { RetroEditor } from "@/components/notes/retro-editor";
import { retroTemplate } from "@/components/notes/text";
import { parseRetroWeek, RETRO_WEEKS } from "@/lib/notes/weeks";
import { requireUser } from "@/lib/auth/session";
import { getRetro } from "@/lib/notes/retros";
import { getWeek, getPlan } from "@/lib/plan/content";
import { Breadcrumb } from "@/components/breadcrumb";

type Props = { params: Promise<{ week: string }> };

export async function generateMetadata({ params }: Props) {
  const week = parseRetroWeek((await params).week);
  return { title: week === null ? "Retrospective" : `Week ${week} retrospective` };
}

export default async function RetroPage({ params }: Props) {
  const week = parseRetroWeek((await params).week);
  if (week === null) notFound();
  const user = await requireUser(`/retros/${week}`);
  const plan = getPlan();
  const info = getWeek(plan, week);
  if (!info) notFound();
  const retro = await getRetro(user.id, week);
  const { questions } = plan.retrospective;
  const initial = retro
    ? { value: retro.body, version: retro.version, updatedAt: retro.updatedAt.toISOString() }
    : { value: retroTemplate(questions), version: 0, updatedAt: null };

  return (
    <div>
      <Breadcrumb items={[{ label: "Retrospectives", href: "/retros" }, { label: `Week ${week}` }]} />
      <header className="mt-3 mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Week {week} retrospective</h1>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">{info.title}</p>
        </div>
        <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2 text-sm">
          {week > RETRO_WEEKS.first ? (
            <>
              <Link href={`/retros/review?week=${week}&with=${week - 1}`} className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
                Compare with an earlier week
              </Link>
              <Link href={`/retros/${week - 1}`} rel="prev" className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900">
                ← Week {week - 1}
              </Link>
            </>
          ) : null}
          {week < RETRO_WEEKS.last ? (
            <Link href={`/retros/${week + 1}`} rel="next" className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900">
              Week {week + 1} →
            </Link>
          ) : null}
        </nav>
      </header>
      <details className="mb-4 rounded-lg border border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800">
        <summary className="cursor-pointer py-1 font-medium">The five questions ({plan.retrospective.minutes} minutes)</summary>
        <ol className="mt-2 mb-1 list-decimal space-y-1.5 pl-5 text-zinc-700 dark:text-zinc-300">
          {questions.map((q) => (
            <li key={q.id}>
              {q.prompt}
              {q.hint ? <span className="block text-zinc-500">{q.hint}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      <RetroEditor key={week} week={week} userId={user.id} initial={initial} />
    </div>
  );
}
