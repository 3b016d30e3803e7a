/**
 * A member's medication (methadone, buprenorphine, naltrexone or another one they name), its schedule, and the
 * doses they log against it. A scheduled dose is named by its local date and wall-clock time ("2026-03-29" at
 * "08:00"): that is how the member thinks of it, it stays the same dose when they travel, and it makes logging
 * idempotent per scheduled time.
 */
import { z } from "zod";
import { daysInMonth, formatLocalDate, isLocalDate, parseLocalDate } from "../dates/calendar.ts";
import { idSchema, localDateSchema, shortText } from "../http/fields.ts";

export const MEDICATION_LIMITS = {
  medicationsMax: 12,
  timesPerDayMax: 6,
  everyDaysMax: 365,
  everyWeeksMax: 52,
  nameMax: 80,
  doseTextMax: 80,
  doseAmountMax: 100_000,
  clinicMax: 120,
  notesMax: 1000,
  takeHomeMax: 60,
  /** Adherence looks back this many days, today included. */
  adherenceDays: 30,
  /** Clinic visits and pickups are listed this many days ahead, today included. */
  visitDays: 14,
} as const;

export const MEDICATION_KINDS = [
  "methadone",
  "buprenorphine",
  "naltrexone-tablet",
  "naltrexone-injection",
  "other",
] as const;
export type MedicationKind = (typeof MEDICATION_KINDS)[number];

export const DOSE_UNITS = ["mg", "mcg", "ml", "tablet", "film", "injection"] as const;

export const DOSE_STATUSES = ["taken", "late", "missed"] as const;
export type DoseStatus = (typeof DOSE_STATUSES)[number];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock time in 24-hour form: "08:00", "21:30". "25:00", "8am" and "8:00" are refused. */
export const timeOfDaySchema = z
  .string({ error: "Expected a time like 08:00" })
  .regex(TIME, "Use a 24-hour time like 08:00 (00:00 to 23:59)");

export function isTimeOfDay(text: string): boolean {
  return TIME.test(text);
}

/** Hours and minutes of a valid "HH:MM". */
export function timeParts(time: string): { hour: number; minute: number } {
  return { hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) };
}

export const doseSchema = z.union(
  [
    z.strictObject({
      amount: z
        .number({ error: "Expected an amount like 8 or 0.5" })
        .positive("An amount is more than 0")
        .max(MEDICATION_LIMITS.doseAmountMax, "That amount is too large"),
      unit: z.enum(DOSE_UNITS, { error: "Choose a unit" }),
    }),
    z.strictObject({ text: shortText(MEDICATION_LIMITS.doseTextMax, "A dose") }),
  ],
  { error: "Give an amount and unit, or describe the dose like 8 mg/2 mg film" },
);
export type Dose = z.infer<typeof doseSchema>;

const bounds = {
  startDate: localDateSchema,
  endDate: localDateSchema.nullable().optional(),
};

export const scheduleSchema = z
  .discriminatedUnion(
    "kind",
    [
      z.strictObject({
        kind: z.literal("daily"),
        times: z
          .array(timeOfDaySchema)
          .min(1, "Add at least one time, or the schedule would never come round")
          .max(MEDICATION_LIMITS.timesPerDayMax, `At most ${MEDICATION_LIMITS.timesPerDayMax} times a day`)
          .refine((times) => new Set(times).size === times.length, "Each time can appear once"),
        ...bounds,
      }),
      z.strictObject({
        kind: z.literal("interval"),
        every: z
          .int({ error: "Expected a whole number like 2" })
          .min(1, "Every 0 would never come round; use 1 or more"),
        unit: z.enum(["days", "weeks"], { error: "Choose days or weeks" }),
        time: timeOfDaySchema,
        ...bounds,
      }),
      z.strictObject({
        kind: z.literal("monthly"),
        day: z
          .int({ error: "Expected a day of the month from 1 to 31" })
          .min(1, "From 1 to 31")
          .max(31, "From 1 to 31"),
        time: timeOfDaySchema,
        ...bounds,
      }),
    ],
    { error: "Choose daily, every few days or weeks, or monthly" },
  )
  .superRefine((schedule, ctx) => {
    if (schedule.kind === "interval") {
      const max = schedule.unit === "days" ? MEDICATION_LIMITS.everyDaysMax : MEDICATION_LIMITS.everyWeeksMax;
      if (schedule.every > max) {
        ctx.addIssue({ code: "custom", path: ["every"], message: `At most every ${max} ${schedule.unit}` });
      }
    }
    if (schedule.endDate && isLocalDate(schedule.startDate) && schedule.endDate < schedule.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "The end is before the start, so the schedule would never come round",
      });
    } else if (schedule.kind === "monthly" && schedule.endDate) {
      const first = firstMonthlyDate(schedule.day, schedule.startDate);
      if (first && first > schedule.endDate) {
        ctx.addIssue({
          code: "custom",
          path: ["endDate"],
          message: `The first dose would be on ${first}, after the end, so the schedule would never come round`,
        });
      }
    }
  });

/** The first date on or after `startDate` a "monthly on `day`" schedule falls on (day 29–31 clamp to month end). */
export function firstMonthlyDate(day: number, startDate: string): string | undefined {
  const start = parseLocalDate(startDate);
  if (!start) return undefined;
  const inMonth = (year: number, month: number) =>
    formatLocalDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
  const thisMonth = inMonth(start.year, start.month);
  if (thisMonth >= startDate) return thisMonth;
  return start.month === 12 ? inMonth(start.year + 1, 1) : inMonth(start.year, start.month + 1);
}
export type Schedule = z.infer<typeof scheduleSchema>;

