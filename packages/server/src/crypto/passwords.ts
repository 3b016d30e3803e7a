/**
 * Password hashing with argon2id at OWASP's minimum or above (19 MiB, 2 passes, 1 lane), and the check
 * against the 10,000 most common passwords.
 */
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// Algorithm.Argon2id is a const enum (value 2) that isolated modules cannot import.
const ARGON2ID = 2;
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return verify(stored, password);
}

/** A fixed hash checked when the username is unknown, so a wrong username costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function verifyAgainstDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword("decoy password that no account has");
  return decoyHash.then((h) => verify(h, password)).then(() => false);
}

// The list is ranked by frequency; the first 10,000 are the most common.
const COMMON = new Set((dictionary.passwords as string[]).slice(0, 10_000));

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase()) || COMMON.has(password);
}
