// How the plan's numbers read on screen; pure, so server and client components share it.

/** "3" for 3 to 3, "2–4" (an en dash) otherwise. */
export function formatRange(min: number, max: number): string {
  return min === max ? String(min) : `${min}\u2013${max}`;
}

/** "2 h" when there is nothing to range over, "2–3 h" otherwise. */
export function formatHoursRange(hours: { min: number; max: number }): string {
  return `${formatRange(hours.min, hours.max)} h`;
}
