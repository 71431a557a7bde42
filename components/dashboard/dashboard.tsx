import Link from "next/link";
import type { Dashboard as Data } from "@/lib/dashboard";
import { ActivityHeatmap } from "./activity-heatmap";
import { HoursChart } from "./hours-chart";

function Stat({ label, value, total, href }: { label: string; value: number; total: number; href: string }) {
  return (
    <Link href={href} className="rounded-lg border border-zinc-200 p-4 hover:border-accent-400 dark:border-zinc-800">
      <p className="text-xs uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">
        {value}
        <span className="text-base font-normal text-zinc-500"> / {total}</span>
      </p>
    </Link>
  );
}

const card = "rounded-lg border border-zinc-200 p-5 dark:border-zinc-800";

function Step({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <li className="flex items-start gap-3" data-done={done}>
      <span aria-hidden className={`mt-0.5 grid h-5 w-5 shrink-0 place-items-center rounded-full text-xs ${done ? "bg-emerald-500 text-white" : "border border-zinc-300 text-zinc-400 dark:border-zinc-700"}`}>
        {done ? "✓" : ""}
      </span>
      <span className={done ? "text-zinc-500 line-through decoration-zinc-400" : ""}>
        {children}
        {done ? <span className="sr-only"> (done)</span> : null}
      </span>
    </li>
  );
}

/** The first three steps, until all three are done. */
function GettingStarted({ data }: { data: Data }) {
  const steps = data.gettingStarted;
  const firstLesson = data.nextLesson;
  return (
    <section className={`${card} border-accent-400/60 bg-accent-50/50 dark:border-accent-700/60 dark:bg-accent-700/10`} aria-labelledby="start-heading" data-testid="getting-started">
      <h2 id="start-heading" className="font-semibold">
        Getting started
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Three steps to find your way around; each one ticks itself when you have done it.</p>
      <ol className="mt-4 space-y-3 text-sm">
        <Step done={steps.planStarted}>
          <Link href="/plan" className="font-medium text-accent-600 hover:underline dark:text-accent-400">Set your plan start date</Link>: the 20-week plan then shows this week&apos;s tasks.
        </Step>
        <Step done={steps.lessonRead}>
          <Link href={firstLesson?.href ?? "/lessons"} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
            Read {firstLesson ? `“${firstLesson.title}”` : "the first lesson"}
          </Link>{" "}
          and mark it read at the end.
        </Step>
        <Step done={steps.exerciseTried}>
          <Link href={data.nextExercise?.href ?? "/exercises"} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
            Try an exercise{data.nextExercise ? `: ${data.nextExercise.title}` : ""}
          </Link>
          ; Run checks the visible tests, Submit the hidden ones too.
        </Step>
      </ol>
    </section>
  );
}

export function Dashboard({ name, data }: { name: string; data: Data }) {
  const { state } = data;
  const week = state?.currentWeek ?? 0;
  const thisWeekHours = week >= 1 ? (data.hoursPerWeek[week - 1] ?? 0) : 0;
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{data.firstVisit ? `Welcome, ${name}` : `Welcome back, ${name}`}</h1>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400" data-testid="dashboard-week">
            {!state ? (
              <>
                <Link href="/plan" className="text-accent-600 hover:underline">Set a start date</Link> to follow the 20-week plan.
              </>
            ) : state.currentWeek === 0 ? (
              `The plan starts on ${state.startDay}.`
            ) : data.weekTitle ? (
              <>
                Week {week}: <Link href={`/plan/week/${week}`} className="font-medium text-accent-600 hover:underline">{data.weekTitle}</Link>
                {state.paused ? " (paused)" : ""}
              </>
            ) : (
              "You finished the plan."
            )}
          </p>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="streak">
          {data.streak > 0 ? `${data.streak}-day streak` : "No streak yet: log some hours today"}
        </p>
      </header>

      {Object.values(data.gettingStarted).every(Boolean) ? null : <GettingStarted data={data} />}

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Lessons read" value={data.lessonsRead} total={data.lessonsTotal} href="/lessons" />
        <Stat label="Exercises solved" value={data.exercisesSolved} total={data.exercisesTotal} href="/exercises" />
        <Stat label="Concepts done" value={data.conceptsDone} total={data.conceptsTotal} href="/checklist" />
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className={`${card} lg:col-span-2`} aria-labelledby="hours-heading">
          <div className="mb-2 flex items-baseline justify-between">
            <h2 id="hours-heading" className="font-semibold">
              Hours per week
            </h2>
            {week >= 1 ? <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">This week: {thisWeekHours} h</span> : null}
          </div>
          <HoursChart hours={data.hoursPerWeek} target={data.target} currentWeek={week} />
        </section>
        <section className={card} aria-labelledby="next-heading">
          <h2 id="next-heading" className="mb-3 font-semibold">
            What is next
          </h2>
          <ul className="space-y-3 text-sm">
            {data.nextItems.map((item) => (
              <li key={item.id}>
                <span className="text-xs uppercase tracking-wide text-zinc-500">{item.group.replace("-", " ")}</span>
                <Link href={`/plan/week/${week}`} className="block hover:text-accent-600">
                  {item.label}
                </Link>
              </li>
            ))}
            {data.nextLesson ? (
              <li>
                <span className="text-xs uppercase tracking-wide text-zinc-500">Lesson</span>
                <Link href={data.nextLesson.href} className="block text-accent-600 hover:underline">
                  {data.nextLesson.title}
                </Link>
              </li>
            ) : null}
            {data.nextExercise ? (
              <li>
                <span className="text-xs uppercase tracking-wide text-zinc-500">Exercise</span>
                <Link href={data.nextExercise.href} className="block text-accent-600 hover:underline">
                  {data.nextExercise.title}
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className={`${card} lg:col-span-2`} aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="mb-3 font-semibold">
            Activity
          </h2>
          <ActivityHeatmap days={data.activity} />
        </section>
        <section className={card} aria-labelledby="phases-heading">
          <h2 id="phases-heading" className="mb-3 font-semibold">
            Progress by phase
          </h2>
          <ul className="space-y-3 text-sm">
            {data.phases.map((p, i) => (
              <li key={p.id}>
                <div className="flex justify-between gap-2">
                  <Link href={`/plan/phase/${p.id}`} className="hover:text-accent-600">
                    {i + 1}. {p.title}
                  </Link>
                  <span className="tabular-nums text-zinc-500">
                    {p.done}/{p.total}
                  </span>
                </div>
                <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
                  <div className="h-full rounded-full bg-emerald-500" style={{ width: `${(p.done / Math.max(1, p.total)) * 100}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
