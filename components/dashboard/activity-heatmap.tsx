/** Day-by-day activity, one column per week, like a contribution graph. */
export function ActivityHeatmap({ days }: { days: Array<{ day: string; score: number }> }) {
  const size = 12;
  const gap = 3;
  const columns = Math.ceil(days.length / 7);
  const level = (score: number) => (score === 0 ? 0 : score < 2 ? 1 : score < 5 ? 2 : score < 9 ? 3 : 4);
  const fills = ["fill-zinc-200 dark:fill-zinc-800", "fill-emerald-200 dark:fill-emerald-900", "fill-emerald-400 dark:fill-emerald-700", "fill-emerald-500", "fill-emerald-700 dark:fill-emerald-400"];
  return (
    <svg viewBox={`0 0 ${columns * (size + gap)} ${7 * (size + gap)}`} role="img" aria-label="Activity per day over the last 18 weeks" className="h-auto w-full max-w-xl" data-testid="heatmap">
      {days.map((d, i) => (
        <rect key={d.day} x={Math.floor(i / 7) * (size + gap)} y={(i % 7) * (size + gap)} width={size} height={size} rx={2} className={fills[level(d.score)]} data-day={d.day} data-score={d.score}>
          <title>{`${d.day}: ${d.score === 0 ? "no activity" : `activity ${d.score}`}`}</title>
        </rect>
      ))}
    </svg>
  );
}
