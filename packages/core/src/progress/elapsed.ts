/**
 * Time since a start moment, as whole days plus hours and minutes on the member's wall clock (case C03).
 *
 * `days` counts the daily anniversaries of the start time that have passed; hours and minutes are the real time
 * since the latest one, so both come from one basis: 23:20 yesterday to 09:00 today is 0 days 9 h 40 min, never
 * 1 day. Away from clock changes that is the calendar days between the dates, less one while today's time of
 * day is still before the start time. Across a clock change the hours stay real hours, so between two
 * anniversaries 25 hours apart they reach 24 for the last hour, and between two 23 hours apart they stop at 22.
 * An anniversary in a spring-forward gap falls just after the gap, so the count never goes backwards.
 */
import { addDays, daysBetween, type LocalDate } from "../dates/calendar.ts";
import { instantAt, localDateAt } from "../dates/zone.ts";

export interface Elapsed {
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function elapsedSince(
  startDate: LocalDate,
  startHour: number,
  startMinute: number,
  now: number,
  timeZone: string,
): Elapsed {
  const anniversary = (days: number) => instantAt(addDays(startDate, days), startHour, startMinute, timeZone);
  let days = daysBetween(startDate, localDateAt(now, timeZone));
  let anchor = anniversary(days);
  if (anchor > now) {
    days -= 1;
    anchor = anniversary(days);
  }
  if (days < 0) return { days: 0, hours: 0, minutes: 0 };
  const sinceAnchor = now - anchor;
  return {
    days,
    hours: Math.floor(sinceAnchor / HOUR_MS),
    minutes: Math.floor((sinceAnchor % HOUR_MS) / MINUTE_MS),
  };
}
