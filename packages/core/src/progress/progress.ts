/**
 * Progress per recovery, counted on calendar days in the member's zone; the caller turns its clock into `today`.
 *
 * A use on day L ends a run and the next run starts on L + 1, so on the day of a lapse `soberSince` is tomorrow
 * and `currentDays` is 0. Totals count only complete days (before today) without a recorded use, so a lapse never
 * wipes out the days already made. A day without a check-in is not a use. Uses before the start date are ignored.
 * A use dated after today (possible only after a move to a zone further west, where that date has not begun yet)
 * counts as a use today: a recorded use never disappears, and `lastUseDate` still names the date it was recorded
 * on. Each date list is de-duplicated and sorted once, so a read stays linear-logarithmic in the
 * number of dates.
 *
 * Dates arrive as `YYYY-MM-DD` text (computeProgress) or as day numbers with the check-in days already reduced
 * to the one run the streak needs (computeProgressFromDayNumbers: the server stores the runs of check-in days,
 * see runs.ts, so a read never fetches every check-in date). Both give the same answer.
 */
import { fromDayNumber, type LocalDate, toDayNumber } from "../dates/calendar.ts";
import { nextMilestone } from "./milestones.ts";
import { type DayRun, dayRunsOf, runAtOrBefore, streakFromRun } from "./runs.ts";
import type { Progress, RecoveryProgress } from "./schema.ts";

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

/** A recovery with its use dates as day numbers (see `toDayNumber`, `dayNumbersOfList`). */
export interface RecoveryDayNumbers extends Omit<RecoveryRecord, "useDates"> {
  /** Day numbers (any order, may repeat) on which the member recorded use of this substance. */
  useDays: readonly number[];
}

/** ProgressInput with day numbers, and the check-in days reduced to the run the streak is read from. */
export interface ProgressDayNumbersInput {
  today: LocalDate;
  timezone: string;
  recoveries: readonly RecoveryDayNumbers[];
  /** The run of consecutive check-in days with the latest first day on or before today, if any. */
  checkinRun: DayRun | null;
}

const RECENT_WINDOW_DAYS = 30;

export function computeProgress(input: ProgressInput): Progress {
  const runs = dayRunsOf(input.checkinDates.map(toDayNumber));
  return computeProgressFromDayNumbers({
    today: input.today,
    timezone: input.timezone,
    checkinRun: runAtOrBefore(runs, toDayNumber(input.today)) ?? null,
    recoveries: input.recoveries.map(({ useDates, ...record }) => ({
      ...record,
      useDays: useDates.map(toDayNumber),
    })),
  });
}

export function computeProgressFromDayNumbers(input: ProgressDayNumbersInput): Progress {
  const today = toDayNumber(input.today);
  return {
    today: input.today,
    timezone: input.timezone,
    checkinStreak: streakFromRun(input.checkinRun, today),
    recoveries: input.recoveries.map((record) => recoveryProgress(record, today)),
  };
}

function recoveryProgress(record: RecoveryDayNumbers, today: number): RecoveryProgress {
  const start = toDayNumber(record.startDate);
  const uses = usesFrom(record.useDays, start, today);
  const lastUse = uses.at(-1);
  const soberSince = lastUse === undefined ? start : lastUse + 1;
  const lastRecordedUse = latestUse(record.useDays, start);
  const currentDays = Math.max(0, today - soberSince);
  const totalSoberDays = soberDays(uses, start, today);
  const progress: RecoveryProgress = {
    id: record.id,
    substance: record.substance,
    label: record.label,
    startDate: record.startDate,
    soberSince: fromDayNumber(soberSince),
    currentDays,
    longestDays: longestRun(uses, start, today),
    totalSoberDays,
    soberDaysLast30: soberDays(uses, Math.max(start, today - RECENT_WINDOW_DAYS), today),
    nextMilestone: nextMilestone(fromDayNumber(soberSince), currentDays),
    lastUseDate: lastRecordedUse === undefined ? null : fromDayNumber(lastRecordedUse),
  };
  if (record.dailyCostCents !== null) {
    progress.moneyNotSpent = moneyNotSpent(record.dailyCostCents, totalSoberDays);
  }
  return progress;
}

/** Distinct day numbers of use from `start` on, a use after today counted on today, ascending. */
function usesFrom(useDays: readonly number[], start: number, today: number): number[] {
  const days: number[] = [];
  for (const day of useDays) {
    if (day >= start) days.push(Math.min(day, today));
  }
  days.sort((a, b) => a - b);
  // Drop repeats (a date listed twice) from the sorted list.
  let kept = 0;
  for (const day of days) if (kept === 0 || days[kept - 1] !== day) days[kept++] = day;
  days.length = kept;
  return days;
}

/** The latest day of use from `start` on, as recorded (even after today), if any. */
function latestUse(useDays: readonly number[], start: number): number | undefined {
  let latest: number | undefined;
  for (const day of useDays) {
    if (day >= start && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}

/** Days in [from, today) without a use: today is not over yet, so it does not count. */
function soberDays(uses: readonly number[], from: number, today: number): number {
  if (today <= from) return 0;
  return today - from - (firstAtOrAfter(uses, today) - firstAtOrAfter(uses, from));
}

/** Index of the first element ≥ day in an ascending list (binary search). */
function firstAtOrAfter(sorted: readonly number[], day: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? day) < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The longest run: a past run ended by a use on day L counts L − its first day; the current run counts to today. */
function longestRun(uses: readonly number[], start: number, today: number): number {
  let runStart = start;
  let longest = 0;
  for (const use of uses) {
    longest = Math.max(longest, use - runStart);
    runStart = use + 1;
  }
  return Math.max(longest, today - runStart);
}

/** In currency units, exact to the cent: the product is taken in whole cents before the one division. */
function moneyNotSpent(dailyCostCents: number, soberDayCount: number): number {
  // Cents converted from a decimal amount can arrive as 28.999999999999996; round them to whole cents first.
  return (Math.round(dailyCostCents) * soberDayCount) / 100;
}
