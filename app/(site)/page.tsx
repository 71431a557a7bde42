import Link from "next/link";
import { Dashboard } from "@/components/dashboard/dashboard";
import { getDashboard } from "@/lib/dashboard";
import { getCurrentUser } from "@/lib/auth/session";
import { getLessonCatalog } from "@/lib/content/lessons";

export default async function HomePage() {
  const { tracks } = getLessonCatalog();
  const user = await getCurrentUser();
  if (user) return <Dashboard name={user.name} data={await getDashboard(user.id)} />;

  return (
    <div className="space-y-12">
      <section className="py-6">
        <>
            <h1 className="max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">From React developer to hardcore Node.js backend engineer.</h1>
            <p className="mt-4 max-w-2xl text-lg text-zinc-600 dark:text-zinc-400">
              Deep lessons with interview questions, TypeScript challenges that run against hidden tests, and a 20-week project plan with retrospectives and system-design notes. Self-hosted, offline, yours.
            </p>
            <div className="mt-8 flex gap-3">
              <Link href="/lessons" className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700">
                Start reading
              </Link>
              <Link href="/signup" className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
                Create an account
              </Link>
            </div>
        </>
      </section>
      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading" className="mb-4 text-xl font-semibold tracking-tight">
          Tracks
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {tracks.map((track) => (
            <li key={track.id}>
              <Link href={`/lessons#${track.id}`} className="flex h-full flex-col rounded-lg border border-zinc-200 p-5 hover:border-accent-400 dark:border-zinc-800">
                <span className="font-semibold">{track.title}</span>
                <span className="mt-2 flex-1 text-sm text-zinc-600 dark:text-zinc-400">{track.summary}</span>
                <span className="mt-4">
                  <span className="text-xs text-zinc-500">{track.lessons.length} lessons</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
