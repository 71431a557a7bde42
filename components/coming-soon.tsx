import Link from "next/link";

export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-medium uppercase tracking-wide text-accent-600">Coming soon</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-400">{children}</p>
      <Link href="/lessons" className="mt-8 inline-block rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700">
        Read the lessons meanwhile
      </Link>
    </section>
  );
}
