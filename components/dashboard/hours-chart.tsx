import { formatHoursRange } from "@/lib/plan/format";

/** Hours per plan week as bars against the weekly target band; plain SVG that follows the theme. */
export function HoursChart({ hours, target, currentWeek }: { hours: number[]; target: { min: number; max: number }; currentWeek: number }) {
  const width = 640;
  const height = 180;
  const pad = { left: 28, right: 8, top: 10, bottom: 22 };
  const maxValue = Math.max(target.max + 5, ...hours);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotH - (v / maxValue) * plotH;
  const slot = plotW / hours.length;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Hours logged per week against the ${formatHoursRange(target)} target`} className="h-auto w-full text-zinc-400" data-testid="hours-chart">
      <rect x={pad.left} y={y(target.max)} width={plotW} height={y(target.min) - y(target.max)} className="fill-emerald-500/15" />
      <text x={width - pad.right} y={y(target.max) - 3} textAnchor="end" className="fill-emerald-700 text-[10px] dark:fill-emerald-400">
        target {formatHoursRange(target)}
      </text>
      {[0, 10, 20, 30, 40].filter((v) => v <= maxValue).map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.2} />
          <text x={pad.left - 4} y={y(v) + 3} textAnchor="end" className="fill-zinc-500 text-[10px]">
            {v}
          </text>
        </g>
      ))}
      {hours.map((h, i) => {
        const barH = (h / maxValue) * plotH;
        const week = i + 1;
        return (
          <g key={week}>
            <rect
              x={pad.left + i * slot + slot * 0.15}
              y={pad.top + plotH - barH}
              width={slot * 0.7}
              height={barH}
              rx={2}
              className={h >= target.min ? "fill-emerald-500" : week === currentWeek ? "fill-accent-500" : "fill-accent-400/70"}
              data-week={week}
              data-hours={h}
            >
              <title>{`Week ${week}: ${h} h`}</title>
            </rect>
            <text x={pad.left + i * slot + slot / 2} y={height - 6} textAnchor="middle" className={`text-[10px] ${week === currentWeek ? "fill-accent-600 font-semibold" : "fill-zinc-500"}`}>
              {week}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
