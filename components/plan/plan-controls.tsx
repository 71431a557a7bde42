"use client";

import { useState, useTransition } from "react";
import { pausePlanAction, resumePlanAction, setStartDayAction } from "@/app/(site)/plan/actions";

/** Start date form (first visit) and pause / resume / move-start controls. */
export function PlanControls({ startDay, paused, defaultDay }: { startDay: string | null; paused: boolean; defaultDay: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error ?? "Could not save."));
    });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const day = String(new FormData(e.currentTarget).get("start") ?? "");
          run(() => setStartDayAction(day));
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block text-zinc-600 dark:text-zinc-400">{startDay ? "Start date" : "When do you start?"}</span>
          <input type="date" name="start" required defaultValue={startDay ?? defaultDay} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60">
          {startDay ? "Move start" : "Start the plan"}
        </button>
      </form>
      {startDay ? (
        <button type="button" disabled={pending} onClick={() => run(paused ? resumePlanAction : pausePlanAction)} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
          {paused ? "Resume the plan" : "Pause the plan"}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
