import Link from "next/link";
import { PlanControls } from "@/components/plan/plan-controls";
import { requireUser } from "@/lib/auth/session";
import { getPlan } from "@/lib/plan/content";
import { formatHoursRange, formatRange } from "@/lib/plan/format";
import { getCheckedItems, getHours, getPlanState, hoursPerWeek, weekItems } from "@/lib/plan/progress";
import { getUserClock } from "@/lib/progress/days";

export const metadata = { title: "The 20-week plan" };

export default async function PlanPage() {
  const user = await requireUser("/plan");
  const plan = getPlan();
  const clock = await getUserClock(user.id);
  const [state, checked, hours] = await Promise.all([getPlanState(user.id, clock), getCheckedItems(user.id), getHours(user.id)]);
  const perWeek = state ? hoursPerWeek(hours, state.startDay, plan.totalWeeks) : [];
  const target = plan.weeklyRoutine.hoursPerWeek;

  return (
    <div className="space-y-10">
      <header className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">{plan.title}</h1>
        <p className="max-w-3xl text-zinc-600 dark:text-zinc-400">{plan.summary}</p>
        {state ? (
          <p className="text-sm" data-testid="current-week">
            {state.paused ? "Paused in " : ""}
            {state.currentWeek === 0 ? `Starts on ${state.startDay}.` : state.currentWeek > plan.totalWeeks ? "The plan is complete." : `Week ${state.currentWeek} of ${plan.totalWeeks}`}
            {state.paused ? ` (since ${state.pausedDay})` : ""}
          </p>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Set a start date to follow the plan week by week.</p>
        )}
        <PlanControls startDay={state?.startDay ?? null} paused={state?.paused ?? false} defaultDay={clock.today} />
      </header>

      {plan.phases.map((phase) => {
        const weeks = plan.weeks.filter((w) => w.phaseId === phase.id);
        const items = weeks.flatMap(weekItems);
        const done = items.filter((i) => checked.has(i.id)).length;
        return (
          <section key={phase.id} aria-labelledby={`phase-${phase.id}`}>
            <div className="mb-3 flex flex-wrap items-end justify-between gap-2 border-b border-zinc-200 pb-2 dark:border-zinc-800">
              <div>
                <h2 id={`phase-${phase.id}`} className="text-xl font-semibold tracking-tight">
                  <Link href={`/plan/phase/${phase.id}`} className="hover:text-accent-700">
                    Phase {phase.number}: {phase.title}
                  </Link>
                </h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  Weeks {formatRange(phase.weeks.start, phase.weeks.end)} · {phase.project.title}
                </p>
              </div>
              <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400" data-testid={`phase-progress-${phase.id}`}>
                {done}/{items.length} done
              </span>
            </div>
            <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {weeks.map((week) => {
                const weekItemsList = weekItems(week);
                const weekDone = weekItemsList.filter((i) => checked.has(i.id)).length;
                const isCurrent = state?.currentWeek === week.number;
                const h = perWeek[week.number - 1] ?? 0;
                return (
                  <li key={week.number}>
                    <Link
                      href={`/plan/week/${week.number}`}
                      className={`block h-full rounded-lg border p-4 hover:border-accent-400 ${isCurrent ? "border-accent-500 ring-2 ring-accent-500/20" : "border-zinc-200 dark:border-zinc-800"}`}
                      data-week={week.number}
                    >
                      <div className="flex items-baseline justify-between gap-2">
                        <span className="text-xs font-medium uppercase tracking-wide text-zinc-500">Week {week.number}{isCurrent ? " · now" : ""}</span>
                        <span className="text-xs tabular-nums text-zinc-500">{h ? `${h} h` : ""}</span>
                      </div>
                      <p className="mt-1 font-medium">{week.title}</p>
                      <div className="mt-3 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
                        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${(weekDone / Math.max(1, weekItemsList.length)) * 100}%` }} />
                      </div>
                      <p className="mt-1 text-xs tabular-nums text-zinc-500">
                        {weekDone}/{weekItemsList.length} items · target {formatHoursRange(target)}
                      </p>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
