"use client";

import { useRouter } from "next/navigation";
import { useSyncExternalStore, type ReactNode } from "react";

const noSubscription = () => () => {};

/**
 * The exercise filters as a plain GET form (it works without JavaScript, with its button); with
 * JavaScript, a changed select applies at once and the button is not needed.
 */
export function AutoSubmitFilters({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  /** False in the server's HTML, true once hydrated: hides the button only when it is not needed. */
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <form
      className={className}
      aria-label="Filter exercises"
      data-hydrated={hydrated || undefined}
      onChange={(event) => {
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value) params.set(name, value);
        const query = params.toString();
        router.replace(query ? `/exercises?${query}` : "/exercises", { scroll: false });
      }}
    >
      {children}
    </form>
  );
}
