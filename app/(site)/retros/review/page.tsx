import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { parseRetroWeek } from "@/lib/notes/weeks";
import { requireUser } from "@/lib/auth/session";
import { listRetros, type RetroDoc } from "@/lib/notes/retros";
import { getWeek, getPlan } from "@/lib/plan/content";
import type { Week } from "@/lib/plan/schema";
import { Breadcrumb } from "@/components/breadcrumb";

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
  const weekOptions = plan.weeks.map((w) => ({ number: w.number, written: byWeek.has(w.number) }));

  return (
    <div>
      <Breadcrumb items={[{ label: "Retrospectives", href: "/retros" }, { label: "Review" }]} />
      <header className="mt-3 mb-6">
        <h1 className="text-3xl font-semibold tracking-tight">Review side by side</h1>
        <p className="mt-1 max-w-2xl text-zinc-600 dark:text-zinc-400">Put an earlier week beside this one: which gaps closed, which keep coming back?</p>
      </header>
      <form action="/retros/review" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Earlier week</span>
          <WeekSelect name="with" defaultValue={earlier ?? ""} weeks={weekOptions} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">This week</span>
          <WeekSelect name="week" defaultValue={current} weeks={weekOptions} />
        </label>
        <button type="submit" className="rounded-md bg-accent-600 px-4 py-1.5 font-medium text-white hover:bg-accent-700">
          Compare
        </button>
      </form>
      <div className="grid gap-6 lg:grid-cols-2">
        {earlier !== null ? <Column week={earlier} info={getWeek(plan, earlier)} retro={byWeek.get(earlier)} label="Earlier" /> : <EmptyColumn />}
        <Column week={current} info={getWeek(plan, current)} retro={byWeek.get(current)} label="This week" />
      </div>
    </div>
  );
}

function Column({ week, info, retro, label }: { week: number; info: Week | undefined; retro: RetroDoc | undefined; label: string }) {
  return (
    <article data-testid={`review-week-${week}`} className="min-w-0 rounded-lg border border-zinc-200 dark:border-zinc-800">
      <header className="flex items-start justify-between gap-3 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">
            {label} · Week {week}
          </p>
          <h2 className="font-semibold">{info?.title}</h2>
          {retro ? <p className="text-xs text-zinc-500">Updated {dateFormat.format(retro.updatedAt)}</p> : null}
        </div>
        <Link href={`/retros/${week}`} className="shrink-0 text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
          {retro ? "Edit" : "Write it"}
        </Link>
      </header>
      <div className="px-5 py-4">
        {retro ? <MarkdownPreview source={retro.body} className="prose-sm" /> : <p className="text-sm italic text-zinc-500">No retrospective for week {week} yet.</p>}
      </div>
    </article>
  );
}

function EmptyColumn() {
  return (
    <div className="flex items-center justify-center rounded-lg border border-dashed border-zinc-300 p-8 text-sm text-zinc-500 dark:border-zinc-700">
      Week 1 has no earlier week. Pick another week to compare.
    </div>
  );
}

function WeekSelect({ name, defaultValue, weeks }: { name: string; defaultValue: number | ""; weeks: Array<{ number: number; written: boolean }> }) {
  return (
    <select name={name} defaultValue={defaultValue} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      {weeks.map((w) => (
        <option key={w.number} value={w.number}>
          Week {w.number}
          {w.written ? "" : " (not written)"}
        </option>
      ))}
    </select>
  );
}
