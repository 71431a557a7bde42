import type { Difficulty, Level } from "@/lib/content/schema";
import type { ExerciseStatus } from "@/lib/exercises/progress";

const LEVEL_STYLES: Record<Level, string> = {
  senior: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  staff: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  principal: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
};

export function LevelBadge({ level }: { level: Level }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${LEVEL_STYLES[level]}`}>{level}</span>;
}

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="flex items-center gap-3" aria-label={label}>
      <div className="h-2 w-32 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={label}>
        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {done}/{total} read
      </span>
    </div>
  );
}

const DIFFICULTY_STYLES: Record<Difficulty, string> = {
  easy: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  medium: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  hard: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
};

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${DIFFICULTY_STYLES[difficulty]}`}>{difficulty}</span>;
}

const STATUS_STYLES: Record<ExerciseStatus, { label: string; className: string }> = {
  "not-started": { label: "Not started", className: "text-zinc-500" },
  attempted: { label: "Attempted", className: "text-amber-700 dark:text-amber-400" },
  solved: { label: "✓ Solved", className: "text-emerald-700 dark:text-emerald-400" },
};

export function ExerciseStatusLabel({ status }: { status: ExerciseStatus }) {
  const s = STATUS_STYLES[status];
  return <span className={`text-sm ${s.className}`}>{s.label}</span>;
}
