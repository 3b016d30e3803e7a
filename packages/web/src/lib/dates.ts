/**
 * Dates as the member means them.
 *
 * A check-in day or a recovery start is a `YYYY-MM-DD` day on the member's own calendar, in the time zone
 * stored on their account, never the browser's. For display use core's `describeLocalDate` (re-exported here),
 * which never passes the date through `new Date("YYYY-MM-DD")` (midnight UTC, the day before in the Americas:
 * case C05). "Today" is computed in the member's stored zone.
 */
import { addDays, localDateAt, localDateTimeAt, zoneDisplayName } from "@cairn/core";

export { type DateStyle, describeLocalDate } from "@cairn/core";

/** The member's today: the calendar date now in their stored zone. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return localDateAt(now, timeZone);
}

export function yesterdayIn(timeZone: string, now: number = Date.now()): string {
  return addDays(todayIn(timeZone, now), -1);
}

/** The hour (0–23) on the member's wall clock. */
export function hourIn(timeZone: string, now: number = Date.now()): number {
  return localDateTimeAt(now, timeZone).hour;
}

/** The zone the device says it is in, or UTC when it won't say. */
export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every IANA zone the browser knows, plus the ones given (the member's current zone, UTC), sorted by the name shown. */
export function listTimeZones(...include: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set([...zones, "UTC", ...include.filter(Boolean)]);
  return [...all].sort((a, b) => zoneDisplayName(a).localeCompare(zoneDisplayName(b)));
}
