/**
 * Invite codes people can read aloud and type on a phone: 12 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, no U), shown as `XXXX-XXXX-XXXX`. 31^12 ≈ 2^59 codes, so guessing one by trying is hopeless;
 * only the SHA-256 of the normalised code is stored. Typed codes are compared without case, spaces or dashes.
 */
import { randomInt } from "node:crypto";
import { hashToken } from "../../crypto/tokens.ts";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;
const GROUP = 4;

export function generateInviteCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return (code.match(new RegExp(`.{1,${GROUP}}`, "g")) ?? []).join("-");
}

/** Upper case without separators; a code from a pasted link (`…/join/<code>`) keeps only its last part. */
export function normalizeInviteCode(typed: string): string {
  const last = typed.trim().split("/").filter(Boolean).at(-1) ?? "";
  return last.toUpperCase().replace(/[\s-]+/g, "");
}

export function hashInviteCode(typed: string): string {
  return hashToken(`team-invite:${normalizeInviteCode(typed)}`);
}
