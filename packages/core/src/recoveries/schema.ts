import { z } from "zod";
import { daysInMonth, formatLocalDate, type LocalDate, parseLocalDate } from "../dates/calendar.ts";
import { idSchema, localDateSchema, shortText } from "../http/fields.ts";

export const SUBSTANCES = [
  "opioids",
  "alcohol",
  "stimulants",
  "cannabis",
  "nicotine",
  "benzodiazepines",
  "gambling",
  "other",
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const RECOVERY_LIMITS = { labelMax: 40, dailyCostMax: 100_000, recoveriesMax: 12 } as const;

const dailyCostSchema = z
  .number({ error: "Expected an amount like 20 or 12.50" })
  .min(0, "Can't be negative")
  .max(RECOVERY_LIMITS.dailyCostMax, `At most ${RECOVERY_LIMITS.dailyCostMax}`)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "At most two decimal places");

const recoveryFields = {
  substance: z.enum(SUBSTANCES, { error: "Choose what you are recovering from" }),
  label: shortText(RECOVERY_LIMITS.labelMax, "Label").optional(),
  startDate: localDateSchema,
  dailyCost: dailyCostSchema.nullable().optional(),
};

export const recoveryInputSchema = z
  .strictObject(recoveryFields)
  .refine((r) => r.substance !== "other" || r.label !== undefined, {
    message: "Say what you are recovering from",
    path: ["label"],
  });
export type RecoveryInput = z.infer<typeof recoveryInputSchema>;

export const recoveryPatchSchema = z
  .strictObject({
    label: recoveryFields.label.nullable(),
    startDate: recoveryFields.startDate.optional(),
    dailyCost: recoveryFields.dailyCost,
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change" });
export type RecoveryPatch = z.infer<typeof recoveryPatchSchema>;

/** `/recoveries/:id`: a malformed id is refused before any lookup. */
export const recoveryParamsSchema = z.strictObject({ id: idSchema });

export const recoverySchema = z.object({
  id: z.string(),
  substance: z.enum(SUBSTANCES),
  label: z.string().nullable(),
  startDate: z.string(),
  dailyCost: z.number().nullable(),
  createdAt: z.string(),
});
export type Recovery = z.infer<typeof recoverySchema>;

/** How far back a start may go: more than any real recovery, and it keeps a slip like 1026 for 2026 out. */
export const START_YEARS_BACK = 100;

/** The same day of the month `START_YEARS_BACK` years before today (28 February for a 29th in a common year). */
export function earliestStartDate(today: LocalDate): LocalDate {
  const date = parseLocalDate(today);
  if (!date) throw new RangeError(`Not a calendar date: ${today}`);
  const year = date.year - START_YEARS_BACK;
  return formatLocalDate({ year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) });
}

/** A recovery start is today or earlier in the member's calendar, and at most a century ago. */
export function startDateProblem(startDate: LocalDate, today: LocalDate): string | undefined {
  if (startDate > today) return "The start date can't be in the future";
  if (startDate < earliestStartDate(today))
    return `The start date can be at most ${START_YEARS_BACK} years ago`;
  return undefined;
}
