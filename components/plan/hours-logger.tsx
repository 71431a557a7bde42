"use client";

import { useState, useTransition } from "react";
import { setHoursAction } from "@/app/(site)/plan/actions";
import { formatHoursRange } from "@/lib/plan/format";

const WEEKDAY = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
const MAX = 24;
const STEP = 0.25;

type Field = { state: "saving" | "saved" } | { state: "error"; message: string };

/** What the browser can tell before asking the server (which checks again). */
function checkHours(raw: string): { hours: number } | { error: string } {
  if (raw.trim() === "") return { hours: 0 };
  const hours = Number(raw);
  if (!Number.isFinite(hours)) return { error: "Enter a number, like 1.5." };
  if (hours < 0) return { error: "Hours cannot be negative." };
  if (hours > MAX) return { error: `At most ${MAX} hours in one day.` };
  if (Math.round(hours / STEP) * STEP !== hours) return { error: "Use quarter hours, like 1.25." };
  return { hours };
}

/**
 * Hours per day of one plan week, saved when a field is left. The total counts saved hours only;
 * days after the user's today cannot be filled in.
 */
export function HoursLogger({ days, initial, target, today }: { days: string[]; initial: Record<string, number>; target: { min: number; max: number }; today: string }) {
  const [saved, setSaved] = useState<Record<string, number>>(initial);
  const [fields, setFields] = useState<Record<string, Field>>({});
  const [, startTransition] = useTransition();
  const total = days.reduce((sum, d) => sum + (saved[d] ?? 0), 0);
  const unsaved = Object.values(fields).some((f) => f.state === "error");
  const setField = (day: string, field: Field) => setFields((f) => ({ ...f, [day]: field }));

  const save = (day: string, raw: string) => {
    const checked = checkHours(raw);
    if ("error" in checked) return setField(day, { state: "error", message: checked.error });
    if (checked.hours === (saved[day] ?? 0)) return setField(day, { state: "saved" });
    setField(day, { state: "saving" });
    startTransition(async () => {
      const result = await setHoursAction(day, checked.hours);
      if (result.ok) {
        setSaved((s) => ({ ...s, [day]: checked.hours }));
        setField(day, { state: "saved" });
      } else setField(day, { state: "error", message: result.error });
    });
  };
  const percent = Math.min(100, (total / target.max) * 100);
  return (
    <div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {days.map((day) => {
          const future = day > today;
          const field = fields[day];
          const error = field?.state === "error" ? field.message : null;
          return (
            <label key={day} className="text-xs" data-future={future || undefined}>
              <span className="mb-1 block text-zinc-600 dark:text-zinc-400">
                {WEEKDAY.format(new Date(`${day}T00:00:00Z`))}
                {day === today ? " · today" : ""}
              </span>
              <input
                type="number"
                inputMode="decimal"
                min={0}
                max={MAX}
                step={STEP}
                defaultValue={initial[day] ?? ""}
                placeholder={future ? "–" : "0"}
                disabled={future}
                title={future ? "This day has not happened yet" : undefined}
                aria-label={`Hours on ${day}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={`hours-${day}-status`}
                data-day={day}
                onBlur={(e) => save(day, e.currentTarget.value)}
                className={`w-full rounded-md border bg-white px-2 py-1 text-sm tabular-nums disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-400 dark:bg-zinc-900 dark:disabled:bg-zinc-800/60 ${error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"}`}
              />
              <span id={`hours-${day}-status`} role={error ? "alert" : undefined} className={`mt-0.5 block min-h-4 ${error ? "text-red-600 dark:text-red-400" : "text-zinc-500"}`}>
                {error ?? (future ? "Not yet" : field?.state === "saving" ? "Saving…" : field?.state === "saved" ? "Saved" : "")}
              </span>
            </label>
          );
        })}
      </div>
      <div className="mt-3 flex items-center gap-3 text-sm">
        <div className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
          <div className={`h-full rounded-full ${total >= target.min ? "bg-emerald-500" : "bg-accent-500"}`} style={{ width: `${percent}%` }} />
        </div>
        <span className="tabular-nums" data-testid="week-hours">
          {total} h of {formatHoursRange(target)}
          {unsaved ? <span className="text-amber-700 dark:text-amber-400"> · saved hours only</span> : null}
        </span>
      </div>
    </div>
  );
}
