"use client";

import { useState, useTransition } from "react";
import { setHoursAction } from "@/app/(site)/plan/actions";

const WEEKDAY = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** Hours per day of one plan week, saved when a field changes, with the week's total against the target. */
export function HoursLogger({ days, initial, target }: { days: string[]; initial: Record<string, number>; target: { min: number; max: number } }) {
  const [hours, setHours] = useState<Record<string, number>>(initial);
  const [status, setStatus] = useState<Record<string, "saving" | "saved" | string>>({});
  const [, startTransition] = useTransition();
  const total = days.reduce((sum, d) => sum + (hours[d] ?? 0), 0);
  const save = (day: string, value: number) => {
    setHours((h) => ({ ...h, [day]: value }));
    setStatus((s) => ({ ...s, [day]: "saving" }));
    startTransition(async () => {
      const result = await setHoursAction(day, value);
      setStatus((s) => ({ ...s, [day]: result.ok ? "saved" : result.error }));
    });
  };
  const percent = Math.min(100, (total / target.max) * 100);
  return (
    <div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {days.map((day) => (
          <label key={day} className="text-xs">
            <span className="mb-1 block text-zinc-600 dark:text-zinc-400">{WEEKDAY.format(new Date(`${day}T00:00:00Z`))}</span>
            <input
              type="number"
              min={0}
              max={24}
              step={0.25}
              defaultValue={initial[day] ?? ""}
              placeholder="0"
              aria-label={`Hours on ${day}`}
              data-day={day}
              onBlur={(e) => {
                const value = e.currentTarget.value === "" ? 0 : Number(e.currentTarget.value);
                if (value !== (hours[day] ?? 0)) save(day, value);
              }}
              className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-zinc-700 dark:bg-zinc-900"
            />
            <span className={`mt-0.5 block h-4 ${status[day] && status[day] !== "saved" && status[day] !== "saving" ? "text-red-600" : "text-zinc-500"}`}>
              {status[day] === "saving" ? "Saving…" : status[day] === "saved" ? "Saved" : status[day] ?? ""}
            </span>
          </label>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-3 text-sm">
        <div className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
          <div className={`h-full rounded-full ${total >= target.min ? "bg-emerald-500" : "bg-accent-500"}`} style={{ width: `${percent}%` }} />
        </div>
        <span className="tabular-nums" data-testid="week-hours">
          {total} h of {target.min}-{target.max} h
        </span>
      </div>
    </div>
  );
}
