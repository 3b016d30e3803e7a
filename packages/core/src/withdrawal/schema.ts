/**
 * The withdrawal tracker's payloads. During detox a member rates twelve common opioid withdrawal symptoms from
 * 0 (none) to 4 (severe), as often as they like; the server stamps each check with its own time and the
 * member's local date.
 */
import { z } from "zod";
import { localDateSchema, noteText } from "../http/fields.ts";

/** The symptoms, in the order the form asks about them. */
export const WITHDRAWAL_SYMPTOMS = [
  "restlessness",
  "anxiety",
  "yawning",
  "sweating",
  "runnyNoseOrEyes",
  "goosebumps",
  "muscleAches",
  "stomachCramps",
  "nausea",
  "vomiting",
  "diarrhoea",
  "troubleSleeping",
] as const;
export type WithdrawalSymptom = (typeof WITHDRAWAL_SYMPTOMS)[number];

export const RATING_MAX = 4;
export const TOTAL_MAX = RATING_MAX * WITHDRAWAL_SYMPTOMS.length;

export const WITHDRAWAL_LIMITS = {
  noteMax: 1000,
  /** Several checks a day are fine; this bounds a runaway client, not a member. */
  checksPerDayMax: 24,
  rangeDaysMax: 120,
  /** Without a range, GET shows this many days ending on the member's today. */
  defaultRangeDays: 14,
} as const;

const rating = z
  .int({ error: "Rate from 0 (none) to 4 (severe)" })
  .min(0, "Rate from 0 (none) to 4 (severe)")
  .max(RATING_MAX, "Rate from 0 (none) to 4 (severe)");

export type WithdrawalRatings = Record<WithdrawalSymptom, number>;

/** Every symptom must be rated (a missing one is not taken as 0) and no other may be named. */
export const withdrawalRatingsSchema = z.strictObject(
  Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((symptom) => [symptom, rating])) as Record<
    WithdrawalSymptom,
    typeof rating
  >,
);

export const withdrawalCheckInputSchema = z.strictObject({
  ratings: withdrawalRatingsSchema,
  note: noteText(WITHDRAWAL_LIMITS.noteMax).nullable().optional(),
});
export type WithdrawalCheckInput = z.infer<typeof withdrawalCheckInputSchema>;

export const withdrawalRangeQuerySchema = z
  .strictObject({ from: localDateSchema.optional(), to: localDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export const withdrawalCheckSchema = z.object({
  id: z.string(),
  /** When the server stored it (ISO 8601). */
  takenAt: z.string(),
  /** The member's calendar date at that moment, in their time zone. */
  date: z.string(),
  ratings: z.record(z.enum(WITHDRAWAL_SYMPTOMS), z.number()),
  total: z.number(),
  note: z.string().nullable(),
});
export type WithdrawalCheck = z.infer<typeof withdrawalCheckSchema>;

/** After a save: danger language found in the note opens help at once, as after a check-in. */
export const withdrawalCheckSavedSchema = z.object({
  check: withdrawalCheckSchema,
  support: z.object({ danger: z.array(z.enum(["overdose", "suicide", "self-harm"])) }),
});
export type WithdrawalCheckSaved = z.infer<typeof withdrawalCheckSavedSchema>;

export const withdrawalChecksSchema = z.object({ checks: z.array(withdrawalCheckSchema) });
