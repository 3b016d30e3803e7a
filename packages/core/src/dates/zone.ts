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
    formatterFor(name);
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

/** The member's calendar date at `instant` in their zone: what "today" means for them. */
export function localDateAt(instant: number, timeZone: string): LocalDate {
  return localDateTimeAt(instant, timeZone).date;
}

/** Offset of the zone from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const local = localDateTimeAt(instant, timeZone);
  const [y, m, d] = local.date.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, local.hour, local.minute, local.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. A time skipped by a
 * spring-forward gap resolves to the instant just after the gap; an ambiguous fall-back time to the earlier
 * of the two instants.
 */
export function instantAt(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(y, m - 1, d, hour, minute);
  const first = wallAsUtc - zoneOffsetMinutes(wallAsUtc, timeZone) * 60_000;
  const second = wallAsUtc - zoneOffsetMinutes(first, timeZone) * 60_000;
  const candidates = [first, second].filter((t) => {
    const local = localDateTimeAt(t, timeZone);
    return local.date === date && local.hour === hour && local.minute === minute;
  });
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: keep the wall-clock distance from the earlier offset, which lands just after the gap.
  return Math.max(first, second);
}
