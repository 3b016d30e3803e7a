/**
 * What the journal keeps on this device, and forgetting it at sign-out.
 *
 * - The journal key, unwrapped, as a NON-EXTRACTABLE CryptoKey in IndexedDB (per member), so the journal opens
 *   without the password until sign-out. Script on the page can use it but never read its bytes; IndexedDB is
 *   the one browser store that keeps a CryptoKey as such (structured clone), without ever exporting it.
 * - With the journal lock on, the key is kept in this page's memory only and asked for again after a reload.
 * - Drafts, which are plaintext, live in sessionStorage: they survive a reload of the tab, go when the tab is
 *   closed, and are removed when the entry is saved and at sign-out.
 *
 * Kept free of the crypto code, so the sign-out path (in the first screen's bundle) stays small.
 */

const DB_NAME = "cairn-journal";
const STORE = "keys";
const DRAFT_PREFIX = "cairn.journal.draft.";
const LOCK_PREFIX = "cairn.journal.lock.";

export interface DeviceKey {
  key: CryptoKey;
  keyId: string;
}

let inMemory: { memberId: string; deviceKey: DeviceKey } | undefined;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export function isJournalLocked(memberId: string): boolean {
  return globalThis.localStorage?.getItem(LOCK_PREFIX + memberId) === "1";
}

/** The lock is a choice for this device; turning it on forgets the stored key at once. */
export async function setJournalLocked(memberId: string, locked: boolean): Promise<void> {
  if (locked) {
    localStorage.setItem(LOCK_PREFIX + memberId, "1");
    await lockJournalNow(memberId);
  } else {
    localStorage.removeItem(LOCK_PREFIX + memberId);
  }
}

/** Keeps the opened key: in IndexedDB, or only in memory when the journal lock is on. */
export async function keepDeviceKey(memberId: string, deviceKey: DeviceKey): Promise<void> {
  if (deviceKey.key.extractable) throw new Error("The journal key must be non-extractable");
  inMemory = { memberId, deviceKey };
  if (!isJournalLocked(memberId)) await withStore("readwrite", (store) => store.put(deviceKey, memberId));
}

export async function loadDeviceKey(memberId: string): Promise<DeviceKey | undefined> {
  if (inMemory?.memberId === memberId) return inMemory.deviceKey;
  if (isJournalLocked(memberId)) return undefined;
  const stored = await withStore<DeviceKey | undefined>("readonly", (store) => store.get(memberId));
  if (stored) inMemory = { memberId, deviceKey: stored };
  return stored;
}

/** With the journal lock on, leaving the journal forgets the key kept in memory: opening it asks again. */
export function leaveJournal(memberId: string): void {
  if (isJournalLocked(memberId) && inMemory?.memberId === memberId) inMemory = undefined;
}

export async function lockJournalNow(memberId: string): Promise<void> {
  inMemory = undefined;
  await withStore("readwrite", (store) => store.delete(memberId));
}

export function draftKey(memberId: string, entry: string): string {
  return `${DRAFT_PREFIX}${memberId}.${entry}`;
}

export function readDraft<T>(key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only loses the draft's reload safety; the text stays in the editor.
  }
}

export function removeDraft(key: string): void {
  sessionStorage.removeItem(key);
}

/** Sign-out (or a lost session): every journal key and draft on this device goes. */
export async function forgetJournalOnDevice(): Promise<void> {
  inMemory = undefined;
  const storage = globalThis.sessionStorage;
  if (storage) {
    for (const key of Object.keys(storage)) if (key.startsWith(DRAFT_PREFIX)) storage.removeItem(key);
  }
  if (globalThis.indexedDB) await withStore("readwrite", (store) => store.clear());
}
