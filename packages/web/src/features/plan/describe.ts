/** A saved-at instant as the member reads it, in their language and on this device's clock. */
export function describeInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
