"use client";

import { useState, useSyncExternalStore } from "react";

type Preferences = { timeZone: string | null; editorKeymap: "standard" | "vim"; editorWrap: boolean };

const field = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function todayIn(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }).format(new Date());
  } catch {
    return "";
  }
}

const noSubscription = () => () => {};

/** Time zone and editor preferences, saved through PATCH /api/account/preferences. */
export function PreferencesForm({ initial, zones, serverZone }: { initial: Preferences; zones: string[]; serverZone: string }) {
  const [prefs, setPrefs] = useState<Preferences>(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  // Known only in the browser: the server renders without it, so hydration matches.
  const browserZone = useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
  const change = (update: Partial<Preferences>) => {
    setPrefs((p) => ({ ...p, ...update }));
    setStatus(null);
  };
  const save = async () => {
    setPending(true);
    setStatus(null);
    try {
      const response = await fetch("/api/account/preferences", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(prefs) });
      const body = (await response.json().catch(() => ({}))) as Partial<Preferences> & { error?: string };
      if (response.ok) {
        setPrefs({ timeZone: body.timeZone ?? null, editorKeymap: body.editorKeymap ?? prefs.editorKeymap, editorWrap: body.editorWrap ?? prefs.editorWrap });
        setStatus({ ok: true, text: "Saved. Your days, streak and plan week now follow this zone." });
      } else setStatus({ ok: false, text: `Not saved: ${body.error ?? `the server answered ${response.status}`}.` });
    } catch {
      setStatus({ ok: false, text: "Not saved: the server cannot be reached." });
    } finally {
      setPending(false);
    }
  };
  const zone = prefs.timeZone ?? serverZone;
  const zoneNow = useSyncExternalStore(noSubscription, () => todayIn(zone), () => "");
  const listed = prefs.timeZone && !zones.includes(prefs.timeZone) ? [prefs.timeZone, ...zones] : zones;
  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Time zone</legend>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Decides when your day starts: today&apos;s hours, the streak, the activity calendar and the current plan week.</p>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="time-zone" className="sr-only">
            Time zone
          </label>
          <select id="time-zone" value={prefs.timeZone ?? ""} onChange={(e) => change({ timeZone: e.target.value || null })} className={`${field} max-w-full`}>
            <option value="">The server&apos;s zone ({serverZone})</option>
            {listed.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          {browserZone && browserZone !== prefs.timeZone ? (
            <button type="button" onClick={() => change({ timeZone: browserZone })} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
              Use this browser&apos;s zone ({browserZone.replaceAll("_", " ")})
            </button>
          ) : null}
        </div>
        <p className="text-xs text-zinc-500" data-testid="zone-now">
          {zoneNow ? `Now there: ${zoneNow}` : "\u00a0"}
        </p>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Code editor</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={prefs.editorKeymap === "vim"} onChange={(e) => change({ editorKeymap: e.target.checked ? "vim" : "standard" })} className="h-4 w-4 accent-accent-600" />
          Vim keybindings
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={prefs.editorWrap} onChange={(e) => change({ editorWrap: e.target.checked })} className="h-4 w-4 accent-accent-600" />
          Wrap long lines
        </label>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60">
          {pending ? "Saving…" : "Save preferences"}
        </button>
        {status ? (
          <p role={status.ok ? "status" : "alert"} data-testid="preferences-status" className={`text-sm ${status.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
