/**
 * Schedule expansion: which doses a schedule has on which local dates, and the instant each falls at in the
 * member's IANA zone. Dates are calendar dates (dates/calendar.ts) and the clock is passed in, so the answer
 * is the same on the server and in the browser and is exact across daylight-saving changes:
 *
 * - Spring forward: a dose time the clock skips (02:30 where 02:00 jumps to 03:00) happens after the gap by
 *   the same distance, at 03:30 — Temporal's "compatible" rule, as `instantAt` does. It is still the 02:30 dose.
 * - Fall back: a dose time the clock shows twice (01:30) happens ONCE, at the first of the two.
 * - Month ends: "monthly on day 31" falls on the month's last day in shorter months (30 April, 28 or 29 February).
 */
import { addDays, daysBetween, daysInMonth, type LocalDate, parseLocalDate } from "../dates/calendar.ts";
import { instantAt } from "../dates/zone.ts";
import { DOSE_STATUSES, type DoseLogInput, type DoseStatus, type Schedule, timeParts } from "./schema.ts";

/** A dose may be logged as taken up to this long before its time (a morning dose taken a little early). */
export const TAKE_EARLY_MS = 2 * 3_600_000;

export interface ScheduledDose {
  date: LocalDate;
  time: string;
  /** Epoch milliseconds. */
  at: number;
}

function withinBounds(schedule: Schedule, date: LocalDate): boolean {
  return date >= schedule.startDate && (!schedule.endDate || date <= schedule.endDate);
}

/** The day of the month a monthly schedule falls on in that date's month: day 29–31 clamps to the last day. */
export function monthlyDayIn(day: number, date: LocalDate): number {
  const civil = parseLocalDate(date);
  if (!civil) throw new RangeError(`Not a calendar date: ${date}`);
  return Math.min(day, daysInMonth(civil.year, civil.month));
}

/** The schedule's dose times on a local date, earliest first ([] on a day without doses). */
export function timesOn(schedule: Schedule, date: LocalDate): string[] {
  if (!withinBounds(schedule, date)) return [];
  switch (schedule.kind) {
    case "daily":
      return [...schedule.times].sort();
    case "interval": {
      const step = schedule.unit === "weeks" ? schedule.every * 7 : schedule.every;
      return daysBetween(schedule.startDate, date) % step === 0 ? [schedule.time] : [];
    }
    case "monthly":
      return Number(date.slice(8, 10)) === monthlyDayIn(schedule.day, date) ? [schedule.time] : [];
  }
}

/** The instant a local date and "HH:MM" fall at in `timeZone` (see the daylight-saving rules above). */
export function doseInstant(date: LocalDate, time: string, timeZone: string): number {
  const { hour, minute } = timeParts(time);
  return instantAt(date, hour, minute, timeZone);
}

/** Every scheduled dose from `from` to `to` (inclusive local dates), in time order. */
export function scheduledDoses(
  schedule: Schedule,
  from: LocalDate,
  to: LocalDate,
  timeZone: string,
): ScheduledDose[] {
  const doses: ScheduledDose[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const time of timesOn(schedule, date)) {
      doses.push({ date, time, at: doseInstant(date, time, timeZone) });
    }
  }
  return doses;
}

/** The first moment a dose due at `at` may be logged as `status`: taken up to TAKE_EARLY_MS early, late or missed not before its time. */
export function doseLogOpensAt(at: number, status: DoseStatus): number {
  return status === "taken" ? at - TAKE_EARLY_MS : at;
}

/** The answers a dose due at `at` may be given at `now` (the app offers only these; the server refuses the rest). */
export function doseStatusesOpen(at: number, now: number): DoseStatus[] {
  return DOSE_STATUSES.filter((status) => now >= doseLogOpensAt(at, status));
}

/**
 * Why a dose log is refused, or undefined when it may be saved: the date and time must be one of the
 * schedule's doses, and its time must have come (`doseLogOpensAt`).
 */
export function doseLogProblem(
  schedule: Schedule,
  log: DoseLogInput,
  now: number,
  timeZone: string,
): { field: "date" | "time"; message: string } | undefined {
  if (!timesOn(schedule, log.date).includes(log.time)) {
    return { field: "time", message: "That isn't one of this medication's dose times on that day" };
  }
  if (now < doseLogOpensAt(doseInstant(log.date, log.time, timeZone), log.status))
    return { field: "time", message: "This dose's time hasn't come yet" };
  return undefined;
}
