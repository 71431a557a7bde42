import { z } from "zod";

/** A week in a URL: digits only (no "1e1", "0x1", " 1"), then a range check. */
function weekParamSchema(first: number, last: number) {
  return z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(first).max(last));
}

export const RETRO_WEEKS = { first: 1, last: 20 } as const;
export const RETRO_WEEK_ERROR = `The week must be a whole number from ${RETRO_WEEKS.first} to ${RETRO_WEEKS.last}.`;
const retroWeekSchema = weekParamSchema(RETRO_WEEKS.first, RETRO_WEEKS.last);

/** System-design practice starts in week 6 of the plan. */
export const DESIGN_WEEKS = { first: 6, last: 20 } as const;
export const DESIGN_WEEK_ERROR = `The week must be a whole number from ${DESIGN_WEEKS.first} to ${DESIGN_WEEKS.last}.`;
const designWeekSchema = weekParamSchema(DESIGN_WEEKS.first, DESIGN_WEEKS.last);

/** The retrospective week named by a route parameter, or null when it is not one. */
export function parseRetroWeek(raw: unknown): number | null {
  const parsed = retroWeekSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The design-note week named by a route parameter, or null when it is not one. */
export function parseDesignWeek(raw: unknown): number | null {
  const parsed = designWeekSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
