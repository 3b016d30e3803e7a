/**
 * Milestones: 1, 7, 14, 30, 60, 90, 180 and 365 days, then every anniversary on the calendar from the second
 * year on. Anniversaries are calendar years, not multiples of 365 days, so "2 years" falls on the same month and
 * day it began; a run that began on 29 February has its anniversary on 28 February in common years.
 */
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  type LocalDate,
  parseLocalDate,
} from "../dates/calendar.ts";

export const DAY_MILESTONES = [1, 7, 14, 30, 60, 90, 180, 365] as const;

/** The first anniversary counted by the calendar; the first year is the 365-day milestone above. */
const FIRST_YEARLY = 2;

export interface Milestone {
  /** Days from the start of the run to `date`. */
  days: number;
  date: LocalDate;
}

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const civil = parseLocalDate(date);
  if (!civil) throw new RangeError(`Not a calendar date: ${date}`);
  const year = civil.year + years;
  return formatLocalDate({
    year,
    month: civil.month,
    day: Math.min(civil.day, daysInMonth(year, civil.month)),
  });
}

function anniversary(soberSince: LocalDate, years: number): Milestone {
  const date = addYears(soberSince, years);
  return { days: daysBetween(soberSince, date), date };
}

/** The first milestone strictly after `currentDays` for a run that began on `soberSince`. */
export function nextMilestone(soberSince: LocalDate, currentDays: number): Milestone {
  const days = DAY_MILESTONES.find((d) => d > currentDays);
  if (days !== undefined) return { days, date: addDays(soberSince, days) };
  // A year has at least 365 days, so this many years have not yet passed their count, give or take one.
  let years = Math.max(FIRST_YEARLY, Math.floor(currentDays / 366));
  let milestone = anniversary(soberSince, years);
  while (milestone.days <= currentDays) {
    years += 1;
    milestone = anniversary(soberSince, years);
  }
  return milestone;
}

/** The milestone reached today, if `currentDays` is exactly one (the screen celebrates it), else null. */
export function reachedMilestone(run: { soberSince: LocalDate; currentDays: number }): Milestone | null {
  if (run.currentDays < 1) return null;
  const candidate = nextMilestone(run.soberSince, run.currentDays - 1);
  return candidate.days === run.currentDays ? candidate : null;
}
