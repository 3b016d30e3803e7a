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
 * Characters that are never typed on purpose but can hide or disguise text: C0 controls other than tab and line
 * break, DEL, and the bidirectional overrides and isolates that make a message display in another order than it
 * reads ("Trojan Source"). Right-to-left writing itself needs none of them. Also half of a surrogate pair on its
 * own: no character at all, and it would not survive encryption (UTF-8) as it was sent.
 */
const HIDDEN_CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasHiddenControls(text: string): boolean {
  return HIDDEN_CONTROLS.test(text);
}

export const HIDDEN_CONTROLS_MESSAGE = "Remove the hidden control characters from this text";

/**
 * What draws nothing on its own: spaces, invisible format characters (zero-width space and joiners, word
 * joiner, soft hyphen, BOM, tags), combining marks and variation selectors without a letter to sit on, and the
 * "filler" letters that render blank (Hangul fillers, the blank Braille pattern).
 */
const BLANK = /[\s\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a person would see anything: a "message" of zero-width spaces is empty. */
export function hasVisibleText(text: string): boolean {
  return text.replace(BLANK, "").length > 0;
}

/**
 * Trimmed text with a length limit in UTF-16 code units (an emoji can count as two): text over the limit is
 * refused, never cut, so nothing is split through a surrogate pair.
 */
export function shortText(max: number, name = "Text") {
  return z
    .string()
    .trim()
    .min(1, `${name} can't be empty`)
    .max(max, `${name} can be at most ${max} characters`)
    .refine(hasVisibleText, `${name} can't be empty`)
    .refine((text) => !hasHiddenControls(text), HIDDEN_CONTROLS_MESSAGE);
}

/** A free note (may be empty, keeps its line breaks): a limit in UTF-16 code units and no hidden controls. */
export function noteText(max: number) {
  return z
    .string()
    .max(max, `A note can be at most ${max} characters`)
    .refine((text) => !hasHiddenControls(text), HIDDEN_CONTROLS_MESSAGE);
}

/**
 * A phone number as a person writes it ("+1 (555) 010-2030", "988"): digits with spaces, dots, dashes,
 * brackets and one leading plus; 3 to 15 digits (E.164's maximum), so short lines like 988 fit.
 */
export const phoneSchema = z
  .string({ error: "Expected a phone number like +1 555 010 2030" })
  .trim()
  .max(32, "A phone number can be at most 32 characters")
  .regex(/^\+?[\d\s().-]+$/, "Use digits, spaces, brackets, dots, dashes and one leading +")
  .refine((phone) => {
    const digits = phone.replace(/\D/g, "").length;
    return digits >= 3 && digits <= 15;
  }, "A phone number has 3 to 15 digits");

/**
 * The `tel:`/`sms:` form of a validated phone number or a resources file's line: without the spaces, dots,
 * dashes and brackets written for the eye (a member's number keeps its one leading plus; a line may have * or #).
 */
export function dialablePhone(phone: string): string {
  return phone.replace(/[^\d+*#]/g, "");
}
