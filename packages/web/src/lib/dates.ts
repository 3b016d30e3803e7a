/**
 * Dates as the member means them, for display.
 *
 * A check-in day or a recovery start is a `YYYY-MM-DD` day on the member's own calendar, in the time zone
 * stored on their account, never the browser's. `new Date("YYYY-MM-DD")` would read it as midnight UTC and
 * show the day before anywhere west of Greenwich (case C05), so formatting places the civil date at UTC
 * midnight and formats it *in* UTC: the weekday, day, month and year come out exactly as stored, whatever
 * zone the device is in.
 *
 * `describeLocalDate` is the web's own copy until core exports one; keep the signature when switching.
 */
import { addDays, localDateAt, localDateTimeAt, parseLocalDate } from "@cairn/core";

export type DateStyle = "long" | "full" | "medium";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: style });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "20 December 2026" / "December 20, 2026" for `2026-12-20`, in the given locale, with no zone shift. */
export function describeLocalDate(date: string, locale: string, style: DateStyle = "long"): string {
  const civil = parseLocalDate(date);
  if (!civil) return date;
  const instant = new Date(0);
  // setUTCFullYear keeps years 0–99 as written (Date.UTC would map them to 1900–1999).
  instant.setUTCFullYear(civil.year, civil.month - 1, civil.day);
  return formatterFor(locale, style).format(instant);
}

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

/** Every IANA zone the browser knows, plus the ones given (the member's current zone, UTC), sorted. */
export function listTimeZones(...include: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set([...zones, "UTC", ...include.filter(Boolean)]);
  return [...all].sort((a, b) => a.localeCompare(b));
}
