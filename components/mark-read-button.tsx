"use client";

import { useOptimistic, useState, useTransition } from "react";
import { setLessonReadAction } from "@/app/(site)/lessons/actions";

export function MarkReadButton({ lessonRef, initiallyRead }: { lessonRef: string; initiallyRead: boolean }) {
  const [read, setRead] = useState(initiallyRead);
  const [optimisticRead, setOptimisticRead] = useOptimistic(read);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const toggle = () =>
    startTransition(async () => {
      const next = !optimisticRead;
      setOptimisticRead(next);
      const result = await setLessonReadAction(lessonRef, next);
      if (result.ok) {
        setRead(next);
        setError(null);
      } else setError(result.error);
    });

  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        onClick={toggle}
        aria-pressed={optimisticRead}
        className={
          optimisticRead
            ? "rounded-md border border-emerald-600 bg-emerald-50 px-4 py-2 font-medium text-emerald-800 hover:bg-emerald-100 dark:bg-emerald-950/40 dark:text-emerald-300"
            : "rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
        }
      >
        {optimisticRead ? "✓ Read" : "Mark as read"}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
