import { z } from "zod";
import { SUBSTANCES } from "../recoveries/schema.ts";

export const recoveryProgressSchema = z.object({
  id: z.string(),
  substance: z.enum(SUBSTANCES),
  label: z.string().nullable(),
  startDate: z.string(),
  /** First day of the current run without use (the day after the latest recorded use, or the start date). */
  soberSince: z.string(),
  currentDays: z.number(),
  longestDays: z.number(),
  totalSoberDays: z.number(),
  soberDaysLast30: z.number(),
  nextMilestone: z.object({ days: z.number(), date: z.string() }),
  moneyNotSpent: z.number().optional(),
  /** The latest day with recorded use, if any: lets the screen offer overdose safety after an opioid lapse. */
  lastUseDate: z.string().nullable(),
});
export type RecoveryProgress = z.infer<typeof recoveryProgressSchema>;

export const progressSchema = z.object({
  today: z.string(),
  timezone: z.string(),
  checkinStreak: z.number(),
  recoveries: z.array(recoveryProgressSchema),
});
export type Progress = z.infer<typeof progressSchema>;
