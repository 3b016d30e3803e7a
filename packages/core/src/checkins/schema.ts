import { z } from "zod";
import { idSchema, localDateSchema, noteText, shortText } from "../http/fields.ts";

/** Triggers offered as chips; the member may add their own words too. */
export const LISTED_TRIGGERS = [
  "stress",
  "boredom",
  "loneliness",
  "conflict",
  "pain",
  "poor-sleep",
  "people",
  "places",
  "payday",
  "celebration",
  "anxiety",
  "sadness",
] as const;

export const HALT_STATES = ["hungry", "angry", "lonely", "tired"] as const;
export type HaltState = (typeof HALT_STATES)[number];

export const CHECKIN_LIMITS = {
  noteMax: 2000,
  triggersMax: 20,
  triggerMax: 40,
  usesMax: 12,
  sleepHoursMax: 24,
  rangeDaysMax: 400,
} as const;

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

export const checkinInputSchema = z.strictObject({
  uses: z
    .array(z.strictObject({ recoveryId: idSchema, used: z.boolean({ error: "Expected yes or no" }) }))
    .max(CHECKIN_LIMITS.usesMax)
    .refine((uses) => unique(uses.map((u) => u.recoveryId)), "Each recovery can appear once"),
  mood: z.int({ error: "Choose a mood from 1 to 5" }).min(1, "From 1 to 5").max(5, "From 1 to 5"),
  craving: z.int({ error: "Choose a craving from 0 to 10" }).min(0, "From 0 to 10").max(10, "From 0 to 10"),
  confidence: z.int({ error: "Choose from 0 to 10" }).min(0, "From 0 to 10").max(10, "From 0 to 10"),
  triggers: z
    .array(shortText(CHECKIN_LIMITS.triggerMax, "A trigger"))
    .max(CHECKIN_LIMITS.triggersMax, `At most ${CHECKIN_LIMITS.triggersMax} triggers`)
    .refine(unique, "Each trigger can appear once"),
  halt: z.array(z.enum(HALT_STATES)).refine(unique, "Each can appear once"),
  sleepHours: z
    .number({ error: "Expected hours like 7 or 6.5" })
    .min(0, "Can't be negative")
    .max(CHECKIN_LIMITS.sleepHoursMax, "At most 24 hours")
    .nullable()
    .optional(),
  note: noteText(CHECKIN_LIMITS.noteMax).nullable().optional(),
});
export type CheckinInput = z.infer<typeof checkinInputSchema>;

export const checkinDateParamsSchema = z.strictObject({ date: localDateSchema });

export const checkinRangeQuerySchema = z
  .strictObject({ from: localDateSchema.optional(), to: localDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export const checkinSchema = z.object({
  date: z.string(),
  uses: z.array(z.object({ recoveryId: z.string(), used: z.boolean() })),
  mood: z.number(),
  craving: z.number(),
  confidence: z.number(),
  triggers: z.array(z.string()),
  halt: z.array(z.enum(HALT_STATES)),
  sleepHours: z.number().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type Checkin = z.infer<typeof checkinSchema>;

/** The two-tap "good day" check-in: nothing used, a steady mood, no craving. The member still confirms it. */
export function goodDayCheckin(recoveryIds: readonly string[]): CheckinInput {
  return {
    uses: recoveryIds.map((recoveryId) => ({ recoveryId, used: false })),
    mood: 4,
    craving: 0,
    confidence: 8,
    triggers: [],
    halt: [],
  };
}

/** A check-in day is the member's today, or any day before it (yesterday late, or a correction). */
export function checkinDateProblem(date: string, today: string): string | undefined {
  return date > today ? "You can't check in for a day that hasn't started yet" : undefined;
}

/**
 * What the member is told after saving: danger language found in the note (resources open at once), and
 * whether this day records use (compassion and a next step; overdose safety when opioids were used).
 */
export const checkinSupportSchema = z.object({
  danger: z.array(z.enum(["overdose", "suicide", "self-harm"])),
  lapse: z.boolean(),
  opioidLapse: z.boolean(),
});
export type CheckinSupport = z.infer<typeof checkinSupportSchema>;

export const checkinSavedSchema = z.object({ checkin: checkinSchema, support: checkinSupportSchema });
export type CheckinSaved = z.infer<typeof checkinSavedSchema>;
