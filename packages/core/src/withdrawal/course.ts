/**
 * The arithmetic of the withdrawal tracker: a check's total, its local date, and the course per day that the
 * chart and its table show. Pure: the clock and zone are passed in.
 */
import { daysBetween, type LocalDate } from "../dates/calendar.ts";
import { localDateAt } from "../dates/zone.ts";
import { WITHDRAWAL_SYMPTOMS, type WithdrawalRatings } from "./schema.ts";

/** The sum of the twelve ratings: 0 to 48. */
export function withdrawalTotal(ratings: WithdrawalRatings): number {
  let total = 0;
  for (const symptom of WITHDRAWAL_SYMPTOMS) total += ratings[symptom];
  return total;
}

/**
 * The date a check belongs to: the member's calendar day in their zone at the moment it was stored. The server
 * stamps it once, so a later change of zone never moves an old check to another day.
 */
export function withdrawalCheckDate(takenAtMs: number, timeZone: string): LocalDate {
  return localDateAt(takenAtMs, timeZone);
}

/** What the course needs of a check. */
export interface DatedTotal {
  date: LocalDate;
  takenAt: string;
  total: number;
}

export interface WithdrawalDay {
  date: LocalDate;
  /** Day 1 is the day of the first check shown. */
  dayNumber: number;
  checks: number;
  highest: number;
  lowest: number;
  /** The total of the day's last check. */
  latest: number;
}

/** The checks grouped by their local date, oldest day first; a day with no check has no entry. */
export function withdrawalCourse(checks: readonly DatedTotal[]): WithdrawalDay[] {
  const sorted = [...checks].sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.takenAt < b.takenAt
        ? -1
        : a.takenAt > b.takenAt
          ? 1
          : 0,
  );
  const first = sorted[0];
  if (!first) return [];
  const days: WithdrawalDay[] = [];
  for (const check of sorted) {
    const day = days.at(-1);
    if (day?.date === check.date) {
      day.checks += 1;
      day.highest = Math.max(day.highest, check.total);
      day.lowest = Math.min(day.lowest, check.total);
      day.latest = check.total;
    } else {
      days.push({
        date: check.date,
        dayNumber: daysBetween(first.date, check.date) + 1,
        checks: 1,
        highest: check.total,
        lowest: check.total,
        latest: check.total,
      });
    }
  }
  return days;
}
