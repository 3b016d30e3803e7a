import { hash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: session tokens and recovery codes are never guessable. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Tokens are stored only as their SHA-256, so a copy of the database signs nobody in. Every signed-in request
 * hashes its cookie: the one-shot `crypto.hash` costs less than half of createHash().update().digest().
 */
export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}
