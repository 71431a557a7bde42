"use client";

import { useEffect, useState } from "react";

export const DESIGN_MINUTES = 45;
const DURATION_MS = DESIGN_MINUTES * 60_000;

/** The timer as the server stores it, in JSON form. */
export type TimerJson = { state: "idle" } | { state: "running"; startedAt: string } | { state: "paused"; elapsedMs: number };

function mmss(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

const secondary = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900";
const primary = "rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60";

/** The 45-minute own-design timer, with pause. Its state is stored on the server, so a reload resumes it. */
export function DesignTimer({ week, initial }: { week: number; initial: TimerJson }) {
  const [timer, setTimer] = useState<TimerJson>(initial);
  const [now, setNow] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (timer.state !== "running") return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const interval = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(interval);
    };
  }, [timer.state]);

  const change = async (action: "start" | "pause" | "resume") => {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/design/${week}/timer`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action }) });
      const json = (await response.json().catch(() => null)) as { timer?: TimerJson; error?: string } | null;
      if (response.ok && json?.timer) {
        setTimer(json.timer);
        setNow(Date.now());
      } else setError(json?.error ?? `The timer could not ${action} (${response.status}).`);
    } catch {
      setError(`The server cannot be reached; the timer did not ${action}.`);
    } finally {
      setPending(false);
    }
  };

  const elapsed = timer.state === "paused" ? timer.elapsedMs : timer.state === "running" && now !== null ? now - Date.parse(timer.startedAt) : null;
  const remaining = elapsed === null ? null : DURATION_MS - elapsed;
  const over = remaining !== null && remaining <= 0;
  const progress = remaining === null ? 0 : Math.min(1, Math.max(0, 1 - remaining / DURATION_MS));
  const shown = timer.state === "idle" ? mmss(DURATION_MS) : remaining === null ? "--:--" : mmss(remaining);

  return (
    <section aria-labelledby="timer-title" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-timer-state={timer.state}>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="timer-title" className="text-sm font-semibold">
            Your own design: {DESIGN_MINUTES} minutes
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {timer.state === "idle"
              ? "Start the clock, then design it yourself: no research yet."
              : timer.state === "paused"
                ? "Paused. Resume when you are back; the time used so far is kept."
                : "Design on your own before reading anything about the real system."}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <span role="timer" data-testid="timer" aria-label={timer.state === "paused" ? "Time remaining (paused)" : "Time remaining"} className={`font-mono text-3xl font-semibold tabular-nums ${over ? "text-red-600 dark:text-red-400" : timer.state === "paused" ? "text-zinc-500" : ""}`}>
            {shown}
          </span>
          {timer.state === "running" ? (
            <button type="button" onClick={() => void change("pause")} disabled={pending} className={secondary}>
              Pause
            </button>
          ) : null}
          {timer.state === "paused" ? (
            <button type="button" onClick={() => void change("resume")} disabled={pending} className={primary}>
              Resume
            </button>
          ) : null}
          <button type="button" onClick={() => void change("start")} disabled={pending} className={timer.state === "idle" ? primary : secondary}>
            {timer.state === "idle" ? "Start timer" : "Restart"}
          </button>
        </div>
      </div>
      {timer.state !== "idle" ? (
        <div className="mt-3 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
          <div className={`h-full rounded-full ${over ? "bg-red-500" : timer.state === "paused" ? "bg-zinc-400" : "bg-accent-500"}`} style={{ width: `${progress * 100}%` }} />
        </div>
      ) : null}
      <div aria-live="polite">
        {over ? (
          <p data-testid="time-is-up" className="mt-3 text-sm font-medium text-red-700 dark:text-red-400">
            Time is up. Wrap up your design, then research how the real system is built.
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </section>
  );
}
