import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-medium uppercase tracking-wide text-accent-600">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-400">The page you asked for is not here: a lesson, exercise, week or note that does not exist, or a link that moved.</p>
      <Link href="/lessons" className="mt-8 inline-block rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700">
        Browse the lessons
      </Link>
    </section>
  );
}
