/**
 * Why the journal could not be opened or saved, as a code the web app turns into words. Every failure of
 * authentication is one of these, never garbage text: the device shows "damaged" instead of a wrong entry.
 */
export type JournalCryptoErrorCode =
  /** The password or recovery code does not open the journal key. */
  | "wrong-secret"
  /** This recovery code has no wrap in the keys document (used, replaced, or made before the journal). */
  | "no-recovery-wrap"
  /** The server offered KDF parameters below the minimum (or above the maximum): refused, nothing derived. */
  | "weak-kdf"
  /** The entry fails authentication: wrong key, tampered, swapped with another entry, or an older version. */
  | "damaged"
  /** The entry is over the size limit; it is not encrypted (the text stays in the editor). */
  | "too-large"
  /** The entry does not match the entry schema (a bug in the caller: the form should have refused it). */
  | "invalid-content";

export class JournalCryptoError extends Error {
  override readonly name = "JournalCryptoError";
  constructor(
    readonly code: JournalCryptoErrorCode,
    message: string,
    /** For tests and debugging only (never logged with text): which check failed. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function isJournalCryptoError(
  error: unknown,
  code?: JournalCryptoErrorCode,
): error is JournalCryptoError {
  return error instanceof JournalCryptoError && (code === undefined || error.code === code);
}
