import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SearchBox } from "./search-box";
import { SignOutButton } from "./sign-out-button";

const NAV = [
  { href: "/lessons", label: "Lessons" },
  { href: "/exercises", label: "Exercises" },
  { href: "/plan", label: "Plan" },
  { href: "/retros", label: "Retros" },
  { href: "/design", label: "Design notes" },
  { href: "/checklist", label: "Checklist" },
];

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6 md:h-14 md:flex-nowrap md:py-0">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-accent-500 to-violet-600" />
          Deepend
        </Link>
        <nav aria-label="Main" className="order-last -mx-2 flex w-full items-center gap-1 overflow-x-auto text-sm md:order-none md:w-auto md:flex-1">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="whitespace-nowrap rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-900 dark:hover:text-zinc-100">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <div className="hidden md:block">
            <SearchBox />
          </div>
          {user ? (
            <>
              <Link href="/settings" className="hidden text-zinc-600 hover:text-zinc-900 sm:inline dark:text-zinc-400 dark:hover:text-zinc-100" data-testid="current-user" title="Your account">
                {user.name}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
                Sign in
              </Link>
              <Link href="/signup" className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
