import Link from "next/link";
import { notFound } from "next/navigation";
import { DesignEditor } from "@/components/notes/design-editor";
import { DesignTimer, type TimerJson } from "@/components/notes/design-timer";
import { DESIGN_WEEKS, parseDesignWeek } from "@/lib/notes/weeks";
import { requireUser } from "@/lib/auth/session";
import { DESIGN_SECTIONS, getDesignNote, type DesignTimerState } from "@/lib/notes/design-notes";
import { getWeek, getPlan } from "@/lib/plan/content";
import { Breadcrumb } from "@/components/breadcrumb";

const timerJson = (timer: DesignTimerState): TimerJson => (timer.state === "running" ? { state: "running", startedAt: timer.startedAt.toISOString() } : timer);

type Props = { params: Promise<{ week: string }> };

export async function generateMetadata({ params }: Props) {
  const week = parseDesignWeek((await params).week);
  const prompt = week === null ? undefined : getWeek(getPlan(), week)?.designPrompt;
  return { title: prompt ? `${prompt.title} · design note` : "Design note" };
}

export default async function DesignNotePage({ params }: Props) {
  const week = parseDesignWeek((await params).week);
  if (week === null) notFound();
  const user = await requireUser(`/design/${week}`);
  const plan = getPlan();
  const info = getWeek(plan, week);
  const prompt = info?.designPrompt;
  if (!info || !prompt) notFound();
  const note = await getDesignNote(user.id, week);
  const initial = note ? { value: note.sections, version: note.version, updatedAt: note.updatedAt.toISOString() } : { value: {}, version: 0, updatedAt: null };

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb items={[{ label: "System-design notes", href: "/design" }, { label: `Week ${week}` }]} />
        <header className="mt-3 flex flex-wrap items-start justify-between gap-4">
          <div className="max-w-3xl">
            <p className="text-sm font-medium uppercase tracking-wide text-accent-600 dark:text-accent-400" data-testid="design-eyebrow">
              System-design practice · week {week}
            </p>
            <h1 className="mt-1 text-3xl font-semibold tracking-tight">{prompt.title}</h1>
            <p className="mt-3 text-zinc-700 dark:text-zinc-300">{prompt.brief}</p>
            {/* The plan week's project is a different thing from this design topic: say so. */}
            <p className="mt-2 text-sm text-zinc-500" data-testid="design-plan-week">
              Alongside your project in{" "}
              <Link href={`/plan/week/${week}`} className="text-accent-600 hover:underline dark:text-accent-400">
                plan week {week}: {info.title}
              </Link>
            </p>
          </div>
          <nav aria-label="Weeks" className="flex gap-2 text-sm">
            {week > DESIGN_WEEKS.first ? (
              <Link href={`/design/${week - 1}`} rel="prev" className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900">
                ← Week {week - 1}
              </Link>
            ) : null}
            {week < DESIGN_WEEKS.last ? (
              <Link href={`/design/${week + 1}`} rel="next" className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900">
                Week {week + 1} →
              </Link>
            ) : null}
          </nav>
        </header>
        <div className="mt-4 max-w-3xl">
          <h2 className="text-sm font-semibold">Focus on</h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            {prompt.focus.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      </div>
      <DesignTimer key={`timer-${week}`} week={week} initial={timerJson(note?.timer ?? { state: "idle" })} />
      <DesignEditor key={week} week={week} userId={user.id} sections={DESIGN_SECTIONS.map(({ id, title }) => ({ id, title }))} initial={initial} />
    </div>
  );
}
