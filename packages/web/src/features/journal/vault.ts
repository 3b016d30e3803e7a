/**
 * Every crypto step of the journal on this device, around core's journal functions: starting the journal,
 * opening it (with the password, or after an account recovery with a recovery code), re-wrapping its key when
 * the password or the recovery codes change, and locking and opening entries. The server sees only
 * ciphertext and wrapped keys. Loaded lazily (with argon2id's WebAssembly), never in the first screen.
 */
import {
  createJournalKeys,
  decryptEntry,
  ENTRY_TOO_LONG,
  encryptEntry,
  isJournalCryptoError,
  JOURNAL_LIMITS,
  type JournalEntry,
  type JournalEntryContent,
  type JournalEntryPayload,
  type JournalExportLabels,
  journalEntryContentSchema,
  journalTags,
  journalTextLength,
  journalToJson,
  journalToMarkdown,
  localDateTimeAt,
  rewrapAfterRecovery,
  rewrapForNewPassword,
  rewrapForNewRecoveryCodes,
  searchJournal,
  unlockWithPassword,
} from "@cairn/core";
import { api } from "../../api/endpoints.ts";
import { journalApi } from "../../api/journal.ts";
import { localizeCoreMessage } from "../../i18n/index.ts";
import { journalOpening } from "./account.ts";
import { type DeviceKey, keepDeviceKey, loadDeviceKey } from "./device.ts";
import type { OpenedEntry } from "./state.ts";

export type JournalAccess =
  | { status: "absent" }
  | { status: "locked"; codesWithoutWrap: number }
  | { status: "open"; key: DeviceKey; codesWithoutWrap: number };

export async function readAccess(memberId: string): Promise<JournalAccess> {
  await journalOpening();
  const keys = await journalApi.keys();
  if (!keys) return { status: "absent" };
  const codesWithoutWrap = keys.recoveryCodesWithoutWrap;
  const key = await loadDeviceKey(memberId);
  // A key from before the journal key changed (another device re-made it) no longer opens anything.
  if (!key || key.keyId !== keys.keyId) return { status: "locked", codesWithoutWrap };
  return { status: "open", key, codesWithoutWrap };
}

/**
 * Starts the journal: new recovery codes are made (the ones from sign-up were shown once and are not known
 * here), the journal key is made and wrapped by the password and by each new code, then kept on this device.
 * Returns the new codes, to be shown once.
 */
export async function startJournal(memberId: string, password: string): Promise<string[]> {
  const { recoveryCodes } = await api.renewRecoveryCodes({ currentPassword: password });
  try {
    const journal = await createJournalKeys(password, recoveryCodes);
    const saved = await journalApi.putKeys(journal.keys);
    await keepDeviceKey(memberId, { key: journal.key, keyId: saved.keys.keyId });
  } catch (cause) {
    // The old codes already stopped working: the new ones must still be shown, or the member has none.
    throw new JournalNotStarted(recoveryCodes, cause);
  }
  return recoveryCodes;
}

/** New recovery codes were made but the journal could not be started with them. */
export class JournalNotStarted extends Error {
  constructor(
    readonly recoveryCodes: string[],
    override readonly cause: unknown,
  ) {
    super("The journal could not be started");
  }
}

/** Opens the journal with the password typed; a wrong one throws core's `wrong-secret` error. */
export async function unlockJournal(memberId: string, password: string): Promise<void> {
  const keys = await journalApi.keys();
  if (!keys) return;
  const key = await unlockWithPassword(keys, password);
  await keepDeviceKey(memberId, { key, keyId: keys.keyId });
}

export function isWrongSecret(error: unknown): boolean {
  return isJournalCryptoError(error, "wrong-secret") || isJournalCryptoError(error, "no-recovery-wrap");
}

/**
 * Just recovered the account with a recovery code and a new password: the code opens the journal key, which
 * is wrapped under the new password (the used code's wrap is dropped) and kept on this device.
 */
export async function recoverJournal(memberId: string, code: string, newPassword: string): Promise<void> {
  const keys = await journalApi.keys();
  if (!keys) return;
  const journal = await rewrapAfterRecovery(keys, code, newPassword);
  await journalApi.putKeys(journal.keys);
  await keepDeviceKey(memberId, { key: journal.key, keyId: keys.keyId });
}

/**
 * Before a password change: the journal key re-wrapped under the new password, to be saved once the server
 * has taken the new password. Undefined when there is no journal; throws when the current password doesn't
 * open it.
 */
export async function prepareNewPassword(
  currentPassword: string,
  newPassword: string,
): Promise<(() => Promise<unknown>) | undefined> {
  const keys = await journalApi.keys();
  if (!keys) return undefined;
  const next = await rewrapForNewPassword(keys, currentPassword, newPassword);
  return () => journalApi.putKeys(next);
}

