import { ImportForm } from "@/components/import-form";
import { getPreferences } from "@/lib/account/preferences";
import { requireUser } from "@/lib/auth/session";
import { PreferencesForm } from "./preferences-form";

export const metadata = { title: "Your account" };

const card = "rounded-lg border border-zinc-200 p-5 dark:border-zinc-800";

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const preferences = await getPreferences(user.id);
  // The zones this server's runtime knows: the same list the preferences API validates against.
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return (
    <div className="max-w-2xl space-y-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          Signed in as {user.name} ({user.email}).
        </p>
      </header>
      <section className={card} aria-labelledby="preferences-heading">
        <h2 id="preferences-heading" className="mb-3 font-semibold">
          Preferences
        </h2>
        <PreferencesForm initial={preferences} zones={zones} serverZone={Intl.DateTimeFormat().resolvedOptions().timeZone} />
      </section>
      <section className={card} aria-labelledby="data-heading">
        <h2 id="data-heading" className="font-semibold">
          Your data is yours
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Export everything you have here (progress, hours, submissions, retrospectives, notes, checklist, preferences) as one JSON file, and import it back, on this server or another. Importing
          the same file twice changes nothing; a file that is not valid is refused and changes nothing.
        </p>
        <div className="mt-4 flex flex-wrap items-start gap-3">
          <a href="/api/account/export" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
            Export everything
          </a>
          <ImportForm />
        </div>
      </section>
    </div>
  );
}
