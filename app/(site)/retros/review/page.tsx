import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { ReviewWeekPicker } from "@/components/notes/review-week-picker";
import { Breadcrumb } from "@/components/breadcrumb";
import { requireUser } from "@/lib/auth/session";
import { highlightNoteCode } from "@/lib/notes/highlight";
import { alignRetros, listRetros, type RetroDoc } from "@/lib/notes/retros";
import { parseRetroWeek } from "@/lib/notes/weeks";
import { getPlan, getWeek } from "@/lib/plan/content";

export const metadata = { title: "Review retrospectives" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** A named week must be valid; a missing one falls back to a sensible default. */
function weekParam(raw: string | string[] | undefined, fallback: number | null): number | null {
  if (raw === undefined || raw === "") return fallback;
  const week = parseRetroWeek(raw);
  if (week === null) notFound();
  return week;
}

export default async function ReviewPage({ searchParams }: Props) {
  const query = await searchParams;
  const user = await requireUser("/retros/review");
  const plan = getPlan();
  const retros = await listRetros(user.id);
  const byWeek = new Map(retros.map((r) => [r.week, r]));
  // Default: the latest written week beside the one before it.
  const current = weekParam(query.week, retros.at(-1)?.week ?? 1) ?? 1;
  const earlier = weekParam(query.with, current > 1 ? current - 1 : null);
  const sameWeek = earlier === current;
  const weekOptions = plan.weeks.map((w) => ({ number: w.number, written: byWeek.has(w.number) }));
  const left = earlier === null || sameWeek ? undefined : byWeek.get(earlier);
  const right = byWeek.get(current);
  const { questions } = plan.retrospective;
  const rows = alignRetros(questions, left?.body ?? null, right?.body ?? null);
  const highlighted = Object.assign({}, ...(await Promise.all([left, right].map((r) => (r ? highlightNoteCode(r.body) : {})))));

  return (
    <div>
      <Breadcrumb items={[{ label: "Retrospectives", href: "/retros" }, { label: "Review" }]} />
      <header className="mt-3 mb-6">
        <h1 className="text-3xl font-semibold tracking-tight">Review side by side</h1>
        <p className="mt-1 max-w-2xl text-zinc-600 dark:text-zinc-400">Put an earlier week beside this one, question by question: which gaps closed, which keep coming back?</p>
      </header>
      <ReviewWeekPicker weeks={weekOptions} earlier={earlier} current={current} />
      {sameWeek ? (
        <p role="alert" data-testid="same-week" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Both sides are week {current}. Pick two different weeks to compare.
        </p>
      ) : (
        <div data-testid="review">
          <div className="grid gap-x-6 lg:grid-cols-2">
            {earlier !== null ? <ColumnHeader week={earlier} title={getWeek(plan, earlier)?.title} retro={left} label="Earlier" /> : <EmptyColumn />}
            <ColumnHeader week={current} title={getWeek(plan, current)?.title} retro={right} label="This week" />
          </div>
          <ol className="mt-4 space-y-4">
            {rows.map((row) => (
              <li key={row.heading} data-question={row.questionId ?? "other"} className="rounded-lg border border-zinc-200 dark:border-zinc-800">
                <h2 className="border-b border-zinc-200 bg-zinc-50 px-5 py-2 text-sm font-semibold dark:border-zinc-800 dark:bg-zinc-900/60">{row.heading}</h2>
                <div className="grid divide-y divide-zinc-200 lg:grid-cols-2 lg:divide-x lg:divide-y-0 dark:divide-zinc-800">
                  <Answer week={earlier} text={row.left} highlighted={highlighted} side="earlier" />
                  <Answer week={current} text={row.right} highlighted={highlighted} side="this" />
                </div>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

function Answer({ week, text, highlighted, side }: { week: number | null; text: string | null; highlighted: Record<string, string>; side: "earlier" | "this" }) {
  return (
    <div className="min-w-0 px-5 py-3" data-side={side}>
      {week !== null ? <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500 lg:hidden">Week {week}</p> : null}
      {text === null ? (
        <p className="text-sm italic text-zinc-500">{week === null ? "No earlier week." : `No retrospective for week ${week} yet.`}</p>
      ) : text.trim() ? (
        <MarkdownPreview source={text} className="prose-sm" highlighted={highlighted} />
      ) : (
        <p className="text-sm italic text-zinc-500">No answer.</p>
      )}
    </div>
  );
}

function ColumnHeader({ week, title, retro, label }: { week: number; title: string | undefined; retro: RetroDoc | undefined; label: string }) {
  return (
    <div data-testid={`review-week-${week}`} className="flex items-start justify-between gap-3 border-b border-zinc-200 py-3 dark:border-zinc-800">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">
          {label} · Week {week}
        </p>
        <p className="font-semibold">{title}</p>
        {retro ? <p className="text-xs text-zinc-500">Updated {dateFormat.format(retro.updatedAt)}</p> : null}
      </div>
      <Link href={`/retros/${week}`} className="shrink-0 text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
        {retro ? "Edit" : "Write it"}
      </Link>
    </div>
  );
}

function EmptyColumn() {
  return <div className="flex items-center border-b border-dashed border-zinc-300 py-3 text-sm text-zinc-500 dark:border-zinc-700">Week 1 has no earlier week. Pick another week to compare.</div>;
}
