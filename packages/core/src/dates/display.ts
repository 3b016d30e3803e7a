/**
 * Showing a calendar date to a person. A `YYYY-MM-DD` date has no zone, so it is formatted as the UTC instant
 * of its midnight with a UTC formatter: the text is the same in every browser zone (case C05), where
 * `new Date("2024-10-01")` shown in America/Los_Angeles would read 30 September.
 */
import { isLocalDate, type LocalDate } from "./calendar.ts";
import { wallTimeAsUtc } from "./zone.ts";

export type DateStyle = "long" | "full" | "medium";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, dateStyle: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${dateStyle}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The date in words for `locale`: "October 1, 2024" in en-US, "1 de octubre de 2024" in es. Text that is not a
 * calendar date is returned as it is, so a screen shows what it was given rather than failing.
 */
export function describeLocalDate(date: LocalDate, locale: string, style: DateStyle = "long"): string {
  if (!isLocalDate(date)) return date;
  return formatterFor(locale, style).format(wallTimeAsUtc(date));
}

/** The `YYYY-MM` month a date belongs to, for grouping a chart by month without any zone arithmetic. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/**
 * Zones that browsers and Node (ICU/CLDR) still list under a spelling IANA has since replaced — often the
 * colonial or transliterated-from-Russian one, which a person from there may find jarring ("Kiev" for Kyiv).
 * The stored value stays what the runtime knows; only the name shown changes.
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** A zone as a person reads it: its current IANA name, with spaces for underscores ("Asia/Ho Chi Minh"). */
export function zoneDisplayName(zone: string): string {
  return (RENAMED_ZONES[zone] ?? zone).replaceAll("_", " ");
}
