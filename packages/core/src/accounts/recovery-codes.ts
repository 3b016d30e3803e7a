/**
 * Recovery codes as the server stores them: SHA-256 of `recovery-code:` and the code reduced to its canonical
 * form. Shared so the journal on the device can name a code the same way (features/auth/recovery-codes.ts).
 */

/** What a person typed, reduced to the canonical form: lower case, no dashes or white space. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.replace(/[\s-]+/g, "").toLowerCase();
}

/** The text whose SHA-256 is stored for a code. */
export function recoveryCodeHashInput(typed: string): string {
  return `recovery-code:${normalizeRecoveryCode(typed)}`;
}
