/** Field schemas reused across features, with their limits defined once. */
import { z } from "zod";
import { isLocalDate } from "../dates/calendar.ts";
import { isTimeZone } from "../dates/zone.ts";

export const localDateSchema = z
  .string({ error: "Expected a date like 2026-03-28" })
  .refine(isLocalDate, { message: "Expected a real calendar date like 2026-03-28" });

export const timeZoneSchema = z
  .string({ error: "Expected a time zone name like America/New_York" })
  .max(64)
  .refine(isTimeZone, { message: "Unknown time zone; use a name like America/New_York" });

export const idSchema = z.uuid({ error: "Expected an id" });

/**
 * Trimmed text with a length limit in UTF-16 code units (an emoji can count as two): text over the limit is
 * refused, never cut, so nothing is split through a surrogate pair.
 */
export function shortText(max: number, name = "Text") {
  return z
    .string()
    .trim()
    .min(1, `${name} can't be empty`)
    .max(max, `${name} can be at most ${max} characters`);
}
