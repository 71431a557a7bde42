"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ExerciseSession } from "./use-exercise-session";

const quietButton = "rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900";
export const actionButton = {
  primary: "rounded-md bg-accent-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60",
  secondary: "rounded-md border border-zinc-300 bg-white px-4 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800",
  quiet: quietButton,
};

/**
 * The actions under the answer: the kind's own buttons when signed in (a sign-in prompt otherwise),
 * then what every kind shares: the solved badge and the last message.
 */
export function ActionBar({ session, slug, signedIn, signedOutText, buttons, afterButtons, whenSolved }: { session: ExerciseSession; slug: string; signedIn: boolean; signedOutText: string; buttons: ReactNode; afterButtons?: ReactNode; whenSolved?: ReactNode }) {
  return (
    <>
      {signedIn ? (
        buttons
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/exercises/${slug}`)}`} className="font-medium text-accent-600 hover:underline">
            Sign in
          </Link>{" "}
          {signedOutText}
        </p>
      )}
      {afterButtons}
      {session.solved ? (
        <>
          <span className="ml-auto text-sm font-medium text-emerald-700 dark:text-emerald-400" data-testid="solved-badge">
            ✓ Solved
          </span>
          {whenSolved}
        </>
      ) : null}
      {session.message ? (
        <p role="alert" className="basis-full rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {session.message}
        </p>
      ) : null}
    </>
  );
}
