/**
 * Entry encryption: AES-256-GCM under the journal key, with the key id, the entry's id and its version as
 * additional data. The server keeps only the result, and cannot pass one entry off as another (the id is
 * bound in), nor an older version as the one the device last saw (the version is bound in, and the device
 * says which version it expects at least).
 */
import { fromBase64, randomBytes, toBase64, utf8 } from "./bytes.ts";
import { JournalCryptoError } from "./errors.ts";
import {
  ENTRY_TOO_LONG,
  JOURNAL_LIMITS,
  type JournalEntryContent,
  type JournalEntryPayload,
  journalEntryContentSchema,
  journalTextLength,
} from "./schema.ts";
import type { JournalKey } from "./webcrypto.ts";

/** Where an encrypted entry belongs: the additional data its ciphertext is bound to. */
export interface EntrySlot {
  id: string;
  version: number;
  keyId: string;
}

/** What the device sends (POST or PUT): the slot plus nonce and ciphertext. */
export interface SealedEntry extends EntrySlot {
  nonce: string;
  ciphertext: string;
}

/** An entry opened on the device. */
export interface JournalEntry {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  content: JournalEntryContent;
}

/** What the device knows independently of the server's answer, checked before anything is shown. */
export interface EntryExpectation {
  /** The id the device asked for. */
  id?: string;
  /** The latest version this device has seen of the entry: an older one is a replay. */
  minVersion?: number;
}

const NONCE_BYTES = 12;
const DAMAGED = "This entry can't be opened: it is damaged or was changed outside Cairn.";

function additionalData(slot: EntrySlot): Uint8Array<ArrayBuffer> {
  return utf8(`cairn-journal-entry/v1\n${slot.keyId}\n${slot.id}\n${slot.version}`);
}

/** The entry as UTF-8 JSON, padded with spaces (which JSON ignores) to a multiple of `paddingBytes`. */
function plaintextOf(content: JournalEntryContent): Uint8Array<ArrayBuffer> {
  const json = utf8(JSON.stringify(content));
  const padded = new Uint8Array(
    Math.ceil(json.length / JOURNAL_LIMITS.paddingBytes) * JOURNAL_LIMITS.paddingBytes,
  );
  padded.fill(0x20);
  padded.set(json);
  return padded;
}

/**
 * Encrypts one version of an entry. Refuses (too-large, with words for the member) an entry over the limit
 * rather than cutting it, and (invalid-content) one the entry schema refuses.
 */
export async function encryptEntry(
  key: JournalKey,
  slot: EntrySlot,
  content: JournalEntryContent,
): Promise<SealedEntry> {
  if (journalTextLength(content) > JOURNAL_LIMITS.textMax) {
    throw new JournalCryptoError("too-large", ENTRY_TOO_LONG);
  }
  const parsed = journalEntryContentSchema.safeParse(content);
  if (!parsed.success) {
    throw new JournalCryptoError("invalid-content", "This entry needs another look before it can be saved.");
  }
  const plaintext = plaintextOf(parsed.data);
  if (plaintext.length > JOURNAL_LIMITS.plaintextBytesMax) {
    throw new JournalCryptoError("too-large", ENTRY_TOO_LONG);
  }
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: additionalData(slot) },
    key,
    plaintext,
  );
  return { ...slot, nonce: toBase64(nonce), ciphertext: toBase64(new Uint8Array(ciphertext)) };
}

/**
 * Opens an entry from the server. Throws `damaged` when it fails authentication (wrong key, tampered bytes,
 * another entry's ciphertext, another version's) or is older than the device expects; never returns garbage.
 */
export async function decryptEntry(
  key: JournalKey,
  payload: JournalEntryPayload,
  expected: EntryExpectation = {},
): Promise<JournalEntry> {
  if (expected.id !== undefined && payload.id !== expected.id) {
    throw new JournalCryptoError("damaged", DAMAGED, "another entry's id");
  }
  if (expected.minVersion !== undefined && payload.version < expected.minVersion) {
    throw new JournalCryptoError("damaged", DAMAGED, "an older version than this device has seen");
  }
  let plaintext: ArrayBuffer;
  try {
    plaintext = await globalThis.crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64(payload.nonce), additionalData: additionalData(payload) },
      key,
      fromBase64(payload.ciphertext),
    );
  } catch {
    throw new JournalCryptoError("damaged", DAMAGED, "authentication failed");
  }
  const content = journalEntryContentSchema.safeParse(parseJson(plaintext));
  if (!content.success) throw new JournalCryptoError("damaged", DAMAGED, "not an entry");
  return {
    id: payload.id,
    version: payload.version,
    createdAt: payload.createdAt,
    updatedAt: payload.updatedAt,
    content: content.data,
  };
}

function parseJson(bytes: ArrayBuffer): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
