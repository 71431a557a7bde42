"use client";

import { useOptimistic, useState, useTransition } from "react";
import { setItemCheckedAction } from "@/app/(site)/plan/actions";

/** A plan item that ticks at once (optimistic) and rolls back with a message if saving fails. */
export function CheckItem({ itemId, label, detail, initiallyChecked }: { itemId: string; label: string; detail?: string; initiallyChecked: boolean }) {
  const [checked, setChecked] = useState(initiallyChecked);
  const [shown, setShown] = useOptimistic(checked);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const next = !shown;
      setShown(next);
      const result = await setItemCheckedAction(itemId, next);
      if (result.ok) {
        setChecked(next);
        setError(null);
      } else setError(result.error);
    });
  return (
    <li className="flex items-start gap-3 py-1.5">
      <input id={`item-${itemId}`} type="checkbox" checked={shown} onChange={toggle} className="mt-1 h-4 w-4 shrink-0 accent-emerald-600" data-item={itemId} />
      <label htmlFor={`item-${itemId}`} className="text-sm">
        <span className={shown ? "text-zinc-500 line-through decoration-zinc-400" : ""}>{label}</span>
        {detail ? <span className="mt-0.5 block text-xs text-zinc-500">{detail}</span> : null}
        {error ? (
          <span role="alert" className="block text-xs text-red-600">
            {error}
          </span>
        ) : null}
      </label>
    </li>
  );
}