/** After new recovery codes were made: each new code opens the journal too (the old codes' wraps go). */
export async function wrapNewRecoveryCodes(password: string, codes: readonly string[]): Promise<void> {
  const keys = await journalApi.keys();
  if (!keys) return;
  await journalApi.putKeys(await rewrapForNewRecoveryCodes(keys, password, codes));
}

// ── entries ──

/** The newest version of each entry this page has seen: an older one from the server is a replay. */
const seenVersions = new Map<string, number>();

async function open(key: DeviceKey, payload: JournalEntryPayload): Promise<OpenedEntry> {
  try {
    const entry = await decryptEntry(key.key, payload, {
      id: payload.id,
      minVersion: seenVersions.get(payload.id),
    });
    seenVersions.set(entry.id, entry.version);
    return entry;
  } catch (error) {
    if (!isJournalCryptoError(error, "damaged")) throw error;
    const { id, version, createdAt, updatedAt } = payload;
    return { id, version, createdAt, updatedAt, content: null };
  }
}

export async function loadEntries(key: DeviceKey): Promise<OpenedEntry[]> {
  const payloads: JournalEntryPayload[] = [];
  let after: string | undefined;
  do {
    const page = await journalApi.entries(after);
    payloads.push(...page.entries);
    after = page.next ?? undefined;
  } while (after);
  return Promise.all(payloads.map((payload) => open(key, payload)));
}

export async function saveEntry(
  key: DeviceKey,
  entry: OpenedEntry | undefined,
  content: JournalEntryContent,
): Promise<OpenedEntry> {
  const id = entry?.id ?? globalThis.crypto.randomUUID();
  const version = entry ? entry.version + 1 : 1;
  const sealed = await encryptEntry(key.key, { id, version, keyId: key.keyId }, content);
  const { nonce, ciphertext, keyId } = sealed;
  const saved = entry
    ? await journalApi.update(id, { keyId, version, nonce, ciphertext })
    : await journalApi.create({ id, keyId, version: 1, nonce, ciphertext });
  seenVersions.set(id, saved.entry.version);
  return { ...saved.entry, content };
}

export async function deleteEntry(entry: OpenedEntry): Promise<void> {
  await journalApi.remove(entry.id);
  seenVersions.delete(entry.id);
}

/** Why the entry can't be saved as it is, beside which field; undefined when it can. */
export function entryProblem(content: JournalEntryContent): { field?: string; message: string } | undefined {
  if (journalTextLength(content) > JOURNAL_LIMITS.textMax) return { message: ENTRY_TOO_LONG };
  const result = journalEntryContentSchema.safeParse(content);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const field = issue?.path[0];
  const message = localizeCoreMessage(issue?.message ?? "");
  // Answers to a prompt have their own fields in the editor; the form puts those problems on the first one.
  return typeof field === "string" && field !== "prompt" ? { field, message } : { message };
}

// ── search and export, on the opened entries ──

function readable(entries: readonly OpenedEntry[]): JournalEntry[] {
  return entries.filter((entry): entry is JournalEntry => entry.content !== null);
}

/** Entries matching the words and tag, newest first; damaged ones are listed (last) only when not filtering. */
export function findEntries(entries: readonly OpenedEntry[], text: string, tag: string): OpenedEntry[] {
  const found: OpenedEntry[] = searchJournal(readable(entries), { text, tag: tag || undefined });
  const filtering = text.trim() !== "" || tag !== "";
  return filtering ? found : [...found, ...entries.filter((entry) => entry.content === null)];
}

export function allTags(entries: readonly OpenedEntry[]): string[] {
  return journalTags(readable(entries));
}

/** The journal as a file to download, named for the day it is in the member's own zone (not the device's). */
export function exportFile(
  entries: readonly OpenedEntry[],
  format: "markdown" | "json",
  options: { timeZone: string; now?: number; labels?: JournalExportLabels },
): { name: string; type: string; text: string } {
  const now = options.now ?? Date.now();
  const exportedAt = new Date(now).toISOString();
  // Read by a person: the member's own day and time, like the entries' own dates.
  const { date: day, hour, minute } = localDateTimeAt(now, options.timeZone);
  const shownAt = `${day} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return format === "json"
    ? {
        name: `cairn-journal-${day}.json`,
        type: "application/json",
        text: journalToJson(readable(entries), exportedAt),
      }
    : {
        name: `cairn-journal-${day}.md`,
        type: "text/markdown;charset=utf-8",
        text: journalToMarkdown(readable(entries), shownAt, options.labels),
      };
}
