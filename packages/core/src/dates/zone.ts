/**
 * Time zones: turning an instant into the member's local calendar date and wall-clock time, and back.
 *
 * Uses only `Intl.DateTimeFormat` with an IANA zone, so it runs the same in the browser and in Node and reads
 * no clock: every function takes the instant it works on (the clock is passed in, never read here).
 */
import { formatLocalDate, type LocalDate } from "./calendar.ts";

export type Clock = () => number;

export interface LocalDateTime {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const IANA_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** True for IANA zone names such as `America/New_York` or `UTC`; offsets like `+02:00` are refused. */
export function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    // Not cached: Intl accepts any casing of a name, so caching what strangers send could grow without bound.
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function localDateTimeAt(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    date: formatLocalDate({ year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0 }),
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The last answer of `localDateAt` per zone, with the UTC second it was computed for. */
const lastDateOf = new Map<string, { second: number; date: LocalDate }>();

/**
 * The member's calendar date at `instant` in their zone: what "today" means for them.
 *
 * The server asks this on most requests, and `formatToParts` is slow (several microseconds), so the last answer
 * per zone is kept for the rest of its UTC second. That is exact: zone offsets and their transitions are whole
 * seconds (the tz database and Intl count in seconds), so the local date cannot change within one UTC second.
 * The map holds one entry per zone, like the formatters above.
 */
export function localDateAt(instant: number, timeZone: string): LocalDate {
  const second = Math.floor(instant / 1000);
  const last = lastDateOf.get(timeZone);
  if (last !== undefined && last.second === second) return last.date;
  const date = localDateTimeAt(instant, timeZone).date;
  if (last !== undefined) {
    last.second = second;
    last.date = date;
  } else {
    lastDateOf.set(timeZone, { second, date });
  }
  return date;
}

/**
 * The instant at which a UTC clock shows `date` `hour:minute:second`. `Date.UTC` is not used because it reads
 * years 0–99 as 1900–1999.
 */
export function wallTimeAsUtc(date: LocalDate, hour = 0, minute = 0, second = 0): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d);
  return utc.setUTCHours(hour, minute, second);
}

/** Offset of the zone from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const local = localDateTimeAt(instant, timeZone);
  const asUtc = wallTimeAsUtc(local.date, local.hour, local.minute, local.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

// Offsets range from −12 h to +14 h, so the instant sought lies within this distance of the wall time read as
// UTC, and the offsets probed this far either side are those before and after any transition near it.
const PROBE_MS = 24 * 3_600_000;

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. A time skipped by a
 * spring-forward gap moves forward by the length of the gap (02:30 in a 02:00–03:00 gap becomes 03:30, as
 * Temporal's "compatible" choice does); a time repeated at a fall-back gives the earlier of its two instants.
 */
export function instantAt(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const wall = wallTimeAsUtc(date, hour, minute);
  // The offset at the wall time alone would give the later instant of an overlap in zones east of UTC.
  const candidates = [wall - PROBE_MS, wall, wall + PROBE_MS].map(
    (probe) => wall - zoneOffsetMinutes(probe, timeZone) * 60_000,
  );
  const showing = candidates.filter((t) => {
    const local = localDateTimeAt(t, timeZone);
    return local.date === date && local.hour === hour && local.minute === minute;
  });
  if (showing.length > 0) return Math.min(...showing);
  // In a gap: the earlier (smaller) offset keeps the wall-clock distance, which lands after the gap.
  return Math.max(...candidates);
}
