/** A saved-at instant as the member reads it: in their language and their own time zone (not the device's). */
export function describeInstant(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}
