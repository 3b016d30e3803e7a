/**
 * The journal key and its wraps. One random AES-256 key encrypts every entry; the server stores it only
 * wrapped (AES-256-GCM, bound to the key id and the slot):
 * - by a key derived from the member's password with argon2id (hash-wasm, WebAssembly) under per-member
 *   parameters and salt; the device refuses parameters below JOURNAL_KDF_MINIMUM;
 * - by a key derived from each recovery code with HKDF-SHA-256: a code is 16 random characters (~79 bits), too
 *   many to guess even with a fast derivation, and each wrap has its own salt.
 * A password change or new recovery codes re-wrap the same key: no entry is re-encrypted.
 */
import { argon2id } from "hash-wasm";
import { normalizeRecoveryCode, recoveryCodeHashInput } from "../accounts/recovery-codes.ts";
import { fromBase64, randomBytes, toBase64, toHex, utf8 } from "./bytes.ts";
import { JournalCryptoError } from "./errors.ts";
import {
  JOURNAL_KDF_MAXIMUM,
  JOURNAL_KDF_MINIMUM,
  type JournalKeysDocument,
  type JournalKeysInput,
  type KdfParams,
  type KeyWrap,
  type RecoveryWrap,
} from "./schema.ts";
import type { JournalKey, KeyUsages } from "./webcrypto.ts";

/** What a new journal uses: the minimum the client accepts (about a second on a mid-range phone). */
export const JOURNAL_KDF_DEFAULT = {
  memoryKiB: JOURNAL_KDF_MINIMUM.memoryKiB,
  iterations: 3,
  parallelism: 1,
};
export type KdfSettings = typeof JOURNAL_KDF_DEFAULT;

const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const KEY_USES: KeyUsages = ["encrypt", "decrypt"];
const WRAP_USES: KeyUsages = ["wrapKey", "unwrapKey"];
const subtle = () => globalThis.crypto.subtle;

const WRONG_PASSWORD = "That password doesn't open your journal.";
const WRONG_CODE = "That recovery code doesn't open your journal.";

/** Why these KDF parameters are refused, or undefined when they are strong enough (and not absurd). */
export function kdfStrengthProblem(kdf: KdfParams): string | undefined {
  if (kdf.algorithm !== "argon2id") return "Only argon2id is accepted";
  if (kdf.memoryKiB < JOURNAL_KDF_MINIMUM.memoryKiB) return "argon2id memory is below 64 MiB";
  if (kdf.iterations < JOURNAL_KDF_MINIMUM.iterations) return "argon2id passes are below 3";
  if (kdf.memoryKiB > JOURNAL_KDF_MAXIMUM.memoryKiB || kdf.iterations > JOURNAL_KDF_MAXIMUM.iterations)
    return "argon2id parameters are larger than this device will spend";
  if (kdf.parallelism < 1 || kdf.parallelism > JOURNAL_KDF_MAXIMUM.parallelism) return "Unusual parallelism";
  if (decodedLength(kdf.salt) < SALT_BYTES) return "The salt is shorter than 16 bytes";
  return undefined;
}

/** Bytes in a base64 text, or 0 when it is not base64 (a served document is not trusted to be well formed). */
function decodedLength(text: string): number {
  try {
    return fromBase64(text).length;
  } catch {
    return 0;
  }
}

/** The id under which the server stores a recovery code (SHA-256 hex), computed on the device. */
export async function recoveryCodeId(code: string): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest("SHA-256", utf8(recoveryCodeHashInput(code)))));
}

// ── wrapping keys ──

async function passwordWrappingKey(password: string, kdf: KdfParams): Promise<JournalKey> {
  const problem = kdfStrengthProblem(kdf);
  if (problem) {
    throw new JournalCryptoError(
      "weak-kdf",
      "Your journal's settings look wrong, so it was not opened.",
      problem,
    );
  }
  const bytes = await argon2id({
    // The same password typed on keyboards that compose accents differently derives the same key.
    password: password.normalize("NFC"),
    salt: fromBase64(kdf.salt),
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: "binary",
  });
  return subtle().importKey("raw", bytes as Uint8Array<ArrayBuffer>, "AES-GCM", false, WRAP_USES);
}

async function recoveryWrappingKey(code: string, salt: Uint8Array<ArrayBuffer>): Promise<JournalKey> {
  const base = await subtle().importKey("raw", utf8(normalizeRecoveryCode(code)), "HKDF", false, [
    "deriveKey",
  ]);
  return subtle().deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: utf8("cairn-journal-recovery-wrap/v1") },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    WRAP_USES,
  );
}

const slotData = (keyId: string, slot: string) => utf8(`cairn-journal-key/v1\n${keyId}\n${slot}`);
const passwordSlot = "password";
const recoverySlot = (codeId: string) => `recovery:${codeId}`;

async function wrap(key: JournalKey, wrappingKey: JournalKey, keyId: string, slot: string): Promise<KeyWrap> {
  const nonce = randomBytes(NONCE_BYTES);
  const wrapped = await subtle().wrapKey("raw", key, wrappingKey, {
    name: "AES-GCM",
    iv: nonce,
    additionalData: slotData(keyId, slot),
  });
  return { nonce: toBase64(nonce), wrappedKey: toBase64(new Uint8Array(wrapped)) };
}

async function unwrap(
  keyWrap: KeyWrap,
  wrappingKey: JournalKey,
  keyId: string,
  slot: string,
  extractable: boolean,
  wrong: string,
): Promise<JournalKey> {
  try {
    return await subtle().unwrapKey(
      "raw",
      fromBase64(keyWrap.wrappedKey),
      wrappingKey,
      { name: "AES-GCM", iv: fromBase64(keyWrap.nonce), additionalData: slotData(keyId, slot) },
      { name: "AES-GCM", length: 256 },
      extractable,
      KEY_USES,
    );
  } catch {
    throw new JournalCryptoError("wrong-secret", wrong);
  }
}

