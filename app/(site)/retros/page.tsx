import Link from "next/link";
import { z } from "zod";
import { noteExcerpt, searchExcerpt, searchWords } from "@/components/notes/text";
import { requireUser } from "@/lib/auth/session";
import { listRetros, matchRetros } from "@/lib/notes/retros";
import { getPlan } from "@/lib/plan/content";

export const metadata = { title: "Weekly retrospectives" };

const querySchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function RetrosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/retros");
  const { q: query = "" } = querySchema.parse(await searchParams);
  const plan = getPlan();
  const retros = await listRetros(user.id);
  const words = searchWords(query);
  const hits = query ? matchRetros(retros, words) : null;
  const byWeek = new Map(retros.map((r) => [r.week, r]));
  const titles = new Map(plan.weeks.map((w) => [w.number, w.title]));

  return (
    <div>
      <header className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Weekly retrospectives</h1>
          <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
            {plan.retrospective.minutes} minutes at the end of every week, five questions. Written {retros.length} of {plan.weeks.length}.
          </p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href="/retros/review" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
            Review side by side
          </Link>
          {retros.length > 0 ? (
            <a href="/api/retros/export" download className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
              Export all (.zip)
            </a>
          ) : null}
        </div>
      </header>

      <form role="search" action="/retros" className="mb-8 flex max-w-xl gap-2">
        <label htmlFor="retro-search" className="sr-only">
          Search your retrospectives
        </label>
        <input
          id="retro-search"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={200}
          placeholder="Search your retrospectives…"
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700">
          Search
        </button>
      </form>

      {hits ? (
        <section aria-labelledby="results-title" className="mb-12">
          <div className="mb-3 flex items-baseline justify-between gap-3">
            <h2 id="results-title" className="text-lg font-semibold">
              {hits.length === 0 ? `No retrospective mentions “${query}”` : `${hits.length} ${hits.length === 1 ? "retrospective mentions" : "retrospectives mention"} “${query}”`}
            </h2>
            <Link href="/retros" className="text-sm text-accent-600 hover:underline dark:text-accent-400">
              Clear search
            </Link>
          </div>
          <ul className="space-y-3" data-testid="search-results">
            {hits.map((hit) => (
              <li key={hit.week}>
                <Link href={`/retros/${hit.week}`} className="block rounded-lg border border-zinc-200 p-4 hover:border-accent-400 dark:border-zinc-800 dark:hover:border-accent-600">
                  <span className="text-xs font-medium uppercase tracking-wide text-zinc-500">Week {hit.week}</span>
                  <span className="block font-medium">{titles.get(hit.week)}</span>
                  <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">
                    {searchExcerpt(hit.body, words).map((part, i) =>
                      part.hit ? (
                        <mark key={i} className="rounded bg-amber-200/70 px-0.5 text-inherit dark:bg-amber-500/30">
                          {part.text}
                        </mark>
                      ) : (
                        <span key={i}>{part.text}</span>
                      ),
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="space-y-10">
        {plan.phases.map((phase) => (
          <section key={phase.id} aria-labelledby={`phase-${phase.id}`}>
            <h2 id={`phase-${phase.id}`} className="mb-3 border-b border-zinc-200 pb-2 text-sm font-semibold uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
              Phase {phase.number} · {phase.title} <span className="font-normal normal-case tracking-normal">(weeks {phase.weeks.start}–{phase.weeks.end})</span>
            </h2>
            <ol className="grid gap-3 sm:grid-cols-2">
              {plan.weeks
                .filter((week) => week.phaseId === phase.id)
                .map((week) => {
                  const retro = byWeek.get(week.number);
                  const excerpt = retro ? noteExcerpt(retro.body) : "";
                  return (
                    <li key={week.number}>
                      <Link
                        href={`/retros/${week.number}`}
                        data-week={week.number}
                        data-written={retro ? "true" : "false"}
                        className="group flex h-full flex-col rounded-lg border border-zinc-200 p-4 transition hover:border-accent-400 hover:shadow-sm dark:border-zinc-800 dark:hover:border-accent-600"
                      >
                        <div className="flex items-start justify-between gap-3">
                          <span>
                            <span className="block text-xs font-medium uppercase tracking-wide text-zinc-500">Week {week.number}</span>
                            <span className="font-medium group-hover:text-accent-700 dark:group-hover:text-accent-400">{week.title}</span>
                          </span>
                          {retro ? <span className="shrink-0 text-sm text-emerald-600 dark:text-emerald-400">✓ Written</span> : null}
                        </div>
                        <p className="mt-2 line-clamp-2 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
                          {retro ? excerpt || <span className="italic">Only the questions so far.</span> : <span className="text-zinc-500">Not written yet.</span>}
                        </p>
                        {retro ? <span className="mt-2 text-xs text-zinc-500">Updated {dateFormat.format(retro.updatedAt)}</span> : null}
                      </Link>
                    </li>
                  );
                })}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
