/**
 * Recovery codes: ten per member, shown once at sign-up, each good for one password reset.
 *
 * Format: 16 characters from a 31-letter alphabet without look-alikes (no 0/o, 1/l/i), shown as
 * `xxxx-xxxx-xxxx-xxxx`: log2(31) × 16 ≈ 79 bits each, so a plain SHA-256 is enough to store them (unlike
 * passwords, they cannot be guessed from a dictionary). They are accepted back in any case, with or without
 * dashes and spaces.
 */
import { randomInt } from "node:crypto";
import { recoveryCodeHashInput } from "@cairn/core";
import { hashToken } from "../../crypto/tokens.ts";

export const RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 4;

export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    // randomInt is uniform (no modulo bias).
    for (let i = 0; i < GROUP_LENGTH; i++)
      group += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** The same hash names a code's journal key wrap, computed on the device (core's `recoveryCodeId`). */
export function hashRecoveryCode(typed: string): string {
  return hashToken(recoveryCodeHashInput(typed));
}
