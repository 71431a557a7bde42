import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckItem } from "@/components/plan/check-item";
import { HoursLogger } from "@/components/plan/hours-logger";
import { requireUser } from "@/lib/auth/session";
import { getExerciseCatalog } from "@/lib/content/exercises";
import { getLessonCatalog } from "@/lib/content/lessons";
import { getPlan } from "@/lib/plan/content";
import { getExerciseStatuses } from "@/lib/exercises/progress";
import { formatHoursRange } from "@/lib/plan/format";
import { daysOfWeek, getCheckedItems, getHours, getPlanState } from "@/lib/plan/progress";
import { getReadLessonRefs } from "@/lib/progress/lessons";
import { getUserClock } from "@/lib/progress/days";
import { TASK_KINDS } from "@/lib/plan/schema";
import { Breadcrumb } from "@/components/breadcrumb";

type Params = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: `Week ${(await params).n}` };
}

const TASK_TITLES = { build: "Build", break: "Break", optimize: "Optimize" } as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A lesson or exercise link with its done state in words, not only a colour. */
function StudyLink({ href, title, status }: { href: string; title: string; status: "Read" | "Solved" | "Tried" | null }) {
  const done = status === "Read" || status === "Solved";
  return (
    <span className="flex items-baseline gap-2">
      <span aria-hidden className={`w-4 shrink-0 text-center ${done ? "text-emerald-600 dark:text-emerald-400" : "text-zinc-400"}`}>
        {done ? "✓" : "○"}
      </span>
      <Link className="text-accent-600 hover:underline dark:text-accent-400" href={href}>
        {title}
      </Link>
      {status ? <span className={`text-xs ${done ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500"}`}>{status}</span> : null}
    </span>
  );
}

export default async function WeekPage({ params }: Params) {
  const { n } = await params;
  const plan = getPlan();
  const number = Number(n);
  const week = Number.isInteger(number) ? plan.weeks.find((w) => w.number === number) : undefined;
  if (!week) notFound();
  const user = await requireUser(`/plan/week/${week.number}`);
  const clock = await getUserClock(user.id);
  const [state, checked, hours, read, statuses] = await Promise.all([getPlanState(user.id, clock), getCheckedItems(user.id), getHours(user.id), getReadLessonRefs(user.id), getExerciseStatuses(user.id)]);
  const phase = plan.phases.find((p) => p.id === week.phaseId);
  const days = daysOfWeek(state?.startDay ?? clock.today, week.number);
  const lessons = getLessonCatalog().lessons;
  const exercises = getExerciseCatalog().bySlug;
  const is = (id: string) => checked.has(id);

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: "Plan", href: "/plan" }, ...(phase ? [{ label: `Phase ${phase.number}: ${phase.title}`, href: `/plan/phase/${phase.id}` }] : [])]} />
      <header>
        <p className="text-sm font-medium uppercase tracking-wide text-accent-600">
          Week {week.number}
          {state?.currentWeek === week.number ? " · this week" : ""}
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{week.title}</h1>
        <p className="mt-2 max-w-3xl text-zinc-600 dark:text-zinc-400">{week.summary}</p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
          {week.goals.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
        <div className="mt-4 flex flex-wrap gap-2 text-sm">
          {week.number > 1 ? <Link className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" href={`/plan/week/${week.number - 1}`}>← Week {week.number - 1}</Link> : null}
          <Link className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" href={`/retros/${week.number}`}>Retrospective</Link>
          {week.designPrompt ? <Link className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" href={`/design/${week.number}`}>Design note: {week.designPrompt.title}</Link> : null}
          {week.number < plan.totalWeeks ? <Link className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" href={`/plan/week/${week.number + 1}`}>Week {week.number + 1} →</Link> : null}
        </div>
      </header>

      <Section title="Hours this week">
        {state ? (
          <HoursLogger days={days} today={clock.today} initial={Object.fromEntries(days.map((d) => [d, hours.get(d) ?? 0]).filter(([, h]) => h))} target={plan.weeklyRoutine.hoursPerWeek} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <Link href="/plan" className="text-accent-600 hover:underline">Set a start date</Link> to log hours on the days of this week.
          </p>
        )}
      </Section>

      <div className="grid gap-6 lg:grid-cols-3">
        {TASK_KINDS.map((kind) => (
          <Section key={kind} title={TASK_TITLES[kind]}>
            {week.tasks[kind].length === 0 ? <p className="text-sm text-zinc-500">Nothing this week.</p> : null}
            <ul>
              {week.tasks[kind].map((t) => (
                <CheckItem key={t.id} itemId={t.id} label={t.title} detail={t.detail} initiallyChecked={is(t.id)} />
              ))}
            </ul>
          </Section>
        ))}
      </div>

      {week.theory.length > 0 ? (
        <Section title="Theory checkpoints">
          <ul>
            {week.theory.map((c) => (
              <CheckItem key={c.id} itemId={c.id} label={`${c.title} (${formatHoursRange(c.estimatedHours)})`} detail={c.topics.join(" · ")} initiallyChecked={is(c.id)} />
            ))}
          </ul>
        </Section>
      ) : null}

      {week.deepDives.length > 0 ? (
        <Section title="Deep dives">
          <ul>
            {week.deepDives.map((d) => (
              <CheckItem key={d.id} itemId={d.id} label={d.title} detail={d.steps.join(" → ")} initiallyChecked={is(d.id)} />
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Success criteria">
        <ul>
          {week.successCriteria.map((s) => (
            <CheckItem key={s.id} itemId={s.id} label={s.text} initiallyChecked={is(s.id)} />
          ))}
        </ul>
      </Section>

      {week.milestone ? (
        <Section title={`Milestone: ${week.milestone.title}`}>
          <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{week.milestone.summary}</p>
          <ul>
            {week.milestone.checks.map((m) => (
              <CheckItem key={m.id} itemId={m.id} label={m.text} initiallyChecked={is(m.id)} />
            ))}
          </ul>
        </Section>
      ) : null}

      {week.designPrompt ? (
        <Section title={`System design: ${week.designPrompt.title}`}>
          <p className="text-sm">{week.designPrompt.brief}</p>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Focus: {week.designPrompt.focus.join(" · ")}</p>
        </Section>
      ) : null}

      <Section title="Study material">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-semibold">Lessons</h3>
            <ul className="space-y-1 text-sm">
              {week.links.lessons.map((ref) => {
                const lesson = lessons.get(ref);
                return (
                  <li key={ref} data-lesson={ref} data-done={read.has(ref)}>
                    {lesson ? <StudyLink href={lesson.href} title={lesson.title} status={read.has(ref) ? "Read" : null} /> : ref}
                  </li>
                );
              })}
            </ul>
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">Exercises</h3>
            <ul className="space-y-1 text-sm">
              {week.links.exercises.map((slug) => {
                const exercise = exercises.get(slug);
                const status = exercise ? statuses.get(exercise.id) : undefined;
                return (
                  <li key={slug} data-exercise={slug} data-done={status === "solved"}>
                    {exercise ? <StudyLink href={exercise.href} title={exercise.title} status={status === "solved" ? "Solved" : status === "attempted" ? "Tried" : null} /> : slug}
                  </li>
                );
              })}
              {week.links.exercises.length === 0 ? <li className="text-zinc-500">None this week.</li> : null}
            </ul>
          </div>
        </div>
      </Section>
    </div>
  );
}
