"use client";

import { useCallback } from "react";
import { useStoredValue, writeStoredValue } from "./stored-value";

const KEY_STEP = 4;

/** A share in percent, remembered in this browser; clamped to [min, max]. */
export function useStoredShare(storageKey: string, fallback: number, min: number, max: number) {
  const clamp = useCallback((value: number) => Math.min(max, Math.max(min, value)), [min, max]);
  const stored = useStoredValue(storageKey);
  const share = stored !== null && Number.isFinite(Number(stored)) ? clamp(Number(stored)) : fallback;
  const update = useCallback(
    (next: number) => {
      writeStoredValue(storageKey, String(Math.round(clamp(next) * 10) / 10));
    },
    [storageKey, clamp],
  );
  return { share, update, min, max };
}

type Share = ReturnType<typeof useStoredShare>;

/**
 * A separator between two panes, dragged with the pointer or moved with the arrow keys
 * (Home/End for the limits). `measure` gives the pixel span the share is a percentage of.
 */
export function SplitHandle({ orientation, label, split, measure, className }: { orientation: "vertical" | "horizontal"; label: string; split: Share; measure: () => { size: number } | null; className?: string }) {
  const vertical = orientation === "vertical";

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    const span = measure();
    if (!span || span.size <= 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    // Relative to where the drag started: the handle need not sit exactly at the share's edge.
    const startShare = split.share;
    const startAt = vertical ? event.clientX : event.clientY;
    const move = (e: PointerEvent) => split.update(startShare + (((vertical ? e.clientX : e.clientY) - startAt) / span.size) * 100);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = vertical ? { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP } : { ArrowUp: -KEY_STEP, ArrowDown: KEY_STEP };
    let next: number | undefined;
    if (event.key in moves) next = split.share + moves[event.key]!;
    else if (event.key === "Home") next = split.min;
    else if (event.key === "End") next = split.max;
    if (next === undefined) return;
    event.preventDefault();
    split.update(next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(split.share)}
      aria-valuemin={split.min}
      aria-valuemax={split.max}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      className={`touch-none bg-zinc-200 outline-none hover:bg-accent-400 focus-visible:bg-accent-500 dark:bg-zinc-800 ${vertical ? "cursor-col-resize" : "cursor-row-resize"} ${className ?? ""}`}
    />
  );
}
