"use client";

import { useState } from "react";

type WeekOption = { number: number; written: boolean };

function WeekSelect({ name, value, onChange, weeks, other }: { name: string; value: number | ""; onChange: (week: number) => void; weeks: WeekOption[]; other: number | "" }) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(Number(e.target.value))} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      {value === "" ? <option value="">Pick a week</option> : null}
      {weeks.map((w) => (
        // The week already on the other side cannot be picked: a week compared with itself says nothing.
        <option key={w.number} value={w.number} disabled={w.number === other}>
          Week {w.number}
          {w.written ? "" : " (not written)"}
          {w.number === other ? " (on the other side)" : ""}
        </option>
      ))}
    </select>
  );
}

/** The two weeks to compare; a plain GET form, so the page works before this script loads. */
export function ReviewWeekPicker({ weeks, earlier, current }: { weeks: WeekOption[]; earlier: number | null; current: number }) {
  const [left, setLeft] = useState<number | "">(earlier ?? "");
  const [right, setRight] = useState<number | "">(current);
  const same = left !== "" && left === right;
  return (
    <form action="/retros/review" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <label className="flex flex-col gap-1">
        <span className="font-medium">Earlier week</span>
        <WeekSelect name="with" value={left} onChange={setLeft} weeks={weeks} other={right} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">This week</span>
        <WeekSelect name="week" value={right} onChange={setRight} weeks={weeks} other={left} />
      </label>
      <button type="submit" disabled={same || left === ""} className="rounded-md bg-accent-600 px-4 py-1.5 font-medium text-white hover:bg-accent-700 disabled:opacity-60">
        Compare
      </button>
    </form>
  );
}
