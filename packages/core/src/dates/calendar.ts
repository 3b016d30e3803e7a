/**
 * Calendar dates as the member means them: `YYYY-MM-DD` strings, never `Date` objects.
 *
 * A recovery start or a check-in day is a day on the member's own calendar, not an instant. Passing such a
 * string through `new Date("YYYY-MM-DD")` reads it as midnight UTC and shows the previous day west of
 * Greenwich (case C05); dividing milliseconds by 86 400 000 miscounts across 23- and 25-hour days (case C01).
 * So every day count here is integer arithmetic on a proleptic Gregorian day number (Hinnant's algorithm).
 */

export type LocalDate = string;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Parsing is on the hot path of every progress read (a year of check-ins is 365 dates), so it reads the ten
// characters with charCodeAt instead of a regular expression, in small-integer arithmetic, and allocates
// nothing. Same rule as /^(\d{4})-(\d{2})-(\d{2})$/ followed by a calendar check: exactly ten characters,
// ASCII digits only.
const ZERO = 48;
const DASH = 45;
const INVALID = -1;

/** The parts of a real `YYYY-MM-DD` date packed as year·10000 + month·100 + day, or INVALID. */
function packedDate(text: string): number {
  return text.length === 10 ? packedDateAt(text, 0) : INVALID;
}

/** Like packedDate, for the ten characters of `text` from `at` (which the caller knows exist). */
function packedDateAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== DASH || text.charCodeAt(at + 7) !== DASH) return INVALID;
  const y0 = text.charCodeAt(at) - ZERO;
  const y1 = text.charCodeAt(at + 1) - ZERO;
  const y2 = text.charCodeAt(at + 2) - ZERO;
  const y3 = text.charCodeAt(at + 3) - ZERO;
  const m0 = text.charCodeAt(at + 5) - ZERO;
  const m1 = text.charCodeAt(at + 6) - ZERO;
  const d0 = text.charCodeAt(at + 8) - ZERO;
  const d1 = text.charCodeAt(at + 9) - ZERO;
  // `>>> 0` turns a negative difference into a huge number: one comparison per character checks 0–9.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return INVALID;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return INVALID;
  return year * 10000 + month * 100 + day;
}

function packedToDayNumber(packed: number): number {
  return civilToDayNumber((packed / 10000) | 0, ((packed / 100) | 0) % 100, packed % 100);
}

/** Parses `YYYY-MM-DD`; undefined when the text is not a real calendar date (2026-02-30, 2025-02-29). */
export function parseLocalDate(text: string): CivilDate | undefined {
  const packed = packedDate(text);
  if (packed === INVALID) return undefined;
  return { year: (packed / 10000) | 0, month: ((packed / 100) | 0) % 100, day: packed % 100 };
}

export function isLocalDate(text: string): boolean {
  return packedDate(text) !== INVALID;
}

function pad2(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : String(n).padStart(2, "0");
}

export function formatLocalDate({ year, month, day }: CivilDate): LocalDate {
  const y = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, "0");
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 for a civil date (negative before it). */
export function toDayNumber(date: LocalDate): number {
  const packed = packedDate(date);
  if (packed === INVALID) throw new RangeError(`Not a calendar date: ${date}`);
  return packedToDayNumber(packed);
}

/**
 * Day numbers of a list of dates joined by one separator character (`"2026-02-23,2026-02-24"`, what
 * `string_agg(date, ',')` returns), in list order; [] for "". Reads the text in place: a year of check-ins
 * becomes 365 numbers without 365 intermediate strings. Throws RangeError, like toDayNumber, for any item
 * that is not a real `YYYY-MM-DD` date.
 */
export function dayNumbersOfList(joined: string, separator = ","): number[] {
  if (joined === "") return [];
  const sep = separator.charCodeAt(0);
  // Well formed, the text is n dates of 10 characters and n − 1 separators.
  const count = (joined.length + 1) / 11;
  const days = new Array<number>(Number.isInteger(count) ? count : 0);
  let at = 0;
  for (let i = 0; i < days.length; i++, at += 11) {
    const packed = packedDateAt(joined, at);
    if (packed === INVALID || (at + 10 < joined.length && joined.charCodeAt(at + 10) !== sep)) break;
    days[i] = packedToDayNumber(packed);
  }
  if (at < joined.length || days.length === 0) {
    // Not the expected shape somewhere: split, so that the error names the offending item.
    return joined.split(separator).map(toDayNumber);
  }
  return days;
}

function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatLocalDate({ year, month, day });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (to − from): 2026-02-23 → 2026-02-24 is 1. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO-8601 weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  // Zero-padded ISO dates sort as text.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}