async function passwordWrap(key: JournalKey, keyId: string, password: string, settings: KdfSettings) {
  const kdf: KdfParams = { algorithm: "argon2id", ...settings, salt: toBase64(randomBytes(SALT_BYTES)) };
  return {
    kdf,
    passwordWrap: await wrap(key, await passwordWrappingKey(password, kdf), keyId, passwordSlot),
  };
}

async function recoveryWraps(
  key: JournalKey,
  keyId: string,
  codes: readonly string[],
): Promise<RecoveryWrap[]> {
  return Promise.all(
    codes.map(async (code) => {
      const salt = randomBytes(SALT_BYTES);
      const codeId = await recoveryCodeId(code);
      const keyWrap = await wrap(key, await recoveryWrappingKey(code, salt), keyId, recoverySlot(codeId));
      return { codeId, salt: toBase64(salt), ...keyWrap };
    }),
  );
}

/** An extractable copy is needed only to wrap; the device keeps the non-extractable one. */
async function nonExtractable(key: JournalKey): Promise<JournalKey> {
  const raw = await subtle().exportKey("raw", key);
  return subtle().importKey("raw", raw, "AES-GCM", false, KEY_USES);
}

// ── what the device does ──

export interface NewJournal {
  /** PUT /journal/keys with this (version 1). */
  keys: JournalKeysInput;
  /** The journal key, non-extractable: keep it on the device (IndexedDB) until sign-out. */
  key: JournalKey;
}

/** Starts a journal: a new random key wrapped by the password and by each recovery code. */
export async function createJournalKeys(
  password: string,
  recoveryCodes: readonly string[],
  settings: KdfSettings = JOURNAL_KDF_DEFAULT,
): Promise<NewJournal> {
  const keyId = globalThis.crypto.randomUUID();
  const key = await subtle().generateKey({ name: "AES-GCM", length: 256 }, true, KEY_USES);
  const keys: JournalKeysInput = {
    keyId,
    version: 1,
    ...(await passwordWrap(key, keyId, password, settings)),
    recoveryWraps: await recoveryWraps(key, keyId, recoveryCodes),
  };
  return { keys, key: await nonExtractable(key) };
}

/** Opens the journal key with the password. Non-extractable unless a re-wrap needs it (internal). */
export async function unlockWithPassword(
  keys: JournalKeysDocument,
  password: string,
  extractable = false,
): Promise<JournalKey> {
  const wrappingKey = await passwordWrappingKey(password, keys.kdf);
  return unwrap(keys.passwordWrap, wrappingKey, keys.keyId, passwordSlot, extractable, WRONG_PASSWORD);
}

/** Opens the journal key with a recovery code (used or not for the account, as long as its wrap is kept). */
export async function unlockWithRecoveryCode(
  keys: JournalKeysDocument,
  code: string,
  extractable = false,
): Promise<JournalKey> {
  const codeId = await recoveryCodeId(code);
  const found = keys.recoveryWraps.find((w) => w.codeId === codeId);
  if (!found) {
    throw new JournalCryptoError(
      "no-recovery-wrap",
      "That recovery code doesn't open your journal (it may be from before your journal began or replaced since).",
    );
  }
  if (decodedLength(found.salt) === 0) throw new JournalCryptoError("wrong-secret", WRONG_CODE);
  const wrappingKey = await recoveryWrappingKey(code, fromBase64(found.salt));
  return unwrap(found, wrappingKey, keys.keyId, recoverySlot(codeId), extractable, WRONG_CODE);
}

/** After a password change: the same key under the new password (new salt); the recovery wraps stay. */
export async function rewrapForNewPassword(
  keys: JournalKeysDocument,
  currentPassword: string,
  newPassword: string,
  settings: KdfSettings = JOURNAL_KDF_DEFAULT,
): Promise<JournalKeysInput> {
  const key = await unlockWithPassword(keys, currentPassword, true);
  return {
    keyId: keys.keyId,
    version: keys.version + 1,
    ...(await passwordWrap(key, keys.keyId, newPassword, settings)),
    recoveryWraps: keys.recoveryWraps,
  };
}

/**
 * After the account was recovered with `usedCode` and a new password: opens the key with the code, wraps it
 * under the new password, and drops the used code's wrap (the other codes keep theirs).
 */
export async function rewrapAfterRecovery(
  keys: JournalKeysDocument,
  usedCode: string,
  newPassword: string,
  settings: KdfSettings = JOURNAL_KDF_DEFAULT,
): Promise<NewJournal> {
  const key = await unlockWithRecoveryCode(keys, usedCode, true);
  const usedId = await recoveryCodeId(usedCode);
  return {
    keys: {
      keyId: keys.keyId,
      version: keys.version + 1,
      ...(await passwordWrap(key, keys.keyId, newPassword, settings)),
      recoveryWraps: keys.recoveryWraps.filter((w) => w.codeId !== usedId),
    },
    key: await nonExtractable(key),
  };
}

/** After new recovery codes were made: the key wrapped under each new code, replacing every earlier code wrap. */
export async function rewrapForNewRecoveryCodes(
  keys: JournalKeysDocument,
  password: string,
  newCodes: readonly string[],
): Promise<JournalKeysInput> {
  const key = await unlockWithPassword(keys, password, true);
  return {
    keyId: keys.keyId,
    version: keys.version + 1,
    kdf: keys.kdf,
    passwordWrap: keys.passwordWrap,
    recoveryWraps: await recoveryWraps(key, keys.keyId, newCodes),
  };
}
