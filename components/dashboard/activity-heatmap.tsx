"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import type { ActivityDay } from "@/lib/dashboard";

const SIZE = 12;
const GAP = 3;
const STEP = SIZE + GAP;
const LEFT = 30;
const TOP = 16;
const WEEKDAYS = ["Mon", "", "Wed", "", "Fri", "", ""];
const FILLS = ["fill-zinc-200 dark:fill-zinc-800", "fill-emerald-200 dark:fill-emerald-900", "fill-emerald-400 dark:fill-emerald-700", "fill-emerald-500", "fill-emerald-700 dark:fill-emerald-400"];
const LEGEND = ["No activity", "A little", "Some", "A lot", "Most"];

// Day keys are calendar days already in the user's zone: format them as UTC so nothing shifts.
const LONG = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
// en-US: three-letter months ("Sep", not en-GB's "Sept"), so labels line up.
const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

const level = (score: number) => (score === 0 ? 0 : score < 2 ? 1 : score < 5 ? 2 : score < 9 ? 3 : 4);

export function describeDay(d: ActivityDay): string {
  const parts = [];
  if (d.actions > 0) parts.push(`${d.actions} ${d.actions === 1 ? "activity" : "activities"}`);
  if (d.hours > 0) parts.push(`${d.hours} h logged`);
  return `${parts.length ? parts.join(", ") : "No activity"} on ${LONG.format(asDate(d.day))}`;
}

/**
 * Day-by-day activity, one column per week (Monday on top), like a contribution graph. One tab
 * stop; arrow keys move between days, and the focused or hovered day is described below.
 */
export function ActivityHeatmap({ days }: { days: ActivityDay[] }) {
  // Rows are weekdays: pad the first column so the oldest day sits on its own weekday.
  const lead = days.length ? (asDate(days[0]!.day).getUTCDay() + 6) % 7 : 0;
  const cells = days.map((d, i) => ({ ...d, col: Math.floor((i + lead) / 7), row: (i + lead) % 7 }));
  const columns = cells.length ? cells.at(-1)!.col + 1 : 0;
  const [active, setActive] = useState(cells.length - 1);
  const [shown, setShown] = useState<number | null>(null);
  const refs = useRef<Array<SVGRectElement | null>>([]);

  // A month is named above the first column whose Monday falls in it; labels never crowd each other.
  const months: Array<{ col: number; label: string }> = [];
  for (const c of cells) {
    const starts = c.row === 0 ? asDate(c.day).getUTCDate() <= 7 : c === cells[0];
    const last = months.at(-1);
    if (!starts) continue;
    const label = { col: c.col, label: MONTH.format(asDate(c.day)) };
    if (!last || c.col - last.col >= 3) months.push(label);
    // The grid's first, partial month gives way to the first whole one rather than hide it.
    else if (last.col === cells[0]?.col) months[months.length - 1] = label;
  }

  const move = (to: number) => {
    const next = Math.max(0, Math.min(cells.length - 1, to));
    setActive(next);
    setShown(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7, Home: -Infinity, End: Infinity };
    if (e.key === "Escape") return setShown(null);
    if (!(e.key in step)) return;
    e.preventDefault();
    const by = step[e.key]!;
    move(Number.isFinite(by) ? active + by : by < 0 ? 0 : cells.length - 1);
  };

  const current = shown === null ? null : cells[shown];
  return (
    <div>
      <svg
        viewBox={`0 0 ${LEFT + columns * STEP} ${TOP + 7 * STEP}`}
        role="group"
        aria-label={`Activity per day over the last ${columns} weeks; use the arrow keys to move between days`}
        className="h-auto w-full max-w-xl"
        data-testid="heatmap"
        onKeyDown={onKeyDown}
        onMouseLeave={() => setShown(null)}
      >
        {months.map((m) => (
          <text key={`${m.col}-${m.label}`} x={LEFT + m.col * STEP} y={10} className="fill-zinc-500 text-[9px]" aria-hidden>
            {m.label}
          </text>
        ))}
        {WEEKDAYS.map((label, row) =>
          label ? (
            <text key={label} x={0} y={TOP + row * STEP + SIZE - 2} className="fill-zinc-500 text-[9px]" aria-hidden>
              {label}
            </text>
          ) : null,
        )}
        {cells.map((d, i) => (
          <rect
            key={d.day}
            ref={(el) => {
              refs.current[i] = el;
            }}
            x={LEFT + d.col * STEP}
            y={TOP + d.row * STEP}
            width={SIZE}
            height={SIZE}
            rx={2}
            role="img"
            aria-label={describeDay(d)}
            tabIndex={i === active ? 0 : -1}
            className={`${FILLS[level(d.score)]} outline-none focus-visible:stroke-accent-500 focus-visible:stroke-2`}
            data-day={d.day}
            data-score={d.score}
            onFocus={() => {
              setActive(i);
              setShown(i);
            }}
            onMouseEnter={() => setShown(i)}
            onClick={() => setShown(i)}
          >
            <title>{describeDay(d)}</title>
          </rect>
        ))}
      </svg>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <p data-testid="heatmap-detail" className="min-h-4">
          {current ? describeDay(current) : "Hover or focus a day to see what you did."}
        </p>
        <div className="flex items-center gap-1" data-testid="heatmap-legend">
          <span>Less</span>
          <svg viewBox={`0 0 ${FILLS.length * STEP} ${SIZE}`} className="h-3" role="img" aria-label="Colour scale from less to more activity">
            {FILLS.map((fill, i) => (
              <rect key={fill} x={i * STEP} width={SIZE} height={SIZE} rx={2} className={fill}>
                <title>{LEGEND[i]}</title>
              </rect>
            ))}
          </svg>
          <span>More</span>
        </div>
      </div>
    </div>
  );
}
