import type { JournalEntryPayload, JournalKeys } from "@cairn/core";
import type { EntryRow, StoredKeys } from "./journal.repository.ts";

/** An entry as stored: ciphertext and what the device needs to check and open it; never its owner. */
export function presentEntry(row: EntryRow): JournalEntryPayload {
  return {
    id: row.id,
    keyId: row.key_id,
    version: row.version,
    nonce: row.nonce,
    ciphertext: row.ciphertext,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentKeys({ row, wraps, codesWithoutWrap }: StoredKeys): JournalKeys {
  return {
    keyId: row.key_id,
    version: row.version,
    kdf: {
      algorithm: "argon2id",
      memoryKiB: row.kdf_memory_kib,
      iterations: row.kdf_iterations,
      parallelism: row.kdf_parallelism,
      salt: row.kdf_salt,
    },
    passwordWrap: { nonce: row.password_wrap_nonce, wrappedKey: row.password_wrapped_key },
    recoveryWraps: wraps.map((w) => ({
      codeId: w.code_hash,
      salt: w.salt,
      nonce: w.nonce,
      wrappedKey: w.wrapped_key,
    })),
    updatedAt: row.updated_at,
    recoveryCodesWithoutWrap: codesWithoutWrap,
  };
}
