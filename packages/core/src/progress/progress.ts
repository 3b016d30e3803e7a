/** Placeholder: implemented in the next change. */
import type { LocalDate } from "../dates/calendar.ts";
import type { Progress } from "./schema.ts";

export interface RecoveryRecord {
  id: string;
  substance: Progress["recoveries"][number]["substance"];
  label: string | null;
  startDate: LocalDate;
  /** In cents, to keep money exact. */
  dailyCostCents: number | null;
  /** Dates (any order, may repeat) on which the member recorded use of this substance. */
  useDates: readonly LocalDate[];
}

export interface ProgressInput {
  today: LocalDate;
  timezone: string;
  recoveries: readonly RecoveryRecord[];
  /** Dates with a check-in (any order). */
  checkinDates: readonly LocalDate[];
}

export function computeProgress(input: ProgressInput): Progress {
  return { today: input.today, timezone: input.timezone, checkinStreak: 0, recoveries: [] };
}
