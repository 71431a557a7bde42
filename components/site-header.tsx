import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { AccountMenu } from "./header/account-menu";
import { MenuSheet } from "./header/menu-sheet";
import { SearchButton, SearchHost } from "./search/search-launcher";
import { SignOutButton } from "./sign-out-button";

const NAV = [
  { href: "/lessons", label: "Lessons" },
  { href: "/exercises", label: "Exercises" },
  { href: "/plan", label: "Plan" },
  { href: "/retros", label: "Retros" },
  { href: "/design", label: "Design notes" },
  { href: "/checklist", label: "Checklist" },
];

const navLink = "whitespace-nowrap rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-900 dark:hover:text-zinc-100";
const sheetLink = "block rounded-md px-3 py-2 hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** Server-rendered; only the menus and the search launcher are client code. */
export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:px-6 lg:gap-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-accent-500 to-violet-600" />
          Deepend
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 text-sm lg:flex">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className={navLink}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-1 text-sm sm:gap-2">
          <SearchButton variant="header" />
          {user ? (
            <AccountMenu name={user.name}>
              <Link href="/settings" className={sheetLink}>
                Settings
              </Link>
              <div className="px-2 py-1">
                <SignOutButton />
              </div>
            </AccountMenu>
          ) : (
            <>
              <Link href="/signin" className="whitespace-nowrap px-2 text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
                Sign in
              </Link>
              <Link href="/signup" className="hidden whitespace-nowrap rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700 sm:inline-block">
                Sign up
              </Link>
            </>
          )}
          <MenuSheet>
            <SearchButton variant="menu" />
            <nav aria-label="Menu">
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className={sheetLink}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="mt-auto border-t border-zinc-200 pt-3 dark:border-zinc-800">
              {user ? (
                <>
                  <p className="truncate px-3 pb-1 text-xs text-zinc-500">Signed in as {user.name}</p>
                  <Link href="/settings" className={sheetLink}>
                    Settings
                  </Link>
                  <div className="px-3 py-2">
                    <SignOutButton />
                  </div>
                </>
              ) : (
                <>
                  <Link href="/signin" className={sheetLink}>
                    Sign in
                  </Link>
                  <Link href="/signup" className={sheetLink}>
                    Sign up
                  </Link>
                </>
              )}
            </div>
          </MenuSheet>
        </div>
      </div>
      <SearchHost signedIn={user !== null} />
    </header>
  );
}
