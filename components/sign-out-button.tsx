import { signOutAction } from "@/app/(site)/signin/actions";

/** A plain form posting to a server action: works without JavaScript and ships none. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className={
          className ??
          "rounded-md border border-zinc-300 px-3 py-1 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900"
        }
      >
        Sign out
      </button>
    </form>
  );
}
