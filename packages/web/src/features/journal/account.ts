/**
 * The journal's part in account changes, for the sign-in, recovery and settings screens. Each loads the
 * journal's crypto only when it is needed, so those screens stay small.
 *
 * Opening the journal after sign-in or a recovery runs in the background (argon2id takes a second or so);
 * the journal screen waits for it (`journalOpening`) rather than asking for a password being used already.
 */
import { isJournalLocked } from "./device.ts";

const vault = () => import("./vault.ts");

let opening: Promise<unknown> = Promise.resolve();

export function journalOpening(): Promise<unknown> {
  return opening;
}

function inBackground(work: (v: Awaited<ReturnType<typeof vault>>) => Promise<unknown>): void {
  // A failure leaves the journal locked: the journal screen then asks for the password.
  opening = vault()
    .then(work)
    .catch(() => undefined);
}

/**
 * Signed in with the password: the journal opens on this device without asking again, until sign-out (unless
 * the member chose the journal lock here, which asks each time).
 */
export function openJournalAfterSignIn(memberId: string, password: string): void {
  if (isJournalLocked(memberId)) return;
  inBackground((v) => v.unlockJournal(memberId, password));
}

/** Recovered with a code and a new password: the code opens the journal, re-wrapped under the new password. */
export function openJournalAfterRecovery(memberId: string, code: string, newPassword: string): void {
  inBackground((v) => v.recoverJournal(memberId, code, newPassword));
}

/**
 * A password change with the journal re-wrapped: the new wrap is made first (the current password must open
 * the journal), the password changed, then the wrap saved. Nothing is re-encrypted. Resolves to false when the
 * password changed but the journal's key could not be re-wrapped.
 */
export async function changePasswordWithJournal(
  input: { currentPassword: string; newPassword: string },
  change: () => Promise<unknown>,
): Promise<boolean> {
  const v = await vault();
  const save = await v.prepareNewPassword(input.currentPassword, input.newPassword).catch(() => null);
  await change();
  if (save === undefined) return true;
  if (save === null) return false;
  return save().then(
    () => true,
    () => false,
  );
}

/** New recovery codes made: each opens the journal too. Resolves to false when that failed. */
export async function wrapJournalForNewCodes(password: string, codes: readonly string[]): Promise<boolean> {
  const v = await vault();
  return v.wrapNewRecoveryCodes(password, codes).then(
    () => true,
    () => false,
  );
}