export const takeHomeSchema = z.strictObject({
  remaining: z
    .int({ error: "Expected a whole number of doses" })
    .min(0, "Can't be negative")
    .max(MEDICATION_LIMITS.takeHomeMax, `At most ${MEDICATION_LIMITS.takeHomeMax}`),
  nextPickup: localDateSchema.nullable().optional(),
});
export type TakeHome = z.infer<typeof takeHomeSchema>;

const optionalText = (max: number, name: string) => shortText(max, name).nullable().optional();

const medicationFields = {
  kind: z.enum(MEDICATION_KINDS, { error: "Choose a medication" }),
  /** The medication's name; required for "other". */
  name: optionalText(MEDICATION_LIMITS.nameMax, "A name"),
  dose: doseSchema,
  schedule: scheduleSchema,
  /** Doses given at the clinic (observed dosing, an injection): their days are listed as visits. */
  atClinic: z.boolean({ error: "Expected yes or no" }).optional(),
  clinic: optionalText(MEDICATION_LIMITS.clinicMax, "A clinic or pharmacy"),
  notes: z
    .string()
    .max(MEDICATION_LIMITS.notesMax, `Notes can be at most ${MEDICATION_LIMITS.notesMax} characters`)
    .nullable()
    .optional(),
  takeHome: takeHomeSchema.nullable().optional(),
};

export const medicationInputSchema = z.strictObject(medicationFields).superRefine((input, ctx) => {
  if (input.kind === "other" && !input.name) {
    ctx.addIssue({ code: "custom", path: ["name"], message: "Say which medication this is" });
  }
});
export type MedicationInput = z.infer<typeof medicationInputSchema>;

/** Any fields of a medication; those given replace what is stored (the schedule as a whole). */
export const medicationPatchSchema = z.strictObject({
  ...medicationFields,
  kind: medicationFields.kind.optional(),
  dose: doseSchema.optional(),
  schedule: scheduleSchema.optional(),
});
export type MedicationPatch = z.infer<typeof medicationPatchSchema>;

export const medicationParamsSchema = z.strictObject({ id: idSchema });

export const doseLogInputSchema = z.strictObject({
  date: localDateSchema,
  time: timeOfDaySchema,
  status: z.enum(DOSE_STATUSES, { error: "Choose taken, taken late or missed" }),
});
export type DoseLogInput = z.infer<typeof doseLogInputSchema>;

export const medicationSchema = z.object({
  id: z.string(),
  kind: z.enum(MEDICATION_KINDS),
  name: z.string().nullable(),
  dose: doseSchema,
  schedule: scheduleSchema,
  atClinic: z.boolean(),
  clinic: z.string().nullable(),
  notes: z.string().nullable(),
  takeHome: z.object({ remaining: z.number(), nextPickup: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Medication = z.infer<typeof medicationSchema>;

export const doseLogSchema = z.object({
  medicationId: z.string(),
  date: z.string(),
  time: z.string(),
  status: z.enum(DOSE_STATUSES),
  loggedAt: z.string(),
});
export type DoseLog = z.infer<typeof doseLogSchema>;

/** A scheduled dose's state on Today: logged (taken, late, missed), or not yet logged (upcoming, due). */
export const DOSE_STATES = ["upcoming", "due", "taken", "late", "missed"] as const;
export type DoseState = (typeof DOSE_STATES)[number];

export const dueDoseSchema = z.object({
  medicationId: z.string(),
  date: z.string(),
  time: z.string(),
  /** The instant the dose falls at in the member's zone (ISO), after any daylight-saving shift. */
  at: z.string(),
  state: z.enum(DOSE_STATES),
});
export type DueDose = z.infer<typeof dueDoseSchema>;

export const visitSchema = z.object({
  medicationId: z.string(),
  date: z.string(),
  /** The dose's time for a clinic dose; null for a take-home pickup day. */
  time: z.string().nullable(),
  kind: z.enum(["dose", "pickup"]),
});
export type Visit = z.infer<typeof visitSchema>;

export const medicationTodaySchema = z.object({
  date: z.string(),
  doses: z.array(dueDoseSchema),
  visits: z.array(visitSchema),
});
export type MedicationToday = z.infer<typeof medicationTodaySchema>;

export const adherenceCountsSchema = z.object({
  onTime: z.number(),
  late: z.number(),
  missed: z.number(),
  notLogged: z.number(),
  /** Doses whose time has come in the period: the sum of the four counts. */
  scheduled: z.number(),
  /** Taken (on time or late) out of scheduled, 0–100; null when nothing was scheduled yet. */
  takenPercent: z.number().nullable(),
});
export type AdherenceCounts = z.infer<typeof adherenceCountsSchema>;

export const adherenceSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: adherenceCountsSchema,
  medications: z.array(z.object({ medicationId: z.string(), counts: adherenceCountsSchema })),
  days: z.array(z.object({ date: z.string(), counts: adherenceCountsSchema })),
  /** True when a dose was logged as missed in the last 7 days: the app gently suggests talking to the prescriber. */
  suggestPrescriber: z.boolean(),
});
export type Adherence = z.infer<typeof adherenceSchema>;
