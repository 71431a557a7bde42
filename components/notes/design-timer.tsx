"use client";

import { useEffect, useState } from "react";

export const DESIGN_MINUTES = 45;
const DURATION_MS = DESIGN_MINUTES * 60_000;

function mmss(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The 45-minute own-design timer. Its start is stored on the server, so a reload resumes it. */
export function DesignTimer({ week, startedAt: initialStart }: { week: number; startedAt: string | null }) {
  const [startedAt, setStartedAt] = useState(initialStart);
  const [now, setNow] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!startedAt) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const interval = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(interval);
    };
  }, [startedAt]);

  const start = async () => {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/design/${week}/timer`, { method: "POST" });
      const json = (await response.json().catch(() => null)) as { startedAt?: string; error?: string } | null;
      if (response.ok && json?.startedAt) setStartedAt(json.startedAt);
      else setError(json?.error ?? `The timer could not start (${response.status}).`);
    } catch {
      setError("The server cannot be reached; the timer did not start.");
    } finally {
      setPending(false);
    }
  };

  const remaining = startedAt && now !== null ? DURATION_MS - (now - Date.parse(startedAt)) : null;
  const running = startedAt !== null;
  const over = remaining !== null && remaining <= 0;
  const progress = remaining === null ? 0 : Math.min(1, Math.max(0, 1 - remaining / DURATION_MS));

  return (
    <section aria-labelledby="timer-title" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="timer-title" className="text-sm font-semibold">
            Your own design: {DESIGN_MINUTES} minutes
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {running ? "Design on your own before reading anything about the real system." : "Start the clock, then design it yourself: no research yet."}
          </p>
        </div>
        <div className="flex items-center gap-4">
          <span role="timer" data-testid="timer" aria-label="Time remaining" className={`font-mono text-3xl font-semibold tabular-nums ${over ? "text-red-600 dark:text-red-400" : ""}`}>
            {running ? (remaining === null ? "--:--" : mmss(remaining)) : mmss(DURATION_MS)}
          </span>
          <button
            type="button"
            onClick={() => void start()}
            disabled={pending}
            className={
              running
                ? "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900"
                : "rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            }
          >
            {running ? "Restart" : "Start timer"}
          </button>
        </div>
      </div>
      {running ? (
        <div className="mt-3 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
          <div className={`h-full rounded-full ${over ? "bg-red-500" : "bg-accent-500"}`} style={{ width: `${progress * 100}%` }} />
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
