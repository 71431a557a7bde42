import Link from "next/link";
import { DESIGN_WEEKS } from "@/lib/notes/weeks";
import { requireUser } from "@/lib/auth/session";
import { DESIGN_SECTIONS, listDesignNotes, type DesignNoteDoc } from "@/lib/notes/design-notes";
import { getPlan } from "@/lib/plan/content";

export const metadata = { title: "System-design notes" };

const written = (note: DesignNoteDoc | undefined) => (note ? DESIGN_SECTIONS.filter((s) => (note.sections[s.id] ?? "").trim() !== "").length : 0);

export default async function DesignNotesPage() {
  const user = await requireUser("/design");
  const plan = getPlan();
  const notes = new Map((await listDesignNotes(user.id)).map((n) => [n.week, n]));
  const weeks = plan.weeks.filter((w) => w.number >= DESIGN_WEEKS.first && w.number <= DESIGN_WEEKS.last && w.designPrompt);
  const { steps } = plan.systemDesignPractice;

  return (
    <div>
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">System-design notes</h1>
        <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">One design a week from week {DESIGN_WEEKS.first}. Each note follows the same method:</p>
        <ol className="mt-3 flex flex-wrap gap-2 text-sm">
          {steps.map((step, i) => (
            <li key={step.id} className="rounded-full border border-zinc-200 px-3 py-1 text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
              <span className="mr-1.5 font-mono text-xs text-zinc-400">{i + 1}</span>
              {step.title}
              {step.minutes ? <span className="text-zinc-500"> · {step.minutes} min</span> : null}
            </li>
          ))}
        </ol>
      </header>
      <ol className="grid gap-3 sm:grid-cols-2">
        {weeks.map((week) => {
          const note = notes.get(week.number);
          const count = written(note);
          return (
            <li key={week.number}>
              <Link
                href={`/design/${week.number}`}
                data-week={week.number}
                data-has-note={count > 0 ? "true" : "false"}
                className="group flex h-full flex-col rounded-lg border border-zinc-200 p-4 transition hover:border-accent-400 hover:shadow-sm dark:border-zinc-800 dark:hover:border-accent-600"
              >
                <div className="flex items-start justify-between gap-3">
                  <span>
                    <span className="block text-xs font-medium uppercase tracking-wide text-zinc-500">Week {week.number}</span>
                    <span className="font-medium group-hover:text-accent-700 dark:group-hover:text-accent-400">{week.designPrompt?.title}</span>
                  </span>
                  {count > 0 ? (
                    <span className="shrink-0 text-sm text-emerald-600 dark:text-emerald-400">
                      ✓ {count}/{DESIGN_SECTIONS.length} sections
                    </span>
                  ) : (
                    <span className="shrink-0 text-sm text-zinc-500">{note?.timerStartedAt ? "Timer started" : "No note yet"}</span>
                  )}
                </div>
                <p className="mt-2 line-clamp-2 flex-1 text-sm text-zinc-600 dark:text-zinc-400">{week.designPrompt?.brief}</p>
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
